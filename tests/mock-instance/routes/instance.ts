// Public server metadata: /api/v1 and /api/v2 instance, rules, peers,
// activity, custom emojis, nodeinfo, webfinger/host-meta, OAuth server
// metadata and health checks. None of these look at the caller's token
// (Mastodon skips authentication for them), so a stale token never breaks
// the first request a client makes.

import type { ApiRouter, Ctx } from '../context.ts'
import { viewFor } from '../context.ts'
import { json, str } from '../http.ts'
import type { MockInstance } from '../instance.ts'
import type { AccountRecord } from '../model.ts'
import { POLL_LIMITS, STATUS_LIMITS } from '../limits.ts'
import { escapeHtml } from '../text.ts'

export const MASTODON_VERSION = '4.5.0'

/** A real P-256 point (Mastodon's VAPID key format: URL-safe base64 with padding). */
export const VAPID_PUBLIC_KEY = 'BPvOW5da0m2uto5J5aaFn18Chc1oE6Ue2-wHoEXT9nY0MAs-e5uCjuE1iMLycdv70WTuGVoRVojHj8Dy2OfhMoM='

/** Every scope Mastodon 4.5 knows (Doorkeeper `optional_scopes` plus the default). */
export const SUPPORTED_SCOPES = [
  'read',
  'write',
  'write:accounts',
  'write:blocks',
  'write:bookmarks',
  'write:conversations',
  'write:favourites',
  'write:filters',
  'write:follows',
  'write:lists',
  'write:media',
  'write:mutes',
  'write:notifications',
  'write:reports',
  'write:statuses',
  'read:accounts',
  'read:blocks',
  'read:bookmarks',
  'read:favourites',
  'read:filters',
  'read:follows',
  'read:lists',
  'read:mutes',
  'read:notifications',
  'read:search',
  'read:statuses',
  'follow',
  'push',
  'profile',
  'admin:read',
  'admin:read:accounts',
  'admin:read:reports',
  'admin:read:domain_allows',
  'admin:read:domain_blocks',
  'admin:read:ip_blocks',
  'admin:read:email_domain_blocks',
  'admin:read:canonical_email_blocks',
  'admin:write',
  'admin:write:accounts',
  'admin:write:reports',
  'admin:write:domain_allows',
  'admin:write:domain_blocks',
  'admin:write:ip_blocks',
  'admin:write:email_domain_blocks',
  'admin:write:canonical_email_blocks',
]

const SUPPORTED_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/webp',
  'image/avif',
  'video/webm',
  'video/mp4',
  'video/quicktime',
  'video/ogg',
  'audio/wave',
  'audio/wav',
  'audio/x-wav',
  'audio/x-pn-wave',
  'audio/vnd.wave',
  'audio/ogg',
  'audio/vorbis',
  'audio/mpeg',
  'audio/mp3',
  'audio/webm',
  'audio/flac',
  'audio/aac',
  'audio/m4a',
  'audio/x-m4a',
  'audio/mp4',
  'audio/3gpp',
  'video/x-ms-asf',
]

const RULES = [
  {
    id: '1',
    text: 'Be kind. No harassment, dogpiling or doxxing of other users.',
    hint: 'Repeatedly contacting people who have blocked you, or coordinating attacks on others, is not allowed.',
    translations: {
      de: {
        text: 'Sei freundlich. Keine Belästigung, kein Dogpiling, kein Doxxing.',
        hint: 'Wiederholte Kontaktversuche mit Personen, die dich blockiert haben, oder koordinierte Angriffe sind nicht erlaubt.',
      },
    },
  },
  {
    id: '2',
    text: 'Sexually explicit or violent media must be marked as sensitive or with a content warning',
    hint: 'Profile pictures and header images may not contain sexually explicit or violent media.',
    translations: {
      de: {
        text: 'Sexuell explizite oder gewalttätige Medien müssen als heikel markiert oder mit einer Inhaltswarnung versehen werden.',
        hint: 'Profil- und Titelbilder dürfen keine sexuell expliziten oder gewalttätigen Medien enthalten.',
      },
    },
  },
  {
    id: '3',
    text: 'No racism, sexism, homophobia, transphobia, ableism, xenophobia, or casteism.',
    hint: '',
    translations: {},
  },
  {
    id: '4',
    text: 'This is a demo server: everything here is made up and resets on restart.',
    hint: 'Accounts, posts and uploads live in memory only.',
    translations: {},
  },
]

