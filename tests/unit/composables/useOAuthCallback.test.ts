import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { findApp, saveApp } from '@/api/app-registry'
import { dropClient } from '@/api/clients'
import type { AppCredentials } from '@/api/oauth'
import { parkCallbackParams, takeCallbackParams } from '@/api/oauth-callback'
import { PENDING_TTL_MS, savePending, type PendingSignIn } from '@/api/pending-sign-in'
import { useOAuthCallback } from '@/composables/useOAuthCallback'
import { ACCOUNTS_STORAGE_KEY } from '@/stores/accounts-storage'
import { useAccountsStore } from '@/stores/accounts'
import { useDeckStore } from '@/stores/deck'
import { jsonResponse, stubFetch } from '../helpers/fetch'
import { FakeHttpError, fakeProfiles, gargron, trwnh } from '../helpers/masto'
import { INVALID_CLIENT, formFields, sentRequests } from '../helpers/oauth-server'

vi.mock('masto', () => import('../helpers/masto'))

const ORIGIN = 'https://mastodon.social'
const app: AppCredentials = {
  origin: ORIGIN,
  redirectUri: 'http://localhost:3000/oauth/callback',
  scopes: 'read write follow push profile',
  clientId: 'social-client',
  clientSecret: 'social-secret',
}
const pending: PendingSignIn = { state: 'state-1', codeVerifier: 'verifier-1', app, startedAt: Date.now(), reauthKey: null }

const TRWNH = 'mastodon.social|14715'
const GARGRON = 'mastodon.social|1'

const TOKEN = { access_token: 'token-trwnh', token_type: 'Bearer', scope: 'read write follow push profile', created_at: 1573979017 }
const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
}

let tokenAnswer: () => Response
let fetch: ReturnType<typeof stubFetch>
let accounts: ReturnType<typeof useAccountsStore>

/** Arrives at the callback with these query parameters, as the router would park them. */
async function arrive(query: Record<string, string>) {
  parkCallbackParams(query)
  const callback = useOAuthCallback()
  const result = await callback.run()
  expect(callback.state.value).toEqual(result)
  return result
}

beforeEach(async () => {
  takeCallbackParams()
  tokenAnswer = () => jsonResponse(TOKEN)
  fetch = stubFetch((url) => (url === `${ORIGIN}/oauth/token` ? tokenAnswer() : jsonResponse({ error: 'Not found' }, 404)))
  fakeProfiles.set(ORIGIN, 'token-trwnh', trwnh)
  fakeProfiles.set(ORIGIN, 'token-gargron', gargron)
  saveApp(app)
  savePending(pending)

  // Already signed in with another account, which must survive every failure below.
  setActivePinia(createPinia())
  accounts = useAccountsStore()
  accounts.init()
  await accounts.completeSignIn(app, { accessToken: 'token-gargron', scope: app.scopes })
  fetch.mockClear()
})

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  fakeProfiles.clear()
  dropClient(TRWNH)
  dropClient(GARGRON)
  vi.unstubAllGlobals()
})

function expectAccountsUnchanged(before: string | null) {
  expect(localStorage.getItem(ACCOUNTS_STORAGE_KEY)).toBe(before)
  expect(accounts.accounts.map((a) => a.key)).toEqual([GARGRON])
  expect(accounts.currentKey).toBe(GARGRON)
}

