// Server metadata of the mock, read through masto.js where the client does:
// /api/v1 and /api/v2 instance, rules, custom emojis, plus the well-known
// documents, health checks and CORS.

import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { createRestAPIClient } from 'masto'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
beforeEach(() => {
  h = harness()
})

const hostOf = (origin: string) => new URL(origin).host
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/mastodon-api/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>

/** Every key path of a JSON value (arrays: their first element), to compare shapes. */
function shape(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length ? shape(v[0], `${prefix}[]`) : []
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => [`${prefix}.${k}`, ...shape(x, `${prefix}.${k}`)])
  }
  return []
}

describe('instance v2', () => {
  for (const which of ['a', 'b'] as const) {
    it(`describes instance ${which.toUpperCase()} like Mastodon 4.5 (masto.js v2.instance.fetch)`, async () => {
      const origin = h[which]
      const instance = await createRestAPIClient({ url: origin }).v2.instance.fetch()
      expect(instance.domain).toBe(hostOf(origin))
      expect(instance.title).toBe(which === 'a' ? 'Demo Social' : 'Second Town')
      expect(instance.version).toBe('4.5.0')
      expect(instance.configuration.urls.streaming).toBe(origin.replace(/^http/, 'ws'))
      expect(instance.configuration.statuses).toEqual({ maxCharacters: 500, maxMediaAttachments: 4, charactersReservedPerUrl: 23 })
      expect(instance.configuration.polls).toEqual({ maxOptions: 4, maxCharactersPerOption: 50, minExpiration: 300, maxExpiration: 2629746 })
      expect(instance.configuration.translation.enabled).toBe(true)
      // Mastodon 4.5: quote posts.
      expect(instance.apiVersions).toEqual({ mastodon: 7 })
      expect(instance.thumbnail.url).toBe(`${origin}/system/thumbnail.svg`)
      expect(instance.contact.account?.username).toBe(which === 'a' ? 'alice' : 'frank')
      expect(instance.rules.length).toBeGreaterThan(0)
      expect(instance.configuration.mediaAttachments.supportedMimeTypes).toContain('image/png')
    })
  }

  it('has every key of the documented 4.5 example (except the known docs typo)', async () => {
    const mine = (await (await fetch(`${h.a}/api/v2/instance`)).json()) as Record<string, unknown>
    const docs = fixture('instance.v2.json')
    const missing = shape(docs)
      .filter((k) => !shape(mine).includes(k))
      .filter((k) => !k.includes('max_display_name_lenth')) // typo in the documentation example
      .filter((k) => !k.startsWith('.icon[]') && !k.startsWith('.thumbnail.blurhash') && !k.includes('.translations.'))
      .filter((k) => !k.startsWith('.contact.account.fields[]')) // the seed's contact has no profile fields
    expect(missing).toEqual([])
    expect(mine.icon).toEqual([])
  })

  it('drops the streaming URL when streaming is switched off, and reflects translation', async () => {
    await h.control(h.a, '/features', { streaming: false, translation: false })
    const v2 = (await (await fetch(`${h.a}/api/v2/instance`)).json()) as { configuration: { urls: Record<string, unknown>; translation: { enabled: boolean } } }
    expect(v2.configuration.urls).not.toHaveProperty('streaming')
    expect(v2.configuration.urls.about).toBe(`${h.a}/about`)
    expect(v2.configuration.translation.enabled).toBe(false)
    const v1 = (await (await fetch(`${h.a}/api/v1/instance`)).json()) as { urls: Record<string, unknown> }
    expect(v1.urls).toEqual({})
    expect(await (await fetch(`${h.a}/api/v1/instance/translation_languages`)).json()).toEqual({})
    expect((await fetch(`${h.a}/api/v1/streaming/health`)).status).toBe(404)
    // B is unaffected.
    const b = await createRestAPIClient({ url: h.b }).v2.instance.fetch()
    expect(b.configuration.urls.streaming).toBe(h.b.replace(/^http/, 'ws'))
  })

  it('ignores a bad or revoked token on these public endpoints', async () => {
    const stale = createRestAPIClient({ url: h.a, accessToken: 'not-a-token' })
    await expect(stale.v2.instance.fetch()).resolves.toMatchObject({ domain: hostOf(h.a) })
    await expect(stale.v1.instance.fetch()).resolves.toMatchObject({ uri: hostOf(h.a) })
    await expect(stale.v1.customEmojis.list()).resolves.toBeInstanceOf(Array)
  })
})

