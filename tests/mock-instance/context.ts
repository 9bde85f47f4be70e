// What every route handler gets: the instance, the fediverse it belongs to,
// the caller's token, and helpers for auth, views and pagination.

import type { RouteContext, Router } from './http.ts'
import { int, json, str } from './http.ts'
import type { IdSpace } from './ids.ts'
import type { MockInstance, TokenRecord } from './instance.ts'
import { View } from './serialize.ts'
import { ApiFailure } from './world.ts'
import type { World } from './world.ts'

export interface Fediverse {
  world: World
  instances: Map<string, MockInstance>
}

export interface AuthInfo {
  token: TokenRecord | null
  /** Why a presented token did not count, for the 401 message. */
  problem: 'none' | 'invalid' | 'revoked'
}

export interface ApiState {
  inst: MockInstance
  fed: Fediverse
  auth: AuthInfo
}

export type Ctx = RouteContext<ApiState>
export type ApiRouter = Router<ApiState>

const SCOPE_PARENTS: Record<string, string[]> = {
  'read:follows': ['follow'],
  'read:blocks': ['follow'],
  'read:mutes': ['follow'],
  'write:follows': ['follow'],
  'write:blocks': ['follow'],
  'write:mutes': ['follow'],
}

export function hasScope(scopes: string[], needed: string): boolean {
  if (scopes.includes(needed)) return true
  const top = needed.split(':')[0]!
  if (scopes.includes(top)) return true
  return (SCOPE_PARENTS[needed] ?? []).some((p) => scopes.includes(p))
}

/** The signed-in account, or a 401/403 exactly as Mastodon words them. */
export function requireUser(ctx: Ctx, scope?: string): string {
  const { token, problem } = ctx.state.auth
  if (!token) {
    if (problem === 'revoked') throw new ApiFailure(401, 'The access token was revoked')
    if (problem === 'invalid') throw new ApiFailure(401, 'The access token is invalid')
    throw new ApiFailure(401, 'The access token is invalid')
  }
  if (!token.accountKey) throw new ApiFailure(422, 'This method requires an authenticated user')
  if (scope && !hasScope(token.scopes, scope)) throw new ApiFailure(403, 'This action is outside the authorized scopes')
  const account = ctx.state.fed.world.accounts.get(token.accountKey)
  if (!account || account.suspended) throw new ApiFailure(403, 'Your login is currently disabled')
  return token.accountKey
}

/** The caller when there is one; public endpoints still reject bad tokens. */
export function optionalUser(ctx: Ctx): string | null {
  const { token, problem } = ctx.state.auth
  if (problem !== 'none') requireUser(ctx)
  return token?.accountKey ?? null
}

export function viewFor(ctx: Ctx, viewer: string | null): View {
  return new View(ctx.state.inst, viewer, ctx.state.fed.instances)
}

export function world(ctx: Ctx): World {
  return ctx.state.fed.world
}

/** Resolves a local status id to its key, or 404. */
export function statusKeyOf(ctx: Ctx, id: string): string {
  const key = ctx.state.inst.statusKeyById(id)
  const s = key ? ctx.state.fed.world.statuses.get(key) : undefined
  if (!key || !s || s.deletedAt !== null) throw new ApiFailure(404, 'Record not found')
  return key
}

export function accountKeyOf(ctx: Ctx, id: string): string {
  const key = ctx.state.inst.accountKeyById(id)
  if (!key || !ctx.state.fed.world.accounts.has(key)) throw new ApiFailure(404, 'Record not found')
  return key
}

export interface PageOptions {
  defaultLimit?: number
  maxLimit?: number
}

/**
 * Mastodon's id pagination over a list sorted newest first: max_id (older
 * than), since_id (newer than, newest first), min_id (immediately newer
 * than, still returned newest first), limit; plus the Link header.
 */
export function paginate<T>(
  ctx: Ctx,
  items: T[],
  idOf: (item: T) => string,
  space: IdSpace,
  render: (item: T) => unknown,
  opts: PageOptions = {},
): Response {
  const { items: page, link } = pageOf(ctx, items, idOf, space, opts)
  const headers: Record<string, string> = {}
  if (link) headers.link = link
  return json(page.map(render), 200, headers)
}

export function pageOf<T>(
  ctx: Ctx,
  items: T[],
  idOf: (item: T) => string,
  space: IdSpace,
  opts: PageOptions = {},
): { items: T[]; link: string | null } {
  const p = ctx.params
  const defaultLimit = opts.defaultLimit ?? 20
  const maxLimit = opts.maxLimit ?? 40
  let limit = int(p, 'limit') ?? defaultLimit
  if (limit <= 0) limit = defaultLimit
  limit = Math.min(limit, maxLimit)
  const maxId = str(p, 'max_id') || undefined
  const sinceId = str(p, 'since_id') || undefined
  const minId = str(p, 'min_id') || undefined
  let candidates = items
  if (maxId) candidates = candidates.filter((i) => space.compare(idOf(i), maxId) < 0)
  if (sinceId) candidates = candidates.filter((i) => space.compare(idOf(i), sinceId) > 0)
  let page: T[]
  if (minId) {
    const newer = candidates.filter((i) => space.compare(idOf(i), minId) > 0)
    page = newer.slice(Math.max(0, newer.length - limit))
  } else {
    page = candidates.slice(0, limit)
  }
  if (page.length === 0) return { items: page, link: null }
  const base = new URL(ctx.url.pathname, ctx.state.inst.origin)
  for (const [k, v] of ctx.url.searchParams) {
    if (!['max_id', 'since_id', 'min_id'].includes(k)) base.searchParams.append(k, v)
  }
  const next = new URL(base)
  next.searchParams.set('max_id', idOf(page[page.length - 1]!))
  const prev = new URL(base)
  prev.searchParams.set('min_id', idOf(page[0]!))
  return { items: page, link: `<${next.href}>; rel="next", <${prev.href}>; rel="prev"` }
}

/** Offset pagination (trends, search): `offset` + `limit`, no Link ids. */
export function offsetPage<T>(ctx: Ctx, items: T[], defaultLimit = 20, maxLimit = 40): T[] {
  const limit = Math.min(Math.max(int(ctx.params, 'limit') ?? defaultLimit, 1), maxLimit)
  const offset = Math.max(int(ctx.params, 'offset') ?? 0, 0)
  return items.slice(offset, offset + limit)
}
