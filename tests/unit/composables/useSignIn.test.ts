import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, type EffectScope } from 'vue'
import { findApp } from '@/api/app-registry'
import { codeChallengeFor } from '@/api/oauth'
import { takePending } from '@/api/pending-sign-in'
import { redirectUri, useSignIn } from '@/composables/useSignIn'
import { hangingFetch, htmlResponse, jsonResponse, stubFetch } from '../helpers/fetch'
import { authServerMetadata, fakeServer, formFields, sentRequests, type FakeServer } from '../helpers/oauth-server'

const ORIGIN = 'https://example.social'
// jsdom's page is http://localhost:3000/ and the unit tests build with base "/".
const REDIRECT = 'http://localhost:3000/oauth/callback'

let scope: EffectScope
let server: FakeServer
let fetch: ReturnType<typeof stubFetch>
const navigate = vi.fn<(url: string) => void>()

function start() {
  scope = effectScope()
  return scope.run(() => useSignIn())!
}

function serve(override?: (url: string, init?: RequestInit) => Response | Promise<Response> | null) {
  fetch = stubFetch((url, init) => override?.(url, init) ?? server.handle(url, init) ?? htmlResponse('<h1>Not found</h1>', 404))
}

function requestsTo(path: string) {
  return sentRequests(fetch).filter((r) => r.url === `${ORIGIN}${path}`)
}

/** The consent page URL the browser was sent to, as parameters. */
function consentParams(call = 0): Record<string, string> {
  const href = navigate.mock.calls[call]?.[0]
  if (!href) throw new Error(`navigate was called ${navigate.mock.calls.length} times`)
  const url = new URL(href)
  expect(url.origin + url.pathname).toBe(`${ORIGIN}/oauth/authorize`)
  return Object.fromEntries(url.searchParams)
}

beforeEach(() => {
  server = fakeServer(ORIGIN)
  serve()
  navigate.mockReset()
})

afterEach(() => {
  scope.stop()
  vi.unstubAllGlobals()
  localStorage.clear()
  sessionStorage.clear()
})

