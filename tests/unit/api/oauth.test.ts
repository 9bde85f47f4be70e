import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  OAuthError,
  authorizeUrl,
  codeChallengeFor,
  exchangeCode,
  fetchAuthServerInfo,
  isAppKnown,
  randomUrlSafe,
  registerApp,
  revokeToken,
  scopesFor,
  type AppCredentials,
} from '@/api/oauth'
import { htmlResponse, jsonResponse, stubFetch } from '../helpers/fetch'
import { INVALID_CLIENT, authServerMetadata, formFields, sentRequests } from '../helpers/oauth-server'

const ORIGIN = 'https://example.social'
const REDIRECT = 'https://deck.example/oauth/callback'

const app: AppCredentials = {
  origin: ORIGIN,
  redirectUri: REDIRECT,
  scopes: 'read write follow push',
  clientId: 'TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM',
  clientSecret: 'ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw',
}

async function oauthError(promise: Promise<unknown>): Promise<OAuthError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(OAuthError)
  return error as OAuthError
}

const networkDown = () => {
  throw new TypeError('Failed to fetch')
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('gives different verifiers different challenges', async () => {
    expect(await codeChallengeFor('a'.repeat(43))).not.toBe(await codeChallengeFor('b'.repeat(43)))
  })

  it('makes random strings from the URL-safe alphabet without padding', () => {
    // 0xfb 0xef 0xbe is "++++" and 0xff 0xff 0xff is "////" in plain base64.
    const pattern = [0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff]
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.forEach((_, i) => (array[i] = pattern[i % pattern.length]!))
      return array
    })
    expect(randomUrlSafe(6)).toBe('----____')
    // One byte is "/w==" in plain base64.
    expect(randomUrlSafe(1)).toBe('-w')
  })

  it('makes strings long enough for a verifier (43 to 128 characters) and different each time', () => {
    const samples = Array.from({ length: 50 }, () => randomUrlSafe())
    for (const sample of samples) expect(sample).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Set(samples).size).toBe(samples.length)
    expect(randomUrlSafe(48)).toMatch(/^[A-Za-z0-9_-]{64}$/)
  })
})

describe('scopesFor', () => {
  it('asks for the classic scopes on a server without metadata', () => {
    expect(scopesFor({ pkce: false, scopesSupported: null })).toBe('read write follow push')
  })

  it('adds profile only where the server lists it', () => {
    expect(scopesFor({ pkce: true, scopesSupported: ['read', 'write', 'follow', 'push', 'profile'] })).toBe('read write follow push profile')
    expect(scopesFor({ pkce: true, scopesSupported: ['read', 'write', 'follow', 'push'] })).toBe('read write follow push')
  })
})

describe('fetchAuthServerInfo', () => {
  it('reads PKCE support and scopes from the server metadata, without credentials', async () => {
    const fetch = stubFetch(() => jsonResponse(authServerMetadata(ORIGIN)))
    const info = await fetchAuthServerInfo(ORIGIN)

    expect(info.pkce).toBe(true)
    expect(info.scopesSupported).toContain('profile')
    const [request] = sentRequests(fetch)
    expect(sentRequests(fetch)).toHaveLength(1)
    expect(request?.url).toBe(`${ORIGIN}/.well-known/oauth-authorization-server`)
    expect(request?.method).toBe('GET')
    expect(request?.init).toMatchObject({ credentials: 'omit' })
  })

  it('uses no PKCE when the server does not offer S256', async () => {
    stubFetch(() => jsonResponse({ ...authServerMetadata(ORIGIN), code_challenge_methods_supported: ['plain'] }))
    expect(await fetchAuthServerInfo(ORIGIN)).toMatchObject({ pkce: false })
  })

  it('uses no PKCE when the metadata leaves the methods out', async () => {
    const { code_challenge_methods_supported: _omitted, ...metadata } = authServerMetadata(ORIGIN)
    stubFetch(() => jsonResponse(metadata))
    expect(await fetchAuthServerInfo(ORIGIN)).toMatchObject({ pkce: false })
  })

  it.each([
    ['a 404 (Mastodon before 4.3)', () => jsonResponse({ error: 'Not found' }, 404)],
    ['an HTML page', () => htmlResponse()],
    ['a 500', () => htmlResponse('oops', 500)],
  ])('falls back to no PKCE and no scope list on %s', async (_what, answer) => {
    stubFetch(answer)
    expect(await fetchAuthServerInfo(ORIGIN)).toEqual({ pkce: false, scopesSupported: null })
  })

  it('falls back to no PKCE instead of failing when the request fails', async () => {
    stubFetch(networkDown)
    expect(await fetchAuthServerInfo(ORIGIN)).toEqual({ pkce: false, scopesSupported: null })
  })
})

