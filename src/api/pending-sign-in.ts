// What the callback needs after the round trip to the server's consent page:
// the expected `state`, the PKCE verifier and the app. Kept in sessionStorage
// (this tab only) and consumed exactly once.

import type { AppCredentials } from './oauth'

export interface PendingSignIn {
  readonly state: string
  readonly codeVerifier: string | null
  readonly app: AppCredentials
  readonly startedAt: number
  /** The account being re-authorised, if this sign-in repairs one. */
  readonly reauthKey: string | null
}

const PREFIX = 'deckodon:pending-sign-in:'
/** A sign-in left unfinished for longer than this is treated as expired. */
export const PENDING_TTL_MS = 30 * 60 * 1000

function isPending(value: unknown): value is PendingSignIn {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  const app = v.app as Record<string, unknown> | null | undefined
  return (
    typeof v.state === 'string' &&
    typeof v.startedAt === 'number' &&
    (v.codeVerifier === null || typeof v.codeVerifier === 'string') &&
    !!app &&
    ['origin', 'redirectUri', 'scopes', 'clientId', 'clientSecret'].every((k) => typeof app[k] === 'string')
  )
}

export function savePending(pending: PendingSignIn, storage: Storage = sessionStorage): void {
  storage.setItem(PREFIX + pending.state, JSON.stringify(pending))
}

/** Returns and removes the pending sign-in for `state`; null if unknown or expired. */
export function takePending(state: string, now = Date.now(), storage: Storage = sessionStorage): PendingSignIn | null {
  const key = PREFIX + state
  const raw = storage.getItem(key)
  storage.removeItem(key)
  if (!raw) return null
  try {
    const pending: unknown = JSON.parse(raw)
    if (!isPending(pending) || pending.state !== state || now - pending.startedAt > PENDING_TTL_MS) return null
    return pending
  } catch {
    return null
  }
}
