// App registration and the OAuth flow of the mock, driven the way the client
// drives a real Mastodon: masto.js for /api/v1/apps, /oauth/token and
// /oauth/revoke, and plain browser-like requests for the consent page.

import { createHash, randomBytes } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { MastoHttpError, createOAuthAPIClient, createRestAPIClient, type mastodon } from 'masto'
import { useTestFediverse, type TestFediverse } from './harness.ts'
import { OAUTH_ERRORS } from './routes/oauth.ts'
import { DEMO_PASSWORD } from './seed.ts'

// A redirect URI that already has a query: the code must be appended to it.
const REDIRECT = 'https://client.example/callback?from=mock'
const OOB = 'urn:ietf:wg:oauth:2.0:oob'

const harness = useTestFediverse()
let h: TestFediverse
beforeEach(() => {
  h = harness()
})

/** The rejection of a promise, or null when it resolves. */
const failure = (p: PromiseLike<unknown>) => Promise.resolve(p).then(() => null, (e: unknown) => e)

function pkce() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

interface RegisteredApp {
  clientId: string
  clientSecret: string
}

async function registerApp(origin: string, scopes = 'read write follow push', redirectUris: string[] = [REDIRECT]): Promise<RegisteredApp> {
  const app = await createRestAPIClient({ url: origin }).v1.apps.create({
    clientName: 'Deck Test',
    redirectUris,
    scopes,
    website: 'https://client.example',
  })
  return { clientId: app.clientId!, clientSecret: app.clientSecret! }
}

function authorizeUrl(origin: string, query: Record<string, string>): string {
  const url = new URL('/oauth/authorize', origin)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return url.href
}

const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) out[unescapeHtml(m[1]!)] = unescapeHtml(m[2]!)
  return out
}

/** Submits the consent form the way a browser would: hidden fields + the typed ones + the pressed button. */
async function submitConsent(origin: string, html: string, fields: Record<string, string>): Promise<Response> {
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1]
  expect(action).toBe('/oauth/authorize')
  const body = new URLSearchParams({ ...hiddenInputs(html), ...fields })
  return fetch(new URL(action!, origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  })
}

/** Signs alice in on the consent page and returns the code from the redirect. */
async function authorize(origin: string, app: RegisteredApp, extra: Record<string, string> = {}, username = 'alice'): Promise<string> {
  const page = await fetch(
    authorizeUrl(origin, { response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT, scope: 'read write follow push', ...extra }),
  )
  expect(page.status).toBe(200)
  const res = await submitConsent(origin, await page.text(), { username, password: DEMO_PASSWORD, decision: 'approve' })
  expect(res.status).toBe(302)
  const location = new URL(res.headers.get('location')!)
  expect(location.origin + location.pathname).toBe('https://client.example/callback')
  expect(location.searchParams.get('from')).toBe('mock')
  return location.searchParams.get('code')!
}

function exchange(origin: string, app: RegisteredApp, code: string, extra: Record<string, string> = {}) {
  const params = {
    grantType: 'authorization_code' as const,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: REDIRECT,
    code,
    ...extra,
  }
  // masto.js has no codeVerifier in its types, but sends any extra key (snake_cased).
  return createOAuthAPIClient({ url: origin }).token.create(params)
}

async function oauthLog(origin: string) {
  const res = await h.control(origin, '/log', undefined, 'GET')
  return ((await res.json()) as { oauth: { type: string; clientId: string | null; accountKey: string | null; pkce: boolean; detail: string }[] }).oauth
}

function expectOAuthError(err: unknown, statusCode: number, error: string, description: string) {
  expect(err).toBeInstanceOf(MastoHttpError)
  const e = err as MastoHttpError
  expect({ statusCode: e.statusCode, error: e.message, description: e.description }).toEqual({ statusCode, error, description })
}

