// Where each column type's items come from, as one account. A source is made fresh for
// each (re)load and remembers its own position: masto paginators follow the server's
// `Link` headers, which is the only correct way for bookmarks and favourites (their pages
// are keyed by bookmark/favourite ids, not status ids). Trending pages by offset; a thread
// is one request.

import type { mastodon } from 'masto'
import type { ColumnSpec } from './column-spec'
import { classifyApiError } from '@/api/errors'
import { findAccount } from '@/api/account-lookup'
import { hostOfAccountKey } from '@/api/account-key'
import { groupedViewFromNotification, viewFromNotification, viewsFromGrouped, type NotificationView } from './notification-view'
import { trendingStatuses } from '@/api/trends'

export const COLUMN_PAGE_SIZE = 20

export type FeedItem =
  | { readonly kind: 'status'; readonly id: string; readonly status: mastodon.v1.Status }
  | { readonly kind: 'notification'; readonly id: string; readonly notification: NotificationView }
  | { readonly kind: 'conversation'; readonly id: string; readonly conversation: mastodon.v1.Conversation }
  /**
   * Statuses (or notifications) may be missing here: older than `maxId`, newer than `sinceId`
   * (ids in the server's timeline, passed back to it as they are).
   */
  | { readonly kind: 'gap'; readonly id: string; readonly maxId: string; readonly sinceId: string }

export interface FeedPage {
  readonly items: readonly FeedItem[]
  /** Nothing more after this page. */
  readonly done: boolean
  /** The newest id of this page in the timeline's own ids (notification ids for mentions). */
  readonly newest?: string | null
}

export interface FeedSource {
  /** The next (older) page, fetched with the given client (always the column's account's). */
  next(client: mastodon.rest.Client): Promise<FeedPage>
}

type Pages<T> = AsyncIterator<T, unknown>
type PaginatorLike<T> = { values(): Pages<T> } | { [Symbol.asyncIterator](): Pages<T> }

function iterate<T>(paginator: PaginatorLike<T>): Pages<T> {
  return 'values' in paginator ? paginator.values() : paginator[Symbol.asyncIterator]()
}

const statusItems = (statuses: readonly mastodon.v1.Status[]): FeedItem[] =>
  statuses.map((status) => ({ kind: 'status', id: status.id, status }))

const firstId = (page: readonly { id: string }[]): string | null => page[0]?.id ?? null

/** A source over a masto paginator (made on the first page), following its `next` links. */
export function paginatedSource<T>(
  make: (client: mastodon.rest.Client) => PaginatorLike<T> | Promise<PaginatorLike<T>>,
  toItems: (page: T) => FeedItem[],
  newestOf: (page: T) => string | null = () => null,
): FeedSource {
  let pages: Pages<T> | null = null
  return {
    async next(client) {
      if (!pages) {
        // Never `await` a paginator: it is thenable and would resolve to its first page.
        const made = make(client)
        pages = iterate(made instanceof Promise ? await made : made)
      }
      const result = await pages.next()
      if (result.done) return { items: [], done: true }
      const items = toItems(result.value as T)
      return { items, done: items.length === 0, newest: newestOf(result.value as T) }
    },
  }
}

/** Grouped notifications (v2), or plain ones (v1) where the server has no v2 (404). */
export function notificationsSource(): FeedSource {
  const grouped = paginatedSource(
    (c) => c.v2.notifications.list({ limit: COLUMN_PAGE_SIZE }),
    (page: mastodon.v1.GroupedNotificationsResults) => viewsFromGrouped(page).map(notificationItem),
    (page) => {
      const id: unknown = page.notificationGroups?.[0]?.mostRecentNotificationId
      return id === undefined || id === null ? null : String(id)
    },
  )
  const plain = paginatedSource(
    (c) => c.v1.notifications.list({ limit: COLUMN_PAGE_SIZE }),
    (page: mastodon.v1.Notification[]) => page.map(viewFromNotification).map(notificationItem),
    firstId,
  )
  let use: FeedSource | null = null
  return {
    async next(client) {
      if (use) return use.next(client)
      try {
        const page = await grouped.next(client)
        use = grouped
        return page
      } catch (error) {
        if (classifyApiError(error) !== 'not-found') throw error
        use = plain
        return plain.next(client)
      }
    },
  }
}

