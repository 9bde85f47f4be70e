// Posting, editing, deleting and acting on statuses.

import { paginate, requireUser, optionalUser, statusKeyOf, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { bool, int, json, obj, str, strList } from '../http.ts'
import type { StatusRecord, Visibility } from '../model.ts'
import { ApiFailure, type PostInput } from '../world.ts'

const VISIBILITIES: Visibility[] = ['public', 'unlisted', 'private', 'direct']
const MAX_CHARS = 500
const URL_CHARS = 23
const IDEMPOTENCY_TTL = 60 * 60 * 1000

/** Mastodon's length rule: URLs count 23, remote mentions count only `@user`. */
export function countChars(text: string): number {
  const replaced = text
    .replace(/https?:\/\/[^\s<>"]+/g, 'x'.repeat(URL_CHARS))
    .replace(/(^|[^\w/])@([a-zA-Z0-9_]+)@[a-zA-Z0-9.-]+(?::\d+)?/g, '$1@$2')
  return [...replaced].length
}

function validationError(field: string, message: string, code = 'ERR_INVALID'): ApiFailure {
  return new ApiFailure(422, `Validation failed: ${message}`, { [field]: [{ error: code, description: message }] })
}

function readPostInput(ctx: Ctx, me: string, editing: boolean): PostInput {
  const p = ctx.params
  const text = str(p, 'status') ?? ''
  const mediaIds = strList(p, 'media_ids')
  const pollParams = obj(p, 'poll')
  const w = world(ctx)
  const inst = ctx.state.inst

  const mediaKeys = mediaIds.map((id) => {
    const key = inst.ids.media.keyFor(id)
    const m = key ? w.media.get(key) : undefined
    if (!key || !m || m.ownerKey !== me) throw new ApiFailure(422, 'Validation failed: Media attachments is invalid')
    if (!editing && m.statusKey !== null) throw new ApiFailure(422, 'Validation failed: Media attachments is invalid')
    return key
  })
  if (mediaKeys.length > 4) throw validationError('media_attachments', 'Media attachments is too long (maximum is 4 attachments)')

  let poll: PostInput['poll'] = null
  if (pollParams) {
    const options = strList(pollParams, 'options')
    const expiresIn = int(pollParams, 'expires_in') ?? 86_400
    if (mediaKeys.length > 0) throw new ApiFailure(422, 'Cannot attach files with polls')
    if (options.length < 2) throw validationError('poll', 'Poll must have at least 2 options', 'ERR_TOO_SHORT')
    if (options.length > 4) throw validationError('poll', 'Poll must have at most 4 options', 'ERR_TOO_LONG')
    if (options.some((o) => [...o].length > 50)) throw validationError('poll', 'Poll option is too long (maximum is 50 characters)', 'ERR_TOO_LONG')
    if (options.some((o) => o.trim() === '')) throw validationError('poll', 'Poll options must not be blank', 'ERR_BLANK')
    if (expiresIn < 300 || expiresIn > 2_629_746) throw validationError('poll', 'Poll duration is invalid')
    poll = { options, expiresIn, multiple: bool(pollParams, 'multiple') ?? false, hideTotals: bool(pollParams, 'hide_totals') ?? false }
  }

  if (text.trim() === '' && mediaKeys.length === 0 && !poll) {
    throw validationError('text', "Text can't be blank", 'ERR_BLANK')
  }
  if (countChars(text) > MAX_CHARS) {
    throw validationError('text', `Text character limit of ${MAX_CHARS} exceeded`, 'ERR_TOO_LONG')
  }

  const visibility = (str(p, 'visibility') ?? 'public') as Visibility
  if (!VISIBILITIES.includes(visibility)) throw validationError('visibility', 'Visibility is not included in the list')

  const inReplyToId = str(p, 'in_reply_to_id')
  let inReplyToKey: string | null = null
  if (inReplyToId) {
    inReplyToKey = inst.statusKeyById(inReplyToId) ?? null
    const parent = inReplyToKey ? w.statuses.get(inReplyToKey) : undefined
    if (!parent || !w.canSee(me, parent)) throw new ApiFailure(404, 'Record not found')
  }
  const quotedId = str(p, 'quoted_status_id')
  let quoteKey: string | null = null
  if (quotedId) {
    quoteKey = inst.statusKeyById(quotedId) ?? null
    const quoted = quoteKey ? w.statuses.get(quoteKey) : undefined
    if (!quoted || !w.canSee(me, quoted)) throw new ApiFailure(404, 'Record not found')
    if (quoted.visibility === 'private' || quoted.visibility === 'direct') {
      throw new ApiFailure(422, 'Validation failed: Quoted status is not allowed to be quoted')
    }
  }
  const spoilerText = str(p, 'spoiler_text') ?? ''
  return {
    text,
    visibility,
    spoilerText,
    sensitive: (bool(p, 'sensitive') ?? false) || spoilerText !== '',
    language: str(p, 'language') || 'en',
    inReplyToKey,
    quoteKey,
    mediaKeys,
    poll,
    applicationName: ctx.state.auth.token ? (ctx.state.inst.apps.get(ctx.state.auth.token.clientId)?.name ?? 'Web') : 'Web',
  }
}

function ownStatus(ctx: Ctx, me: string): StatusRecord {
  const key = statusKeyOf(ctx, ctx.path.id!)
  const s = world(ctx).status(key)
  if (s.authorKey !== me) throw new ApiFailure(403, 'This action is not allowed')
  return s
}

function visibleStatus(ctx: Ctx, viewer: string | null): StatusRecord {
  const key = statusKeyOf(ctx, ctx.path.id!)
  const s = world(ctx).status(key)
  if (!world(ctx).canSee(viewer, s)) throw new ApiFailure(404, 'Record not found')
  return s
}

/** Descendants in thread order (depth first), as Mastodon returns them. */
function descendants(ctx: Ctx, viewer: string | null, root: StatusRecord): StatusRecord[] {
  const w = world(ctx)
  const children = new Map<string, StatusRecord[]>()
  for (const s of w.statusOrder) {
    if (s.inReplyToKey && w.canSee(viewer, s)) {
      const list = children.get(s.inReplyToKey) ?? []
      list.push(s)
      children.set(s.inReplyToKey, list)
    }
  }
  const out: StatusRecord[] = []
  const walk = (key: string) => {
    for (const c of children.get(key) ?? []) {
      if (viewer && (w.isBlocking(viewer, c.authorKey) || w.isMuting(viewer, c.authorKey))) continue
      out.push(c)
      walk(c.key)
    }
  }
  walk(root.key)
  return out
}

export function registerStatusRoutes(router: ApiRouter): void {
  router.post('/api/v1/statuses', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const inst = ctx.state.inst
    const w = world(ctx)
    const idem = ctx.req.headers.get('idempotency-key')
    const idemKey = idem ? `${me}|${idem}` : null
    if (idemKey) {
      const seen = inst.idempotency.get(idemKey)
      if (seen && Date.now() - seen.at < IDEMPOTENCY_TTL) {
        const s = w.statuses.get(seen.statusKey)
        if (s) return json(viewFor(ctx, me).status(s))
      }
    }
    const input = readPostInput(ctx, me, false)
    const s = w.post(me, input)
    if (idemKey) inst.idempotency.set(idemKey, { statusKey: s.key, at: Date.now() })
    return json(viewFor(ctx, me).status(s))
  })

  router.get('/api/v1/statuses', (ctx) => {
    const viewer = optionalUser(ctx)
    const w = world(ctx)
    const view = viewFor(ctx, viewer)
    return json(
      strList(ctx.params, 'id')
        .map((id) => ctx.state.inst.statusKeyById(id))
        .map((k) => (k ? w.statuses.get(k) : undefined))
        .filter((s): s is StatusRecord => Boolean(s) && w.canSee(viewer, s!))
        .map((s) => view.status(s)),
    )
  })

  router.get('/api/v1/statuses/:id', (ctx) => {
    const viewer = optionalUser(ctx)
    return json(viewFor(ctx, viewer).status(visibleStatus(ctx, viewer)))
  })

  router.put('/api/v1/statuses/:id', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const s = ownStatus(ctx, me)
    if (s.reblogOfKey) throw new ApiFailure(403, 'This action is not allowed')
    const input = readPostInput(ctx, me, true)
    world(ctx).edit(s.key, {
      text: input.text,
      spoilerText: input.spoilerText,
      sensitive: input.sensitive,
      language: input.language ?? undefined,
      mediaKeys: input.mediaKeys,
      pollOptions: input.poll?.options,
    })
    return json(viewFor(ctx, me).status(s))
  })

  router.delete('/api/v1/statuses/:id', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const s = ownStatus(ctx, me)
    const body = { ...viewFor(ctx, me).status(s), text: s.text }
    world(ctx).deleteStatus(s.key)
    return json(body)
  })

  router.get('/api/v1/statuses/:id/source', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    const s = ownStatus(ctx, me)
    return json({ id: ctx.state.inst.statusId(s.key), text: s.text, spoiler_text: s.spoilerText })
  })

  router.get('/api/v1/statuses/:id/history', (ctx) => {
    const viewer = optionalUser(ctx)
    const s = visibleStatus(ctx, viewer)
    const view = viewFor(ctx, viewer)
    const injected = world(ctx).overrides.history.get(s.key)
    if (injected) return json(injected)
    const versions =
      s.versions.length > 0
        ? s.versions
        : [{ at: s.createdAt, text: s.text, content: s.content, spoilerText: s.spoilerText, sensitive: s.sensitive, mediaKeys: s.mediaKeys, pollOptions: s.poll?.options ?? null }]
    return json(versions.map((v) => view.statusVersion(s, v)))
  })

  router.get('/api/v1/statuses/:id/context', (ctx) => {
    const viewer = optionalUser(ctx)
    const s = visibleStatus(ctx, viewer)
    const w = world(ctx)
    const ancestors: StatusRecord[] = []
    const seen = new Set<string>()
    let cur = s
    while (cur.inReplyToKey && !seen.has(cur.key)) {
      seen.add(cur.key)
      const parent = w.statuses.get(cur.inReplyToKey)
      if (!parent || !w.canSee(viewer, parent)) break
      ancestors.unshift(parent)
      cur = parent
    }
    const view = viewFor(ctx, viewer)
    return json({ ancestors: ancestors.map((a) => view.status(a)), descendants: descendants(ctx, viewer, s).map((d) => view.status(d)) })
  })

  const act = (path: string, scope: string, run: (ctx: Ctx, me: string, s: StatusRecord) => StatusRecord | void) =>
    router.post(`/api/v1/statuses/:id/${path}`, (ctx) => {
      const me = requireUser(ctx, scope)
      const s = visibleStatus(ctx, me)
      // Acting on a reblog wrapper acts on the original, as Mastodon does.
      const target = s.reblogOfKey ? world(ctx).status(s.reblogOfKey) : s
      const result = run(ctx, me, target) ?? target
      return json(viewFor(ctx, me).status(result))
    })

  act('favourite', 'write:favourites', (ctx, me, s) => world(ctx).favourite(me, s.key))
  act('unfavourite', 'write:favourites', (ctx, me, s) => world(ctx).unfavourite(me, s.key))
  act('reblog', 'write:statuses', (ctx, me, s) => {
    const visibility = (str(ctx.params, 'visibility') ?? 'public') as Visibility
    if (!['public', 'unlisted', 'private'].includes(visibility)) throw validationError('visibility', 'Visibility is not included in the list')
    // Mastodon's ReblogService: a followers-only post (its author's own) is boosted with its own visibility.
    return world(ctx).reblog(me, s.key, s.visibility === 'private' ? 'private' : visibility)
  })
  act('unreblog', 'write:statuses', (ctx, me, s) => world(ctx).unreblog(me, s.key))
  act('bookmark', 'write:bookmarks', (ctx, me, s) => world(ctx).bookmark(me, s.key))
  act('unbookmark', 'write:bookmarks', (ctx, me, s) => world(ctx).unbookmark(me, s.key))
  act('pin', 'write:accounts', (ctx, me, s) => {
    if (s.authorKey !== me) throw new ApiFailure(422, 'Validation failed: Someone else\'s post cannot be pinned')
    if (s.visibility === 'private' || s.visibility === 'direct') throw new ApiFailure(422, 'Validation failed: Non-public toot cannot be pinned')
    const pins = world(ctx).pins.get(me) ?? new Set()
    if (pins.size >= 5 && !pins.has(s.key)) throw new ApiFailure(422, 'Validation failed: You have already pinned the maximum number of toots')
    pins.add(s.key)
    world(ctx).pins.set(me, pins)
  })
  act('unpin', 'write:accounts', (ctx, me, s) => {
    world(ctx).pins.get(me)?.delete(s.key)
  })
  act('mute', 'write:mutes', (ctx, me, s) => {
    const w = world(ctx)
    const set = w.mutedConversations.get(me) ?? new Set()
    set.add(w.threadRoot(s.key))
    w.mutedConversations.set(me, set)
  })
  act('unmute', 'write:mutes', (ctx, me, s) => {
    world(ctx).mutedConversations.get(me)?.delete(world(ctx).threadRoot(s.key))
  })

  const whoActed = (path: string, keysFor: (ctx: Ctx, s: StatusRecord) => { accountKey: string; at: number }[]) =>
    router.get(`/api/v1/statuses/:id/${path}`, (ctx) => {
      const viewer = optionalUser(ctx)
      const s = visibleStatus(ctx, viewer)
      const inst = ctx.state.inst
      const w = world(ctx)
      const view = viewFor(ctx, viewer)
      // Paginated by the accounts' ids here; Mastodon uses the favourite's id, both opaque.
      const rows = keysFor(ctx, s)
        .sort((a, b) => b.at - a.at)
        .map((r) => w.account(r.accountKey))
      const unique = [...new Map(rows.map((a) => [a.key, a])).values()]
      return paginate(ctx, unique.sort((x, y) => inst.ids.account.compare(inst.accountId(y.key), inst.accountId(x.key))), (a) => inst.accountId(a.key), inst.ids.account, (a) => view.account(a), {
        defaultLimit: 40,
        maxLimit: 80,
      })
    })
  whoActed('favourited_by', (ctx, s) => world(ctx).favourites.filter((f) => f.statusKey === s.key).map((f) => ({ accountKey: f.accountKey, at: f.createdAt })))
  whoActed('reblogged_by', (ctx, s) =>
    world(ctx)
      .statusOrder.filter((r) => r.reblogOfKey === s.key && r.deletedAt === null)
      .map((r) => ({ accountKey: r.authorKey, at: r.createdAt })),
  )

  router.get('/api/v1/statuses/:id/quotes', (ctx) => {
    const viewer = optionalUser(ctx)
    const s = visibleStatus(ctx, viewer)
    const w = world(ctx)
    const items = w.statusOrder.filter((q) => q.quote?.statusKey === s.key && q.quote.state === 'accepted' && w.canSee(viewer, q)).reverse()
    const view = viewFor(ctx, viewer)
    return paginate(ctx, items, (q) => ctx.state.inst.statusId(q.key), ctx.state.inst.ids.status, (q) => view.status(q))
  })

  router.post('/api/v1/statuses/:id/translate', (ctx) => {
    const viewer = requireUser(ctx, 'read:statuses')
    if (!ctx.state.inst.features.translation) throw new ApiFailure(404, 'Record not found')
    const s = visibleStatus(ctx, viewer)
    const target = str(ctx.params, 'lang') || 'en'
    if (s.visibility !== 'public' && s.visibility !== 'unlisted') throw new ApiFailure(403, 'This action is not allowed')
    if ((s.language ?? 'en') === target) throw new ApiFailure(403, 'This action is not allowed')
    const injected = world(ctx).overrides.translations.get(s.key)
    if (injected) return json(injected)
    const view = viewFor(ctx, viewer)
    const status = view.status(s)
    return json({
      content: `<p>[${target}]</p>${s.content}`,
      spoiler_text: s.spoilerText ? `[${target}] ${s.spoilerText}` : '',
      language: target,
      detected_source_language: s.language ?? 'und',
      provider: 'Mock Translate',
      poll: s.poll ? { id: (status.poll as { id: string }).id, options: s.poll.options.map((title) => ({ title: `[${target}] ${title}` })) } : null,
      media_attachments: (status.media_attachments as { id: string; description: string | null }[]).map((m) => ({
        id: m.id,
        description: m.description ? `[${target}] ${m.description}` : '',
      })),
    })
  })

  // Unused by Mastodon clients, but old ones ask for it.
  router.get('/api/v1/statuses/:id/card', (ctx) => {
    const viewer = optionalUser(ctx)
    const s = visibleStatus(ctx, viewer)
    return json((viewFor(ctx, viewer).status(s).card as object | null) ?? {})
  })

}