describe('registerApp', () => {
  it('registers with a JSON POST to /api/v1/apps and returns the credentials', async () => {
    const fetch = stubFetch(() =>
      jsonResponse({ id: '563419', name: 'Deckodon', client_id: 'the-id', client_secret: 'the-secret', client_secret_expires_at: 0 }),
    )
    const result = await registerApp(ORIGIN, REDIRECT, 'read write follow push profile', 'Deckodon', 'https://deck.example/')

    expect(result).toEqual({
      origin: ORIGIN,
      redirectUri: REDIRECT,
      scopes: 'read write follow push profile',
      clientId: 'the-id',
      clientSecret: 'the-secret',
    })
    const requests = sentRequests(fetch)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).toBe(`${ORIGIN}/api/v1/apps`)
    expect(requests[0]?.method).toBe('POST')
    expect(requests[0]?.headers['content-type']).toBe('application/json')
    expect(requests[0]?.init).toMatchObject({ credentials: 'omit' })
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      client_name: 'Deckodon',
      redirect_uris: REDIRECT,
      scopes: 'read write follow push profile',
      website: 'https://deck.example/',
    })
  })

  it('reports a 422 as refused, with the server message', async () => {
    stubFetch(() => jsonResponse({ error: 'Validation failed: Redirect URI must be an absolute URI.' }, 422))
    const error = await oauthError(registerApp(ORIGIN, 'nope', 'read', 'Deckodon', 'https://deck.example/'))
    expect(error.kind).toBe('refused')
    expect(error.status).toBe(422)
    expect(error.serverMessage).toBe('Validation failed: Redirect URI must be an absolute URI.')
  })

  it.each([
    ['a 503', () => htmlResponse('Service unavailable', 503), 503],
    ['a 500 with JSON', () => jsonResponse({ error: 'boom' }, 500), 500],
    ['an HTML page with status 200', () => htmlResponse(), 502],
    ['JSON without the credentials', () => jsonResponse({ id: '1', name: 'Deckodon' }), 502],
  ])('reports %s as a server problem', async (_what, answer, status) => {
    stubFetch(answer)
    const error = await oauthError(registerApp(ORIGIN, REDIRECT, 'read', 'Deckodon', 'https://deck.example/'))
    expect(error.kind).toBe('server')
    expect(error.status).toBe(status)
  })

  it('reports a fetch TypeError as a network failure', async () => {
    stubFetch(networkDown)
    const error = await oauthError(registerApp(ORIGIN, REDIRECT, 'read', 'Deckodon', 'https://deck.example/'))
    expect(error.kind).toBe('network')
    expect(error.status).toBeNull()
    expect(error.cause).toBeInstanceOf(TypeError)
  })
})

describe('isAppKnown', () => {
  it('asks for a client_credentials token with the app credentials', async () => {
    const fetch = stubFetch(() => jsonResponse({ access_token: 'app-token', token_type: 'Bearer', scope: 'read', created_at: 1 }))
    expect(await isAppKnown(app)).toBe(true)

    const requests = sentRequests(fetch)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).toBe(`${ORIGIN}/oauth/token`)
    expect(requests[0]?.method).toBe('POST')
    expect(requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(formFields(requests[0]?.body ?? null)).toEqual({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: REDIRECT,
      scope: 'read',
    })
  })

  it('says no when the server answers invalid_client', async () => {
    stubFetch(() => jsonResponse(INVALID_CLIENT, 401))
    expect(await isAppKnown(app)).toBe(false)
  })

  it.each([
    ['unsupported_grant_type', () => jsonResponse({ error: 'unsupported_grant_type' }, 400)],
    ['a 500', () => htmlResponse('oops', 500)],
    ['a 403 without a body', () => new Response('', { status: 403 })],
    ['an HTML page', () => htmlResponse()],
  ])('assumes the app is still known after %s', async (_what, answer) => {
    stubFetch(answer)
    expect(await isAppKnown(app)).toBe(true)
  })
})

