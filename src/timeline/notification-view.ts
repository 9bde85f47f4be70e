// One notification row as the column shows it, made from either API shape: a grouped v2
// notification (with the page's accounts and statuses looked up) or a plain v1 notification.

import type { mastodon } from 'masto'

/** The part of an account a notification row shows (partial v2 accounts have no display name). */
export type NotificationAccount = Pick<mastodon.v1.Account, 'id' | 'acct' | 'url' | 'avatar' | 'avatarStatic'> &
  Partial<Pick<mastodon.v1.Account, 'displayName' | 'username' | 'emojis'>>

export interface NotificationView {
  /** Unique within the column: the group key (v2) or the notification id (v1). */
  readonly key: string
  /** The server's type; types this client does not know are shown generically. */
  readonly type: string
  /** How many notifications the row stands for (1 for v1). */
  readonly count: number
  /** Who did it: the most recent first, a few at most. */
  readonly accounts: readonly NotificationAccount[]
  readonly status: mastodon.v1.Status | null
  readonly createdAt: string | null
  readonly report: mastodon.v1.Report | null
  readonly event: mastodon.v1.RelationshipSeveranceEvent | null
  readonly moderationWarning: mastodon.v1.AccountWarning | null
}

/** How many sample avatars a row shows. */
export const SAMPLE_AVATARS = 4

/**
 * The row a plain (v1) notification joins in a grouped column: its server-given group key
 * (Mastodon 4.3+), so a streamed favourite joins "X and 3 others favourited"; a notification
 * the server does not group (or an older server) is a row of its own.
 */
export function groupedViewFromNotification(n: mastodon.v1.Notification): NotificationView {
  const view = viewFromNotification(n)
  const groupKey: unknown = (n as { groupKey?: unknown }).groupKey
  return typeof groupKey === 'string' && groupKey !== '' && !groupKey.startsWith('ungrouped-') ? { ...view, key: groupKey } : view
}

/**
 * A group with one more notification in it: the newest account first, one more in the count,
 * the newer time. A notification the group already holds (not newer than its latest) changes
 * nothing, so one that arrives twice (stream and catch-up) is counted once.
 */
export function joinGroup(group: NotificationView, one: NotificationView): NotificationView {
  if (group.createdAt && one.createdAt && Date.parse(one.createdAt) <= Date.parse(group.createdAt)) return group
  const newcomer = one.accounts[0]
  const accounts = newcomer ? [newcomer, ...group.accounts.filter((a) => a.id !== newcomer.id)] : group.accounts
  return { ...group, count: group.count + 1, accounts, createdAt: one.createdAt ?? group.createdAt, status: one.status ?? group.status }
}

interface LooseFields {
  statusId?: string | null
  report?: mastodon.v1.Report | null
  event?: mastodon.v1.RelationshipSeveranceEvent | null
  moderationWarning?: mastodon.v1.AccountWarning | null
}

/** Rows for one page of grouped notifications, in the server's order. */
export function viewsFromGrouped(page: mastodon.v1.GroupedNotificationsResults): NotificationView[] {
  const accounts = new Map<string, NotificationAccount>()
  for (const a of page.partialAccounts ?? []) accounts.set(a.id, a)
  // Full accounts win over partial ones.
  for (const a of page.accounts ?? []) accounts.set(a.id, a)
  const statuses = new Map((page.statuses ?? []).map((s) => [s.id, s]))
  return (page.notificationGroups ?? []).map((group) => {
    const loose = group as unknown as LooseFields
    // masto types sampleAccountIds as a string; the server sends an array.
    const sampleIds = group.sampleAccountIds as unknown as readonly string[] | string | null | undefined
    const ids = Array.isArray(sampleIds) ? sampleIds : typeof sampleIds === 'string' ? [sampleIds] : []
    return {
      key: group.groupKey,
      type: String(group.type),
      count: Math.max(1, group.notificationsCount ?? 1),
      accounts: ids.flatMap((id) => accounts.get(id) ?? []),
      status: loose.statusId ? (statuses.get(loose.statusId) ?? null) : null,
      createdAt: group.latestPageNotificationAt ?? null,
      report: loose.report ?? null,
      event: loose.event ?? null,
      moderationWarning: loose.moderationWarning ?? null,
    }
  })
}

/** A row for one plain (v1) notification. */
export function viewFromNotification(n: mastodon.v1.Notification): NotificationView {
  const loose = n as unknown as LooseFields & { account?: NotificationAccount | null; status?: mastodon.v1.Status | null }
  return {
    key: n.id,
    type: String(n.type),
    count: 1,
    accounts: loose.account ? [loose.account] : [],
    status: loose.status ?? null,
    createdAt: n.createdAt ?? null,
    report: loose.report ?? null,
    event: loose.event ?? null,
    moderationWarning: loose.moderationWarning ?? null,
  }
}
