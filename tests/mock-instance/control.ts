// Test controls, mounted at /__control/ only when the fediverse was started
// with `controls: true` (never in the demo). Tests use them to inject faults,
// act as any user, mint tokens, drop streaming sockets, read the request log,
// create statuses in bulk, publish scheduled posts now, set how long uploads
// process, and reset to the seed.
//
// POST /__control/faults {path, kind, method?, count? (or times?), exact?, status?, body?,
//   headers?, delay_ms?}: the next matching request(s) fail. Kinds: status (answers
//   `status` with `body`), hang (no answer), reset (connection dropped), malformed (bad
//   JSON), delay (answers late), nocors (no CORS headers), and for "nothing posted
//   twice": hang-after / reset-after (the request is done in full, a post stored and
//   streamed, then no answer comes / the connection drops).
// POST /__control/scheduled/publish-due {now?}: publishes the scheduled posts due by
//   `now` (ISO time or ms; default: the present), as if their time had come.
// POST /__control/media-processing {ms, types?}: uploads of those types (default video,
//   gifv and audio; `image` too if named) stay "processing" for `ms` from now on.

import type { ApiState } from './context.ts'
import type { Router } from './http.ts'
import { errorResponse, json, readParams, str, bool, int, type Params } from './http.ts'
import { randomToken } from './ids.ts'
import { bulkStatuses } from './bulk.ts'
import { FAULT_KINDS, type FaultKind, type MockInstance } from './instance.ts'
import type { MediaType } from './model.ts'
import { publishDue } from './scheduled.ts'
import type { RunningFediverse } from './server.ts'
import { dispatch } from './server.ts'
import { ApiFailure } from './world.ts'

export function mintToken(inst: MockInstance, accountKey: string | null, scopes = ['read', 'write', 'follow', 'push']): string {
  const token = randomToken()
  inst.tokens.set(token, {
    token,
    clientId: 'mock-control',
    accountKey,
    scopes,
    createdAt: Date.now(),
    revokedAt: null,
  })
  return token
}

function findLocalAccount(inst: MockInstance, username: string): string | null {
  const a = inst.world.findAccountByHandle(username, inst.host)
  return a ? a.key : null
}

