// One registry of REST clients, keyed by account ("host|accountId"). A client
// is created with exactly one account's origin and token, so a request can
// never carry another account's token or go to another account's server.
// masto is loaded on first use, keeping it out of the initial bundle.

import type { mastodon } from 'masto'

export interface ClientIdentity {
  readonly key: string
  readonly origin: string
  readonly token: string
}

const clients = new Map<string, { token: string; origin: string; client: mastodon.rest.Client }>()

/** Requests that hang are abandoned after this long (masto's MastoTimeoutError). */
export const REQUEST_TIMEOUT_MS = 30_000

export async function restClientFor(identity: ClientIdentity): Promise<mastodon.rest.Client> {
  const cached = clients.get(identity.key)
  if (cached && cached.token === identity.token && cached.origin === identity.origin) return cached.client
  const { createRestAPIClient } = await import('masto')
  const client = createRestAPIClient({ url: identity.origin, accessToken: identity.token, timeout: REQUEST_TIMEOUT_MS })
  clients.set(identity.key, { token: identity.token, origin: identity.origin, client })
  return client
}

/**
 * Starts loading masto now, without waiting for the first request: with accounts signed in,
 * the first timeline request would otherwise wait for it. Never rejects.
 */
export function preloadApiClients(): void {
  void import('masto').catch(() => {
    // The first real request reports the failure.
  })
}

export function dropClient(key: string): void {
  clients.delete(key)
}

/** True for masto's MastoHttpError with status 401 (token missing, invalid or revoked). */
export function isUnauthorized(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === 401
}