const LANGUAGES = [
  { code: 'de', name: 'German' },
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Spanish' },
  { code: 'fr', name: 'French' },
  { code: 'it', name: 'Italian' },
  { code: 'ja', name: 'Japanese' },
  { code: 'nl', name: 'Dutch' },
  { code: 'pt', name: 'Portuguese' },
]

const TRANSLATION_LANGUAGES: Record<string, string[]> = {
  en: ['de', 'es', 'fr', 'ja'],
  de: ['en', 'es', 'fr'],
  es: ['en', 'de', 'fr'],
  fr: ['en', 'de', 'es'],
  ja: ['en'],
  und: ['en', 'de', 'es', 'fr', 'ja'],
}

function localAccounts(inst: MockInstance): AccountRecord[] {
  return [...inst.world.accounts.values()].filter((a) => a.home === inst.host && !a.suspended)
}

/** The admin shown as contact: the first local account (alice on A, frank on B). */
function contactAccount(inst: MockInstance): AccountRecord | null {
  return localAccounts(inst)[0] ?? null
}

function contactEmail(inst: MockInstance): string {
  return `staff@${inst.host.split(':')[0]}.example`
}

function localStatusCount(inst: MockInstance): number {
  return inst.world.statusOrder.filter((s) => s.home === inst.host && s.deletedAt === null).length
}

/** Other servers this instance knows of: the other mock instances and any host an account lives on. */
function peers(inst: MockInstance): string[] {
  const hosts = new Set<string>(inst.world.origins.keys())
  for (const a of inst.world.accounts.values()) hosts.add(a.home)
  hosts.delete(inst.host)
  return [...hosts].sort()
}

function thumbnail(inst: MockInstance) {
  const url = `${inst.origin}/system/thumbnail.svg`
  return {
    url,
    description: `${inst.opts.title}: an illustration of two friendly mastodons.`,
    versions: { '@1x': url, '@2x': url },
  }
}

const MEDIA_LIMITS = {
  image_size_limit: 16777216,
  image_matrix_limit: 33177600,
  video_size_limit: 103809024,
  video_frame_rate_limit: 120,
  video_matrix_limit: 8294400,
}

export function instanceV2(ctx: Ctx): Record<string, unknown> {
  const inst = ctx.state.inst
  const contact = contactAccount(inst)
  const urls: Record<string, unknown> = {}
  // A server without a streaming API (or with it switched off) has no URL to advertise.
  if (inst.features.streaming) urls.streaming = inst.streamingUrl
  Object.assign(urls, {
    status: null,
    about: `${inst.origin}/about`,
    privacy_policy: `${inst.origin}/privacy-policy`,
    terms_of_service: null,
  })
  return {
    domain: inst.host,
    title: inst.opts.title,
    version: MASTODON_VERSION,
    source_url: 'https://github.com/mastodon/mastodon',
    description: inst.opts.description,
    usage: { users: { active_month: localAccounts(inst).length } },
    thumbnail: thumbnail(inst),
    icon: [],
    languages: ['en'],
    configuration: {
      urls,
      vapid: { public_key: VAPID_PUBLIC_KEY },
      accounts: {
        max_display_name_length: 30,
        max_note_length: 500,
        max_avatar_description_length: 150,
        max_header_description_length: 150,
        max_featured_tags: 10,
        max_pinned_statuses: 5,
        max_profile_fields: 4,
        profile_field_name_limit: 255,
        profile_field_value_limit: 255,
      },
      statuses: { ...STATUS_LIMITS },
      media_attachments: {
        description_limit: 1500,
        image_matrix_limit: MEDIA_LIMITS.image_matrix_limit,
        image_size_limit: MEDIA_LIMITS.image_size_limit,
        supported_mime_types: [...SUPPORTED_MIME_TYPES],
        video_frame_rate_limit: MEDIA_LIMITS.video_frame_rate_limit,
        video_matrix_limit: MEDIA_LIMITS.video_matrix_limit,
        video_size_limit: MEDIA_LIMITS.video_size_limit,
      },
      polls: { ...POLL_LIMITS },
      translation: { enabled: inst.features.translation },
      timelines_access: {
        live_feeds: { local: 'public', remote: 'public' },
        hashtag_feeds: { local: 'public', remote: 'public' },
        trending_link_feeds: { local: 'public', remote: 'public' },
      },
      limited_federation: false,
    },
    registrations: {
      enabled: false,
      approval_required: false,
      reason_required: false,
      message: null,
      min_age: null,
      url: null,
    },
    // 7: Mastodon 4.5, quote posts and quote policies.
    api_versions: { mastodon: 7 },
    contact: {
      email: contactEmail(inst),
      account: contact ? viewFor(ctx, null).account(contact) : null,
    },
    rules: RULES,
  }
}