describe('authorizeUrl', () => {
  it('points at the server consent page with state and the S256 challenge', () => {
    const url = new URL(authorizeUrl({ app, state: 'st4te', codeChallenge: 'ch4llenge', lang: 'nl' }))
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/oauth/authorize`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      scope: 'read write follow push',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
      lang: 'nl',
    })
  })

  it('leaves out the challenge without PKCE, and lang when not given', () => {
    const url = new URL(authorizeUrl({ app, state: 'st4te', codeChallenge: null }))
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'redirect_uri', 'response_type', 'scope', 'state'])
  })

  it('encodes values so they cannot add parameters', () => {
    const url = new URL(authorizeUrl({ app: { ...app, scopes: 'read&admin=1' }, state: 'a b&c=d', codeChallenge: null }))
    expect(url.searchParams.get('state')).toBe('a b&c=d')
    expect(url.searchParams.get('scope')).toBe('read&admin=1')
    expect(url.searchParams.has('c')).toBe(false)
    expect(url.searchParams.has('admin')).toBe(false)
  })
})

describe('exchangeCode', () => {
  const token = { access_token: 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0', token_type: 'Bearer', scope: 'read write follow push', created_at: 1573979017 }

  it('posts the code, the client secret and the PKCE verifier as a form', async () => {
    const fetch = stubFetch(() => jsonResponse(token))
    const grant = await exchangeCode(app, 'the-code', 'the-verifier')

    expect(grant).toEqual({ accessToken: token.access_token, scope: 'read write follow push' })
    const requests = sentRequests(fetch)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).toBe(`${ORIGIN}/oauth/token`)
    expect(requests[0]?.method).toBe('POST')
    expect(requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(requests[0]?.init).toMatchObject({ credentials: 'omit' })
    expect(formFields(requests[0]?.body ?? null)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: REDIRECT,
      code_verifier: 'the-verifier',
    })
  })

  it('sends no code_verifier without PKCE', async () => {
    const fetch = stubFetch(() => jsonResponse(token))
    await exchangeCode(app, 'the-code', null)
    const fields = formFields(sentRequests(fetch)[0]?.body ?? null)
    expect(fields).not.toHaveProperty('code_verifier')
    expect(fields.client_secret).toBe(app.clientSecret)
  })

  it('takes the app scopes when the server does not say which were granted', async () => {
    stubFetch(() => jsonResponse({ access_token: 'tok', token_type: 'Bearer' }))
    expect(await exchangeCode(app, 'c', null)).toEqual({ accessToken: 'tok', scope: app.scopes })
  })

  it('reports an expired or reused code as invalid-grant', async () => {
    stubFetch(() =>
      jsonResponse(
        {
          error: 'invalid_grant',
          error_description:
            'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
        },
        400,
      ),
    )
    const error = await oauthError(exchangeCode(app, 'old-code', 'v'))
    expect(error.kind).toBe('invalid-grant')
    expect(error.status).toBe(400)
    expect(error.serverMessage).toMatch(/^The provided authorization grant is invalid/)
  })

  it('reports an unknown app as invalid-client', async () => {
    stubFetch(() => jsonResponse(INVALID_CLIENT, 401))
    expect((await oauthError(exchangeCode(app, 'c', 'v'))).kind).toBe('invalid-client')
  })

  it('reports a 200 without a token as a server problem', async () => {
    stubFetch(() => jsonResponse({ token_type: 'Bearer' }))
    expect((await oauthError(exchangeCode(app, 'c', 'v'))).kind).toBe('server')
  })

  it('reports a network failure', async () => {
    stubFetch(networkDown)
    expect((await oauthError(exchangeCode(app, 'c', 'v'))).kind).toBe('network')
  })
})

describe('revokeToken', () => {
  it('posts the token with the app credentials to /oauth/revoke', async () => {
    const fetch = stubFetch(() => jsonResponse({}))
    await revokeToken(app, 'user-token')

    const requests = sentRequests(fetch)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).toBe(`${ORIGIN}/oauth/revoke`)
    expect(requests[0]?.method).toBe('POST')
    expect(requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(formFields(requests[0]?.body ?? null)).toEqual({ client_id: app.clientId, client_secret: app.clientSecret, token: 'user-token' })
  })

  it('rejects when the server refuses', async () => {
    stubFetch(() => jsonResponse({ error: 'unauthorized_client', error_description: 'You are not authorized to revoke this token' }, 403))
    const error = await oauthError(revokeToken(app, 'user-token'))
    expect(error.kind).toBe('refused')
    expect(error.status).toBe(403)
  })

  it('rejects when the server cannot be reached', async () => {
    stubFetch(networkDown)
    expect((await oauthError(revokeToken(app, 'user-token'))).kind).toBe('network')
  })
})