export async function handleControl(
  request: Request,
  url: URL,
  inst: MockInstance,
  fed: RunningFediverse,
  router: Router<ApiState>,
): Promise<Response> {
  const path = url.pathname.slice('/__control'.length)
  const method = request.method

  // /__control/as/:username/api/... runs a REST call as that user, past any faults.
  const as = /^\/as\/([^/]+)(\/.*)$/.exec(path)
  if (as) {
    const accountKey = findLocalAccount(inst, decodeURIComponent(as[1]!))
    if (!accountKey) return errorResponse(404, `No local user ${as[1]}`)
    const token = mintToken(inst, accountKey)
    const target = new URL(as[2]! + url.search, inst.origin)
    const headers = new Headers(request.headers)
    headers.set('authorization', `Bearer ${token}`)
    const body = method === 'GET' || method === 'HEAD' ? undefined : await request.arrayBuffer()
    const inner = new Request(target, { method, headers, body })
    return dispatch(router, inner, target, { inst, fed, auth: { token: inst.tokens.get(token)!, problem: 'none' } })
  }

  const params: Params = await readParams(request, url)

  if (method === 'POST' && path === '/reset') {
    fed.reset()
    return json({ ok: true })
  }

  if (method === 'POST' && path === '/token') {
    const username = str(params, 'username')
    const accountKey = username ? findLocalAccount(inst, username) : null
    if (username && !accountKey) return errorResponse(404, `No local user ${username}`)
    const scopes = (str(params, 'scopes') ?? 'read write follow push').split(/\s+/).filter(Boolean)
    const token = mintToken(inst, accountKey, scopes)
    return json({ access_token: token, account_id: accountKey ? inst.accountId(accountKey) : null })
  }

  // Many plain public statuses by one local user at once (see bulk.ts), with no streaming
  // events; `reach_home_of` (a handle) makes sure that account's home timeline shows them.
  if (method === 'POST' && path === '/bulk-statuses') {
    const username = str(params, 'username')
    const authorKey = username ? findLocalAccount(inst, username) : null
    if (!authorKey) return errorResponse(404, `No local user ${username}`)
    const reach = str(params, 'reach_home_of')
    const reachHomeOfKey = reach ? (inst.world.findAccountByHandle(reach, inst.host)?.key ?? null) : null
    if (reach && !reachHomeOfKey) return errorResponse(404, `No account ${reach}`)
    try {
      return json(bulkStatuses(inst, { authorKey, count: int(params, 'count') ?? 0, reachHomeOfKey, spacingMs: int(params, 'spacing_ms') }))
    } catch (err) {
      if (err instanceof ApiFailure) return errorResponse(err.status, err.message)
      throw err
    }
  }

  if (method === 'POST' && path === '/revoke') {
    const token = str(params, 'token')
    const rec = token ? inst.tokens.get(token) : undefined
    if (!rec) return errorResponse(404, 'Unknown token')
    rec.revokedAt = Date.now()
    return json({ ok: true })
  }

  // Hostile payloads for the security suite: patches merged into what the API
  // serves for a status (by local id), an account (by local id), or replacing
  // a status's edit history / translation.
  if (method === 'POST' && path === '/inject') {
    const w = inst.world
    const statusId = str(params, 'status_id')
    const accountId = str(params, 'account_id')
    const patch = params.patch
    if (statusId) {
      const key = inst.statusKeyById(statusId)
      if (!key) return errorResponse(404, `Unknown status ${statusId}`)
      if (patch && typeof patch === 'object') w.overrides.statuses.set(key, patch as Record<string, unknown>)
      if (Array.isArray(params.history)) w.overrides.history.set(key, params.history)
      if (params.translation && typeof params.translation === 'object') w.overrides.translations.set(key, params.translation as Record<string, unknown>)
      return json({ ok: true })
    }
    if (accountId) {
      const key = inst.accountKeyById(accountId)
      if (!key) return errorResponse(404, `Unknown account ${accountId}`)
      if (patch && typeof patch === 'object') w.overrides.accounts.set(key, patch as Record<string, unknown>)
      return json({ ok: true })
    }
    return errorResponse(422, 'status_id or account_id is required')
  }

  // Revokes every token of a user, as if they revoked the app in their settings.
  if (method === 'POST' && path === '/revoke-user') {
    const username = str(params, 'username')
    const accountKey = username ? findLocalAccount(inst, username) : null
    if (!accountKey) return errorResponse(404, `No local user ${username}`)
    let revoked = 0
    for (const t of inst.tokens.values()) {
      if (t.accountKey === accountKey && t.revokedAt === null) {
        t.revokedAt = Date.now()
        revoked++
      }
    }
    return json({ revoked })
  }

  if (method === 'POST' && path === '/faults') {
    const faultPath = str(params, 'path')
    if (!faultPath) return errorResponse(422, 'path is required')
    const kind = (str(params, 'kind') ?? 'status') as FaultKind
    if (!FAULT_KINDS.includes(kind)) return errorResponse(422, `Unknown kind ${kind}`)
    const headers: Record<string, string> = {}
    const h = params.headers
    if (h && typeof h === 'object') for (const [k, v] of Object.entries(h)) headers[k.toLowerCase()] = String(v)
    const fault = inst.addFault({
      path: faultPath,
      exact: bool(params, 'exact') ?? false,
      method: str(params, 'method')?.toUpperCase() ?? null,
      remaining: int(params, 'count') ?? int(params, 'times') ?? 1,
      kind,
      status: int(params, 'status') ?? 500,
      body: params.body ?? null,
      headers,
      delayMs: int(params, 'delay_ms') ?? 0,
    })
    return json({ id: fault.id })
  }

  if (method === 'DELETE' && path === '/faults') {
    inst.faults = []
    return json({ ok: true })
  }

  if (method === 'POST' && path === '/scheduled/publish-due') {
    const now = str(params, 'now')
    const at = now === undefined ? Date.now() : /^\d+$/.test(now) ? Number(now) : Date.parse(now)
    if (!Number.isFinite(at)) return errorResponse(422, `Not a time: ${now}`)
    const published = publishDue(inst.world, at)
    return json({ published: published.map((s) => inst.statusId(s.key)) })
  }

  if (method === 'POST' && path === '/media-processing') {
    const ms = int(params, 'ms')
    if (ms === undefined || ms < 0) return errorResponse(422, 'ms is required')
    const types = (Array.isArray(params.types) ? params.types.map(String) : ['video', 'gifv', 'audio']) as MediaType[]
    const unknown = types.filter((t) => !(t in inst.mediaProcessingMs))
    if (unknown.length) return errorResponse(422, `Unknown media types ${unknown.join(', ')}`)
    for (const t of types) inst.mediaProcessingMs[t] = ms
    return json(inst.mediaProcessingMs)
  }

  if (method === 'POST' && path === '/streaming/drop') {
    const username = str(params, 'username')
    const accountKey = username ? findLocalAccount(inst, username) : null
    const dropped = fed.streaming.get(inst.host)?.drop(accountKey) ?? 0
    return json({ dropped })
  }

  if (method === 'POST' && path === '/features') {
    for (const k of ['streaming', 'translation', 'groupedNotifications'] as const) {
      const v = bool(params, k)
      if (v !== undefined) inst.features[k] = v
    }
    return json(inst.features)
  }

  if (method === 'GET' && path === '/log') {
    const filter = url.searchParams.get('path')
    return json({
      requests: filter ? inst.log.filter((r) => r.path.startsWith(filter)) : inst.log,
      oauth: inst.oauthLog,
    })
  }

  if (method === 'DELETE' && path === '/log') {
    inst.log.length = 0
    inst.oauthLog.length = 0
    return json({ ok: true })
  }

  if (method === 'GET' && path === '/state') {
    return json({
      host: inst.host,
      accounts: [...inst.world.accounts.values()].filter((a) => a.home === inst.host).map((a) => ({ username: a.username, id: inst.accountId(a.key) })),
      tokens: [...inst.tokens.values()].map((t) => ({ accountKey: t.accountKey, clientId: t.clientId, revoked: t.revokedAt !== null })),
      streamingConnections: fed.streaming.get(inst.host)?.connectionCount() ?? 0,
    })
  }

  return errorResponse(404, 'Unknown control endpoint')
}

