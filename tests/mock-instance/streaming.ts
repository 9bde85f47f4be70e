// Mastodon's WebSocket streaming API on the instance's own HTTP server:
// `GET /api/v1/streaming` upgraded to a WebSocket, one socket multiplexing
// any number of streams (`{"type":"subscribe","stream":"hashtag","tag":"x"}`),
// frames `{"stream":[name, param?],"event":…,"payload":"<JSON string>"}`.
//
// Behaviour follows mastodon/streaming/index.js (4.x) and the fan-out rules
// of FanOutOnWriteService / RemoveStatusService:
// - the token comes from `Authorization: Bearer`, else `access_token`, else the
//   `Sec-WebSocket-Protocol` header (which is echoed back as the protocol);
//   an unknown, revoked or app-only token is refused with a plain HTTP 401.
//   Unlike Mastodon 4.x (which refuses any upgrade without a token), a
//   socket without a token is accepted here, for the public streams only.
// - errors while subscribing are sent as `{"error":…,"status":…}` frames.
// - public and hashtag streams carry public statuses only, never reblogs;
//   replies to other people reach hashtag streams but not public streams.
// - `update` / `status.update` payloads are rendered per recipient, with the
//   ids of the instance the socket is connected to.

import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { hasScope, type Fediverse } from './context.ts'
import type { MockInstance, TokenRecord } from './instance.ts'
import type { NotificationRecord, StatusRecord } from './model.ts'
import { View } from './serialize.ts'
import type { World } from './world.ts'

export interface StreamingServer {
  /** Re-subscribes to the (new) world after a reset and closes old sockets. */
  rebind(): void
  close(): void
  /** Closes sockets (of one account, or all when null); returns how many. */
  drop(accountKey: string | null): number
  connectionCount(): number
  /** Open subscriptions, for tests that wait until a client has subscribed. */
  subscriptions(): { accountKey: string | null; stream: string[] }[]
}

const PUBLIC_CHANNELS = new Set([
  'public',
  'public:media',
  'public:local',
  'public:local:media',
  'public:remote',
  'public:remote:media',
  'hashtag',
  'hashtag:local',
])
const KNOWN_CHANNELS = new Set([...PUBLIC_CHANNELS, 'user', 'user:notification', 'list', 'direct'])

const PING_INTERVAL_MS = 30_000
const STREAMING_PATH = /^\/api\/v1\/streaming(?:\/.*)?$/

type StatusChange = 'create' | 'update' | 'delete'

interface Subscription {
  channel: string
  /** Identifies the underlying channel: subscribing twice to it is a no-op. */
  key: string
  /** The `stream` array of every frame sent for this subscription. */
  stream: string[]
  /** Normalised tag (hashtag streams). */
  tag: string | null
  /** World key of the list (list stream). */
  listKey: string | null
}

interface Connection {
  ws: WebSocket
  inst: MockInstance
  token: TokenRecord | null
  accountKey: string | null
  subs: Map<string, Subscription>
  alive: boolean
}

class StreamError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

type Params = Record<string, unknown>

function firstParam(v: unknown): string | null {
  const x = Array.isArray(v) ? v[0] : v
  if (typeof x === 'string') return x
  if (typeof x === 'number') return String(x)
  return null
}

