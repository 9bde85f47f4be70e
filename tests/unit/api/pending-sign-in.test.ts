import { afterEach, describe, expect, it } from 'vitest'
import { PENDING_TTL_MS, savePending, takePending, type PendingSignIn } from '@/api/pending-sign-in'

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0)

const pending: PendingSignIn = {
  state: 'state-abc',
  codeVerifier: 'verifier-xyz',
  app: {
    origin: 'https://example.social',
    redirectUri: 'https://deck.example/oauth/callback',
    scopes: 'read write follow push',
    clientId: 'cid',
    clientSecret: 'secret',
  },
  startedAt: NOW,
  reauthKey: 'example.social|42',
}

afterEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

describe('the pending sign-in', () => {
  it('is kept for this tab only (sessionStorage) and comes back whole', () => {
    savePending(pending)
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(1)
    expect(takePending('state-abc', NOW + 1000)).toEqual(pending)
  })

  it('can be taken only once', () => {
    savePending(pending)
    expect(takePending('state-abc', NOW)).not.toBeNull()
    expect(takePending('state-abc', NOW)).toBeNull()
    expect(sessionStorage.length).toBe(0)
  })

  it('is not found with another state, and stays available for the right one', () => {
    savePending(pending)
    expect(takePending('state-forged', NOW)).toBeNull()
    expect(takePending('', NOW)).toBeNull()
    expect(takePending('state-abc', NOW)).toEqual(pending)
  })

  it('keeps two sign-ins started in the same tab apart', () => {
    savePending(pending)
    savePending({ ...pending, state: 'state-def', codeVerifier: 'other' })
    expect(takePending('state-def', NOW)?.codeVerifier).toBe('other')
    expect(takePending('state-abc', NOW)?.codeVerifier).toBe('verifier-xyz')
  })

  it('expires after PENDING_TTL_MS and is removed then', () => {
    savePending(pending)
    expect(takePending('state-abc', NOW + PENDING_TTL_MS + 1)).toBeNull()
    expect(takePending('state-abc', NOW)).toBeNull()
  })

  it('is still valid just before it expires', () => {
    savePending(pending)
    expect(takePending('state-abc', NOW + PENDING_TTL_MS - 1)).toEqual(pending)
  })

  it('is refused when the stored entry is corrupt', () => {
    savePending(pending)
    const key = sessionStorage.key(0)!
    sessionStorage.setItem(key, '{"state": "state-abc", "app"')
    expect(takePending('state-abc', NOW)).toBeNull()
    expect(sessionStorage.length).toBe(0)
  })

  it('is refused when the stored entry names another state', () => {
    savePending(pending)
    const key = sessionStorage.key(0)!
    sessionStorage.setItem(key, JSON.stringify({ ...pending, state: 'state-other' }))
    expect(takePending('state-abc', NOW)).toBeNull()
  })

  it('accepts a sign-in without PKCE (no verifier)', () => {
    savePending({ ...pending, codeVerifier: null, reauthKey: null })
    expect(takePending('state-abc', NOW)).toMatchObject({ codeVerifier: null, reauthKey: null })
  })

  it('is refused when the stored entry is valid JSON of the wrong shape (no app, no start time)', () => {
    savePending(pending)
    const key = sessionStorage.key(0)!
    sessionStorage.setItem(key, JSON.stringify({ state: 'state-abc' }))
    expect(takePending('state-abc', NOW)).toBeNull()
    sessionStorage.setItem(key, JSON.stringify({ ...pending, startedAt: undefined }))
    expect(takePending('state-abc', NOW)).toBeNull()
  })
})