describe('useSignIn', () => {
  it('sends people back to the callback route of this page', () => {
    start()
    expect(redirectUri()).toBe(REDIRECT)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not an instance', 'malformed'],
    ['ftp://example.social', 'scheme'],
  ])('rejects the input %j as %s without any request', async (input, problem) => {
    const { state, signIn } = start()
    await signIn(input, { navigate })
    expect(state.value).toEqual({ status: 'invalid', problem, input: input.trim() })
    expect(fetch).not.toHaveBeenCalled()
    expect(navigate).not.toHaveBeenCalled()
  })

  it.each([
    ['an HTML site', () => htmlResponse(), 'not-mastodon', null],
    ['a server error', () => htmlResponse('Service unavailable', 503), 'down', 503],
    ['a 403', () => jsonResponse({ error: 'Forbidden' }, 403), 'http-error', 403],
    [
      'a dead host',
      () => {
        throw new TypeError('Failed to fetch')
      },
      'unreachable',
      null,
    ],
    [
      'a server refusing CORS',
      (_url: string, init?: RequestInit) => {
        if (init?.mode === 'no-cors') return new Response(null, { status: 200 })
        throw new TypeError('Failed to fetch')
      },
      'cors',
      null,
    ],
  ])('reports %s and goes nowhere', async (_what, answer, kind, httpStatus) => {
    serve(answer)
    const { state, signIn } = start()
    await signIn('example.social', { navigate })

    expect(state.value).toEqual({ status: 'failed', host: 'example.social', kind, httpStatus })
    expect(requestsTo('/api/v1/apps')).toEqual([])
    expect(navigate).not.toHaveBeenCalled()
    expect(sessionStorage.length).toBe(0)
  })

  it('registers the app, then sends the browser to the consent page with state and an S256 challenge', async () => {
    const { state, signIn } = start()
    await signIn('@someone@example.social', { navigate, lang: 'nl' })

    expect(state.value).toMatchObject({ status: 'redirecting', summary: { title: 'Example Social', domain: 'example.social' } })
    expect(sentRequests(fetch).map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${ORIGIN}/api/v2/instance`,
      `GET ${ORIGIN}/.well-known/oauth-authorization-server`,
      `POST ${ORIGIN}/api/v1/apps`,
    ])
    expect(server.apps).toEqual([
      expect.objectContaining({
        clientName: 'Deckodon',
        redirectUris: REDIRECT,
        scopes: 'read write follow push profile',
        website: 'http://localhost:3000/',
      }),
    ])

    expect(navigate).toHaveBeenCalledTimes(1)
    const params = consentParams()
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: REDIRECT,
      scope: 'read write follow push profile',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{32,}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
      lang: 'nl',
    })
  })

  it('keeps, for the callback, the verifier whose challenge is in the URL and the app', async () => {
    const { signIn } = start()
    await signIn('example.social', { navigate, reauthKey: 'example.social|42' })
    const params = consentParams()

    const pending = takePending(params.state!)
    expect(pending).not.toBeNull()
    expect(pending?.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    expect(await codeChallengeFor(pending!.codeVerifier!)).toBe(params.code_challenge)
    expect(pending?.app).toEqual({
      origin: ORIGIN,
      redirectUri: REDIRECT,
      scopes: 'read write follow push profile',
      clientId: 'client-1',
      clientSecret: 'secret-1',
    })
    expect(pending?.reauthKey).toBe('example.social|42')
    // The app is also kept for the next sign-in, across tabs.
    expect(findApp(ORIGIN, REDIRECT)?.clientId).toBe('client-1')
  })

  it('uses no PKCE and the classic scopes with a server that publishes no OAuth metadata', async () => {
    server.metadata = null
    const { signIn } = start()
    await signIn('example.social', { navigate })

    const params = consentParams()
    expect(params).not.toHaveProperty('code_challenge')
    expect(params).not.toHaveProperty('code_challenge_method')
    expect(params.scope).toBe('read write follow push')
    expect(takePending(params.state!)?.codeVerifier).toBeNull()
  })

  it('uses no PKCE when the server offers no S256', async () => {
    server.metadata = authServerMetadata(ORIGIN, { pkce: false })
    const { signIn } = start()
    await signIn('example.social', { navigate })
    expect(consentParams()).not.toHaveProperty('code_challenge')
  })

  it('registers once and reuses the app for the next sign-in, after checking the server still knows it', async () => {
    const { signIn } = start()
    await signIn('example.social', { navigate })
    await signIn('https://example.social/', { navigate })

    expect(requestsTo('/api/v1/apps')).toHaveLength(1)
    const check = requestsTo('/oauth/token')
    expect(check).toHaveLength(1)
    expect(formFields(check[0]?.body ?? null)).toMatchObject({ grant_type: 'client_credentials', client_id: 'client-1', client_secret: 'secret-1' })

    expect(consentParams(0).client_id).toBe('client-1')
    expect(consentParams(1).client_id).toBe('client-1')
    expect(consentParams(1).state).not.toBe(consentParams(0).state)
    expect(consentParams(1).code_challenge).not.toBe(consentParams(0).code_challenge)
  })

  it('registers again when the server has forgotten the app (invalid_client)', async () => {
    const { signIn } = start()
    await signIn('example.social', { navigate })
    server.forgotten.add('client-1')
    await signIn('example.social', { navigate })

    expect(requestsTo('/api/v1/apps')).toHaveLength(2)
    expect(consentParams(1).client_id).toBe('client-2')
    expect(findApp(ORIGIN, REDIRECT)?.clientId).toBe('client-2')
  })

  it('registers again when the scopes to ask for changed', async () => {
    server.metadata = authServerMetadata(ORIGIN, { profileScope: false })
    const { signIn } = start()
    await signIn('example.social', { navigate })
    expect(consentParams(0).scope).toBe('read write follow push')

    // The server was upgraded and now offers the profile scope.
    server.metadata = authServerMetadata(ORIGIN)
    await signIn('example.social', { navigate })
    expect(server.apps.map((a) => a.scopes)).toEqual(['read write follow push', 'read write follow push profile'])
    expect(consentParams(1)).toMatchObject({ client_id: 'client-2', scope: 'read write follow push profile' })
  })

  it('reports a refused registration and goes nowhere', async () => {
    serve((url) =>
      url === `${ORIGIN}/api/v1/apps` ? jsonResponse({ error: 'Validation failed: Application name is too long' }, 422) : null,
    )
    const { state, signIn } = start()
    await signIn('example.social', { navigate })

    expect(state.value).toEqual({ status: 'oauth-failed', host: 'example.social', kind: 'refused', httpStatus: 422 })
    expect(navigate).not.toHaveBeenCalled()
    expect(sessionStorage.length).toBe(0)
    expect(findApp(ORIGIN, REDIRECT)).toBeNull()
  })

  it('reports a registration that gets an error page as a server problem', async () => {
    serve((url) => (url === `${ORIGIN}/api/v1/apps` ? htmlResponse('<h1>We are sorry</h1>', 500) : null))
    const { state, signIn } = start()
    await signIn('example.social', { navigate })
    expect(state.value).toEqual({ status: 'oauth-failed', host: 'example.social', kind: 'server', httpStatus: 500 })
  })

  it('goes to the instance asked for last when a second sign-in replaces a slow first one', async () => {
    serve((url, init) => (url.startsWith('https://slow.example/') ? hangingFetch(url, init) : null))
    const { state, signIn } = start()
    const first = signIn('slow.example', { navigate })
    expect(state.value).toEqual({ status: 'checking', host: 'slow.example' })
    await signIn('example.social', { navigate })
    await first

    expect(navigate).toHaveBeenCalledTimes(1)
    expect(consentParams().client_id).toBe('client-1')
    expect(state.value).toMatchObject({ status: 'redirecting', summary: { domain: 'example.social' } })
  })

  it('stops and goes nowhere when the page using it goes away', async () => {
    serve((url, init) => hangingFetch(url, init))
    const { signIn } = start()
    const pending = signIn('example.social', { navigate })
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    scope.stop()
    await pending

    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true)
    expect(navigate).not.toHaveBeenCalled()
  })
})
