// App registration and OAuth 2 as Mastodon does it (Doorkeeper underneath):
// POST /api/v1/apps, the authorization-code flow with PKCE (S256 only),
// client credentials, token revocation and /oauth/userinfo. Error bodies and
// the order in which Doorkeeper checks things are reproduced, because a
// client's error handling is only as good as the errors it was tested with.

import { createHash, timingSafeEqual } from 'node:crypto'
import type { ApiRouter, Ctx } from '../context.ts'
import { requireUser } from '../context.ts'
import { json, str, strList } from '../http.ts'
import type { Params } from '../http.ts'
import { randomToken } from '../ids.ts'
import type { AppRecord, MockInstance, OAuthEvent, TokenRecord } from '../instance.ts'
import type { AccountRecord } from '../model.ts'
import { authorizePage, codePage, errorPage, pageLang } from '../oauth-page.ts'
import { DEMO_PASSWORD } from '../seed.ts'
import { ApiFailure } from '../world.ts'
import { SUPPORTED_SCOPES, VAPID_PUBLIC_KEY } from './instance.ts'

export const OOB_URI = 'urn:ietf:wg:oauth:2.0:oob'
const CODE_TTL_MS = 10 * 60_000

/** Doorkeeper's messages as Mastodon ships them (config/locales/doorkeeper.en.yml). */
export const OAUTH_ERRORS = {
  access_denied: 'The resource owner or authorization server denied the request.',
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_code_challenge_method: 'The code challenge method must be S256, plain is unsupported.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_redirect_uri: 'The redirect uri included is not valid.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  unauthorized_revoke: 'You are not authorized to revoke this token',
} as const

const missingParam = (name: string) => `Missing required parameter: ${name}.`

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

function oauthError(status: number, error: string, description: string, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ...NO_STORE, ...extra }
  if (status === 401) {
    headers['www-authenticate'] = `Bearer realm="Doorkeeper", error="${error}", error_description="${description}"`
  }
  return json({ error, error_description: description }, status, headers)
}

function html(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' },
  })
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } })
}

/** Appends parameters to a redirect URI, keeping any query it already has. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.append(k, v)
  return url.href
}

function logOAuth(inst: MockInstance, event: Omit<OAuthEvent, 'at'>): void {
  inst.oauthLog.push({ at: Date.now(), ...event })
  if (inst.oauthLog.length > 1000) inst.oauthLog.splice(0, inst.oauthLog.length - 1000)
}

function appByClientId(inst: MockInstance, clientId: string | undefined): AppRecord | undefined {
  return clientId ? inst.apps.get(clientId) : undefined
}

function secretMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

function splitScopes(s: string): string[] {
  return [...new Set(s.split(/[\s+]+/).filter(Boolean))]
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

function appJson(app: AppRecord): Record<string, unknown> {
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes,
    redirect_uri: app.redirectUris.join('\n'),
    redirect_uris: app.redirectUris,
    vapid_key: VAPID_PUBLIC_KEY,
  }
}

// --- app registration ----------------------------------------------------------

function redirectUriErrors(uri: string): string[] {
  if (uri === OOB_URI) return []
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return ['Redirect URI must be an absolute URI.']
  }
  const errors: string[] = []
  const scheme = url.protocol.slice(0, -1).toLowerCase()
  if (['data', 'vbscript', 'javascript'].includes(scheme)) errors.push('Redirect URI is forbidden by the server.')
  if (url.hash !== '' || uri.includes('#')) errors.push('Redirect URI cannot contain a fragment.')
  return errors
}

function createApp(ctx: Ctx): Response {
  const inst = ctx.state.inst
  const p = ctx.params
  const name = (str(p, 'client_name') ?? '').trim()
  const redirectUris = strList(p, 'redirect_uris').flatMap((u) => u.split(/\s+/)).filter(Boolean)
  const scopeParam = typeof p.scopes === 'string' ? p.scopes : ''
  const scopes = splitScopes(scopeParam.trim() === '' ? 'read' : scopeParam)
  const website = (str(p, 'website') ?? '').trim()

  const errors: string[] = []
  if (name === '') errors.push("Application name can't be blank")
  else if (name.length > 60) errors.push('Application name is too long (maximum is 60 characters)')
  if (redirectUris.length === 0) errors.push("Redirect URI can't be blank")
  for (const uri of redirectUris) errors.push(...redirectUriErrors(uri))
  if (scopes.some((s) => !SUPPORTED_SCOPES.includes(s))) errors.push("Scopes doesn't match configured on the server.")
  if (website !== '') {
    const u = URL.parse(website)
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') errors.push('Application website is invalid')
  }
  if (errors.length) throw new ApiFailure(422, `Validation failed: ${[...new Set(errors)].join(', ')}`)

  const createdAt = Date.now()
  const clientId = randomToken()
  const app: AppRecord = {
    id: inst.ids.app.idFor(`app:${clientId}`, createdAt),
    name,
    website: website || null,
    clientId,
    clientSecret: randomToken(),
    redirectUris,
    scopes,
    createdAt,
  }
  // Keyed by client_id: that is what tokens and codes refer to.
  inst.apps.set(app.clientId, app)
  logOAuth(inst, { type: 'app_created', clientId, accountKey: null, pkce: false, detail: name })
  return json({
    ...appJson(app),
    client_id: app.clientId,
    client_secret: app.clientSecret,
    client_secret_expires_at: 0,
  })
}

function verifyApp(ctx: Ctx): Response {
  const { token, problem } = ctx.state.auth
  if (!token) throw new ApiFailure(401, problem === 'revoked' ? 'The access token was revoked' : 'The access token is invalid')
  const app = appByClientId(ctx.state.inst, token.clientId)
  if (app) return json(appJson(app))
  // Tokens minted by the test controls belong to no registered app; Mastodon's
  // own web app is called "Web".
  return json({
    id: '1',
    name: 'Web',
    website: null,
    scopes: token.scopes,
    redirect_uri: OOB_URI,
    redirect_uris: [OOB_URI],
    vapid_key: VAPID_PUBLIC_KEY,
  })
}

// --- authorization endpoint ------------------------------------------------------

type PreAuth =
  | { kind: 'fatal'; status: number; error: string; description: string }
  | { kind: 'redirect'; app: AppRecord; redirectUri: string; error: string; description: string; state?: string }
  | {
      kind: 'ok'
      app: AppRecord
      redirectUri: string
      scopes: string[]
      state?: string
      codeChallenge: string | null
      codeChallengeMethod: string | null
    }

const LOOPBACK = new Set(['127.0.0.1', '[::1]'])

/** Doorkeeper's URIChecker: exact match, except loopback IPs may use any port (RFC 8252). */
function redirectUriMatches(given: string, registered: string): boolean {
  if (given === registered) return true
  try {
    const a = new URL(given)
    const b = new URL(registered)
    if (!LOOPBACK.has(a.hostname) || a.hostname !== b.hostname) return false
    return a.protocol === b.protocol && a.pathname === b.pathname && a.search === b.search
  } catch {
    return false
  }
}

