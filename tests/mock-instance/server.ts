// Starts a mock fediverse: one World, several MockInstances on their own
// ports, each an HTTP server with Mastodon's REST API, OAuth pages, CORS,
// rate-limit headers, WebSocket streaming and (optionally) test controls.

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Router, errorResponse, json, readParams } from './http.ts'
import type { ApiState, AuthInfo, Fediverse } from './context.ts'
import type { IdFormat } from './ids.ts'
import { MockInstance } from './instance.ts'
import { ApiFailure, World } from './world.ts'
import { registerRoutes } from './routes/index.ts'
import { attachStreaming, type StreamingServer } from './streaming.ts'
import { handleControl } from './control.ts'
import { publishDue, startScheduler } from './scheduled.ts'
import { seedWorld } from './seed.ts'

export interface InstanceSpec {
  port: number
  /** Host name used in URLs; defaults to localhost. */
  hostname?: string
  idFormat: IdFormat
  title: string
  description: string
}

export interface FediverseOptions {
  instances: InstanceSpec[]
  /** Enables /__control (fault injection, acting as users, reset). Off in the demo. */
  controls: boolean
  /** Fixed "now" for the seed, so data is identical across runs. */
  seedNow?: number
  rateLimit?: number
  log?: (line: string) => void
}

export interface RunningFediverse extends Fediverse {
  urls: string[]
  /** Streaming servers by instance host (tests drop sockets through these). */
  streaming: Map<string, StreamingServer>
  reset(): void
  close(): Promise<void>
}

const CORS_EXPOSE = 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, Idempotency-Key'

function corsApplies(path: string): boolean {
  return (
    path.startsWith('/api/') ||
    path === '/oauth/token' ||
    path === '/oauth/revoke' ||
    path === '/oauth/userinfo' ||
    path.startsWith('/.well-known/') ||
    path.startsWith('/nodeinfo/') ||
    path.startsWith('/system/') ||
    path.startsWith('/__control/')
  )
}

export async function startFediverse(opts: FediverseOptions): Promise<RunningFediverse> {
  const router = new Router<ApiState>()
  registerRoutes(router)
  const servers: http.Server[] = []
  const streamings: StreamingServer[] = []
  const fed: RunningFediverse = {
    world: new World(),
    instances: new Map(),
    urls: [],
    streaming: new Map(),
    reset: () => {},
    close: async () => {},
  }
  const specs: { spec: InstanceSpec; server: http.Server; host: string; origin: string }[] = []

  for (const spec of opts.instances) {
    const server = http.createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(spec.port, '127.0.0.1', () => resolve())
    })
    const port = (server.address() as AddressInfo).port
    const host = `${spec.hostname ?? 'localhost'}:${port}`
    specs.push({ spec, server, host, origin: `http://${host}` })
    servers.push(server)
  }

  const build = () => {
    const world = new World()
    const instances = new Map<string, MockInstance>()
    for (const { spec, host, origin } of specs) {
      world.origins.set(host, origin)
      instances.set(
        host,
        new MockInstance(
          {
            host,
            origin,
            title: spec.title,
            description: spec.description,
            idFormat: spec.idFormat,
            controls: opts.controls,
            rateLimit: opts.rateLimit ?? 300,
          },
          world,
        ),
      )
    }
    seedWorld(world, [...instances.values()], opts.seedNow ?? Date.now())
    return { world, instances }
  }

  const install = () => {
    const { world, instances } = build()
    fed.world.removeAllListeners()
    fed.world = world
    fed.instances = instances
  }
  install()
  fed.reset = () => {
    install()
    for (const s of streamings) s.rebind()
  }

  specs.forEach(({ server, host }) => {
    const getInst = () => fed.instances.get(host)!
    server.on('request', (req, res) => {
      void handle(req, res, getInst(), fed, router, opts).catch((err: unknown) => {
        opts.log?.(`[mock ${host}] ${String(err)}`)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: 'Internal server error' }))
      })
    })
    const streaming = attachStreaming(server, getInst, () => fed)
    streamings.push(streaming)
    fed.streaming.set(host, streaming)
  })

  fed.urls = specs.map((s) => s.origin)
  const stopScheduler = startScheduler(() => fed.world)
  fed.close = async () => {
    stopScheduler()
    for (const s of streamings) s.close()
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections()
            s.close(() => resolve())
          }),
      ),
    )
  }
  return fed
}