export function instanceV1(ctx: Ctx): Record<string, unknown> {
  const inst = ctx.state.inst
  const contact = contactAccount(inst)
  const urls: Record<string, unknown> = {}
  if (inst.features.streaming) urls.streaming_api = inst.streamingUrl
  return {
    uri: inst.host,
    title: inst.opts.title,
    short_description: inst.opts.description,
    description: inst.opts.description,
    email: contactEmail(inst),
    version: MASTODON_VERSION,
    urls,
    stats: {
      user_count: localAccounts(inst).length,
      status_count: localStatusCount(inst),
      domain_count: peers(inst).length,
    },
    thumbnail: thumbnail(inst).url,
    languages: ['en'],
    registrations: false,
    approval_required: false,
    invites_enabled: true,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: { ...STATUS_LIMITS },
      media_attachments: { supported_mime_types: [...SUPPORTED_MIME_TYPES], ...MEDIA_LIMITS },
      polls: { ...POLL_LIMITS },
    },
    contact_account: contact ? viewFor(ctx, null).account(contact) : null,
    rules: RULES.map(({ id, text, hint }) => ({ id, text, hint })),
  }
}

/** Weekly buckets, newest first, as Mastodon's /api/v1/instance/activity (12 weeks). */
function activity(inst: MockInstance): Record<string, string>[] {
  const WEEK = 7 * 86_400_000
  const now = Date.now()
  const dayStart = Math.floor(now / 86_400_000) * 86_400_000
  // Weeks start on Monday (1970-01-01 was a Thursday).
  const weekday = (new Date(dayStart).getUTCDay() + 6) % 7
  const thisWeek = dayStart - weekday * 86_400_000
  const out: Record<string, string>[] = []
  for (let i = 0; i < 12; i++) {
    const start = thisWeek - i * WEEK
    const end = start + WEEK
    const statuses = inst.world.statusOrder.filter((s) => s.home === inst.host && s.createdAt >= start && s.createdAt < end)
    const active = new Set(statuses.map((s) => s.authorKey))
    const registrations = localAccounts(inst).filter((a) => a.createdAt >= start && a.createdAt < end).length
    out.push({
      week: String(start / 1000),
      statuses: String(statuses.length),
      logins: String(active.size),
      registrations: String(registrations),
    })
  }
  return out
}

function extendedDescription(inst: MockInstance) {
  const t = escapeHtml(inst.opts.title)
  const content =
    `<p>${t} is a demo Mastodon server. It runs entirely in memory; nothing you post leaves this machine.</p>\n\n` +
    `<h2>Signing in</h2>\n\n<p>Use one of the demo accounts listed on the sign-in page.</p>\n\n` +
    `<h2>Moderation</h2>\n\n<p>Reports are accepted but nobody reads them.</p>\n`
  // A stable date: the description "was last edited" when the seed was written.
  const first = inst.world.statusOrder[0]
  return { updated_at: new Date(first ? first.createdAt : 0).toISOString(), content }
}

function webfingerAccount(inst: MockInstance, resource: string): AccountRecord | null | 'bad' {
  let username: string
  let host: string
  const acct = /^(?:acct:)?@?([^@/\s]+)@([^@/\s]+)$/i.exec(resource)
  if (acct) {
    username = acct[1]!
    host = acct[2]!
  } else if (/^https?:\/\//i.test(resource)) {
    let url: URL
    try {
      url = new URL(resource)
    } catch {
      return 'bad'
    }
    host = url.host
    const m = /^\/(?:@|users\/)([^/]+)\/?$/.exec(url.pathname)
    if (!m) return null
    username = decodeURIComponent(m[1]!)
  } else {
    return 'bad'
  }
  if (host.toLowerCase() !== inst.host.toLowerCase()) return null
  const a = inst.world.findAccountByHandle(username, inst.host)
  return a && a.home === inst.host && !a.suspended ? a : null
}

