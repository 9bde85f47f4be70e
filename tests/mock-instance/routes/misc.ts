// Markers, lists, search, media uploads, polls and the small endpoints
// clients probe (filters, announcements, domain blocks). Hashtags: tags.ts.

import { parseFocus } from '../compose.ts'
import { offsetPage, paginate, requireUser, optionalUser, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { bool, json, obj, str, strList } from '../http.ts'
import type { AccountRecord, ListRecord, MediaRecord, MediaType, StatusRecord } from '../model.ts'
import { searchAccounts, searchHashtags } from '../search.ts'
import { ApiFailure } from '../world.ts'

const MARKER_TIMELINES = ['home', 'notifications']

function listOf(ctx: Ctx, me: string): ListRecord {
  const key = ctx.state.inst.ids.list.keyFor(ctx.path.id!)
  const list = key ? world(ctx).lists.get(key) : undefined
  if (!list || list.ownerKey !== me) throw new ApiFailure(404, 'Record not found')
  return list
}

function mediaTypeOf(mime: string): MediaType {
  if (mime === 'image/gif') return 'gifv'
  if (mime.startsWith('image/')) return 'image'
  if (mime.startsWith('video/')) return 'video'
  if (mime.startsWith('audio/')) return 'audio'
  return 'unknown'
}

const SUPPORTED_MIME = /^(image\/(jpeg|png|gif|webp|avif|heic|heif|svg\+xml)|video\/(mp4|webm|quicktime|ogg)|audio\/(mpeg|mp3|ogg|wav|wave|x-wav|webm|flac|aac|mp4|m4a|x-m4a|3gpp))$/

async function upload(ctx: Ctx, me: string): Promise<MediaRecord> {
  const file = ctx.params.file
  if (!(file instanceof Blob)) throw new ApiFailure(422, 'Validation failed: File can\'t be blank')
  const mime = file.type || 'application/octet-stream'
  if (!SUPPORTED_MIME.test(mime)) throw new ApiFailure(422, `Validation failed: File content type "${mime}" is not allowed`)
  if (file.size > 16 * 1024 * 1024) throw new ApiFailure(422, 'Validation failed: File file size must be less than 16 MB')
  const description = str(ctx.params, 'description') ?? null
  if (description && [...description].length > 1500) throw new ApiFailure(422, 'Validation failed: Description is too long (maximum is 1500 characters)')
  const w = world(ctx)
  const type = mediaTypeOf(mime)
  const createdAt = w.now()
  const key = w.nextKey('media')
  const m: MediaRecord = {
    key,
    ownerKey: me,
    home: ctx.state.inst.host,
    type,
    createdAt,
    description,
    blurhash: 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}',
    focus: parseFocus(str(ctx.params, 'focus')),
    width: 640,
    height: 480,
    path: '',
    mime,
    bytes: new Uint8Array(await file.arrayBuffer()),
    processingUntil: Date.now() + ctx.state.inst.mediaProcessingMs[type],
    statusKey: null,
  }
  w.media.set(key, m)
  return m
}

function ownMedia(ctx: Ctx, me: string): MediaRecord {
  const key = ctx.state.inst.ids.media.keyFor(ctx.path.id!)
  const m = key ? world(ctx).media.get(key) : undefined
  if (!m || m.ownerKey !== me) throw new ApiFailure(404, 'Record not found')
  return m
}

function statusOfPoll(ctx: Ctx, pollId: string): StatusRecord {
  const key = ctx.state.inst.ids.poll.keyFor(pollId)
  const s = key ? world(ctx).statusOrder.find((x) => x.poll?.key === key && x.deletedAt === null) : undefined
  if (!s) throw new ApiFailure(404, 'Record not found')
  return s
}