/** Local accounts of an instance, counted from the seeded world. */
const localUsers = (host: string) => [...h.fed.world.accounts.values()].filter((a) => a.home === host && !a.suspended).length

describe('instance v1 and sub-resources', () => {
  it('serves the v1 shape (masto.js v1.instance.fetch)', async () => {
    const v1 = await createRestAPIClient({ url: h.a }).v1.instance.fetch()
    expect(v1.uri).toBe(hostOf(h.a))
    expect(v1.urls.streamingApi).toBe(h.a.replace(/^http/, 'ws'))
    expect(v1.version).toBe('4.5.0')
    expect(v1.stats.userCount).toBe(localUsers(hostOf(h.a)))
    expect(v1.stats.statusCount).toBeGreaterThan(0)
    expect(v1.stats.domainCount).toBe(1)
    expect(v1.configuration.statuses.maxCharacters).toBe(500)
    expect(v1.configuration.statuses.charactersReservedPerUrl).toBe(23)
    expect(v1.contactAccount?.username).toBe('alice')
    const raw = (await (await fetch(`${h.a}/api/v1/instance`)).json()) as Record<string, unknown>
    const missing = shape(fixture('instance.v1.small-server.json')).filter((k) => !shape(raw).includes(k))
    expect(missing.filter((k) => !k.startsWith('.contact_account'))).toEqual([])
  })

  it('lists rules, peers, activity, extended description and translation languages', async () => {
    const rest = createRestAPIClient({ url: h.a })
    // masto.js 8 has no v1.instance.rules; the client fetches it itself.
    const rules = (await (await fetch(`${h.a}/api/v1/instance/rules`)).json()) as Record<string, unknown>[]
    expect(rules[0]).toMatchObject({ id: '1', text: expect.any(String), hint: expect.any(String) })
    const peers = await rest.v1.instance.peers.list()
    expect(peers).toEqual([hostOf(h.b)])

    const activity = (await (await fetch(`${h.a}/api/v1/instance/activity`)).json()) as Record<string, string>[]
    expect(activity).toHaveLength(12)
    expect(Object.keys(activity[0]!).sort()).toEqual(['logins', 'registrations', 'statuses', 'week'])
    expect(Number(activity[0]!.week)).toBeGreaterThan(Number(activity[1]!.week))
    expect(activity.every((w) => Object.values(w).every((v) => typeof v === 'string'))).toBe(true)

    const ext = await rest.v1.instance.extendedDescription.fetch()
    expect(ext.content).toContain('<p>')
    expect(Date.parse(ext.updatedAt ?? '')).not.toBeNaN()

    const langs = (await (await fetch(`${h.a}/api/v1/instance/translation_languages`)).json()) as Record<string, string[]>
    expect(langs.en).toContain('de')
  })

  it('lists the custom emojis of this instance only', async () => {
    h.fed.world.customEmojis.push(
      { shortcode: 'mocktest_blob', home: hostOf(h.a), category: 'Blobs', hue: 10 },
      { shortcode: 'mocktest_party', home: hostOf(h.a), category: null, hue: 20 },
      { shortcode: 'mocktest_onlyonb', home: hostOf(h.b), category: null, hue: 30 },
    )
    const emojis = await createRestAPIClient({ url: h.a }).v1.customEmojis.list()
    const mine = emojis.filter((e) => ['mocktest_blob', 'mocktest_party', 'mocktest_onlyonb'].includes(e.shortcode))
    expect(mine.map((e) => e.shortcode)).toEqual(['mocktest_blob', 'mocktest_party'])
    expect(mine[0]).toEqual({
      shortcode: 'mocktest_blob',
      url: `${h.a}/system/emoji/mocktest_blob.svg`,
      staticUrl: `${h.a}/system/emoji/mocktest_blob.svg`,
      visibleInPicker: true,
      category: 'Blobs',
    })
    expect(mine[1]).not.toHaveProperty('category')
  })
})