export function registerInstanceRoutes(router: ApiRouter): void {
  router.get('/api/v2/instance', (ctx) => json(instanceV2(ctx)))
  router.get('/api/v1/instance', (ctx) => json(instanceV1(ctx)))
  router.get('/api/v1/instance/rules', () => json(RULES))
  router.get('/api/v1/instance/peers', (ctx) => json(peers(ctx.state.inst)))
  router.get('/api/v1/instance/activity', (ctx) => json(activity(ctx.state.inst)))
  router.get('/api/v1/instance/extended_description', (ctx) => json(extendedDescription(ctx.state.inst)))
  router.get('/api/v1/instance/privacy_policy', (ctx) =>
    json({
      updated_at: extendedDescription(ctx.state.inst).updated_at,
      content: '<p>This demo server keeps everything in memory and forgets it when it stops.</p>\n',
    }),
  )
  router.get('/api/v1/instance/domain_blocks', () => json([]))
  router.get('/api/v1/instance/languages', () => json(LANGUAGES))
  router.get('/api/v1/instance/translation_languages', (ctx) =>
    json(ctx.state.inst.features.translation ? TRANSLATION_LANGUAGES : {}),
  )

  router.get('/api/v1/custom_emojis', (ctx) => {
    const inst = ctx.state.inst
    const view = viewFor(ctx, null)
    return json(
      inst.world.customEmojis
        .filter((e) => e.home === inst.host)
        .map((e) => {
          const out = view.customEmoji(e)
          // Mastodon leaves `category` out for uncategorised emoji.
          if (out.category === null || out.category === undefined) delete out.category
          return out
        }),
    )
  })

  router.get('/.well-known/nodeinfo', (ctx) =>
    json({
      links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${ctx.state.inst.origin}/nodeinfo/2.0` }],
    }),
  )
  router.get('/nodeinfo/2.0', (ctx) => {
    const inst = ctx.state.inst
    const users = localAccounts(inst).length
    return json(
      {
        version: '2.0',
        software: { name: 'mastodon', version: MASTODON_VERSION },
        protocols: ['activitypub'],
        services: { outbound: [], inbound: [] },
        usage: {
          users: { total: users, activeMonth: users, activeHalfyear: users },
          localPosts: localStatusCount(inst),
        },
        openRegistrations: false,
        metadata: { nodeName: inst.opts.title, nodeDescription: inst.opts.description },
      },
      200,
      { 'content-type': 'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.0#"' },
    )
  })

  router.get('/.well-known/oauth-authorization-server', (ctx) => {
    const o = ctx.state.inst.origin
    return json({
      issuer: `${o}/`,
      service_documentation: 'https://docs.joinmastodon.org/',
      authorization_endpoint: `${o}/oauth/authorize`,
      token_endpoint: `${o}/oauth/token`,
      app_registration_endpoint: `${o}/api/v1/apps`,
      revocation_endpoint: `${o}/oauth/revoke`,
      userinfo_endpoint: `${o}/oauth/userinfo`,
      scopes_supported: SUPPORTED_SCOPES,
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    })
  })

  router.get('/.well-known/host-meta', (ctx) => {
    const template = `${ctx.state.inst.origin}/.well-known/webfinger?resource={uri}`
    if (ctx.url.searchParams.get('format') === 'json') {
      return json({ links: [{ rel: 'lrdd', template }] }, 200, { 'content-type': 'application/jrd+json; charset=utf-8' })
    }
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n' +
      `  <Link rel="lrdd" template="${escapeHtml(template)}"/>\n` +
      '</XRD>\n'
    return new Response(xml, { status: 200, headers: { 'content-type': 'application/xrd+xml; charset=utf-8' } })
  })

  router.get('/.well-known/webfinger', (ctx) => {
    const inst = ctx.state.inst
    const resource = str(ctx.params, 'resource')?.trim()
    if (!resource) return new Response(null, { status: 400 })
    const a = webfingerAccount(inst, resource)
    if (a === 'bad') return new Response(null, { status: 400 })
    if (!a) return new Response(null, { status: 404 })
    const view = viewFor(ctx, null)
    const serialized = view.account(a)
    const url = serialized.url as string
    const uri = serialized.uri as string
    return json(
      {
        subject: `acct:${a.username}@${inst.host}`,
        aliases: [url, uri],
        links: [
          { rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: url },
          { rel: 'self', type: 'application/activity+json', href: uri },
          { rel: 'http://ostatus.org/schema/1.0/subscribe', template: `${inst.origin}/authorize_interaction?uri={uri}` },
          { rel: 'http://webfinger.net/rel/avatar', type: 'image/svg+xml', href: serialized.avatar },
        ],
      },
      200,
      { 'content-type': 'application/jrd+json; charset=utf-8' },
    )
  })

  router.get('/api/v1/streaming/health', (ctx) => {
    if (!ctx.state.inst.features.streaming) return json({ error: 'Record not found' }, 404)
    return new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } })
  })
  router.get('/health', () => new Response('OK', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } }))
}