/** As Mastodon's normalizeHashtag: NFKC, lower case, without a leading `#`. */
function normalizeTag(tag: string): string {
  return tag.normalize('NFKC').replace(/^#/, '').toLowerCase()
}

/** Writes a plain HTTP response on a socket that asked for an upgrade, then closes it. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = status === 404 ? JSON.stringify({ error: 'Not Found' }) : ''
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}`,
    'Connection: close',
    `Content-Type: ${status === 404 ? 'application/json' : 'text/plain'}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Error-Message: ${message.replace(/[\r\n]+/g, ' ')}`,
  ]
  socket.once('finish', () => socket.destroy())
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`)
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** Runs `fn` with `s` (and the status it reblogs) treated as not deleted. */
function asIfNotDeleted<T>(world: World, s: StatusRecord, fn: () => T): T {
  const saved: [StatusRecord, number][] = []
  const clear = (x: StatusRecord | undefined) => {
    if (x && x.deletedAt !== null) {
      saved.push([x, x.deletedAt])
      x.deletedAt = null
    }
  }
  clear(s)
  if (s.reblogOfKey) clear(world.statuses.get(s.reblogOfKey))
  try {
    return fn()
  } finally {
    for (const [x, at] of saved) x.deletedAt = at
  }
}

export function attachStreaming(server: http.Server, getInst: () => MockInstance, getFed: () => Fediverse): StreamingServer {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols, req) => chosenProtocol.get(req) ?? protocols.values().next().value ?? false,
  })
  const connections = new Set<Connection>()
  /** Upgrade requests held open by a `hang` fault, destroyed on close(). */
  const hanging = new Set<Duplex>()
  /** The subprotocol to echo for a request (the token, when it came that way). */
  const chosenProtocol = new WeakMap<http.IncomingMessage, string>()
  let world: World | null = null
  let closed = false

  // --- upgrade and authentication ------------------------------------------

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {})
    void handleUpgrade(req, socket, head).catch((err: unknown) => {
      console.error('[mock streaming] upgrade failed:', err)
      socket.destroy()
    })
  }

  const handleUpgrade = async (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const inst = getInst()
    const url = new URL(req.url ?? '/', inst.origin)
    if (closed || !STREAMING_PATH.test(url.pathname)) return refuse(socket, 404, 'Not Found')
    // A server without streaming (or a proxy not forwarding it).
    if (!inst.features.streaming) return refuse(socket, 404, 'Not Found')

    const protocols = (req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    const authorization = req.headers.authorization
    let token: string | null = null
    if (authorization && /^bearer /i.test(authorization)) token = authorization.slice(7).trim()
    else if (url.searchParams.get('access_token')) token = url.searchParams.get('access_token')
    else if (protocols[0]) {
      token = protocols[0]
      chosenProtocol.set(req, protocols[0])
    }
    const rec = token ? inst.tokens.get(token) : undefined
    const usable = rec && rec.revokedAt === null && rec.accountKey !== null && inst.world.accounts.has(rec.accountKey)

    const logEntry = {
      at: Date.now(),
      method: 'GET',
      path: url.pathname,
      query: url.search,
      accountKey: usable ? rec.accountKey : null,
      tokenKind: (!token ? 'none' : !rec ? 'invalid' : rec.revokedAt !== null ? 'revoked' : rec.accountKey ? 'user' : 'app') as
        | 'none'
        | 'user'
        | 'app'
        | 'invalid'
        | 'revoked',
      origin: typeof req.headers.origin === 'string' ? req.headers.origin : null,
      idempotencyKey: null,
      status: 0,
    }
    inst.log.push(logEntry)
    if (inst.log.length > 5000) inst.log.splice(0, inst.log.length - 5000)

    const fault = inst.takeFault('GET', url.pathname)
    if (fault) {
      logEntry.status = fault.kind === 'status' ? fault.status : -1
      switch (fault.kind) {
        case 'hang':
          hanging.add(socket)
          socket.once('close', () => hanging.delete(socket))
          return
        case 'reset':
          socket.destroy()
          return
        case 'malformed':
          socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>Oops, not a WebSocket')
          return
        case 'status':
          return refuse(socket, fault.status, typeof fault.body === 'string' ? fault.body : 'Injected fault')
        case 'delay':
          await new Promise((r) => setTimeout(r, fault.delayMs))
          if (closed || socket.destroyed) return
          break
      }
    }

    if (token && !usable) {
      logEntry.status = 401
      return refuse(socket, 401, 'Invalid access token')
    }
    logEntry.status = 101
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, inst, usable ? rec : null, url))
  }

  // --- connections and subscriptions ---------------------------------------

  const onConnection = (ws: WebSocket, inst: MockInstance, token: TokenRecord | null, url: URL) => {
    const conn: Connection = { ws, inst, token, accountKey: token?.accountKey ?? null, subs: new Map(), alive: true }
    if (closed) {
      ws.terminate()
      return
    }
    connections.add(conn)
    ws.on('pong', () => {
      conn.alive = true
    })
    ws.on('error', () => {})
    ws.on('close', () => {
      connections.delete(conn)
    })
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(1003, 'The mastodon streaming server does not support binary messages')
        return
      }
      let msg: unknown
      try {
        msg = JSON.parse(rawText(data))
      } catch {
        return
      }
      if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return
      const { type, stream, ...params } = msg as Params
      if (type === 'subscribe') subscribe(conn, firstParam(stream), params)
      else if (type === 'unsubscribe') unsubscribe(conn, firstParam(stream), params)
    })
    const initial = url.searchParams.get('stream')
    if (initial) {
      const params: Params = {}
      for (const [k, v] of url.searchParams) if (!(k in params)) params[k] = v
      subscribe(conn, initial, params)
    }
  }

  const rawText = (data: RawData): string => {
    if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
    if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
    return data.toString('utf8')
  }

  /** Resolves a stream name + params as Mastodon's checkScopes + channelNameToIds do. */
  const resolve = (conn: Connection, channel: string | null, params: Params): Subscription => {
    const name = channel ?? ''
    if (!PUBLIC_CHANNELS.has(name)) {
      if (!conn.token || !conn.accountKey) throw new StreamError(401, 'Missing access token')
      const needed = name === 'user:notification' ? 'read:notifications' : 'read:statuses'
      if (!hasScope(conn.token.scopes, needed)) throw new StreamError(401, 'Access token does not have the required scopes')
    }
    if (!KNOWN_CHANNELS.has(name)) throw new StreamError(400, 'Unknown stream type')
    if (name === 'hashtag' || name === 'hashtag:local') {
      const tag = firstParam(params.tag)
      if (!tag) throw new StreamError(400, 'Missing tag name parameter')
      const normal = normalizeTag(tag)
      return { channel: name, key: `${name}:${normal}`, stream: [name, tag], tag: normal, listKey: null }
    }
    if (name === 'list') {
      const id = firstParam(params.list)
      if (!id) throw new StreamError(400, 'Missing list name parameter')
      const listKey = conn.inst.ids.list.keyFor(id)
      const list = listKey ? conn.inst.world.lists.get(listKey) : undefined
      if (!listKey || !list || list.ownerKey !== conn.accountKey) throw new StreamError(401, 'Not authorized to stream this list')
      return { channel: name, key: `list:${listKey}`, stream: [name, id], tag: null, listKey }
    }
    return { channel: name, key: name, stream: [name], tag: null, listKey: null }
  }

  const sendRaw = (conn: Connection, frame: unknown) => {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(frame))
  }

  const subscribe = (conn: Connection, channel: string | null, params: Params) => {
    let sub: Subscription
    try {
      sub = resolve(conn, channel, params)
    } catch (err) {
      if (!(err instanceof StreamError)) throw err
      sendRaw(conn, { error: err.message, status: err.status })
      return
    }
    if (!conn.subs.has(sub.key)) conn.subs.set(sub.key, sub)
  }

  const unsubscribe = (conn: Connection, channel: string | null, params: Params) => {
    let sub: Subscription
    try {
      sub = resolve(conn, channel, params)
    } catch (err) {
      if (!(err instanceof StreamError)) throw err
      sendRaw(conn, { error: 'Error unsubscribing from channel' })
      return
    }
    conn.subs.delete(sub.key)
  }

  // --- routing of world events ---------------------------------------------

  /** Open connections whose token still works (a revoked token closes its sockets, as Mastodon's `kill`). */
  const liveConnections = (): Connection[] => {
    const out: Connection[] = []
    for (const conn of connections) {
      if (conn.ws.readyState !== conn.ws.OPEN) continue
      const t = conn.token
      if (t && (t.revokedAt !== null || conn.inst.tokens.get(t.token) !== t)) {
        connections.delete(conn)
        conn.ws.close()
        continue
      }
      out.push(conn)
    }
    return out
  }

  const frame = (conn: Connection, sub: Subscription, event: string, payload?: string) => {
    sendRaw(conn, payload === undefined ? { stream: sub.stream, event } : { stream: sub.stream, event, payload })
  }

  const viewOf = (conn: Connection) => new View(conn.inst, conn.accountKey, getFed().instances)

  /** What Mastodon's streaming server filters on public and hashtag streams: blocks and mutes of the author or anyone mentioned. */
  const filteredOut = (w: World, viewer: string | null, s: StatusRecord): boolean => {
    if (!viewer) return false
    if (w.isBlocking(s.authorKey, viewer)) return true
    for (const k of [s.authorKey, ...s.mentionKeys]) {
      if (k === viewer) continue
      if (w.isBlocking(viewer, k) || w.isMuting(viewer, k)) return true
    }
    return false
  }

  const blockedOrMuted = (w: World, viewer: string, other: string): boolean =>
    other !== viewer && (w.isBlocking(viewer, other) || w.isBlocking(other, viewer) || w.isMuting(viewer, other))

  const isReplyToOther = (w: World, s: StatusRecord): boolean => {
    if (!s.inReplyToKey) return false
    const parent = w.statuses.get(s.inReplyToKey)
    return Boolean(parent && parent.authorKey !== s.authorKey)
  }

  const inHome = (w: World, viewer: string, s: StatusRecord): boolean => {
    if (!w.inHomeOf(viewer, s)) return false
    if (s.authorKey === viewer) return true
    // Members of the viewer's exclusive lists stay out of the home feed.
    for (const l of w.lists.values()) {
      if (l.ownerKey === viewer && l.exclusive && l.memberKeys.has(s.authorKey)) return false
    }
    return true
  }

  const inList = (w: World, viewer: string, listKey: string, s: StatusRecord): boolean => {
    const list = w.lists.get(listKey)
    if (!list || list.ownerKey !== viewer) return false
    if (s.visibility === 'direct' || !list.memberKeys.has(s.authorKey)) return false
    if (!w.isFollowing(viewer, s.authorKey) || !w.inHomeOf(viewer, s)) return false
    // FeedManager#filter_from_list?
    if (s.inReplyToKey) {
      const to = w.statuses.get(s.inReplyToKey)?.authorKey
      if (to && to !== s.authorKey && to !== viewer) {
        if (list.repliesPolicy === 'none') return false
        if (list.repliesPolicy === 'list' && !list.memberKeys.has(to)) return false
      }
    }
    return true
  }

  /** Whether a status belongs to a subscription (public statuses on public streams, home rules on `user` …). */
  const belongs = (w: World, conn: Connection, sub: Subscription, s: StatusRecord, change: StatusChange): boolean => {
    const viewer = conn.accountKey
    const host = conn.inst.host
    switch (sub.channel) {
      case 'user':
        return viewer !== null && inHome(w, viewer, s)
      case 'list':
        return viewer !== null && sub.listKey !== null && inList(w, viewer, sub.listKey, s)
      case 'direct':
        return (
          viewer !== null &&
          s.visibility === 'direct' &&
          (s.authorKey === viewer || s.mentionKeys.includes(viewer)) &&
          w.canSee(viewer, s) &&
          !blockedOrMuted(w, viewer, s.authorKey)
        )
      case 'user:notification':
        return false
    }
    // Public and hashtag streams. Deletes go wherever the status may have
    // been shown (Mastodon's RemoveStatusService doesn't check reblog/reply).
    if (s.visibility !== 'public') return false
    if (change !== 'delete' && s.reblogOfKey) return false
    if (!w.canSee(viewer, s) || filteredOut(w, viewer, s)) return false
    const local = s.home === host
    if (sub.channel === 'hashtag' || sub.channel === 'hashtag:local') {
      if (sub.channel === 'hashtag:local' && !local) return false
      const target = s.reblogOfKey ? w.statuses.get(s.reblogOfKey) : s
      return Boolean(target?.tags.some((t) => normalizeTag(t) === sub.tag))
    }
    if (change !== 'delete' && isReplyToOther(w, s)) return false
    if (sub.channel.includes(':local') && !local) return false
    if (sub.channel.includes(':remote') && local) return false
    if (sub.channel.endsWith(':media')) {
      const target = s.reblogOfKey ? w.statuses.get(s.reblogOfKey) : s
      if (!target || target.mediaKeys.length === 0) return false
    }
    return true
  }

  const onStatus = (s: StatusRecord, change: StatusChange) => {
    const w = getFed().world
    const conns = liveConnections()
    if (conns.length === 0) return
    const deliver = () => {
      for (const conn of conns) {
        let rendered: string | undefined
        for (const sub of conn.subs.values()) {
          if (!belongs(w, conn, sub, s, change)) continue
          if (change === 'delete') {
            frame(conn, sub, 'delete', conn.inst.statusId(s.key))
          } else if (sub.channel === 'direct') {
            // Conversations change when a message is posted, not when edited.
            if (change === 'create') frame(conn, sub, 'conversation', JSON.stringify(viewOf(conn).conversation(w.conversationKey(s), s)))
          } else {
            rendered ??= JSON.stringify(viewOf(conn).status(s))
            frame(conn, sub, change === 'create' ? 'update' : 'status.update', rendered)
          }
        }
      }
    }
    if (change === 'delete') asIfNotDeleted(w, s, deliver)
    else deliver()
  }

  const onNotification = (n: NotificationRecord) => {
    if (n.dismissed) return
    const w = getFed().world
    const recipient = w.accounts.get(n.recipientKey)
    if (!recipient) return
    for (const conn of liveConnections()) {
      if (conn.accountKey !== n.recipientKey || conn.inst.host !== recipient.home || !conn.token) continue
      let rendered: string | undefined
      for (const sub of conn.subs.values()) {
        // The user stream carries notifications only for tokens allowed to read them.
        if (sub.channel === 'user:notification' || (sub.channel === 'user' && hasScope(conn.token.scopes, 'read:notifications'))) {
          rendered ??= JSON.stringify(viewOf(conn).notification(n))
          frame(conn, sub, 'notification', rendered)
        }
      }
    }
  }

  const onFiltersChanged = (accountKey: string) => {
    for (const conn of liveConnections()) {
      if (conn.accountKey !== accountKey) continue
      for (const sub of conn.subs.values()) if (sub.channel === 'user') frame(conn, sub, 'filters_changed')
    }
  }

  // Listeners run inside World actions (a REST request posting a status):
  // a streaming bug must never turn that request into a 500.
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args)
      } catch (err) {
        console.error('[mock streaming] delivery failed:', err)
      }
    }
  const handlers = {
    created: guard((s: StatusRecord) => onStatus(s, 'create')),
    updated: guard((s: StatusRecord) => onStatus(s, 'update')),
    deleted: guard((s: StatusRecord) => onStatus(s, 'delete')),
    notification: guard(onNotification),
    filters: guard(onFiltersChanged),
  }

  const bind = () => {
    unbind()
    world = getFed().world
    world.on('status.created', handlers.created)
    world.on('status.updated', handlers.updated)
    world.on('status.deleted', handlers.deleted)
    world.on('notification', handlers.notification)
    world.on('filters.changed', handlers.filters)
  }

  const unbind = () => {
    if (!world) return
    world.off('status.created', handlers.created)
    world.off('status.updated', handlers.updated)
    world.off('status.deleted', handlers.deleted)
    world.off('notification', handlers.notification)
    world.off('filters.changed', handlers.filters)
    world = null
  }

  // --- lifecycle -----------------------------------------------------------

  const ping = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        connections.delete(conn)
        conn.ws.terminate()
        continue
      }
      conn.alive = false
      if (conn.ws.readyState === conn.ws.OPEN) conn.ws.ping()
    }
  }, PING_INTERVAL_MS)
  ping.unref()

  server.on('upgrade', onUpgrade)
  bind()

  const terminateAll = (filter: (c: Connection) => boolean = () => true): number => {
    let n = 0
    for (const conn of [...connections]) {
      if (!filter(conn)) continue
      connections.delete(conn)
      conn.ws.terminate()
      n++
    }
    return n
  }

  return {
    rebind() {
      for (const conn of [...connections]) {
        connections.delete(conn)
        conn.ws.close(1012, 'Service restart')
      }
      bind()
    },
    close() {
      closed = true
      clearInterval(ping)
      unbind()
      terminateAll()
      for (const s of hanging) s.destroy()
      hanging.clear()
      server.off('upgrade', onUpgrade)
      wss.close()
    },
    drop(accountKey) {
      return terminateAll((c) => accountKey === null || c.accountKey === accountKey)
    },
    connectionCount() {
      return connections.size
    },
    subscriptions() {
      return [...connections].flatMap((c) => [...c.subs.values()].map((sub) => ({ accountKey: c.accountKey, stream: sub.stream })))
    },
  }
}