function toRequest(req: http.IncomingMessage, origin: string): Request {
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) v.forEach((x) => headers.append(k, x))
    else if (v !== undefined) headers.set(k, v)
  }
  const method = req.method ?? 'GET'
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method)
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (req as unknown as ReadableStream) : undefined,
    duplex: hasBody ? 'half' : undefined,
  } as RequestInit)
}

function authenticate(inst: MockInstance, req: Request, url: URL): AuthInfo {
  const header = req.headers.get('authorization')
  let token: string | null = null
  if (header && /^bearer /i.test(header)) token = header.slice(7).trim()
  else if (url.searchParams.get('access_token')) token = url.searchParams.get('access_token')
  if (!token) return { token: null, problem: 'none' }
  const rec = inst.tokens.get(token)
  if (!rec) return { token: null, problem: 'invalid' }
  if (rec.revokedAt !== null) return { token: null, problem: 'revoked' }
  return { token: rec, problem: 'none' }
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  inst: MockInstance,
  fed: RunningFediverse,
  router: Router<ApiState>,
  opts: FediverseOptions,
): Promise<void> {
  const request = toRequest(req, inst.origin)
  const url = new URL(request.url)
  const path = url.pathname
  // Scheduled posts whose time has come are out before anything is read.
  publishDue(fed.world)
  const cors = corsApplies(path)
  const corsHeaders: Record<string, string> = cors
    ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': CORS_EXPOSE }
    : {}

  if (request.method === 'OPTIONS' && cors) {
    res.writeHead(200, {
      ...corsHeaders,
      'access-control-allow-methods': 'POST, PUT, DELETE, GET, PATCH, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '7200',
      vary: 'Origin',
    })
    res.end()
    return
  }

  if (path.startsWith('/__control/')) {
    if (!opts.controls) return send(res, errorResponse(404, 'Record not found'), corsHeaders)
    return send(res, await handleControl(request, url, inst, fed, router), corsHeaders)
  }

  const auth = authenticate(inst, request, url)
  const logEntry = {
    at: Date.now(),
    method: request.method,
    path,
    query: url.search,
    accountKey: auth.token?.accountKey ?? null,
    tokenKind: (auth.token ? (auth.token.accountKey ? 'user' : 'app') : auth.problem === 'none' ? 'none' : auth.problem) as
      | 'none'
      | 'user'
      | 'app'
      | 'invalid'
      | 'revoked',
    origin: request.headers.get('origin'),
    idempotencyKey: request.headers.get('idempotency-key'),
    status: 0,
  }
  inst.log.push(logEntry)
  if (inst.log.length > 5000) inst.log.splice(0, inst.log.length - 5000)

  const fault = inst.takeFault(request.method, path)
  // These let the request do all it does, and lose only the answer.
  const loseAnswer = fault?.kind === 'hang-after' || fault?.kind === 'reset-after' ? fault.kind : null
  if (fault?.kind === 'nocors') {
    for (const k of Object.keys(corsHeaders)) delete corsHeaders[k]
  } else if (fault && !loseAnswer) {
    logEntry.status = fault.kind === 'status' ? fault.status : -1
    switch (fault.kind) {
      case 'hang':
        // Never answer; the socket closes when the client gives up or on close().
        return
      case 'reset':
        req.socket.destroy()
        return
      case 'malformed':
        res.writeHead(200, { ...corsHeaders, 'content-type': 'application/json; charset=utf-8' })
        res.end('{"id": "1", "content": <html>Oops, not JSON')
        return
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.delayMs))
        break
      case 'status': {
        const body = fault.body ?? defaultErrorBody(fault.status)
        const headers: Record<string, string> = { ...corsHeaders, ...fault.headers }
        if (fault.status === 429) Object.assign(headers, rateLimitHeaders(inst, 0), { 'retry-after': fault.headers['retry-after'] ?? '30' })
        return send(res, typeof body === 'string' ? new Response(body, { status: fault.status, headers: { 'content-type': 'text/html' } }) : json(body, fault.status), headers)
      }
    }
  }

  const extra: Record<string, string> = { ...corsHeaders }
  if (path.startsWith('/api/')) {
    const bucketKey = auth.token?.token ?? req.socket.remoteAddress ?? 'ip'
    const now = Date.now()
    let bucket = inst.rateBuckets.get(bucketKey)
    if (!bucket || now - bucket.start > 300_000) {
      bucket = { start: now, count: 0 }
      inst.rateBuckets.set(bucketKey, bucket)
    }
    bucket.count += 1
    const remaining = Math.max(0, inst.opts.rateLimit - bucket.count)
    Object.assign(extra, rateLimitHeaders(inst, remaining, bucket.start + 300_000))
    if (bucket.count > inst.opts.rateLimit) {
      logEntry.status = 429
      return send(res, errorResponse(429, 'Too many requests'), {
        ...extra,
        'retry-after': String(Math.ceil((bucket.start + 300_000 - now) / 1000)),
      })
    }
  }

  const response = await dispatch(router, request, url, { inst, fed, auth })
  logEntry.status = response.status
  if (loseAnswer === 'hang-after') return // the socket closes when the client gives up, or on close()
  if (loseAnswer === 'reset-after') {
    req.socket.destroy()
    return
  }
  await send(res, response, extra)
}

