// Timelines (home, public, tag, list, link), bookmarks, favourites, trends and
// conversations.

import { offsetPage, pageOf, paginate, requireUser, optionalUser, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { bool, json, str, strList } from '../http.ts'
import type { ActRecord, StatusRecord } from '../model.ts'
import { ApiFailure } from '../world.ts'

function statusPage(ctx: Ctx, viewer: string | null, newestFirst: StatusRecord[]): Response {
  const inst = ctx.state.inst
  const view = viewFor(ctx, viewer)
  return paginate(ctx, newestFirst, (s) => inst.statusId(s.key), inst.ids.status, (s) => view.status(s))
}

/** Statuses passing `keep`, newest first. */
function select(ctx: Ctx, keep: (s: StatusRecord) => boolean): StatusRecord[] {
  const out: StatusRecord[] = []
  const order = world(ctx).statusOrder
  for (let i = order.length - 1; i >= 0; i--) {
    const s = order[i]!
    if (s.deletedAt === null && keep(s)) out.push(s)
  }
  return out
}

/** Mastodon keeps a boost out of a home feed when the post is already among the 40 items before it. */
export const REBLOG_FALLOFF = 40

function withoutRecentDuplicateBoosts(newestFirst: StatusRecord[]): StatusRecord[] {
  return newestFirst.filter((s, i) => {
    if (!s.reblogOfKey) return true
    const older = newestFirst.slice(i + 1, i + 1 + REBLOG_FALLOFF)
    return !older.some((o) => o.key === s.reblogOfKey || o.reblogOfKey === s.reblogOfKey)
  })
}

function hasMedia(ctx: Ctx, s: StatusRecord): boolean {
  const target = s.reblogOfKey ? world(ctx).statuses.get(s.reblogOfKey) : s
  return (target?.mediaKeys.length ?? 0) > 0
}

/** Public-feed rules shared by public and hashtag timelines. */
function publicFilter(ctx: Ctx, viewer: string | null): (s: StatusRecord) => boolean {
  const w = world(ctx)
  const host = ctx.state.inst.host
  const local = bool(ctx.params, 'local') ?? false
  const remote = bool(ctx.params, 'remote') ?? false
  const onlyMedia = bool(ctx.params, 'only_media') ?? false
  return (s) => {
    if (s.visibility !== 'public' || s.reblogOfKey) return false
    if (local && s.home !== host) return false
    if (remote && s.home === host) return false
    if (onlyMedia && !hasMedia(ctx, s)) return false
    if (!w.canSee(viewer, s)) return false
    if (viewer && (w.isBlocking(viewer, s.authorKey) || w.isMuting(viewer, s.authorKey))) return false
    return true
  }
}

function actPage(ctx: Ctx, me: string, records: ActRecord[], space: 'fav' | 'bookmark'): Response {
  const inst = ctx.state.inst
  const w = world(ctx)
  const mine = records
    .filter((r) => r.accountKey === me && w.statuses.get(r.statusKey)?.deletedAt === null)
    .filter((r) => w.canSee(me, w.statuses.get(r.statusKey)!))
    .sort((a, b) => b.createdAt - a.createdAt)
  const ids = inst.ids[space]
  const { items, link } = pageOf(ctx, mine, (r) => ids.idFor(r.key, r.createdAt), ids)
  const view = viewFor(ctx, me)
  const headers: Record<string, string> = link ? { link } : {}
  return json(
    items.map((r) => view.status(w.statuses.get(r.statusKey)!)),
    200,
    headers,
  )
}

export function registerTimelineRoutes(router: ApiRouter): void {
  router.get('/api/v1/timelines/home', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    const w = world(ctx)
    const excluded = new Set<string>()
    for (const l of w.lists.values()) if (l.ownerKey === me && l.exclusive) for (const m of l.memberKeys) excluded.add(m)
    return statusPage(ctx, me, withoutRecentDuplicateBoosts(select(ctx, (s) => w.inHomeOf(me, s) && !excluded.has(s.authorKey))))
  })

  router.get('/api/v1/timelines/public', (ctx) => {
    const viewer = optionalUser(ctx)
    const w = world(ctx)
    const base = publicFilter(ctx, viewer)
    // Like Mastodon's PublicFeed: no replies to other people (self-threads stay).
    const isReplyToOther = (s: StatusRecord) => s.inReplyToKey !== null && w.statuses.get(s.inReplyToKey)?.authorKey !== s.authorKey
    return statusPage(ctx, viewer, select(ctx, (s) => base(s) && !isReplyToOther(s)))
  })

  router.get('/api/v1/timelines/tag/:hashtag', (ctx) => {
    const viewer = optionalUser(ctx)
    const main = ctx.path.hashtag!.toLowerCase().replace(/^#/, '')
    const any = strList(ctx.params, 'any').map((t) => t.toLowerCase())
    const all = strList(ctx.params, 'all').map((t) => t.toLowerCase())
    const none = strList(ctx.params, 'none').map((t) => t.toLowerCase())
    const base = publicFilter(ctx, viewer)
    return statusPage(
      ctx,
      viewer,
      select(ctx, (s) => {
        if (!base(s)) return false
        if (!(s.tags.includes(main) || any.some((t) => s.tags.includes(t)))) return false
        if (!all.every((t) => s.tags.includes(t))) return false
        if (none.some((t) => s.tags.includes(t))) return false
        return true
      }),
    )
  })

  router.get('/api/v1/timelines/list/:id', (ctx) => {
    const me = requireUser(ctx, 'read:lists')
    const w = world(ctx)
    const key = ctx.state.inst.ids.list.keyFor(ctx.path.id!)
    const list = key ? w.lists.get(key) : undefined
    if (!list || list.ownerKey !== me) throw new ApiFailure(404, 'Record not found')
    return statusPage(
      ctx,
      me,
      select(ctx, (s) => {
        if (!list.memberKeys.has(s.authorKey) || !w.canSee(me, s)) return false
        if (!w.isFollowing(me, s.authorKey) || w.isBlocking(me, s.authorKey) || w.isMuting(me, s.authorKey)) return false
        if (s.inReplyToKey && list.repliesPolicy !== 'followed') {
          const to = w.statuses.get(s.inReplyToKey)?.authorKey
          if (to && to !== s.authorKey) {
            if (list.repliesPolicy === 'none') return false
            if (!list.memberKeys.has(to)) return false
          }
        }
        return true
      }),
    )
  })

  router.get('/api/v1/bookmarks', (ctx) => {
    const me = requireUser(ctx, 'read:bookmarks')
    return actPage(ctx, me, world(ctx).bookmarks, 'bookmark')
  })

  router.get('/api/v1/favourites', (ctx) => {
    const me = requireUser(ctx, 'read:favourites')
    return actPage(ctx, me, world(ctx).favourites, 'fav')
  })

  // --- trends (offset pagination, as Mastodon) --------------------------------

  router.get('/api/v1/trends/statuses', (ctx) => {
    const viewer = optionalUser(ctx)
    const w = world(ctx)
    const since = Date.now() - 7 * 86_400_000
    const score = (s: StatusRecord) =>
      w.favourites.filter((f) => f.statusKey === s.key).length + 2 * w.statusOrder.filter((r) => r.reblogOfKey === s.key && r.deletedAt === null).length
    const items = select(ctx, (s) => s.visibility === 'public' && !s.reblogOfKey && s.createdAt > since && w.canSee(viewer, s))
      .map((s) => ({ s, score: score(s) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((x) => x.s)
    const view = viewFor(ctx, viewer)
    return json(offsetPage(ctx, items, 20, 40).map((s) => view.status(s)))
  })

  // /api/v1/trends is the pre-3.5 name of /api/v1/trends/tags.
  for (const path of ['/api/v1/trends/tags', '/api/v1/trends']) {
    router.get(path, (ctx) => {
      const viewer = optionalUser(ctx)
      const counts = new Map<string, number>()
      for (const s of select(ctx, (x) => x.visibility === 'public')) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
      const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t)
      const view = viewFor(ctx, viewer)
      return json(offsetPage(ctx, names, 10, 20).map((t) => view.tag(t)))
    })
  }

  router.get('/api/v1/trends/links', (ctx) => {
    const viewer = optionalUser(ctx)
    const seen = new Map<string, Record<string, unknown>>()
    const view = viewFor(ctx, viewer)
    for (const s of select(ctx, (x) => x.visibility === 'public' && x.card !== null)) {
      const card = view.status(s).card as Record<string, unknown>
      if (!seen.has(card.url as string)) seen.set(card.url as string, { ...card, history: [{ day: String(Math.floor(Date.now() / 86_400_000) * 86_400), uses: '3', accounts: '2' }] })
    }
    return json(offsetPage(ctx, [...seen.values()], 10, 20))
  })

  // Posts sharing a trending link (4.3+); a link that is not trending is not found.
  router.get('/api/v1/timelines/link', (ctx) => {
    const viewer = optionalUser(ctx)
    const url = str(ctx.params, 'url') ?? ''
    const w = world(ctx)
    const sharing = select(ctx, (s) => s.visibility === 'public' && s.card !== null && s.card.url === url && w.canSee(viewer, s))
    if (!url || sharing.length === 0) throw new ApiFailure(404, 'Record not found')
    return statusPage(ctx, viewer, sharing)
  })

  // --- conversations ---------------------------------------------------------

  router.get('/api/v1/conversations', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    const w = world(ctx)
    const view = viewFor(ctx, me)
    const latest = new Map<string, StatusRecord>()
    for (const s of select(ctx, (x) => x.visibility === 'direct' && (x.authorKey === me || x.mentionKeys.includes(me)))) {
      const conv = w.conversationKey(s)
      if (!latest.has(conv) && !w.removedConversations.get(me)?.has(conv)) latest.set(conv, s)
    }
    const inst = ctx.state.inst
    const rows = [...latest.entries()].map(([conv, s]) => ({ conv, s }))
    // Mastodon paginates conversations by their last status id.
    return paginate(ctx, rows, (r) => inst.statusId(r.s.key), inst.ids.status, (r) => view.conversation(r.conv, r.s))
  })

  router.delete('/api/v1/conversations/:id', (ctx) => {
    const me = requireUser(ctx, 'write:conversations')
    const w = world(ctx)
    const conv = ctx.state.inst.ids.conversation.keyFor(ctx.path.id!)
    if (!conv) throw new ApiFailure(404, 'Record not found')
    const set = w.removedConversations.get(me) ?? new Set()
    set.add(conv)
    w.removedConversations.set(me, set)
    return json({})
  })

  router.post('/api/v1/conversations/:id/read', (ctx) => {
    const me = requireUser(ctx, 'write:conversations')
    const w = world(ctx)
    const conv = ctx.state.inst.ids.conversation.keyFor(ctx.path.id!)
    if (!conv) throw new ApiFailure(404, 'Record not found')
    w.unreadConversations.get(me)?.delete(conv)
    const last = select(ctx, (x) => x.visibility === 'direct' && w.conversationKey(x) === conv)[0]
    if (!last) throw new ApiFailure(404, 'Record not found')
    return json(viewFor(ctx, me).conversation(conv, last))
  })

}
