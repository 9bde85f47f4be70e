// A small fake of one Mastodon server's sign-in endpoints, answering a stubbed fetch:
// instance lookup, OAuth server metadata, app registration and the client_credentials
// check. Plus helpers to read back the requests that were sent.

import type { Mock } from 'vitest'
import { htmlResponse, jsonResponse, v2Instance } from './fetch'

export interface SentRequest {
  readonly url: string
  readonly method: string
  /** Header names in lower case. */
  readonly headers: Record<string, string>
  readonly body: string | null
  readonly init: RequestInit | undefined
}

type FetchSpy = Mock<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>

/** The requests a stubFetch spy received, in order. */
export function sentRequests(spy: FetchSpy): SentRequest[] {
  return spy.mock.calls.map(([input, init]) => ({
    url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    method: init?.method ?? 'GET',
    headers: Object.fromEntries(new Headers(init?.headers).entries()),
    body: typeof init?.body === 'string' ? init.body : null,
    init,
  }))
}

/** An application/x-www-form-urlencoded body as an object (throws on a repeated field). */
export function formFields(body: string | null): Record<string, string> {
  const params = new URLSearchParams(body ?? '')
  const fields: Record<string, string> = {}
  for (const [name, value] of params) {
    if (name in fields) throw new Error(`field ${name} sent twice`)
    fields[name] = value
  }
  return fields
}

/** The Mastodon 4.3+ /.well-known/oauth-authorization-server document (trimmed). */
export function authServerMetadata(origin: string, options: { pkce?: boolean; profileScope?: boolean } = {}) {
  return {
    issuer: `${origin}/`,
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    app_registration_endpoint: `${origin}/api/v1/apps`,
    revocation_endpoint: `${origin}/oauth/revoke`,
    scopes_supported: ['read', 'write', 'follow', 'push', ...(options.profileScope === false ? [] : ['profile']), 'admin:read'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: options.pkce === false ? [] : ['S256'],
    grant_types_supported: ['authorization_code', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  }
}

export const INVALID_CLIENT = {
  error: 'invalid_client',
  error_description:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
}

export interface RegisteredApp {
  readonly clientName: string
  readonly redirectUris: string
  readonly scopes: string
  readonly website: string
  readonly clientId: string
  readonly clientSecret: string
}

export interface FakeServer {
  readonly origin: string
  instance: unknown
  /** null: the server has no metadata document (Mastodon before 4.3): 404. */
  metadata: ReturnType<typeof authServerMetadata> | null
  readonly apps: RegisteredApp[]
  /** The server deleted these registrations (client_credentials answers invalid_client). */
  readonly forgotten: Set<string>
  handle(url: string, init?: RequestInit): Response | null
}

export function fakeServer(origin = 'https://example.social'): FakeServer {
  const server: FakeServer = {
    origin,
    instance: v2Instance,
    metadata: authServerMetadata(origin),
    apps: [],
    forgotten: new Set(),
    handle(url, init) {
      if (!url.startsWith(`${origin}/`)) return null
      const path = url.slice(origin.length)
      const method = init?.method ?? 'GET'
      if (path === '/api/v2/instance' && method === 'GET') return jsonResponse(server.instance)
      if (path === '/.well-known/oauth-authorization-server' && method === 'GET') {
        return server.metadata ? jsonResponse(server.metadata) : htmlResponse('<h1>Not found</h1>', 404)
      }
      if (path === '/api/v1/apps' && method === 'POST') {
        const body = JSON.parse(String(init?.body)) as Record<string, string>
        const n = server.apps.length + 1
        const app: RegisteredApp = {
          clientName: body.client_name ?? '',
          redirectUris: body.redirect_uris ?? '',
          scopes: body.scopes ?? '',
          website: body.website ?? '',
          clientId: `client-${n}`,
          clientSecret: `secret-${n}`,
        }
        server.apps.push(app)
        return jsonResponse({
          id: String(563418 + n),
          name: app.clientName,
          website: app.website,
          scopes: app.scopes.split(' '),
          redirect_uri: app.redirectUris,
          redirect_uris: [app.redirectUris],
          client_id: app.clientId,
          client_secret: app.clientSecret,
          client_secret_expires_at: 0,
        })
      }
      if (path === '/oauth/token' && method === 'POST') {
        const fields = formFields(String(init?.body))
        const app = server.apps.find((a) => a.clientId === fields.client_id && a.clientSecret === fields.client_secret)
        if (!app || server.forgotten.has(app.clientId)) return jsonResponse(INVALID_CLIENT, 401)
        if (fields.grant_type === 'client_credentials') {
          return jsonResponse({ access_token: `app-token-${app.clientId}`, token_type: 'Bearer', scope: 'read', created_at: 1573979017 })
        }
        return jsonResponse({ error: 'unsupported_grant_type' }, 400)
      }
      return null
    },
  }
  return server
}