/** The checks of Doorkeeper::OAuth::PreAuthorization, in its order. */
function preAuthorize(inst: MockInstance, p: Params): PreAuth {
  const clientId = str(p, 'client_id')
  if (!clientId) return { kind: 'fatal', status: 400, error: 'invalid_request', description: missingParam('client_id') }
  const app = appByClientId(inst, clientId)
  if (!app) return { kind: 'fatal', status: 401, error: 'invalid_client', description: OAUTH_ERRORS.invalid_client }
  const redirectUri = str(p, 'redirect_uri') ?? ''
  if (!redirectUri || !app.redirectUris.some((r) => redirectUriMatches(redirectUri, r))) {
    return { kind: 'fatal', status: 400, error: 'invalid_redirect_uri', description: OAUTH_ERRORS.invalid_redirect_uri }
  }
  const state = str(p, 'state') || undefined
  const fail = (error: string, description: string): PreAuth =>
    redirectUri === OOB_URI
      ? { kind: 'fatal', status: 400, error, description } // Doorkeeper cannot redirect to oob
      : { kind: 'redirect', app, redirectUri, error, description, state }
  const responseType = str(p, 'response_type') ?? ''
  if (!responseType) return fail('invalid_request', missingParam('response_type'))
  if (responseType !== 'code') return fail('unsupported_response_type', OAUTH_ERRORS.unsupported_response_type)
  const scopeParam = str(p, 'scope') ?? ''
  const scopes = splitScopes(scopeParam.trim() === '' ? 'read' : scopeParam)
  if (
    /[\n\r\t]/.test(scopeParam) ||
    scopes.length === 0 ||
    scopes.some((s) => !SUPPORTED_SCOPES.includes(s) || !app.scopes.includes(s))
  ) {
    return fail('invalid_scope', OAUTH_ERRORS.invalid_scope)
  }
  const codeChallenge = str(p, 'code_challenge') || null
  const method = str(p, 'code_challenge_method') || null
  if (codeChallenge && method !== 'S256') return fail('invalid_request', OAUTH_ERRORS.invalid_code_challenge_method)
  return {
    kind: 'ok',
    app,
    redirectUri,
    scopes,
    state,
    codeChallenge,
    codeChallengeMethod: codeChallenge ? method : null,
  }
}

