// Posting, editing, deleting and acting on statuses.

import {
  attachableMedia,
  isBlank,
  parseFocus,
  parseScheduledAt,
  pollErrors,
  postDraft,
  preparePoll,
  quoteTarget,
  readQuotePolicy,
  readStatusParams,
  recordInvalid,
  replyTarget,
  resolvePost,
  statusErrors,
  validLanguage,
  validationFailed,
  type PostDraft,
} from '../compose.ts'
import { paginate, requireUser, optionalUser, statusKeyOf, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { bool, json, str, strList } from '../http.ts'
import type { StatusRecord, Visibility } from '../model.ts'
import { addScheduled, scheduleErrors } from '../scheduled.ts'
import { ApiFailure } from '../world.ts'

const IDEMPOTENCY_TTL = 60 * 60 * 1000

function validationError(field: string, message: string): ApiFailure {
  return new ApiFailure(422, `Validation failed: ${message}`, { [field]: [{ error: 'ERR_INVALID', description: message }] })
}

function applicationName(ctx: Ctx): string {
  const token = ctx.state.auth.token
  return token ? (ctx.state.inst.apps.get(token.clientId)?.name ?? 'Web') : 'Web'
}

/** What an earlier request with this Idempotency-Key made, if it was within the hour. */
function idempotentAnswer(ctx: Ctx, me: string, idemKey: string | null): Response | null {
  const seen = idemKey ? ctx.state.inst.idempotency.get(idemKey) : undefined
  if (!seen || Date.now() - seen.at >= IDEMPOTENCY_TTL) return null
  const w = world(ctx)
  const view = viewFor(ctx, me)
  if (seen.kind === 'scheduled') {
    const r = w.scheduled.get(seen.key)
    return r ? json(view.scheduledStatus(r)) : null
  }
  const s = w.statuses.get(seen.key)
  if (!s || s.deletedAt !== null) throw new ApiFailure(404, 'Record not found')
  return json(view.status(s))
}

/** POST /api/v1/statuses: posts now, or schedules (a time already past posts now). */
function createStatus(ctx: Ctx): Response {
  const me = requireUser(ctx, 'write:statuses')
  const inst = ctx.state.inst
  const w = world(ctx)
  const p = readStatusParams(ctx.params)
  const parent = p.inReplyToId ? replyTarget(inst, me, p.inReplyToId) : null
  const quoted = p.quotedStatusId ? quoteTarget(inst, me, p.quotedStatusId) : null
  const quotePolicy = readQuotePolicy(p.quoteApprovalPolicy)
  const idem = ctx.req.headers.get('idempotency-key')
  const idemKey = idem ? `${me}|${idem}` : null
  const earlier = idempotentAnswer(ctx, me, idemKey)
  if (earlier) return earlier

  const media = attachableMedia(inst, me, p.mediaIds, p.poll !== null)
  let scheduledAt = parseScheduledAt(p.scheduledAt)
  if (scheduledAt !== null && scheduledAt <= Date.now()) scheduledAt = null
  const draft: PostDraft = { ...p, parent, quoted, quotePolicy, media, applicationName: applicationName(ctx) }
  const view = viewFor(ctx, me)

  if (scheduledAt !== null) {
    // Mastodon validates the post first, and says nothing of why it would not be valid.
    if (resolvePost(draft).errors.length) throw recordInvalid()
    const errors = scheduleErrors(w, me, scheduledAt)
    if (errors.length) throw validationFailed(errors)
    const r = addScheduled(w, {
      ownerKey: me,
      home: inst.host,
      scheduledAt,
      params: {
        text: p.text ?? '',
        spoilerText: p.spoilerText,
        visibility: p.visibility as Visibility | null,
        sensitive: p.sensitive,
        language: p.language,
        inReplyToKey: parent?.key ?? null,
        quoteKey: quoted?.key ?? null,
        quotePolicy,
        poll: draft.poll && draft.poll.expiresIn !== null ? { ...draft.poll, expiresIn: draft.poll.expiresIn } : null,
      },
      mediaKeys: media.map((m) => m.key),
      applicationName: draft.applicationName,
    })
    if (idemKey) inst.idempotency.set(idemKey, { kind: 'scheduled', key: r.key, at: Date.now() })
    return json(view.scheduledStatus(r))
  }

  const s = postDraft(w, me, draft)
  if (idemKey) inst.idempotency.set(idemKey, { kind: 'status', key: s.key, at: Date.now() })
  return json(view.status(s))
}

/**
 * PUT /api/v1/statuses/:id, as UpdateStatusService: the request says what the post now
 * is, so attachments or a poll left out are taken off, a content warning left out is
 * cleared. An edit that changes nothing records no new version.
 */
function editStatus(ctx: Ctx): Response {
  const me = requireUser(ctx, 'write:statuses')
  const inst = ctx.state.inst
  const w = world(ctx)
  const s = ownStatus(ctx, me)
  if (s.reblogOfKey) throw new ApiFailure(403, 'This action is not allowed')
  const p = readStatusParams(ctx.params)
  const quotePolicy = readQuotePolicy(p.quoteApprovalPolicy)
  const media = attachableMedia(inst, me, p.mediaIds, p.poll !== null, s.key)
  const poll = preparePoll(p.poll)
  if (poll) {
    const errors = pollErrors(poll, '')
    if (errors.length) throw validationFailed(errors)
  }
  // A blank text takes the content warning's place, and the warning stays as it was.
  const cwAsText = isBlank(p.text ?? '') && Boolean(p.spoilerText)
  const text = cwAsText ? p.spoilerText! : (p.text ?? '')
  const spoilerText = cwAsText ? s.spoilerText : (p.spoilerText ?? '')
  const errors = statusErrors({ text, spoilerText, visibility: s.visibility, withMedia: media.length > 0, withQuote: s.quote !== null })
  if (errors.length) throw validationFailed(errors)

  const attributeChanges = p.mediaAttributes.flatMap((a) => {
    const m = media.find((x) => inst.ids.media.existingId(x.key) === a.id)
    if (!m) return []
    const focus = a.focus === undefined ? m.focus : parseFocus(a.focus)
    const description = a.description === undefined ? m.description : a.description
    const changed = description !== m.description || JSON.stringify(focus) !== JSON.stringify(m.focus)
    return changed ? [{ m, description, focus }] : []
  })
  const next = {
    text,
    spoilerText,
    sensitive: (p.sensitive ?? false) || (!cwAsText && spoilerText !== ''),
    language: validLanguage(p.language) ?? s.language ?? 'en',
    mediaKeys: media.map((m) => m.key),
  }
  const changed =
    next.text !== s.text ||
    next.spoilerText !== s.spoilerText ||
    next.sensitive !== s.sensitive ||
    next.language !== s.language ||
    next.mediaKeys.join() !== s.mediaKeys.join() ||
    attributeChanges.length > 0 ||
    // A poll given is always new: its end is counted again from now.
    poll !== null ||
    s.poll !== null ||
    (quotePolicy !== null && quotePolicy !== s.quotePolicy)
  if (!changed) return json(viewFor(ctx, me).status(s))
  for (const c of attributeChanges) {
    c.m.description = c.description
    c.m.focus = c.focus
  }
  w.edit(s.key, {
    ...next,
    poll: poll && poll.expiresIn !== null ? { ...poll, expiresIn: poll.expiresIn } : null,
    quotePolicy: quotePolicy ?? undefined,
  })
  return json(viewFor(ctx, me).status(s))
}

/**
 * The caller's own status. Editing and deleting look only among the caller's posts
 * (another's is not found); reading the source finds it, then refuses it.
 */
function ownStatus(ctx: Ctx, me: string, others: 404 | 403 = 404): StatusRecord {
  const key = statusKeyOf(ctx, ctx.path.id!)
  const s = world(ctx).status(key)
  if (s.authorKey === me) return s
  throw others === 404 ? new ApiFailure(404, 'Record not found') : new ApiFailure(403, 'This action is not allowed')
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
  router.post('/api/v1/statuses', createStatus)

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

  router.put('/api/v1/statuses/:id', editStatus)

  router.delete('/api/v1/statuses/:id', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const s = ownStatus(ctx, me)
    const w = world(ctx)
    // With `text`, for "delete & redraft".
    const body = { ...viewFor(ctx, me).status(s), text: s.text }
    w.deleteStatus(s.key)
    // The attachments are kept for the redraft, free to attach again, unless asked not to.
    const deleteMedia = bool(ctx.params, 'delete_media') ?? false
    for (const k of s.mediaKeys) {
      if (deleteMedia) w.media.delete(k)
      else {
        const m = w.media.get(k)
        if (m) m.statusKey = null
      }
    }
    return json(body)
  })

  router.get('/api/v1/statuses/:id/source', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    const s = ownStatus(ctx, me, 403)
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
