// A status or an account as one signed-in account sees it, found for another signed-in
// account (to favourite, boost or follow "as" that account). Ids are per server: on the same
// server the id is the same, elsewhere the other account's server is asked to resolve the
// status (or account) by its address, which fetches it over federation if it must.
// Resolutions are kept in memory per (account, address); failed ones are not kept.

import type { mastodon } from 'masto'

/** Runs a request with the client of the account the resolution is for. */
export type RunAs = <T>(fn: (client: mastodon.rest.Client) => Promise<T>) => Promise<T>

/** The account a resolution is for, or from: its key, and the server it is on. */
export interface ResolveSide {
  readonly key: string
  readonly origin: string
  readonly host: string
}

export interface ResolvedStatus {
  /** The status's id on the other account's server. */
  readonly id: string
  /** The status as the other account sees it, when its server was asked (null on the same server). */
  readonly status: mastodon.v1.Status | null
}

export interface ResolvedAccount {
  readonly id: string
  readonly account: mastodon.v1.Account | null
}

/** The other account's server does not know the status or account (or will not show it). */
export class NotFoundOnInstanceError extends Error {
  override readonly name = 'NotFoundOnInstanceError'
  readonly host: string
  readonly what: 'status' | 'account'
  constructor(host: string, what: 'status' | 'account') {
    super(`The ${what} could not be found on ${host}`)
    this.host = host
    this.what = what
  }
}

export function isNotFoundOnInstance(error: unknown): error is NotFoundOnInstanceError {
  return error instanceof NotFoundOnInstanceError
}

const statusCache = new Map<string, Promise<ResolvedStatus>>()
const accountCache = new Map<string, Promise<ResolvedAccount>>()

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const known = cache.get(key)
  if (known) return known
  const request = load()
  cache.set(key, request)
  // A failure may pass (a server down, a post not federated yet): ask again next time.
  request.catch(() => {
    if (cache.get(key) === request) cache.delete(key)
  })
  return request
}

/** Forgets every resolution (sign-out of an account, tests). */
export function clearResolutions(): void {
  statusCache.clear()
  accountCache.clear()
}

function sameServer(from: ResolveSide, to: ResolveSide): boolean {
  return from.origin === to.origin
}

/** The address a server resolves: the ActivityPub id, else the page address. */
function statusAddress(status: mastodon.v1.Status): string | null {
  const uri = typeof status.uri === 'string' && /^https?:\/\//.test(status.uri) ? status.uri : null
  const url = typeof status.url === 'string' && /^https?:\/\//.test(status.url) ? status.url : null
  return uri ?? url
}

/**
 * The status (as `from` sees it) for the account `to`. Boosts are resolved as the post they
 * boost: that is what an action acts on.
 */
export function resolveStatusFor(
  status: mastodon.v1.Status,
  from: ResolveSide,
  to: ResolveSide,
  runAs: RunAs,
): Promise<ResolvedStatus> {
  const target = status.reblog ?? status
  if (sameServer(from, to)) return Promise.resolve({ id: target.id, status: null })
  const address = statusAddress(target)
  if (!address) return Promise.reject(new NotFoundOnInstanceError(to.host, 'status'))
  return cached(statusCache, `${to.key} ${address}`, async () => {
    // The search is a paginator; awaiting it inside gives its first page.
    const found = await runAs(async (client) => await client.v2.search.list({ q: address, resolve: true, type: 'statuses', limit: 1 }))
    const match = found.statuses[0]
    if (!match) throw new NotFoundOnInstanceError(to.host, 'status')
    return { id: match.id, status: match }
  })
}

/** What a server resolves an account by: `@user@domain` for a remote one, else its address. */
function accountQuery(account: mastodon.v1.Account): string | null {
  if (account.acct.includes('@')) return `@${account.acct}`
  // A local account of `from`: its own server's address for it (the ActivityPub id when sent).
  const uri = (account as { uri?: unknown }).uri
  if (typeof uri === 'string' && /^https?:\/\//.test(uri)) return uri
  return /^https?:\/\//.test(account.url) ? account.url : null
}

/** The account (as `from` sees it) for the account `to`, e.g. to follow its author as `to`. */
export function resolveAccountFor(
  account: mastodon.v1.Account,
  from: ResolveSide,
  to: ResolveSide,
  runAs: RunAs,
): Promise<ResolvedAccount> {
  if (sameServer(from, to)) return Promise.resolve({ id: account.id, account: null })
  const query = accountQuery(account)
  if (!query) return Promise.reject(new NotFoundOnInstanceError(to.host, 'account'))
  return cached(accountCache, `${to.key} ${query}`, async () => {
    const found = await runAs(async (client) => await client.v2.search.list({ q: query, resolve: true, type: 'accounts', limit: 1 }))
    const match = found.accounts[0]
    if (!match) throw new NotFoundOnInstanceError(to.host, 'account')
    return { id: match.id, account: match }
  })
}