describe('app registration', () => {
  it('registers an app (JSON through masto.js) with the CredentialApplication shape', async () => {
    const rest = createRestAPIClient({ url: h.a })
    const app = await rest.v1.apps.create({
      clientName: 'Deck Test',
      redirectUris: [REDIRECT, OOB],
      scopes: 'read write push',
      website: 'https://client.example',
    })
    expect(app).toMatchObject({
      name: 'Deck Test',
      website: 'https://client.example',
      scopes: ['read', 'write', 'push'],
      redirectUri: `${REDIRECT}\n${OOB}`,
      redirectUris: [REDIRECT, OOB],
      clientSecretExpiresAt: 0,
    })
    expect(typeof (app as unknown as { id: unknown }).id).toBe('string')
    expect(app.clientId).toMatch(/^[\w-]{43}$/)
    expect(app.clientSecret).toMatch(/^[\w-]{43}$/)
    expect(app.vapidKey).toMatch(/^[\w-]+=*$/)
    const log = await oauthLog(h.a)
    expect(log.at(-1)).toMatchObject({ type: 'app_created', clientId: app.clientId })
  })

  it('accepts a form post with newline-separated redirect URIs and defaults scopes to read', async () => {
    const res = await fetch(`${h.b}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_name: 'Form App', redirect_uris: `${REDIRECT}\nmyapp://oauth` }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ name: 'Form App', website: null, scopes: ['read'], redirect_uris: [REDIRECT, 'myapp://oauth'] })
  })

  it('answers validation errors with 422 and Rails messages', async () => {
    const post = (body: Record<string, unknown>) =>
      fetch(`${h.a}/api/v1/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    let res = await post({ redirect_uris: REDIRECT })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({ error: "Validation failed: Application name can't be blank" })
    res = await post({ client_name: 'x', redirect_uris: 'callback' })
    expect(await res.json()).toEqual({ error: 'Validation failed: Redirect URI must be an absolute URI.' })
    res = await post({ client_name: 'x', redirect_uris: REDIRECT, scopes: 'read bogus' })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({ error: "Validation failed: Scopes doesn't match configured on the server." })

    const err = await failure(createRestAPIClient({ url: h.a }).v1.apps.create({ clientName: '', redirectUris: REDIRECT, scopes: 'read' }))
    expect(err).toBeInstanceOf(MastoHttpError)
    expect((err as MastoHttpError).statusCode).toBe(422)
  })

  it('verifies app credentials with an app token and a user token, 401 without', async () => {
    const app = await registerApp(h.a)
    const oauth = createOAuthAPIClient({ url: h.a })
    const appToken = await oauth.token.create({
      grantType: 'client_credentials',
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT,
    })
    const verified = await createRestAPIClient({ url: h.a, accessToken: appToken.accessToken }).v1.apps.verifyCredentials()
    expect(verified).toMatchObject({ name: 'Deck Test', website: 'https://client.example', scopes: ['read', 'write', 'follow', 'push'], redirectUris: [REDIRECT] })
    expect(verified).not.toHaveProperty('clientSecret')

    const userToken = await exchange(h.a, app, await authorize(h.a, app))
    const viaUser = await createRestAPIClient({ url: h.a, accessToken: userToken.accessToken }).v1.apps.verifyCredentials()
    expect(viaUser.name).toBe('Deck Test')

    const err = await failure(createRestAPIClient({ url: h.a }).v1.apps.verifyCredentials())
    expect(err).toBeInstanceOf(MastoHttpError)
    expect((err as MastoHttpError).statusCode).toBe(401)
  })
})

describe('consent page', () => {
  it('is a real, script-free, accessible page carrying the request as hidden fields and showing the demo credentials', async () => {
    const app = await registerApp(h.a)
    const { challenge } = pkce()
    const query = {
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      scope: 'read write',
      state: 'st<"&>',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      lang: 'de',
    }
    const res = await fetch(authorizeUrl(h.a, query))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('<html lang="de">')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\son\w+=/i) // no inline event handlers either
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!client\.example)/) // no external resources
    expect(html).toContain('<h1>Authorize Deck Test?</h1>')
    expect(html).toContain('Demo Social')
    expect(html).toMatch(/<code>read<\/code>/)
    expect(html).toMatch(/<code>write<\/code>/)
    expect(html).not.toMatch(/<code>push<\/code>/)
    expect(html).toContain('<form method="post" action="/oauth/authorize">')
    expect(html).toMatch(/<label for="username">[^<]+<\/label>\s*<input type="text" id="username" name="username"/)
    expect(html).toMatch(/<label for="password">[^<]+<\/label>\s*<input type="password" id="password" name="password"/)
    expect(html).toContain('name="decision" value="approve">Authorize</button>')
    expect(html).toMatch(/name="decision" value="deny"[^>]*>Deny<\/button>/)
    for (const user of ['alice', 'bob', 'carol']) expect(html).toContain(`<code>${user}</code>`)
    expect(html).not.toContain('<code>frank</code>') // frank lives on B
    expect(html).toContain(`<code>${DEMO_PASSWORD}</code>`)
    expect(html).toContain('value="st&lt;&quot;&amp;&gt;"') // echoed values are escaped
    expect(hiddenInputs(html)).toEqual(query)
  })

  it('shows an error page, never a redirect, for an unknown client or an unregistered redirect URI', async () => {
    const unknown = await fetch(authorizeUrl(h.a, { response_type: 'code', client_id: 'nope', redirect_uri: REDIRECT }), { redirect: 'manual' })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('location')).toBeNull()
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await unknown.text()
    expect(html).toContain('An error has occurred')
    expect(html).toContain(OAUTH_ERRORS.invalid_client)
    expect(html).not.toMatch(/<script/i)

    const app = await registerApp(h.a)
    const badRedirect = await fetch(
      authorizeUrl(h.a, { response_type: 'code', client_id: app.clientId, redirect_uri: 'https://evil.example/cb' }),
      { redirect: 'manual' },
    )
    expect(badRedirect.status).toBe(400)
    expect(badRedirect.headers.get('location')).toBeNull()
    expect(await badRedirect.text()).toContain('The redirect uri included is not valid.')
  })

  it('redirects back with invalid_scope, unsupported_response_type or invalid_request (plain PKCE) and the state', async () => {
    const app = await registerApp(h.a, 'read write')
    const base = { response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT, state: 'xyz' }
    const cases: [Record<string, string>, string, string][] = [
      [{ scope: 'read push' }, 'invalid_scope', OAUTH_ERRORS.invalid_scope],
      [{ response_type: 'token' }, 'unsupported_response_type', OAUTH_ERRORS.unsupported_response_type],
      [{ code_challenge: 'abc', code_challenge_method: 'plain' }, 'invalid_request', OAUTH_ERRORS.invalid_code_challenge_method],
    ]
    for (const [extra, error, description] of cases) {
      const res = await fetch(authorizeUrl(h.a, { ...base, ...extra }), { redirect: 'manual' })
      expect(res.status).toBe(302)
      const loc = new URL(res.headers.get('location')!)
      expect(loc.origin + loc.pathname).toBe('https://client.example/callback')
      expect(Object.fromEntries(loc.searchParams)).toEqual({ from: 'mock', error, error_description: description, state: 'xyz' })
    }
  })

  it('shows the page again with a visible error (422) for a wrong password, keeping the fields', async () => {
    const app = await registerApp(h.a)
    const page = await (await fetch(authorizeUrl(h.a, { response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT, state: 's1' }))).text()
    const res = await submitConsent(h.a, page, { username: 'alice', password: 'wrong', decision: 'approve' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain('Invalid E-mail address or password.')
    expect(html).toContain('id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="alice"')
    expect(hiddenInputs(html)).toMatchObject({ client_id: app.clientId, redirect_uri: REDIRECT, state: 's1' })
    // The second try from the error page works.
    const retry = await submitConsent(h.a, html, { username: 'alice@demo.example', password: DEMO_PASSWORD, decision: 'approve' })
    expect(retry.status).toBe(422) // not alice's address
    const ok = await submitConsent(h.a, html, { username: `alice@${new URL(h.a).hostname}.example`, password: DEMO_PASSWORD, decision: 'approve' })
    expect(ok.status).toBe(302)
    expect(new URL(ok.headers.get('location')!).searchParams.get('code')).toBeTruthy()
  })

  it('denies: access_denied redirect with the state, logged', async () => {
    const app = await registerApp(h.a)
    const page = await (await fetch(authorizeUrl(h.a, { response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT, state: 'keep me' }))).text()
    const res = await submitConsent(h.a, page, { decision: 'deny' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location')!
    expect(location).toBe(
      'https://client.example/callback?from=mock&error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request.&state=keep+me',
    )
    expect((await oauthLog(h.a)).at(-1)).toMatchObject({ type: 'denied', clientId: app.clientId })
  })

  it('shows the code on a page for the out-of-band redirect URI', async () => {
    const app = await registerApp(h.a, 'read', [OOB])
    const page = await (await fetch(authorizeUrl(h.a, { response_type: 'code', client_id: app.clientId, redirect_uri: OOB }))).text()
    const res = await submitConsent(h.a, page, { username: 'bob', password: DEMO_PASSWORD, decision: 'approve' })
    expect(res.status).toBe(302)
    const native = new URL(res.headers.get('location')!)
    expect(native.pathname).toBe('/oauth/authorize/native')
    const code = native.searchParams.get('code')!
    const shown = await (await fetch(native)).text()
    expect(shown).toContain(`value="${code}"`)
    expect(shown).not.toMatch(/<script/i)
    const token = await createOAuthAPIClient({ url: h.a }).token.create({
      grantType: 'authorization_code',
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: OOB,
      code,
    })
    const me = await createRestAPIClient({ url: h.a, accessToken: token.accessToken }).v1.accounts.verifyCredentials()
    expect(me.username).toBe('bob')
  })
})

describe('authorization code + PKCE', () => {
  it('runs the full S256 flow: the token signs alice in', async () => {
    const app = await registerApp(h.a)
    const { verifier, challenge } = pkce()
    const code = await authorize(h.a, app, { state: 'abc', code_challenge: challenge, code_challenge_method: 'S256' })
    expect(code).toMatch(/^[\w-]{20,}$/)
    const token = await exchange(h.a, app, code, { codeVerifier: verifier })
    expect(token).toMatchObject({ tokenType: 'Bearer', scope: 'read write follow push' })
    expect(token.createdAt).toBeGreaterThan(1_600_000_000)
    expect(token.createdAt).toBeLessThan(10_000_000_000) // seconds, not ms
    const me = await createRestAPIClient({ url: h.a, accessToken: token.accessToken }).v1.accounts.verifyCredentials()
    expect(me.username).toBe('alice')
    expect(me.acct).toBe('alice')

    const log = await oauthLog(h.a)
    expect(log.find((e) => e.type === 'authorized')).toMatchObject({ clientId: app.clientId, accountKey: `alice@${new URL(h.a).host}`, pkce: true })
    expect(log.find((e) => e.type === 'token')).toMatchObject({ clientId: app.clientId, pkce: true })
  })

  it('keeps the state and appends the code to a redirect URI with a query', async () => {
    const app = await registerApp(h.b)
    const page = await (
      await fetch(authorizeUrl(h.b, { response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT, state: 'a b&c' }))
    ).text()
    const res = await submitConsent(h.b, page, { username: 'frank', password: DEMO_PASSWORD, decision: 'approve' })
    const loc = new URL(res.headers.get('location')!)
    expect([...loc.searchParams.keys()]).toEqual(['from', 'code', 'state'])
    expect(loc.searchParams.get('state')).toBe('a b&c')
    // Scope defaults to read when the request names none.
    const token = await exchange(h.b, app, loc.searchParams.get('code')!)
    expect(token.scope).toBe('read')
  })

  it('rejects a wrong verifier with invalid_grant; the code still works with the right one', async () => {
    const app = await registerApp(h.a)
    const { verifier, challenge } = pkce()
    const code = await authorize(h.a, app, { code_challenge: challenge, code_challenge_method: 'S256' })
    expectOAuthError(await failure(exchange(h.a, app, code, { codeVerifier: pkce().verifier })), 400, 'invalid_grant', OAUTH_ERRORS.invalid_grant)
    const log = await oauthLog(h.a)
    expect(log.at(-1)).toMatchObject({ type: 'token_error', pkce: true })
    expect(log.at(-1)!.detail).toContain('invalid_grant')
    await expect(exchange(h.a, app, code, { codeVerifier: verifier })).resolves.toMatchObject({ tokenType: 'Bearer' })
  })

  it('rejects a missing verifier (Doorkeeper: invalid_request, missing code_verifier)', async () => {
    const app = await registerApp(h.a)
    const { challenge } = pkce()
    const code = await authorize(h.a, app, { code_challenge: challenge, code_challenge_method: 'S256' })
    expectOAuthError(await failure(exchange(h.a, app, code)), 400, 'invalid_request', 'Missing required parameter: code_verifier.')
  })

  it('rejects a verifier for a code that was requested without a challenge', async () => {
    const app = await registerApp(h.a)
    const code = await authorize(h.a, app)
    expectOAuthError(await failure(exchange(h.a, app, code, { codeVerifier: pkce().verifier })), 400, 'invalid_grant', OAUTH_ERRORS.invalid_grant)
  })

  it('uses a code once', async () => {
    const app = await registerApp(h.a)
    const { verifier, challenge } = pkce()
    const code = await authorize(h.a, app, { code_challenge: challenge, code_challenge_method: 'S256' })
    await exchange(h.a, app, code, { codeVerifier: verifier })
    expectOAuthError(await failure(exchange(h.a, app, code, { codeVerifier: verifier })), 400, 'invalid_grant', OAUTH_ERRORS.invalid_grant)
  })

  it('requires the client secret (401 invalid_client) and the same redirect URI (invalid_grant)', async () => {
    const app = await registerApp(h.a, 'read write follow push', [REDIRECT, 'https://client.example/other'])
    const { verifier, challenge } = pkce()
    const code = await authorize(h.a, app, { code_challenge: challenge, code_challenge_method: 'S256' })
    expectOAuthError(
      await failure(exchange(h.a, { ...app, clientSecret: 'wrong' }, code, { codeVerifier: verifier })),
      401,
      'invalid_client',
      OAUTH_ERRORS.invalid_client,
    )
    expectOAuthError(
      await failure(exchange(h.a, { ...app, clientSecret: '' }, code, { codeVerifier: verifier })),
      401,
      'invalid_client',
      OAUTH_ERRORS.invalid_client,
    )
    expectOAuthError(
      await failure(exchange(h.a, app, code, { codeVerifier: verifier, redirectUri: 'https://client.example/other' })),
      400,
      'invalid_grant',
      OAUTH_ERRORS.invalid_grant,
    )
    // None of the failures used the code up.
    await expect(exchange(h.a, app, code, { codeVerifier: verifier })).resolves.toMatchObject({ tokenType: 'Bearer' })
  })

  it('rejects a code issued to another client and codes from the other instance', async () => {
    const app = await registerApp(h.a)
    const other = await registerApp(h.a)
    const code = await authorize(h.a, app)
    expectOAuthError(await failure(exchange(h.a, other, code)), 400, 'invalid_grant', OAUTH_ERRORS.invalid_grant)
    // Apps are per instance: A's client is unknown to B.
    expectOAuthError(await failure(exchange(h.b, app, code)), 401, 'invalid_client', OAUTH_ERRORS.invalid_client)
  })

  it('accepts HTTP Basic client authentication and form-encoded bodies', async () => {
    const app = await registerApp(h.a)
    const { verifier, challenge } = pkce()
    const code = await authorize(h.a, app, { code_challenge: challenge, code_challenge_method: 'S256' })
    const res = await fetch(`${h.a}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['access_token', 'created_at', 'scope', 'token_type'])
  })

  it('answers unknown and missing grant types as Doorkeeper does', async () => {
    const app = await registerApp(h.a)
    const post = (body: Record<string, string>) =>
      fetch(`${h.a}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    let res = await post({ grant_type: 'password', client_id: app.clientId, client_secret: app.clientSecret, username: 'alice', password: DEMO_PASSWORD })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'unsupported_grant_type', error_description: OAUTH_ERRORS.unsupported_grant_type })
    res = await post({ client_id: app.clientId, client_secret: app.clientSecret })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: grant_type.' })
  })
})

describe('client credentials, revocation, userinfo', () => {
  it('issues app tokens that cannot act as a user', async () => {
    const app = await registerApp(h.a)
    const oauth = createOAuthAPIClient({ url: h.a })
    const token = await oauth.token.create({ grantType: 'client_credentials', clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: REDIRECT, scope: 'read write' })
    expect(token.scope).toBe('read write')
    const err = await failure(createRestAPIClient({ url: h.a, accessToken: token.accessToken }).v1.accounts.verifyCredentials())
    expect(err).toBeInstanceOf(MastoHttpError)
    expect((err as MastoHttpError).statusCode).toBe(422)
    expect((err as MastoHttpError).message).toBe('This method requires an authenticated user')

    expectOAuthError(
      await failure(oauth.token.create({ grantType: 'client_credentials', clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: REDIRECT, scope: 'admin:read' })),
      400,
      'invalid_scope',
      OAUTH_ERRORS.invalid_scope,
    )
  })

  it('revokes a token: it then gets 401 "The access token was revoked", and the log records it', async () => {
    const app = await registerApp(h.a)
    const { verifier, challenge } = pkce()
    const token = await exchange(h.a, app, await authorize(h.a, app, { code_challenge: challenge, code_challenge_method: 'S256' }), {
      codeVerifier: verifier,
    })
    const alice: mastodon.rest.Client = createRestAPIClient({ url: h.a, accessToken: token.accessToken })
    await alice.v1.accounts.verifyCredentials()

    const oauth = createOAuthAPIClient({ url: h.a })
    await oauth.revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token: token.accessToken })
    const err = await failure(alice.v1.accounts.verifyCredentials())
    expect(err).toBeInstanceOf(MastoHttpError)
    expect((err as MastoHttpError).statusCode).toBe(401)
    expect((err as MastoHttpError).message).toBe('The access token was revoked')
    expect((await oauthLog(h.a)).at(-1)).toMatchObject({ type: 'revoked', clientId: app.clientId, accountKey: `alice@${new URL(h.a).host}` })
    const state = (await (await h.control(h.a, '/state', undefined, 'GET')).json()) as { tokens: { clientId: string; revoked: boolean }[] }
    expect(state.tokens.find((t) => t.clientId === app.clientId)?.revoked).toBe(true)

    // Revoking again, or an unknown token, is still 200 (RFC 7009).
    await oauth.revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token: token.accessToken })
    const unknown = await fetch(`${h.a}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, token: 'unknown' }),
    })
    expect(unknown.status).toBe(200)
    expect(await unknown.json()).toEqual({})
    expect((await oauthLog(h.a)).filter((e) => e.type === 'revoked')).toHaveLength(1)
  })

  it('refuses revocation with a wrong secret (401) or by another client (403)', async () => {
    const app = await registerApp(h.a)
    const other = await registerApp(h.a)
    const token = await exchange(h.a, app, await authorize(h.a, app))
    const oauth = createOAuthAPIClient({ url: h.a })
    expectOAuthError(
      await failure(oauth.revoke({ clientId: app.clientId, clientSecret: 'nope', token: token.accessToken })),
      401,
      'invalid_client',
      OAUTH_ERRORS.invalid_client,
    )
    expectOAuthError(
      await failure(oauth.revoke({ clientId: other.clientId, clientSecret: other.clientSecret, token: token.accessToken })),
      403,
      'unauthorized_client',
      OAUTH_ERRORS.unauthorized_revoke,
    )
    // Still valid.
    await createRestAPIClient({ url: h.a, accessToken: token.accessToken }).v1.accounts.verifyCredentials()
  })

  it('serves /oauth/userinfo to tokens with the profile scope', async () => {
    const app = await registerApp(h.a, 'profile read')
    const code = await authorize(h.a, app, { scope: 'profile' })
    const token = await exchange(h.a, app, code)
    expect(token.scope).toBe('profile')
    const res = await fetch(`${h.a}/oauth/userinfo`, { headers: { authorization: `Bearer ${token.accessToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(await res.json()).toEqual({
      iss: `${h.a}/`,
      sub: `${h.a}/users/alice`,
      name: 'Alice Demo',
      preferred_username: 'alice',
      profile: `${h.a}/@alice`,
      picture: `${h.a}/system/avatars/alice.svg`,
    })
    // Mastodon asks for the profile scope specifically; read does not include it.
    const readOnly = await h.token(h.a, 'alice', 'read')
    const denied = await fetch(`${h.a}/oauth/userinfo`, { headers: { authorization: `Bearer ${readOnly}` } })
    expect(denied.status).toBe(403)
    expect(await denied.json()).toEqual({ error: 'This action is outside the authorized scopes' })
    const anonymous = await fetch(`${h.a}/oauth/userinfo`)
    expect(anonymous.status).toBe(401)
  })
})

describe('CORS on the OAuth endpoints', () => {
  for (const which of ['a', 'b'] as const) {
    it(`answers preflights and sets Access-Control-Allow-Origin on /oauth/token (instance ${which.toUpperCase()})`, async () => {
      const origin = h[which]
      const preflight = await fetch(`${origin}/oauth/token`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      })
      expect(preflight.status).toBeLessThan(300)
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')

      const res = await fetch(`${origin}/oauth/token`, {
        method: 'POST',
        headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' }),
      })
      expect(res.status).toBe(401)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
    })
  }
})
