// An account by its handle, as one server knows it: `user` (that server's own), `user@host`
// (any server) or either with a leading '@'. A remote account the server has not seen yet
// is fetched by asking it to resolve the handle (search with resolve=true), as Mastodon's
// own UI does; the server's own host is dropped, since lookup knows its accounts by username.

import type { mastodon } from 'masto'
import { classifyApiError } from './errors'

/** The handle as `ownHost`'s lookup expects it: no leading '@', no own host. */
export function lookupHandle(handle: string, ownHost: string): string {
  const bare = handle.trim().replace(/^@/, '')
  const at = bare.lastIndexOf('@')
  return at > 0 && bare.slice(at + 1).toLowerCase() === ownHost.toLowerCase() ? bare.slice(0, at) : bare
}

/**
 * The account `handle` names on the server of `client` (whose host is `ownHost`). Rejects
 * with the server's own not-found error when neither lookup nor resolving finds it.
 */
export async function findAccount(client: mastodon.rest.Client, handle: string, ownHost: string): Promise<mastodon.v1.Account> {
  const acct = lookupHandle(handle, ownHost)
  try {
    return await client.v1.accounts.lookup({ acct })
  } catch (error) {
    // Only a remote handle can become known by resolving it; a local one is simply not there.
    if (classifyApiError(error) !== 'not-found' || !acct.includes('@')) throw error
    const found = await client.v2.search.list({ q: `@${acct}`, resolve: true, type: 'accounts', limit: 1 })
    const match = found.accounts[0]
    if (!match) throw error
    return match
  }
}
