// A tiny router over the web-standard Request/Response, plus the parameter
// parsing Mastodon (Rails) does: JSON, urlencoded and multipart bodies with
// `key[]` and `key[sub]` names, and query strings with the same conventions.

import { ApiFailure } from './world.ts'

export type Params = Record<string, unknown>

export interface RouteContext<S> {
  req: Request
  url: URL
  path: Record<string, string>
  /** Query and body parameters merged, Rails style (body wins). */
  params: Params
  state: S
}

export type Handler<S> = (ctx: RouteContext<S>) => Response | Promise<Response>

interface Route<S> {
  method: string
  pattern: RegExp
  names: string[]
  handler: Handler<S>
}

export class Router<S> {
  private readonly routes: Route<S>[] = []

  on(method: string, path: string, handler: Handler<S>): this {
    const names: string[] = []
    const pattern = new RegExp(
      '^' +
        path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, name: string) => {
          names.push(name)
          return '([^/]+)'
        }) +
        '/?$',
    )
    this.routes.push({ method, pattern, names, handler })
    return this
  }

  get(path: string, h: Handler<S>): this {
    return this.on('GET', path, h)
  }
  post(path: string, h: Handler<S>): this {
    return this.on('POST', path, h)
  }
  put(path: string, h: Handler<S>): this {
    return this.on('PUT', path, h)
  }
  patch(path: string, h: Handler<S>): this {
    return this.on('PATCH', path, h)
  }
  delete(path: string, h: Handler<S>): this {
    return this.on('DELETE', path, h)
  }

  /** Finds the handler; `allowed` lists methods matching the path when none matches the method. */
  match(method: string, pathname: string): { handler: Handler<S>; path: Record<string, string> } | { allowed: string[] } {
    const allowed: string[] = []
    for (const r of this.routes) {
      const m = r.pattern.exec(pathname)
      if (!m) continue
      if (r.method !== method && !(method === 'HEAD' && r.method === 'GET')) {
        allowed.push(r.method)
        continue
      }
      const path: Record<string, string> = {}
      r.names.forEach((n, i) => (path[n] = decodeURIComponent(m[i + 1]!)))
      return { handler: r.handler, path }
    }
    return { allowed }
  }
}

/** Sets `a[b][]`-style keys into a nested object. */
export function assignRailsKey(target: Params, key: string, value: unknown): void {
  const parts = key.replace(/\]/g, '').split('[')
  let node: Record<string, unknown> | unknown[] = target
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const last = i === parts.length - 1
    const nextIsArray = !last && (parts[i + 1] === '' || /^\d+$/.test(parts[i + 1]!))
    if (Array.isArray(node)) {
      if (last) {
        node.push(value)
        return
      }
      // Rails: `a[][id]=1&a[][description]=x` is one hash; a key already there starts the next.
      const tail = node[node.length - 1]
      if (part === '' && i + 2 === parts.length && tail && typeof tail === 'object' && !Array.isArray(tail) && !(parts[i + 1]! in tail)) {
        node = tail as Record<string, unknown>
        continue
      }
      const idx = part === '' ? node.length : Number(part)
      node[idx] ??= nextIsArray ? [] : {}
      node = node[idx] as Record<string, unknown> | unknown[]
      continue
    }
    if (last) {
      node[part] = value
      return
    }
    node[part] ??= nextIsArray ? [] : {}
    node = node[part] as Record<string, unknown> | unknown[]
  }
}

export async function readParams(req: Request, url: URL): Promise<Params> {
  const params: Params = {}
  for (const [k, v] of url.searchParams) assignRailsKey(params, k, v)
  if (req.method === 'GET' || req.method === 'HEAD') return params
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('application/json')) {
    const text = await req.text()
    if (text.trim() === '') return params
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new ApiFailure(400, 'Error occurred while parsing request parameters')
    }
    if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(params, body)
    return params
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await req.formData()
    for (const [k, v] of form) assignRailsKey(params, k, v)
  }
  return params
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...Object.fromEntries(new Headers(headers)) },
  })
}

export function errorResponse(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return json({ error, ...extra }, status)
}

// --- typed parameter access ------------------------------------------------

export function str(p: Params, key: string): string | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return undefined
}

export function bool(p: Params, key: string): boolean | undefined {
  const v = p[key]
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v === 'boolean') return v
  return ['true', '1', 'on', 'yes'].includes(String(v).toLowerCase())
}

export function int(p: Params, key: string): number | undefined {
  const v = str(p, key)
  if (v === undefined || v === '') return undefined
  const n = Number(v)
  return Number.isFinite(n) ? Math.trunc(n) : undefined
}

export function strList(p: Params, key: string): string[] {
  const v = p[key] ?? p[`${key}[]`]
  if (v === undefined || v === null) return []
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(String)
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).map(String)
  return [String(v)]
}

export function obj(p: Params, key: string): Params | undefined {
  const v = p[key]
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Params) : undefined
}