const mentionItems = (page: readonly mastodon.v1.Notification[]): FeedItem[] => statusItems(page.flatMap((n) => (n.status ? [n.status] : [])))

function notificationItem(notification: NotificationView): FeedItem {
  return { kind: 'notification', id: notification.key, notification }
}

/** Trending statuses: offset pages, no `Link` ids. */
function trendingSource(): FeedSource {
  let offset = 0
  return {
    async next(client) {
      const page = await trendingStatuses(client, { limit: COLUMN_PAGE_SIZE, offset })
      offset += page.length
      return { items: statusItems(page), done: page.length === 0 }
    },
  }
}

/** A thread: the ancestors, the status, its descendants; all at once. */
function threadSource(statusId: string): FeedSource {
  return {
    async next(client) {
      const [status, context] = await Promise.all([
        client.v1.statuses.$select(statusId).fetch(),
        client.v1.statuses.$select(statusId).context.fetch(),
      ])
      return { items: statusItems([...context.ancestors, status, ...context.descendants]), done: true }
    },
  }
}

const emptySource: FeedSource = { next: async () => ({ items: [], done: true }) }

/** Query parameters masto does not type but passes through (hashtag any/all/none). */
type TagParams = mastodon.rest.v1.ListTimelineParams & { any?: readonly string[]; all?: readonly string[]; none?: readonly string[] }