describe('useOAuthCallback', () => {
  it('exchanges the code with the PKCE verifier, then stores the account and makes it current', async () => {
    const result = await arrive({ code: 'the-code', state: 'state-1' })

    expect(result).toMatchObject({ status: 'done', account: { key: TRWNH, username: 'trwnh', token: 'token-trwnh' } })
    const requests = sentRequests(fetch)
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${ORIGIN}/oauth/token`])
    expect(formFields(requests[0]?.body ?? null)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: 'social-client',
      client_secret: 'social-secret',
      redirect_uri: app.redirectUri,
      code_verifier: 'verifier-1',
    })
    expect(accounts.accounts.map((a) => a.key)).toEqual([GARGRON, TRWNH])
    expect(accounts.currentKey).toBe(TRWNH)
    expect(localStorage.getItem(ACCOUNTS_STORAGE_KEY)).toContain('token-trwnh')
  })

  it('sends no verifier when the sign-in started without PKCE', async () => {
    savePending({ ...pending, state: 'state-2', codeVerifier: null })
    await arrive({ code: 'the-code', state: 'state-2' })
    expect(formFields(sentRequests(fetch)[0]?.body ?? null)).not.toHaveProperty('code_verifier')
  })

  it('says no sign-in is in progress when the page is opened without parameters', async () => {
    const before = localStorage.getItem(ACCOUNTS_STORAGE_KEY)
    const callback = useOAuthCallback()
    expect(await callback.run()).toEqual({ status: 'failed', failure: { reason: 'missing' }, origin: null })
    expect(fetch).not.toHaveBeenCalled()
    expectAccountsUnchanged(before)
  })

  it('says no sign-in is in progress when there is neither code nor error', async () => {
    expect(await arrive({ state: 'state-1' })).toMatchObject({ status: 'failed', failure: { reason: 'missing' } })
  })

  it.each([
    ['an unknown state', { code: 'the-code', state: 'forged-state' }],
    ['no state', { code: 'the-code' }],
  ])('refuses a callback with %s and changes no account', async (_what, query) => {
    const before = localStorage.getItem(ACCOUNTS_STORAGE_KEY)
    expect(await arrive(query)).toEqual({ status: 'failed', failure: { reason: 'state' }, origin: null })
    expect(fetch).not.toHaveBeenCalled()
    expectAccountsUnchanged(before)
  })

  it('refuses the same callback a second time', async () => {
    expect((await arrive({ code: 'the-code', state: 'state-1' })).status).toBe('done')
    fetch.mockClear()
    expect(await arrive({ code: 'the-code', state: 'state-1' })).toMatchObject({ failure: { reason: 'state' } })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses a sign-in that was started too long ago', async () => {
    savePending({ ...pending, state: 'state-old', startedAt: Date.now() - PENDING_TTL_MS - 1000 })
    expect(await arrive({ code: 'the-code', state: 'state-old' })).toMatchObject({ failure: { reason: 'state' } })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('says the person declined when the server reports access_denied', async () => {
    const before = localStorage.getItem(ACCOUNTS_STORAGE_KEY)
    const result = await arrive({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: 'state-1',
    })
    expect(result).toEqual({ status: 'failed', failure: { reason: 'denied', host: 'mastodon.social' }, origin: ORIGIN })
    expect(fetch).not.toHaveBeenCalled()
    expectAccountsUnchanged(before)
  })

  it('passes on what the server said for another error', async () => {
    const result = await arrive({ error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, or malformed.', state: 'state-1' })
    expect(result).toEqual({
      status: 'failed',
      failure: { reason: 'server-error', host: 'mastodon.social', description: 'The requested scope is invalid, unknown, or malformed.' },
      origin: ORIGIN,
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('names the error code when the server gives no description', async () => {
    expect(await arrive({ error: 'server_error', state: 'state-1' })).toMatchObject({
      failure: { reason: 'server-error', description: 'server_error' },
    })
  })

  it('reports an expired or reused code and changes no account', async () => {
    tokenAnswer = () => jsonResponse(INVALID_GRANT, 400)
    const before = localStorage.getItem(ACCOUNTS_STORAGE_KEY)
    expect(await arrive({ code: 'old-code', state: 'state-1' })).toEqual({
      status: 'failed',
      failure: { reason: 'exchange', host: 'mastodon.social', kind: 'invalid-grant' },
      origin: ORIGIN,
    })
    expectAccountsUnchanged(before)
    // The app itself is fine: keep it.
    expect(findApp(ORIGIN, app.redirectUri)?.clientId).toBe('social-client')
  })

  it('forgets the app when the server no longer knows it, so the next sign-in registers afresh', async () => {
    tokenAnswer = () => jsonResponse(INVALID_CLIENT, 401)
    const before = localStorage.getItem(ACCOUNTS_STORAGE_KEY)
    expect(await arrive({ code: 'the-code', state: 'state-1' })).toMatchObject({
      failure: { reason: 'exchange', kind: 'invalid-client' },
    })
    expect(findApp(ORIGIN, app.redirectUri)).toBeNull()
    expectAccountsUnchanged(before)
  })

  it('reports a token endpoint that cannot be reached', async () => {
    tokenAnswer = () => {
      throw new TypeError('Failed to fetch')
    }
    expect(await arrive({ code: 'the-code', state: 'state-1' })).toMatchObject({ failure: { reason: 'exchange', kind: 'network' } })
  })

  it('changes no account when the server will not say who signed in', async () => {
    fakeProfiles.set(ORIGIN, 'token-trwnh', new FakeHttpError(503))
    const before = localStorage.getItem(ACCOUNTS_STORAGE_KEY)
    expect(await arrive({ code: 'the-code', state: 'state-1' })).toEqual({
      status: 'failed',
      failure: { reason: 'profile', host: 'mastodon.social' },
      origin: ORIGIN,
    })
    expectAccountsUnchanged(before)
  })
})

describe('the first account signed in on a device', () => {
  /** A device with nobody signed in yet (the outer beforeEach signed gargron in). */
  function freshDevice() {
    localStorage.clear()
    dropClient(GARGRON)
    setActivePinia(createPinia())
    accounts = useAccountsStore()
    accounts.init()
  }
  const columnsOf = () => useDeckStore().columns.map((c) => `${c.type} ${c.accountKey}`)

  it('gets a starter deck of its home timeline and notifications', async () => {
    freshDevice()
    const result = await arrive({ code: 'the-code', state: 'state-1' })
    expect(result.status).toBe('done')
    expect(columnsOf()).toEqual([`home ${TRWNH}`, `notifications ${TRWNH}`])
    // Kept: the deck shows them after a reload too.
    setActivePinia(createPinia())
    useDeckStore().init()
    expect(columnsOf()).toEqual([`home ${TRWNH}`, `notifications ${TRWNH}`])
  })

  it('keeps a deck that already has columns as it is', async () => {
    freshDevice()
    const deck = useDeckStore()
    deck.init()
    deck.addColumn({ type: 'federated', accountKey: GARGRON, params: {} })
    await arrive({ code: 'the-code', state: 'state-1' })
    expect(columnsOf()).toEqual([`federated ${GARGRON}`])
  })

  it('is not given to a second account: the deck stays as the person left it', async () => {
    // gargron is signed in already (outer beforeEach), with an empty deck.
    await arrive({ code: 'the-code', state: 'state-1' })
    expect(columnsOf()).toEqual([])
  })
})
