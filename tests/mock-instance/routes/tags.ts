// Hashtags: a tag and its history, following (/api/v1/tags/:name/follow, followed_tags with
// Link paging) and featuring on one's profile (featured_tags, and 4.4's tags/:name/feature),
// as Mastodon 4.5 answers them, errors included.

import { paginate, requireUser, optionalUser, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { json, str } from '../http.ts'
import type { Json } from '../serialize.ts'
import { ApiFailure, type FeaturedTagRecord } from '../world.ts'

/** Mastodon's Tag::HASHTAG_NAME_RE, near enough: word characters with at least one letter or _. */
const HASHTAG_NAME = /^[\p{L}\p{M}\p{N}_\u00b7\u200c]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_\u00b7\u200c]*$/u
/** FeaturedTag::LIMIT. */
export const FEATURED_TAG_LIMIT = 10

/** The tag a path names, or 404 as Mastodon's TagsController when the name is not a hashtag. */
function tagName(ctx: Ctx): string {
  const name = decodeURIComponent(ctx.path.name ?? '').replace(/^#/, '')
  if (!HASHTAG_NAME.test(name)) throw new ApiFailure(404, 'Record not found')
  return name.toLowerCase()
}

function featuredOf(ctx: Ctx, accountKey: string): FeaturedTagRecord[] {
  return world(ctx).featuredTags.get(accountKey) ?? []
}

/** The FeaturedTag entity: counts over the account's public and unlisted posts with the tag. */
export function featuredTagJson(ctx: Ctx, f: FeaturedTagRecord): Json {
  const w = world(ctx)
  const account = w.account(f.accountKey)
  const posts = w.statusOrder.filter(
    (s) => s.authorKey === f.accountKey && s.deletedAt === null && (s.visibility === 'public' || s.visibility === 'unlisted') && s.tags.includes(f.name.toLowerCase()),
  )
  const last = posts.at(-1)
  return {
    id: ctx.state.inst.ids.tag.idFor(`featured:${f.key}`, f.createdAt),
    name: f.name,
    url: `${w.origin(account.home)}/@${account.username}/tagged/${encodeURIComponent(f.name.toLowerCase())}`,
    statuses_count: String(posts.length),
    last_status_at: last ? new Date(last.createdAt).toISOString().slice(0, 10) : null,
  }
}

/** Features `name` for `me` (CreateFeaturedTagService), with the model's validations. */
function feature(ctx: Ctx, me: string, rawName: string): FeaturedTagRecord {
  const name = rawName.trim().replace(/^#/, '')
  if (name === '') throw new ApiFailure(422, "Validation failed: Name can't be blank")
  if (!HASHTAG_NAME.test(name)) throw new ApiFailure(422, 'Validation failed: Name is invalid')
  const w = world(ctx)
  const list = featuredOf(ctx, me)
  const existing = list.find((f) => f.name.toLowerCase() === name.toLowerCase())
  if (existing) throw new ApiFailure(422, 'Validation failed: Name has already been taken')
  if (list.length >= FEATURED_TAG_LIMIT) throw new ApiFailure(422, 'Validation failed: You have already featured the maximum number of hashtags')
  const createdAt = w.now()
  const record: FeaturedTagRecord = { key: `${me}:${name.toLowerCase()}:${createdAt}`, accountKey: me, name, createdAt }
  w.featuredTags.set(me, [...list, record])
  return record
}

function unfeature(ctx: Ctx, me: string, record: FeaturedTagRecord): void {
  const w = world(ctx)
  w.featuredTags.set(me, featuredOf(ctx, me).filter((f) => f !== record))
}

/** The Tag entity as the viewer sees it: following and (4.4+) featuring. */
function tagJson(ctx: Ctx, viewer: string | null, name: string): Json {
  const tag = viewFor(ctx, viewer).tag(name)
  if (viewer) {
    tag.following = world(ctx).followedTags.get(viewer)?.has(name) ?? false
    tag.featuring = featuredOf(ctx, viewer).some((f) => f.name.toLowerCase() === name)
  }
  return tag
}

export function registerTagRoutes(router: ApiRouter): void {
  router.get('/api/v1/tags/:name', (ctx) => json(tagJson(ctx, optionalUser(ctx), tagName(ctx))))

  const tagFollow = (path: string, follow: boolean) =>
    router.post(`/api/v1/tags/:name/${path}`, (ctx) => {
      const me = requireUser(ctx, 'write:follows')
      const name = tagName(ctx)
      const w = world(ctx)
      const set = w.followedTags.get(me) ?? new Set()
      if (follow && !set.has(name)) {
        set.add(name)
        w.tagFollowedAt.set(`${me} ${name}`, w.now())
      } else if (!follow) {
        set.delete(name)
        w.tagFollowedAt.delete(`${me} ${name}`)
      }
      w.followedTags.set(me, set)
      return json(tagJson(ctx, me, name))
    })
  tagFollow('follow', true)
  tagFollow('unfollow', false)

  // Newest follow first, paged by the follow's id (Link header), 100 by default, 200 at most.
  router.get('/api/v1/followed_tags', (ctx) => {
    const me = requireUser(ctx, 'read:follows')
    const w = world(ctx)
    const ids = ctx.state.inst.ids.tag
    const followIdOf = (name: string) => ids.idFor(`follow:${me}:${name}:${w.tagFollowedAt.get(`${me} ${name}`) ?? 0}`, w.tagFollowedAt.get(`${me} ${name}`) ?? 0)
    const names = [...(w.followedTags.get(me) ?? [])].sort((a, b) => ids.compare(followIdOf(b), followIdOf(a)))
    return paginate(ctx, names, followIdOf, ids, (name) => tagJson(ctx, me, name), { defaultLimit: 100, maxLimit: 200 })
  })

  // 4.4+: feature and unfeature by the tag's name, answering the Tag.
  router.post('/api/v1/tags/:name/feature', (ctx) => {
    const me = requireUser(ctx, 'write:accounts')
    const name = tagName(ctx)
    if (!featuredOf(ctx, me).some((f) => f.name.toLowerCase() === name)) feature(ctx, me, name)
    return json(tagJson(ctx, me, name))
  })
  router.post('/api/v1/tags/:name/unfeature', (ctx) => {
    const me = requireUser(ctx, 'write:accounts')
    const name = tagName(ctx)
    const record = featuredOf(ctx, me).find((f) => f.name.toLowerCase() === name)
    if (record) unfeature(ctx, me, record)
    return json(tagJson(ctx, me, name))
  })

  // Mastodon orders them by how many posts use them, most first.
  const byUse = (ctx: Ctx, list: FeaturedTagRecord[]) =>
    list.map((f) => featuredTagJson(ctx, f)).sort((a, b) => Number(b.statuses_count) - Number(a.statuses_count))

  router.get('/api/v1/featured_tags', (ctx) => {
    const me = requireUser(ctx, 'read:accounts')
    return json(byUse(ctx, featuredOf(ctx, me)))
  })
  router.post('/api/v1/featured_tags', (ctx) => {
    const me = requireUser(ctx, 'write:accounts')
    return json(featuredTagJson(ctx, feature(ctx, me, str(ctx.params, 'name') ?? '')))
  })
  router.delete('/api/v1/featured_tags/:id', (ctx) => {
    const me = requireUser(ctx, 'write:accounts')
    const key = ctx.state.inst.ids.tag.keyFor(ctx.path.id!)
    const record = featuredOf(ctx, me).find((f) => `featured:${f.key}` === key)
    if (!record) throw new ApiFailure(404, 'Record not found')
    unfeature(ctx, me, record)
    return json({})
  })
  // The tags the account used most that it has not featured yet (up to 10).
  router.get('/api/v1/featured_tags/suggestions', (ctx) => {
    const me = requireUser(ctx, 'read:accounts')
    const w = world(ctx)
    const featured = new Set(featuredOf(ctx, me).map((f) => f.name.toLowerCase()))
    const counts = new Map<string, number>()
    for (const s of w.statusOrder) {
      if (s.authorKey !== me || s.deletedAt !== null) continue
      for (const t of s.tags) if (!featured.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1)
    }
    const names = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10).map(([t]) => t)
    return json(names.map((name) => tagJson(ctx, me, name)))
  })
}

/** An account's featured tags as anyone sees them (/api/v1/accounts/:id/featured_tags). */
export function accountFeaturedTags(ctx: Ctx, accountKey: string): Json[] {
  return featuredOf(ctx, accountKey)
    .map((f) => featuredTagJson(ctx, f))
    .sort((a, b) => Number(b.statuses_count) - Number(a.statuses_count))
}