function preAuthFailure(inst: MockInstance, pre: Exclude<PreAuth, { kind: 'ok' }>, lang: string): Response {
  if (pre.kind === 'fatal') return html(errorPage(inst.opts.title, pre.error, pre.description, lang), pre.status)
  return redirect(withQuery(pre.redirectUri, { error: pre.error, error_description: pre.description, state: pre.state }))
}

const AUTH_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'force_login',
  'lang',
  'response_mode',
  'nonce',
]
const NOT_CARRIED = new Set(['username', 'password', 'decision', '_method', 'authenticity_token'])

function hiddenFields(ctx: Ctx): [string, string][] {
  const out: [string, string][] = []
  const seen = new Set<string>()
  for (const k of AUTH_PARAMS) {
    const v = str(ctx.params, k)
    if (v !== undefined) {
      out.push([k, v])
      seen.add(k)
    }
  }
  for (const [k, v] of Object.entries(ctx.params)) {
    if (seen.has(k) || NOT_CARRIED.has(k) || typeof v !== 'string') continue
    out.push([k, v])
  }
  return out
}

function localAccounts(inst: MockInstance): AccountRecord[] {
  return [...inst.world.accounts.values()].filter((a) => a.home === inst.host && !a.suspended)
}

function consentPage(ctx: Ctx, pre: Extract<PreAuth, { kind: 'ok' }>, status = 200, error?: string): Response {
  const inst = ctx.state.inst
  return html(
    authorizePage({
      instanceTitle: inst.opts.title,
      instanceHost: inst.host,
      appName: pre.app.name,
      appWebsite: pre.app.website,
      redirectUri: pre.redirectUri,
      scopes: pre.scopes,
      hidden: hiddenFields(ctx),
      usernames: localAccounts(inst).map((a) => a.username),
      password: DEMO_PASSWORD,
      username: error ? (str(ctx.params, 'username') ?? '') : undefined,
      error,
      lang: pageLang(str(ctx.params, 'lang')),
    }),
    status,
  )
}

/** Finds the local account for "alice", "@alice", "alice@host" or alice's e-mail address. */
function findLogin(inst: MockInstance, login: string): AccountRecord | undefined {
  const l = login.trim().toLowerCase().replace(/^@/, '')
  if (!l) return undefined
  return [...inst.world.accounts.values()].find(
    (a) =>
      a.home === inst.host &&
      (a.username.toLowerCase() === l || a.email.toLowerCase() === l || `${a.username}@${a.home}`.toLowerCase() === l),
  )
}

function getAuthorize(ctx: Ctx): Response {
  const pre = preAuthorize(ctx.state.inst, ctx.params)
  if (pre.kind !== 'ok') return preAuthFailure(ctx.state.inst, pre, pageLang(str(ctx.params, 'lang')))
  return consentPage(ctx, pre)
}

function deny(ctx: Ctx, pre: Extract<PreAuth, { kind: 'ok' }>): Response {
  const inst = ctx.state.inst
  logOAuth(inst, { type: 'denied', clientId: pre.app.clientId, accountKey: null, pkce: pre.codeChallenge !== null, detail: pre.redirectUri })
  if (pre.redirectUri === OOB_URI) {
    return html(errorPage(inst.opts.title, 'access_denied', OAUTH_ERRORS.access_denied, pageLang(str(ctx.params, 'lang'))), 400)
  }
  return redirect(
    withQuery(pre.redirectUri, { error: 'access_denied', error_description: OAUTH_ERRORS.access_denied, state: pre.state }),
  )
}

function postAuthorize(ctx: Ctx, forceDeny = false): Response {
  const inst = ctx.state.inst
  const pre = preAuthorize(inst, ctx.params)
  if (pre.kind !== 'ok') return preAuthFailure(inst, pre, pageLang(str(ctx.params, 'lang')))
  const decision = str(ctx.params, 'decision') ?? 'approve'
  if (forceDeny || decision === 'deny' || str(ctx.params, '_method')?.toLowerCase() === 'delete') return deny(ctx, pre)

  const login = str(ctx.params, 'username') ?? str(ctx.params, 'email') ?? ''
  const password = str(ctx.params, 'password') ?? ''
  const account = findLogin(inst, login)
  if (!account || account.password !== password) {
    return consentPage(ctx, pre, 422, 'Invalid E-mail address or password.')
  }
  if (account.suspended) return consentPage(ctx, pre, 422, 'Your login is currently disabled.')

  const code = randomToken()
  inst.codes.set(code, {
    code,
    clientId: pre.app.clientId,
    accountKey: account.key,
    redirectUri: pre.redirectUri,
    scopes: pre.scopes,
    codeChallenge: pre.codeChallenge,
    codeChallengeMethod: pre.codeChallengeMethod,
    expiresAt: Date.now() + CODE_TTL_MS,
    usedAt: null,
  })
  logOAuth(inst, {
    type: 'authorized',
    clientId: pre.app.clientId,
    accountKey: account.key,
    pkce: pre.codeChallenge !== null,
    detail: pre.scopes.join(' '),
  })
  if (pre.redirectUri === OOB_URI) return redirect(`${inst.origin}/oauth/authorize/native?code=${encodeURIComponent(code)}`)
  return redirect(withQuery(pre.redirectUri, { code, state: pre.state }))
}

