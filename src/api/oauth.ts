// OAuth 2 authorization-code flow against a Mastodon server, with no backend:
// app registration, PKCE (RFC 7636), the authorize URL, the code exchange and
// token revocation. Errors come back typed so the UI can say what went wrong.

export interface AppCredentials {
  readonly origin: string
  readonly redirectUri: string
  readonly scopes: string
  readonly clientId: string
  readonly clientSecret: string
}

export interface AuthServerInfo {
  /** The server lists S256 in code_challenge_methods_supported. */
  readonly pkce: boolean
  /** scopes_supported, or null when the server publishes no metadata (Mastodon < 4.3). */
  readonly scopesSupported: readonly string[] | null
}

export type OAuthErrorKind =
  /** The server does not know the client (app deleted or registration lost). */
  | 'invalid-client'
  /** Code expired, already used, issued to another client, or the verifier did not match. */
  | 'invalid-grant'
  /** The request was refused for another reason (4xx). */
  | 'refused'
  /** 5xx or an answer that is not JSON. */
  | 'server'
  /** No answer at all (network, CORS, DNS). */
  | 'network'

export class OAuthError extends Error {
  override readonly name = 'OAuthError'
  readonly kind: OAuthErrorKind
  readonly status: number | null
  readonly serverMessage: string | null

  constructor(kind: OAuthErrorKind, status: number | null, serverMessage: string | null, options?: { cause?: unknown }) {
    super(`OAuth ${kind}${status ? ` (HTTP ${status})` : ''}${serverMessage ? `: ${serverMessage}` : ''}`, options)
    this.kind = kind
    this.status = status
    this.serverMessage = serverMessage
  }
}

export const BASE_SCOPES = ['read', 'write', 'follow', 'push'] as const

/** Scopes to ask for: Mastodon's classic set, plus `profile` where the server offers it. */
export function scopesFor(info: AuthServerInfo): string {
  const scopes: string[] = [...BASE_SCOPES]
  if (info.scopesSupported?.includes('profile')) scopes.push('profile')
  return scopes.join(' ')
}

function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function randomUrlSafe(byteLength = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)))
}

/** BASE64URL(SHA-256(verifier)), the S256 code challenge. */
export async function codeChallengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64Url(new Uint8Array(digest))
}

/** A server that stops answering must not leave sign-in waiting forever. */
export const OAUTH_REQUEST_TIMEOUT_MS = 15_000

async function request(url: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> | null }> {
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: AbortSignal.timeout(OAUTH_REQUEST_TIMEOUT_MS),
    })
  } catch (error) {
    throw new OAuthError('network', null, null, { cause: error })
  }
  const text = await response.text()
  let body: Record<string, unknown> | null = null
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>
  } catch {
    body = null
  }
  return { status: response.status, body }
}

function failure(status: number, body: Record<string, unknown> | null): OAuthError {
  const code = typeof body?.error === 'string' ? body.error : null
  const description = typeof body?.error_description === 'string' ? body.error_description : code
  if (status >= 500 || body === null) return new OAuthError('server', status, description)
  if (code === 'invalid_client') return new OAuthError('invalid-client', status, description)
  if (code === 'invalid_grant') return new OAuthError('invalid-grant', status, description)
  return new OAuthError('refused', status, description)
}

function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
  }
}

/** Reads /.well-known/oauth-authorization-server; servers without it get no PKCE. */
export async function fetchAuthServerInfo(origin: string): Promise<AuthServerInfo> {
  try {
    const { status, body } = await request(`${origin}/.well-known/oauth-authorization-server`, {
      headers: { Accept: 'application/json' },
    })
    if (status !== 200 || !body) return { pkce: false, scopesSupported: null }
    const methods = Array.isArray(body.code_challenge_methods_supported) ? body.code_challenge_methods_supported : []
    const scopes = Array.isArray(body.scopes_supported) ? body.scopes_supported.filter((s): s is string => typeof s === 'string') : null
    return { pkce: methods.includes('S256'), scopesSupported: scopes }
  } catch {
    return { pkce: false, scopesSupported: null }
  }
}

export async function registerApp(origin: string, redirectUri: string, scopes: string, clientName: string, website: string): Promise<AppCredentials> {
  const { status, body } = await request(`${origin}/api/v1/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ client_name: clientName, redirect_uris: redirectUri, scopes, website }),
  })
  if (status !== 200 || typeof body?.client_id !== 'string' || typeof body.client_secret !== 'string') {
    throw failure(status === 200 ? 502 : status, status === 200 ? null : body)
  }
  return { origin, redirectUri, scopes, clientId: body.client_id, clientSecret: body.client_secret }
}

/**
 * Whether the server still knows this app: a client_credentials grant fails with
 * invalid_client when the registration is gone. Other failures count as "known" so
 * a server without that grant type is not re-registered on every sign-in.
 */
export async function isAppKnown(app: AppCredentials): Promise<boolean> {
  const { status, body } = await request(
    `${app.origin}/oauth/token`,
    form({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, redirect_uri: app.redirectUri, scope: 'read' }),
  )
  if (status === 200) return true
  return failure(status, body).kind !== 'invalid-client'
}

export interface AuthorizeParams {
  readonly app: AppCredentials
  readonly state: string
  readonly codeChallenge: string | null
  readonly lang?: string
}

export function authorizeUrl({ app, state, codeChallenge, lang }: AuthorizeParams): string {
  const url = new URL('/oauth/authorize', app.origin)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', app.clientId)
  url.searchParams.set('redirect_uri', app.redirectUri)
  url.searchParams.set('scope', app.scopes)
  url.searchParams.set('state', state)
  if (codeChallenge) {
    url.searchParams.set('code_challenge', codeChallenge)
    url.searchParams.set('code_challenge_method', 'S256')
  }
  if (lang) url.searchParams.set('lang', lang)
  return url.href
}

export interface TokenGrant {
  readonly accessToken: string
  readonly scope: string
}

export async function exchangeCode(app: AppCredentials, code: string, codeVerifier: string | null): Promise<TokenGrant> {
  const fields: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    client_id: app.clientId,
    client_secret: app.clientSecret,
    redirect_uri: app.redirectUri,
  }
  if (codeVerifier) fields.code_verifier = codeVerifier
  const { status, body } = await request(`${app.origin}/oauth/token`, form(fields))
  if (status !== 200 || typeof body?.access_token !== 'string') throw failure(status === 200 ? 502 : status, status === 200 ? null : body)
  return { accessToken: body.access_token, scope: typeof body.scope === 'string' ? body.scope : app.scopes }
}

export async function revokeToken(app: Pick<AppCredentials, 'origin' | 'clientId' | 'clientSecret'>, token: string): Promise<void> {
  const { status, body } = await request(
    `${app.origin}/oauth/revoke`,
    form({ client_id: app.clientId, client_secret: app.clientSecret, token }),
  )
  if (status !== 200) throw failure(status, body)
}
