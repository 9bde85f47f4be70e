// Notifications: v1 list and the v2 grouped API, unread counts, dismissal.

import { pageOf, paginate, requireUser, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { json, str, strList } from '../http.ts'
import type { NotificationRecord } from '../model.ts'
import { ApiFailure } from '../world.ts'

const GROUPABLE = ['favourite', 'follow', 'reblog']

/** The caller's notifications, newest first, after type/account filters. */
function visibleNotifications(ctx: Ctx, me: string): NotificationRecord[] {
  const w = world(ctx)
  const types = strList(ctx.params, 'types')
  const exclude = strList(ctx.params, 'exclude_types')
  const accountId = str(ctx.params, 'account_id')
  const fromKey = accountId ? ctx.state.inst.accountKeyById(accountId) : undefined
  const out: NotificationRecord[] = []
  for (let i = w.notifications.length - 1; i >= 0; i--) {
    const n = w.notifications[i]!
    if (n.recipientKey !== me || n.dismissed) continue
    if (types.length && !types.includes(n.type)) continue
    if (exclude.includes(n.type)) continue
    if (accountId && n.fromKey !== fromKey) continue
    if (n.statusKey) {
      const s = w.statuses.get(n.statusKey)
      if (!s || s.deletedAt !== null) continue
    }
    if (w.isBlocking(me, n.fromKey)) continue
    out.push(n)
  }
  return out
}

function notificationByLocalId(ctx: Ctx, me: string, id: string): NotificationRecord {
  const key = ctx.state.inst.ids.notification.keyFor(id)
  const n = world(ctx).notifications.find((x) => x.key === key)
  if (!n || n.recipientKey !== me || n.dismissed) throw new ApiFailure(404, 'Record not found')
  return n
}

function unreadCount(ctx: Ctx, me: string): number {
  const marker = world(ctx).markers.get(me)?.notifications
  const ids = ctx.state.inst.ids.notification
  const all = visibleNotifications(ctx, me)
  const view = viewFor(ctx, me)
  const unread = marker ? all.filter((n) => ids.compare(view.notificationId(n), marker.lastReadId) > 0) : all
  return Math.min(unread.length, 1000)
}

interface Group {
  key: string
  type: string
  items: NotificationRecord[]
}

export function registerNotificationRoutes(router: ApiRouter): void {
  router.get('/api/v1/notifications', (ctx) => {
    const me = requireUser(ctx, 'read:notifications')
    const view = viewFor(ctx, me)
    return paginate(ctx, visibleNotifications(ctx, me), (n) => view.notificationId(n), ctx.state.inst.ids.notification, (n) => view.notification(n), {
      defaultLimit: 40,
      maxLimit: 80,
    })
  })

  router.get('/api/v1/notifications/unread_count', (ctx) => {
    const me = requireUser(ctx, 'read:notifications')
    return json({ count: unreadCount(ctx, me) })
  })

  router.post('/api/v1/notifications/clear', (ctx) => {
    const me = requireUser(ctx, 'write:notifications')
    for (const n of world(ctx).notifications) if (n.recipientKey === me) n.dismissed = true
    return json({})
  })

  router.get('/api/v1/notifications/requests', (ctx) => {
    requireUser(ctx, 'read:notifications')
    return json([])
  })

  router.get('/api/v1/notifications/:id', (ctx) => {
    const me = requireUser(ctx, 'read:notifications')
    return json(viewFor(ctx, me).notification(notificationByLocalId(ctx, me, ctx.path.id!)))
  })

  router.post('/api/v1/notifications/:id/dismiss', (ctx) => {
    const me = requireUser(ctx, 'write:notifications')
    notificationByLocalId(ctx, me, ctx.path.id!).dismissed = true
    return json({})
  })

  // --- v2 grouped ------------------------------------------------------------

  const requireGrouped = (ctx: Ctx) => {
    if (!ctx.state.inst.features.groupedNotifications) throw new ApiFailure(404, 'Record not found')
  }

  router.get('/api/v2/notifications', (ctx) => {
    requireGrouped(ctx)
    const me = requireUser(ctx, 'read:notifications')
    const view = viewFor(ctx, me)
    const w = world(ctx)
    const inst = ctx.state.inst
    const requested = strList(ctx.params, 'grouped_types')
    const groupable = requested.length ? requested.filter((t) => GROUPABLE.includes(t)) : GROUPABLE
    const groups = new Map<string, Group>()
    for (const n of visibleNotifications(ctx, me)) {
      const key = groupable.includes(n.type) ? view.groupKey(n) : `ungrouped-${view.notificationId(n)}`
      const g = groups.get(key) ?? { key, type: n.type, items: [] }
      g.items.push(n)
      groups.set(key, g)
    }
    // Groups are ordered and paginated by their most recent notification.
    const ordered = [...groups.values()]
    const { items: page, link } = pageOf(ctx, ordered, (g) => view.notificationId(g.items[0]!), inst.ids.notification, { defaultLimit: 40, maxLimit: 80 })
    const accountKeys = new Set<string>()
    const statusKeys = new Set<string>()
    const notificationGroups = page.map((g) => {
      const ids = g.items.map((n) => view.notificationId(n))
      const latest = g.items[0]!
      const samples = [...new Set(g.items.map((n) => n.fromKey))].slice(0, 8)
      samples.forEach((k) => accountKeys.add(k))
      if (latest.statusKey) statusKeys.add(latest.statusKey)
      return {
        group_key: g.key,
        notifications_count: g.items.length,
        type: g.type,
        most_recent_notification_id: ids[0],
        page_min_id: ids[ids.length - 1],
        page_max_id: ids[0],
        latest_page_notification_at: new Date(latest.createdAt).toISOString(),
        sample_account_ids: samples.map((k) => inst.accountId(k)),
        ...(latest.statusKey ? { status_id: inst.statusId(latest.statusKey) } : {}),
      }
    })
    return json(
      {
        accounts: [...accountKeys].map((k) => view.account(w.account(k))),
        statuses: [...statusKeys].map((k) => w.statuses.get(k)!).map((s) => view.status(s)),
        notification_groups: notificationGroups,
      },
      200,
      link ? { link } : {},
    )
  })

  router.get('/api/v2/notifications/unread_count', (ctx) => {
    requireGrouped(ctx)
    const me = requireUser(ctx, 'read:notifications')
    return json({ count: unreadCount(ctx, me) })
  })

  router.get('/api/v2/notifications/policy', (ctx) => {
    requireUser(ctx, 'read:notifications')
    return json({
      for_not_following: 'accept',
      for_not_followers: 'accept',
      for_new_accounts: 'accept',
      for_private_mentions: 'accept',
      for_limited_accounts: 'filter',
      summary: { pending_requests_count: 0, pending_notifications_count: 0 },
    })
  })

  router.get('/api/v2/notifications/:group_key', (ctx) => {
    requireGrouped(ctx)
    const me = requireUser(ctx, 'read:notifications')
    const view = viewFor(ctx, me)
    const items = visibleNotifications(ctx, me).filter((n) => view.groupKey(n) === ctx.path.group_key)
    if (items.length === 0) throw new ApiFailure(404, 'Record not found')
    const w = world(ctx)
    const inst = ctx.state.inst
    const latest = items[0]!
    const samples = [...new Set(items.map((n) => n.fromKey))].slice(0, 8)
    return json({
      accounts: samples.map((k) => view.account(w.account(k))),
      statuses: latest.statusKey ? [view.status(w.statuses.get(latest.statusKey)!)] : [],
      notification_groups: [
        {
          group_key: ctx.path.group_key,
          notifications_count: items.length,
          type: latest.type,
          most_recent_notification_id: view.notificationId(latest),
          sample_account_ids: samples.map((k) => inst.accountId(k)),
          ...(latest.statusKey ? { status_id: inst.statusId(latest.statusKey) } : {}),
        },
      ],
    })
  })

  router.post('/api/v2/notifications/:group_key/dismiss', (ctx) => {
    requireGrouped(ctx)
    const me = requireUser(ctx, 'write:notifications')
    const view = viewFor(ctx, me)
    for (const n of visibleNotifications(ctx, me)) if (view.groupKey(n) === ctx.path.group_key) n.dismissed = true
    return json({})
  })
}