/** Finds a status or account by its URL or URI on any instance of the fediverse. */
function resolveUrl(ctx: Ctx, q: string): { status?: StatusRecord; account?: AccountRecord } {
  let url: URL
  try {
    url = new URL(q)
  } catch {
    return {}
  }
  const w = world(ctx)
  const host = url.host
  const home = ctx.state.fed.instances.get(host)
  if (!home) return {}
  const statusMatch = /^\/(?:@([^/]+)|users\/([^/]+)\/statuses)\/([^/]+)\/?$/.exec(url.pathname)
  if (statusMatch) {
    const key = home.statusKeyById(statusMatch[3]!)
    const s = key ? w.statuses.get(key) : undefined
    if (s && s.deletedAt === null) return { status: s }
  }
  const accountMatch = /^\/(?:@|users\/)([^/]+)\/?$/.exec(url.pathname)
  if (accountMatch) {
    const a = w.findAccountByHandle(accountMatch[1]!, host)
    if (a) return { account: a }
  }
  return {}
}

export function registerMiscRoutes(router: ApiRouter): void {
  // --- markers ---------------------------------------------------------------
  router.get('/api/v1/markers', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    const wanted = strList(ctx.params, 'timeline')
    const markers = world(ctx).markers.get(me) ?? {}
    const out: Record<string, unknown> = {}
    for (const t of wanted.length ? wanted : MARKER_TIMELINES) {
      const m = markers[t]
      if (m) out[t] = { last_read_id: m.lastReadId, version: m.version, updated_at: new Date(m.updatedAt).toISOString() }
    }
    return json(out)
  })

  router.post('/api/v1/markers', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const w = world(ctx)
    const markers = w.markers.get(me) ?? {}
    const out: Record<string, unknown> = {}
    for (const t of MARKER_TIMELINES) {
      const p = obj(ctx.params, t)
      const lastReadId = p ? str(p, 'last_read_id') : undefined
      if (!lastReadId) continue
      const prev = markers[t]
      markers[t] = { lastReadId, version: (prev?.version ?? -1) + 1, updatedAt: Date.now() }
      out[t] = { last_read_id: lastReadId, version: markers[t].version, updated_at: new Date(markers[t].updatedAt).toISOString() }
    }
    w.markers.set(me, markers)
    if (Object.keys(out).length === 0) throw new ApiFailure(422, 'Validation failed: Last read can\'t be blank')
    return json(out)
  })

  // --- lists -----------------------------------------------------------------
  router.get('/api/v1/lists', (ctx) => {
    const me = requireUser(ctx, 'read:lists')
    const view = viewFor(ctx, me)
    return json([...world(ctx).lists.values()].filter((l) => l.ownerKey === me).map((l) => view.list(l)))
  })

  router.post('/api/v1/lists', (ctx) => {
    const me = requireUser(ctx, 'write:lists')
    const title = (str(ctx.params, 'title') ?? '').trim()
    if (!title) throw new ApiFailure(422, "Validation failed: Title can't be blank", { title: [{ error: 'ERR_BLANK', description: "can't be blank" }] })
    const w = world(ctx)
    const policy = (str(ctx.params, 'replies_policy') ?? 'list') as ListRecord['repliesPolicy']
    if (!['followed', 'list', 'none'].includes(policy)) throw new ApiFailure(422, 'Validation failed: Replies policy is not included in the list')
    const list: ListRecord = {
      key: w.nextKey('list'),
      ownerKey: me,
      createdAt: w.now(),
      title,
      repliesPolicy: policy,
      exclusive: bool(ctx.params, 'exclusive') ?? false,
      memberKeys: new Set(),
    }
    w.lists.set(list.key, list)
    return json(viewFor(ctx, me).list(list))
  })

  router.get('/api/v1/lists/:id', (ctx) => {
    const me = requireUser(ctx, 'read:lists')
    return json(viewFor(ctx, me).list(listOf(ctx, me)))
  })

  router.put('/api/v1/lists/:id', (ctx) => {
    const me = requireUser(ctx, 'write:lists')
    const list = listOf(ctx, me)
    const title = str(ctx.params, 'title')
    if (title !== undefined) {
      if (!title.trim()) throw new ApiFailure(422, "Validation failed: Title can't be blank")
      list.title = title.trim()
    }
    const policy = str(ctx.params, 'replies_policy')
    if (policy) list.repliesPolicy = policy as ListRecord['repliesPolicy']
    const exclusive = bool(ctx.params, 'exclusive')
    if (exclusive !== undefined) list.exclusive = exclusive
    return json(viewFor(ctx, me).list(list))
  })

  router.delete('/api/v1/lists/:id', (ctx) => {
    const me = requireUser(ctx, 'write:lists')
    world(ctx).lists.delete(listOf(ctx, me).key)
    return json({})
  })

  router.get('/api/v1/lists/:id/accounts', (ctx) => {
    const me = requireUser(ctx, 'read:lists')
    const list = listOf(ctx, me)
    const inst = ctx.state.inst
    const w = world(ctx)
    const view = viewFor(ctx, me)
    const members = [...list.memberKeys]
      .map((k) => w.account(k))
      .sort((x, y) => inst.ids.account.compare(inst.accountId(y.key), inst.accountId(x.key)))
    return paginate(ctx, members, (a) => inst.accountId(a.key), inst.ids.account, (a) => view.account(a), { defaultLimit: 40, maxLimit: 80 })
  })

  router.post('/api/v1/lists/:id/accounts', (ctx) => {
    const me = requireUser(ctx, 'write:lists')
    const list = listOf(ctx, me)
    const w = world(ctx)
    for (const id of strList(ctx.params, 'account_ids')) {
      const key = ctx.state.inst.accountKeyById(id)
      if (!key) throw new ApiFailure(404, 'Record not found')
      if (!w.isFollowing(me, key)) throw new ApiFailure(422, 'Validation failed: Account has to be followed')
      if (list.memberKeys.has(key)) throw new ApiFailure(422, 'Validation failed: Account has already been taken')
      list.memberKeys.add(key)
    }
    return json({})
  })

  router.delete('/api/v1/lists/:id/accounts', (ctx) => {
    const me = requireUser(ctx, 'write:lists')
    const list = listOf(ctx, me)
    for (const id of strList(ctx.params, 'account_ids')) {
      const key = ctx.state.inst.accountKeyById(id)
      if (key) list.memberKeys.delete(key)
    }
    return json({})
  })

  // --- search ----------------------------------------------------------------
  router.get('/api/v2/search', (ctx) => {
    const viewer = optionalUser(ctx)
    const q = (str(ctx.params, 'q') ?? '').trim()
    const type = str(ctx.params, 'type')
    const resolve = bool(ctx.params, 'resolve') ?? false
    const following = bool(ctx.params, 'following') ?? false
    const accountId = str(ctx.params, 'account_id')
    const offset = Number(str(ctx.params, 'offset') ?? 0)
    if (resolve && !viewer) throw new ApiFailure(401, 'Search queries that resolve remote resources are not supported without authentication')
    if (offset > 0 && !viewer) throw new ApiFailure(401, 'Search queries with offset are not supported without authentication')
    const w = world(ctx)
    const view = viewFor(ctx, viewer)
    const result = { accounts: [] as unknown[], statuses: [] as unknown[], hashtags: [] as unknown[] }
    if (!q) return json(result)

    // A URL resolves to exactly that status or account (resolve=true is how a
    // client fetches a remote post onto its own instance).
    if (/^https?:\/\//.test(q)) {
      const found = resolveUrl(ctx, q)
      if (found.status && (!type || type === 'statuses') && w.canSee(viewer, found.status)) result.statuses.push(view.status(found.status))
      if (found.account && (!type || type === 'accounts')) result.accounts.push(view.account(found.account))
      return json(result)
    }

    // As SearchService: no accounts for `#…`, no hashtags for anything with an `@`.
    if ((!type || type === 'accounts') && !q.startsWith('#') && !(q.includes('@') && q.includes(' '))) {
      const accounts = searchAccounts(w, ctx.state.inst.host, viewer, q, following)
      result.accounts = offsetPage(ctx, accounts).map((a) => view.account(a))
    }
    if ((!type || type === 'hashtags') && !q.includes('@')) {
      result.hashtags = offsetPage(ctx, searchHashtags(w, q)).map((t) => view.tag(t))
    }
    if ((!type || type === 'statuses') && viewer && !q.startsWith('#') && !q.startsWith('@')) {
      const author = accountId ? ctx.state.inst.accountKeyById(accountId) : undefined
      const matches: StatusRecord[] = []
      for (let i = w.statusOrder.length - 1; i >= 0; i--) {
        const s = w.statusOrder[i]!
        if (s.deletedAt !== null || s.reblogOfKey || !w.canSee(viewer, s)) continue
        if (author && s.authorKey !== author) continue
        if (`${s.text} ${s.spoilerText}`.toLowerCase().includes(q.toLowerCase())) matches.push(s)
      }
      result.statuses = offsetPage(ctx, matches).map((s) => view.status(s))
    }
    return json(result)
  })

  // --- media -----------------------------------------------------------------
  router.post('/api/v2/media', async (ctx) => {
    const me = requireUser(ctx, 'write:media')
    const m = await upload(ctx, me)
    const body = viewFor(ctx, me).media(m)
    return json(body, m.processingUntil > Date.now() ? 202 : 200)
  })

  router.post('/api/v1/media', async (ctx) => {
    const me = requireUser(ctx, 'write:media')
    const m = await upload(ctx, me)
    m.processingUntil = 0
    return json(viewFor(ctx, me).media(m))
  })

  router.get('/api/v1/media/:id', (ctx) => {
    const me = requireUser(ctx, 'write:media')
    const m = ownMedia(ctx, me)
    // 206 Partial Content while processing, as Mastodon answers.
    return json(viewFor(ctx, me).media(m), m.processingUntil > Date.now() ? 206 : 200)
  })

  router.put('/api/v1/media/:id', (ctx) => {
    const me = requireUser(ctx, 'write:media')
    const m = ownMedia(ctx, me)
    const description = str(ctx.params, 'description')
    if (description !== undefined) m.description = description
    const focus = parseFocus(str(ctx.params, 'focus'))
    if (focus) m.focus = focus
    return json(viewFor(ctx, me).media(m))
  })

  router.delete('/api/v1/media/:id', (ctx) => {
    const me = requireUser(ctx, 'write:media')
    const m = ownMedia(ctx, me)
    if (m.statusKey) throw new ApiFailure(422, 'Media attachment is currently used by a status')
    world(ctx).media.delete(m.key)
    return json({})
  })

  // --- polls -----------------------------------------------------------------
  router.get('/api/v1/polls/:id', (ctx) => {
    const viewer = optionalUser(ctx)
    const s = statusOfPoll(ctx, ctx.path.id!)
    if (!world(ctx).canSee(viewer, s)) throw new ApiFailure(404, 'Record not found')
    return json(viewFor(ctx, viewer).poll(s, s.poll!))
  })

  router.post('/api/v1/polls/:id/votes', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const s = statusOfPoll(ctx, ctx.path.id!)
    if (!world(ctx).canSee(me, s)) throw new ApiFailure(404, 'Record not found')
    const choices = strList(ctx.params, 'choices').map(Number)
    world(ctx).vote(me, s.key, choices)
    return json(viewFor(ctx, me).poll(s, s.poll!))
  })

  // --- small endpoints clients probe ------------------------------------------
  router.get('/api/v2/filters', (ctx) => {
    requireUser(ctx, 'read:filters')
    return json([])
  })
  router.get('/api/v1/filters', (ctx) => {
    requireUser(ctx, 'read:filters')
    return json([])
  })
  router.get('/api/v1/announcements', (ctx) => {
    requireUser(ctx, 'read')
    return json([])
  })
  router.get('/api/v1/directory', (ctx) => {
    const viewer = optionalUser(ctx)
    const view = viewFor(ctx, viewer)
    const local = bool(ctx.params, 'local') ?? false
    const accounts = [...world(ctx).accounts.values()].filter((a) => a.discoverable && !a.suspended && (!local || a.home === ctx.state.inst.host))
    return json(offsetPage(ctx, accounts, 40, 80).map((a) => view.account(a)))
  })
}