/** Runs one request through the routes, turning ApiFailure into Mastodon's error JSON. */
export async function dispatch(router: Router<ApiState>, request: Request, url: URL, state: ApiState): Promise<Response> {
  const path = url.pathname
  const match = router.match(request.method, path)
  let response: Response
  if ('handler' in match) {
    try {
      const params = await readParams(request, url)
      response = await match.handler({
        req: request,
        url,
        path: match.path,
        params,
        state,
      })
    } catch (err) {
      if (err instanceof ApiFailure) {
        response = json(err.details ? { error: err.message, details: err.details } : { error: err.message }, err.status)
      } else {
        throw err
      }
    }
  } else if (match.allowed.length > 0) {
    response = errorResponse(405, 'Method not allowed')
  } else if (path.startsWith('/api/')) {
    response = errorResponse(404, 'Record not found')
  } else {
    response = new Response('<!doctype html><title>The page you are looking for isn\'t here.</title><h1>404</h1>', {
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    })
  }
  return response
}

function defaultErrorBody(status: number): unknown {
  switch (status) {
    case 401:
      return { error: 'The access token is invalid' }
    case 403:
      return { error: 'This action is not allowed' }
    case 404:
      return { error: 'Record not found' }
    case 410:
      return { error: 'Gone' }
    case 422:
      return { error: 'Validation failed' }
    case 429:
      return { error: 'Too many requests' }
    case 502:
    case 503:
    case 504:
      // A proxy in front of a down Mastodon answers with an HTML page.
      return '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'
    default:
      return { error: 'Internal server error' }
  }
}

function rateLimitHeaders(inst: MockInstance, remaining: number, resetAt = Date.now() + 300_000): Record<string, string> {
  return {
    'x-ratelimit-limit': String(inst.opts.rateLimit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': new Date(resetAt).toISOString(),
  }
}

async function send(res: http.ServerResponse, response: Response, extra: Record<string, string>): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((v, k) => {
    headers[k] = v
  })
  const setCookie = response.headers.getSetCookie()
  if (setCookie.length) headers['set-cookie'] = setCookie
  Object.assign(headers, extra)
  res.writeHead(response.status, headers)
  if (response.body) {
    res.end(Buffer.from(await response.arrayBuffer()))
  } else {
    res.end()
  }
}

export { ApiFailure }