describe('well-known documents and health', () => {
  it('publishes nodeinfo', async () => {
    const wk = (await (await fetch(`${h.a}/.well-known/nodeinfo`)).json()) as { links: { rel: string; href: string }[] }
    expect(wk.links).toEqual([{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${h.a}/nodeinfo/2.0` }])
    const res = await fetch(wk.links[0]!.href)
    expect(res.headers.get('content-type')).toContain('application/json')
    const ni = (await res.json()) as { software: unknown; protocols: string[]; usage: { users: { total: number }; localPosts: number } }
    expect(ni.software).toEqual({ name: 'mastodon', version: '4.5.0' })
    expect(ni.protocols).toEqual(['activitypub'])
    expect(ni.usage.users.total).toBe(localUsers(hostOf(h.a)))
    expect(ni.usage.localPosts).toBeGreaterThan(0)
  })

  it('publishes OAuth authorization server metadata for its own origin', async () => {
    for (const origin of [h.a, h.b]) {
      const meta = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>
      const docs = fixture('oauth.authorization-server-metadata.json')
      expect(Object.keys(meta).sort()).toEqual(Object.keys(docs).sort())
      expect(meta).toMatchObject({
        issuer: `${origin}/`,
        authorization_endpoint: `${origin}/oauth/authorize`,
        token_endpoint: `${origin}/oauth/token`,
        revocation_endpoint: `${origin}/oauth/revoke`,
        userinfo_endpoint: `${origin}/oauth/userinfo`,
        app_registration_endpoint: `${origin}/api/v1/apps`,
        code_challenge_methods_supported: ['S256'],
        grant_types_supported: ['authorization_code', 'client_credentials'],
        response_types_supported: ['code'],
      })
      expect(meta.scopes_supported).toEqual(expect.arrayContaining(['read', 'write', 'follow', 'push', 'profile', 'read:statuses', 'write:media']))
    }
  })

  it('answers webfinger for local accounts (404 otherwise) and host-meta', async () => {
    const host = hostOf(h.a)
    const res = await fetch(`${h.a}/.well-known/webfinger?resource=${encodeURIComponent(`acct:alice@${host}`)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/jrd+json')
    const jrd = (await res.json()) as { subject: string; links: { rel: string; type?: string; href?: string }[] }
    expect(jrd.subject).toBe(`acct:alice@${host}`)
    expect(jrd.links).toContainEqual({ rel: 'self', type: 'application/activity+json', href: `${h.a}/users/alice` })
    // Also by profile URL.
    const byUrl = await fetch(`${h.a}/.well-known/webfinger?resource=${encodeURIComponent(`${h.a}/@alice`)}`)
    expect(((await byUrl.json()) as { subject: string }).subject).toBe(`acct:alice@${host}`)
    // frank lives on B; nobody called zed exists.
    expect((await fetch(`${h.a}/.well-known/webfinger?resource=acct:frank@${hostOf(h.b)}`)).status).toBe(404)
    expect((await fetch(`${h.a}/.well-known/webfinger?resource=acct:zed@${host}`)).status).toBe(404)
    expect((await fetch(`${h.b}/.well-known/webfinger?resource=acct:frank@${hostOf(h.b)}`)).status).toBe(200)
    expect((await fetch(`${h.a}/.well-known/webfinger`)).status).toBe(400)

    const hm = await fetch(`${h.a}/.well-known/host-meta`)
    expect(hm.headers.get('content-type')).toContain('application/xrd+xml')
    expect(await hm.text()).toContain(`template="${h.a}/.well-known/webfinger?resource={uri}"`)
  })

  it('reports health: /health always, /api/v1/streaming/health while streaming is on', async () => {
    const health = await fetch(`${h.a}/health`)
    expect(health.status).toBe(200)
    expect(await health.text()).toBe('OK')
    const sh = await fetch(`${h.b}/api/v1/streaming/health`)
    expect(sh.status).toBe(200)
    expect(sh.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await sh.text()).toBe('OK')
    await h.control(h.b, '/features', { streaming: false })
    expect((await fetch(`${h.b}/api/v1/streaming/health`)).status).toBe(404)
  })
})

describe('CORS', () => {
  for (const which of ['a', 'b'] as const) {
    it(`allows any origin on /api/v2/instance and answers preflights (instance ${which.toUpperCase()})`, async () => {
      const origin = h[which]
      const res = await fetch(`${origin}/api/v2/instance`, { headers: { origin: 'http://localhost:5173' } })
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-expose-headers')).toContain('Link')
      const preflight = await fetch(`${origin}/api/v2/instance`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      })
      expect(preflight.status).toBeLessThan(300)
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
      expect(preflight.headers.get('access-control-allow-methods')).toContain('GET')
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization')
      for (const path of ['/.well-known/nodeinfo', '/.well-known/webfinger?resource=x', '/nodeinfo/2.0']) {
        expect((await fetch(`${origin}${path}`)).headers.get('access-control-allow-origin')).toBe('*')
      }
    })
  }
})
