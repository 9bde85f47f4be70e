// How streamed events change a column: new items go on top when the reader is at the top,
// otherwise into a buffer ("N new posts"); deletes remove a status and boosts of it;
// edits replace in place. Pure functions over the column's items, applied once per batch.
// Order is the server's (arrival order); ids are opaque and only used to drop repeats.

import type { mastodon } from 'masto'
import type { ColumnParams, ColumnSpec } from './column-spec'
import { groupedViewFromNotification, joinGroup } from './notification-view'
import type { FeedItem } from './column-sources'

export type LiveEvent =
  | { readonly kind: 'update'; readonly status: mastodon.v1.Status }
  | { readonly kind: 'delete'; readonly id: string }
  | { readonly kind: 'edit'; readonly status: mastodon.v1.Status }
  | { readonly kind: 'notification'; readonly notification: mastodon.v1.Notification }
  | { readonly kind: 'conversation'; readonly conversation: mastodon.v1.Conversation }

export interface LiveLists {
  /** What the column shows, newest first. */
  readonly items: readonly FeedItem[]
  /** Arrived while the reader was scrolled down, newest first. */
  readonly pending: readonly FeedItem[]
}

function tagsOf(status: mastodon.v1.Status): Set<string> {
  return new Set((status.tags ?? []).map((t) => t.name.normalize('NFKC').replace(/^#/, '').toLowerCase()))
}

function normal(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((t) => t.normalize('NFKC').replace(/^#/, '').trim().toLowerCase()).filter((t) => t !== '')
}

/** The hashtag column's all/none filters, as the server applies them to its timeline. */
export function matchesHashtagParams(status: mastodon.v1.Status, params: ColumnParams): boolean {
  const all = normal(params.all)
  const none = normal(params.none)
  if (all.length === 0 && none.length === 0) return true
  const tags = tagsOf(status)
  return all.every((t) => tags.has(t)) && !none.some((t) => tags.has(t))
}

/** The item a streamed event adds to this column, if any. */
export function itemFor(column: ColumnSpec, event: LiveEvent): FeedItem | null {
  switch (event.kind) {
    case 'update':
      if (column.type === 'notifications' || column.type === 'mentions' || column.type === 'conversations') return null
      if (column.type === 'hashtag' && !matchesHashtagParams(event.status, column.params)) return null
      return { kind: 'status', id: event.status.id, status: event.status }
    case 'notification': {
      const n = event.notification
      if (column.type === 'notifications') {
        const view = groupedViewFromNotification(n)
        return { kind: 'notification', id: view.key, notification: view }
      }
      if (column.type === 'mentions' && n.type === 'mention' && n.status) return { kind: 'status', id: n.status.id, status: n.status }
      return null
    }
    case 'conversation':
      return column.type === 'conversations' ? { kind: 'conversation', id: event.conversation.id, conversation: event.conversation } : null
    default:
      return null
  }
}

function removeDeleted(list: readonly FeedItem[], id: string): readonly FeedItem[] {
  const next = list.filter((i) => {
    if (i.kind === 'status') return i.status.id !== id && i.status.reblog?.id !== id
    if (i.kind === 'notification') return i.notification.status?.id !== id
    return true
  })
  return next.length === list.length ? list : next
}

function replaceEdited(list: readonly FeedItem[], status: mastodon.v1.Status): readonly FeedItem[] {
  let changed = false
  const next = list.map((i): FeedItem => {
    if (i.kind === 'status') {
      if (i.status.id === status.id) {
        changed = true
        return { ...i, status }
      }
      if (i.status.reblog?.id === status.id) {
        changed = true
        return { ...i, status: { ...i.status, reblog: status } }
      }
    } else if (i.kind === 'notification' && i.notification.status?.id === status.id) {
      changed = true
      return { ...i, notification: { ...i.notification, status } }
    } else if (i.kind === 'conversation' && i.conversation.lastStatus?.id === status.id) {
      changed = true
      return { ...i, conversation: { ...i.conversation, lastStatus: status } }
    }
    return i
  })
  return changed ? next : list
}

/**
 * Applies a batch of events in arrival order. New items go on top of `items` when `atTop`,
 * else on top of `pending`; an item already shown (or buffered) is not added twice, except a
 * conversation, which moves up with its newest status.
 */
export function applyLiveEvents(column: ColumnSpec, lists: LiveLists, events: readonly LiveEvent[], atTop: boolean): LiveLists {
  let { items, pending } = lists
  for (const event of events) {
    if (event.kind === 'delete') {
      items = removeDeleted(items, event.id)
      pending = removeDeleted(pending, event.id)
      continue
    }
    if (event.kind === 'edit') {
      items = replaceEdited(items, event.status)
      pending = replaceEdited(pending, event.status)
      continue
    }
    const item = itemFor(column, event)
    if (!item) continue
    if (item.kind === 'notification') {
      ;({ items, pending } = addNotification({ items, pending }, item, atTop))
      continue
    }
    if (item.kind === 'conversation') {
      items = items.filter((i) => i.id !== item.id)
      pending = pending.filter((i) => i.id !== item.id)
    } else if (items.some((i) => i.id === item.id) || pending.some((i) => i.id === item.id)) {
      continue
    }
    if (atTop) items = [item, ...items]
    else pending = [item, ...pending]
  }
  return { items, pending }
}

/**
 * Merges a catch-up (newest first, from REST) into the column. Items that arrived by stream
 * while it was on its way (not in `before`, not in the catch-up) are newer still and stay on
 * top; the catch-up's order wins for everything it holds; the rest keeps its place below.
 * When the reader is not at the top, what the column does not show yet waits in `pending`.
 */
export function mergeNewest(lists: LiveLists, collected: readonly FeedItem[], before: ReadonlySet<string>, atTop: boolean): LiveLists {
  if (collected.length === 0) return lists
  const caught = new Set(collected.map((i) => i.id))
  const arrivedDuring = (list: readonly FeedItem[]) => list.filter((i) => !before.has(i.id) && !caught.has(i.id))
  const older = (list: readonly FeedItem[]) => list.filter((i) => before.has(i.id) && !caught.has(i.id))
  if (atTop) {
    return {
      items: [...arrivedDuring(lists.items), ...collected, ...older(lists.items)],
      pending: lists.pending.filter((i) => !caught.has(i.id)),
    }
  }
  const shown = new Set(lists.items.map((i) => i.id))
  const unseen = collected.filter((i) => !shown.has(i.id) || i.kind === 'conversation')
  const moved = new Set(unseen.filter((i) => i.kind === 'conversation').map((i) => i.id))
  return {
    items: moved.size > 0 ? lists.items.filter((i) => !moved.has(i.id)) : lists.items,
    pending: [...arrivedDuring(lists.pending), ...unseen, ...older(lists.pending)],
  }
}

/** A gap marker replaced by what it stood for (without repeats of what is shown). */
export function replaceGap(items: readonly FeedItem[], gapId: string, replacement: readonly FeedItem[]): readonly FeedItem[] {
  const at = items.findIndex((i) => i.id === gapId)
  if (at < 0) return items
  const shown = new Set(items.map((i) => i.id))
  const fresh = replacement.filter((i) => !shown.has(i.id) && Boolean(shown.add(i.id)))
  return [...items.slice(0, at), ...fresh, ...items.slice(at + 1)]
}

type NotificationItem = Extract<FeedItem, { kind: 'notification' }>

/**
 * A notification row arriving (streamed, or read in a catch-up): joins its group when the
 * column has one. At the top the group moves up to the new row's place; scrolled down, a group
 * in view grows where it is (nothing moves under the reader) and a new row waits in `pending`.
 */
export function addNotification(lists: LiveLists, item: NotificationItem, atTop: boolean): LiveLists {
  const find = (list: readonly FeedItem[]) => list.find((i): i is NotificationItem => i.kind === 'notification' && i.id === item.id)
  const existing = find(lists.pending) ?? find(lists.items)
  if (!existing) {
    return atTop ? { items: [item, ...lists.items], pending: lists.pending } : { items: lists.items, pending: [item, ...lists.pending] }
  }
  const joined = joinGroup(existing.notification, item.notification)
  if (joined === existing.notification) return lists
  const grown: FeedItem = { ...existing, notification: joined }
  const without = (list: readonly FeedItem[]) => list.filter((i) => i.id !== item.id)
  if (atTop) return { items: [grown, ...without(lists.items)], pending: without(lists.pending) }
  if (find(lists.pending)) return { items: lists.items, pending: [grown, ...without(lists.pending)] }
  return { items: lists.items.map((i) => (i.id === item.id ? grown : i)), pending: lists.pending }
}

/** Shows what was buffered: on top of the items, without repeats. */
export function revealPending(lists: LiveLists): LiveLists {
  if (lists.pending.length === 0) return lists
  const ids = new Set(lists.pending.map((i) => i.id))
  return { items: [...lists.pending, ...lists.items.filter((i) => !ids.has(i.id))], pending: [] }
}

/**
 * Counts statuses put straight on top of a column in a sliding window. Past `limit` within
 * `windowMs` the column is "busy": nobody reads a column that moves several times a second,
 * and rendering each arrival would keep the page from responding. New items then wait
 * behind "N new posts" like they do for a reader scrolled down.
 */
export function createBurstMeter(limit: number, windowMs: number, now: () => number = () => performance.now()) {
  let times: number[] = []
  const prune = () => {
    const from = now() - windowMs
    if (times.length > 0 && times[0]! < from) times = times.filter((t) => t >= from)
  }
  return {
    record(count: number): void {
      const at = now()
      for (let i = 0; i < count; i++) times.push(at)
    },
    busy(): boolean {
      prune()
      return times.length >= limit
    },
    reset(): void {
      times = []
    },
  }
}

/**
 * Gathers events and hands them over once per animation frame, so a burst re-renders once.
 * Falls back to a short timer where there are no frames (hidden documents, tests).
 */
export function createFrameBatcher<T>(flush: (batch: T[]) => void): { push(item: T): void; flush(): void; cancel(): void } {
  let queue: T[] = []
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
    const batch = queue
    queue = []
    if (batch.length > 0) flush(batch)
  }
  return {
    push(item) {
      queue.push(item)
      if (frame !== null || timer !== null) return
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run)
      // A hidden tab gets no frames: do not hold events back forever.
      timer = setTimeout(run, 250)
    },
    /** Hands over what is gathered now. */
    flush: run,
    cancel() {
      if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
      if (timer !== null) clearTimeout(timer)
      frame = null
      timer = null
      queue = []
    },
  }
}