function nonEmpty(list: readonly string[] | undefined): string[] | undefined {
  const tags = (list ?? []).map((t) => t.replace(/^#/, '').trim()).filter((t) => t !== '')
  return tags.length > 0 ? tags : undefined
}

/** Range parameters passed through to a timeline request. */
export interface RangeParams {
  readonly limit: number
  readonly maxId?: string
  readonly sinceId?: string
  readonly minId?: string
}

type StatusPages = mastodon.Paginator<mastodon.v1.Status[], unknown>

/** The REST timeline of a status-timeline column, with paging parameters; null for other types. */
export function statusTimeline(column: ColumnSpec): ((c: mastodon.rest.Client, range: RangeParams) => StatusPages) | null {
  const p = column.params
  switch (column.type) {
    case 'home':
      return (c, range) => c.v1.timelines.home.list({ ...range })
    case 'local':
      return (c, range) => c.v1.timelines.public.list({ ...range, local: true })
    case 'federated':
      return (c, range) => c.v1.timelines.public.list({ ...range, ...(p.remoteOnly ? { remote: true } : {}) })
    case 'hashtag': {
      const tag = (p.tag ?? '').replace(/^#/, '')
      if (!tag) return null
      return (c, range) => {
        const params: TagParams = {
          ...range,
          ...(p.localOnly ? { local: true } : {}),
          ...(nonEmpty(p.any) ? { any: nonEmpty(p.any) } : {}),
          ...(nonEmpty(p.all) ? { all: nonEmpty(p.all) } : {}),
          ...(nonEmpty(p.none) ? { none: nonEmpty(p.none) } : {}),
        }
        return c.v1.timelines.tag.$select(tag).list(params)
      }
    }
    case 'list': {
      const listId = p.listId
      return listId ? (c, range) => c.v1.timelines.list.$select(listId).list({ ...range }) : null
    }
    default:
      return null
  }
}

/**
 * A fresh source for the column: starts at the newest page, or for a status timeline just
 * below the status `olderThan` (continuing under a restored read position).
 */
export function createColumnSource(column: ColumnSpec, olderThan?: string): FeedSource {
  const p = column.params
  const limit = COLUMN_PAGE_SIZE
  const timeline = statusTimeline(column)
  if (timeline) return paginatedSource((c) => timeline(c, olderThan ? { limit, maxId: olderThan } : { limit }), statusItems, firstId)
  switch (column.type) {
    case 'hashtag':
    case 'list':
      return emptySource
    case 'profile': {
      const acct = p.acct
      if (!acct) return emptySource
      const tab = p.profileTab ?? 'posts'
      return paginatedSource(async (c) => {
        const paginator = c.v1.accounts.$select((await findAccount(c, acct, hostOfAccountKey(column.accountKey))).id).statuses.list({
          limit,
          excludeReplies: tab === 'posts',
          onlyMedia: tab === 'media',
        })
        // Not the paginator itself: it is thenable, and an async function would await it.
        return { values: () => paginator.values() }
      }, statusItems)
    }
    case 'bookmarks':
      return paginatedSource((c) => c.v1.bookmarks.list({ limit }), statusItems)
    case 'favourites':
      return paginatedSource((c) => c.v1.favourites.list({ limit }), statusItems)
    case 'conversations':
      return paginatedSource(
        (c) => c.v1.conversations.list({ limit }),
        (page: mastodon.v1.Conversation[]) => page.map((conversation) => ({ kind: 'conversation', id: conversation.id, conversation })),
        firstId,
      )
    case 'trending':
      return trendingSource()
    case 'thread':
      return p.statusId ? threadSource(p.statusId) : emptySource
    case 'notifications':
      return notificationsSource()
    case 'mentions':
      return paginatedSource((c) => c.v1.notifications.list({ limit, types: ['mention'] }), mentionItems, firstId)
    default:
      return emptySource
  }
}

/** Items asked for by range: after a reconnect or a return to the tab, or to fill a gap. */
export interface RangePage {
  /** Newest first, as the server sent them. */
  readonly items: readonly FeedItem[]
  /** The newest and oldest ids of the page in the timeline's own ids. */
  readonly newest: string | null
  readonly oldest: string | null
  /** The page was full: more may lie beyond its oldest item. */
  readonly full: boolean
}

export const RANGE_PAGE_SIZE = 40

/** Whether the column can be asked for "what is newer than" (catch-up) and for gaps. */
export function supportsRanges(column: ColumnSpec): boolean {
  return statusTimeline(column) !== null || column.type === 'notifications' || column.type === 'mentions' || column.type === 'conversations'
}

/**
 * One page of the column's timeline newer than `sinceId` (and older than `maxId`), newest
 * first. Notifications come as plain (v1) ones here, like the streamed ones. Conversations
 * have no usable range: their newest page comes back, to be merged by conversation.
 */
export async function fetchRange(client: mastodon.rest.Client, column: ColumnSpec, range: { sinceId: string; maxId?: string }): Promise<RangePage> {
  const params: RangeParams = { limit: RANGE_PAGE_SIZE, sinceId: range.sinceId, ...(range.maxId ? { maxId: range.maxId } : {}) }
  const timeline = statusTimeline(column)
  if (timeline) {
    const page = await timeline(client, params)
    return { items: statusItems(page), newest: page[0]?.id ?? null, oldest: page.at(-1)?.id ?? null, full: page.length >= RANGE_PAGE_SIZE }
  }
  if (column.type === 'notifications' || column.type === 'mentions') {
    const page = await client.v1.notifications.list(column.type === 'mentions' ? { ...params, types: ['mention'] } : params)
    const items = column.type === 'mentions' ? mentionItems(page) : page.map(groupedViewFromNotification).map(notificationItem)
    return { items, newest: page[0]?.id ?? null, oldest: page.at(-1)?.id ?? null, full: page.length >= RANGE_PAGE_SIZE }
  }
  if (column.type === 'conversations') {
    const page = await client.v1.conversations.list({ limit: COLUMN_PAGE_SIZE })
    return {
      items: page.map((conversation) => ({ kind: 'conversation', id: conversation.id, conversation })),
      newest: null,
      oldest: null,
      full: false,
    }
  }
  return { items: [], newest: null, oldest: null, full: false }
}