// --- token endpoint --------------------------------------------------------------

interface ClientCredentials {
  clientId: string | undefined
  clientSecret: string | undefined
}

/** Doorkeeper's client_credentials_methods: HTTP Basic first, then the body. */
function clientCredentials(ctx: Ctx): ClientCredentials {
  const header = ctx.req.headers.get('authorization')
  if (header && /^basic\s+/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8')
    const i = decoded.indexOf(':')
    if (i >= 0) {
      const dec = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '))
        } catch {
          return s
        }
      }
      return { clientId: dec(decoded.slice(0, i)), clientSecret: dec(decoded.slice(i + 1)) }
    }
  }
  return { clientId: str(ctx.params, 'client_id'), clientSecret: str(ctx.params, 'client_secret') }
}

/** Mastodon's apps are confidential: the secret is required even with PKCE. */
function authenticateClient(inst: MockInstance, creds: ClientCredentials): AppRecord | null {
  const app = appByClientId(inst, creds.clientId)
  if (!app || !creds.clientSecret || !secretMatches(app.clientSecret, creds.clientSecret)) return null
  return app
}

function issueToken(inst: MockInstance, clientId: string, accountKey: string | null, scopes: string[]): Response {
  const createdAt = Date.now()
  const record: TokenRecord = { token: randomToken(), clientId, accountKey, scopes, createdAt, revokedAt: null }
  inst.tokens.set(record.token, record)
  return json(
    { access_token: record.token, token_type: 'Bearer', scope: scopes.join(' '), created_at: Math.floor(createdAt / 1000) },
    200,
    NO_STORE,
  )
}

function tokenError(ctx: Ctx, clientId: string | null, pkce: boolean, status: number, error: string, description: string): Response {
  logOAuth(ctx.state.inst, { type: 'token_error', clientId, accountKey: null, pkce, detail: `${error}: ${description}` })
  return oauthError(status, error, description)
}

function postToken(ctx: Ctx): Response {
  const inst = ctx.state.inst
  const p = ctx.params
  const creds = clientCredentials(ctx)
  const grantType = str(p, 'grant_type') ?? ''
  const cid = creds.clientId ?? null
  if (!grantType) return tokenError(ctx, cid, false, 400, 'invalid_request', missingParam('grant_type'))

  if (grantType === 'authorization_code') {
    const code = str(p, 'code') ?? ''
    const grant = code ? inst.codes.get(code) : undefined
    const verifier = str(p, 'code_verifier') ?? ''
    const redirectUri = str(p, 'redirect_uri') ?? ''
    const pkce = Boolean(grant?.codeChallenge)
    // Doorkeeper::OAuth::AuthorizationCodeRequest: params, client, grant, redirect_uri, code_verifier.
    if (grant?.codeChallenge && !verifier) return tokenError(ctx, cid, pkce, 400, 'invalid_request', missingParam('code_verifier'))
    if (!redirectUri) return tokenError(ctx, cid, pkce, 400, 'invalid_request', missingParam('redirect_uri'))
    const app = authenticateClient(inst, creds)
    if (!app) return tokenError(ctx, cid, pkce, 401, 'invalid_client', OAUTH_ERRORS.invalid_client)
    const invalidGrant = (why: string) => {
      logOAuth(inst, { type: 'token_error', clientId: app.clientId, accountKey: null, pkce, detail: `invalid_grant: ${why}` })
      return oauthError(400, 'invalid_grant', OAUTH_ERRORS.invalid_grant)
    }
    if (!grant) return invalidGrant('unknown code')
    if (grant.clientId !== app.clientId) return invalidGrant('code issued to another client')
    if (grant.usedAt !== null) return invalidGrant('code already used')
    if (grant.expiresAt <= Date.now()) return invalidGrant('code expired')
    if (!redirectUriMatches(redirectUri, grant.redirectUri)) return invalidGrant('redirect_uri mismatch')
    if (grant.codeChallenge || verifier) {
      // A verifier sent for a code requested without a challenge fails too, as in Doorkeeper.
      if (!grant.codeChallenge || s256(verifier) !== grant.codeChallenge) return invalidGrant('code_verifier mismatch')
    }
    grant.usedAt = Date.now()
    const account = inst.world.accounts.get(grant.accountKey)
    if (!account || account.suspended) return invalidGrant('account unavailable')
    logOAuth(inst, {
      type: 'token',
      clientId: app.clientId,
      accountKey: grant.accountKey,
      pkce,
      detail: `authorization_code ${grant.scopes.join(' ')}`,
    })
    return issueToken(inst, app.clientId, grant.accountKey, grant.scopes)
  }

  if (grantType === 'client_credentials') {
    const app = authenticateClient(inst, creds)
    if (!app) return tokenError(ctx, cid, false, 401, 'invalid_client', OAUTH_ERRORS.invalid_client)
    const scopeParam = str(p, 'scope') ?? ''
    const scopes = scopeParam.trim() ? splitScopes(scopeParam) : app.scopes.includes('read') ? ['read'] : []
    if (/[\n\r\t]/.test(scopeParam) || scopes.some((s) => !SUPPORTED_SCOPES.includes(s) || !app.scopes.includes(s))) {
      return tokenError(ctx, app.clientId, false, 400, 'invalid_scope', OAUTH_ERRORS.invalid_scope)
    }
    logOAuth(inst, { type: 'token', clientId: app.clientId, accountKey: null, pkce: false, detail: `client_credentials ${scopes.join(' ')}` })
    return issueToken(inst, app.clientId, null, scopes)
  }

  return tokenError(ctx, cid, false, 400, 'unsupported_grant_type', OAUTH_ERRORS.unsupported_grant_type)
}

// --- revocation (RFC 7009) -------------------------------------------------------

function postRevoke(ctx: Ctx): Response {
  const inst = ctx.state.inst
  const app = authenticateClient(inst, clientCredentials(ctx))
  if (!app) return oauthError(401, 'invalid_client', OAUTH_ERRORS.invalid_client)
  const token = str(ctx.params, 'token') ?? ''
  const rec = token ? inst.tokens.get(token) : undefined
  // Unknown tokens are "revoked" too: the answer must not reveal which tokens exist.
  if (!rec) return json({}, 200, NO_STORE)
  // Tokens of a registered (confidential) app may only be revoked by that app;
  // tokens minted outside any app (test controls) by anyone.
  if (appByClientId(inst, rec.clientId) && rec.clientId !== app.clientId) {
    return oauthError(403, 'unauthorized_client', OAUTH_ERRORS.unauthorized_revoke)
  }
  if (rec.revokedAt === null) {
    rec.revokedAt = Date.now()
    logOAuth(inst, { type: 'revoked', clientId: app.clientId, accountKey: rec.accountKey, pkce: false, detail: rec.scopes.join(' ') })
  }
  return json({}, 200, NO_STORE)
}

// --- userinfo --------------------------------------------------------------------

function userinfo(ctx: Ctx): Response {
  // Mastodon: doorkeeper_authorize! :profile, then require_user!.
  const accountKey = requireUser(ctx, 'profile')
  const inst = ctx.state.inst
  const a = inst.world.account(accountKey)
  const origin = inst.world.origin(a.home)
  return json({
    iss: `${inst.origin}/`,
    sub: `${origin}/users/${a.username}`,
    name: a.displayName,
    preferred_username: a.username,
    profile: `${origin}/@${a.username}`,
    picture: `${origin}/system/avatars/${a.username}.svg`,
  })
}

export function registerOAuthRoutes(router: ApiRouter): void {
  router.post('/api/v1/apps', createApp)
  router.get('/api/v1/apps/verify_credentials', verifyApp)

  router.get('/oauth/authorize', getAuthorize)
  router.post('/oauth/authorize', (ctx) => postAuthorize(ctx))
  router.delete('/oauth/authorize', (ctx) => postAuthorize(ctx, true))
  router.get('/oauth/authorize/native', (ctx) => {
    const code = str(ctx.params, 'code') ?? ''
    return html(codePage(ctx.state.inst.opts.title, code, pageLang(str(ctx.params, 'lang'))))
  })

  router.post('/oauth/token', postToken)
  router.post('/oauth/revoke', postRevoke)
  router.get('/oauth/userinfo', userinfo)
  router.post('/oauth/userinfo', userinfo)
}
