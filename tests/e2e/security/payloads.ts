// Builds the hostile API responses for the security suite: every XSS/mXSS
// vector from tests/fixtures/xss/vectors.json placed into every remote field
// a status or an account can carry (HTML fields, plain-text fields, and for
// the URL vectors the URL fields), as patches for the mock's /__control/inject.

import { readFileSync } from 'node:fs'

export interface Vector {
  id: string
  html: string
  category: string
}

export const VECTORS: Vector[] = JSON.parse(readFileSync(new URL('../../fixtures/xss/vectors.json', import.meta.url), 'utf8')) as Vector[]

/** Vectors meant for URL-typed fields (bare URLs); the rest go into HTML and text fields. */
export const URL_VECTORS = VECTORS.filter((v) => v.category === 'url-value')

type Json = Record<string, unknown>

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

function media(id: string, url: string, description: string | null): Json {
  return {
    id,
    type: 'image',
    url,
    preview_url: url,
    remote_url: url,
    preview_remote_url: null,
    text_url: null,
    description,
    blurhash: 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}',
    meta: {
      original: { width: 64, height: 48, size: '64x48', aspect: 1.3333 },
      small: { width: 64, height: 48, size: '64x48', aspect: 1.3333 },
    },
  }
}

function card(fields: Partial<Record<'url' | 'image' | 'embed_url' | 'text' | 'html', string>>, safeUrl: string): Json {
  const text = fields.text ?? 'Card'
  return {
    url: fields.url ?? safeUrl,
    title: text,
    description: text,
    language: 'en',
    type: 'video',
    author_name: text,
    author_url: '',
    authors: [{ name: text, url: '', account: null }],
    provider_name: text,
    provider_url: '',
    html: fields.html ?? '',
    width: 640,
    height: 360,
    image: fields.image ?? null,
    image_description: text,
    embed_url: fields.embed_url ?? '',
    blurhash: null,
    published_at: null,
  }
}

export interface Carrier {
  /** The status JSON as the API serves it (snake_case), to copy for nested quotes. */
  raw: Json
  origin: string
}

/** A patch putting one HTML/text vector into every HTML and plain-text field of a status. */
export function htmlStatusPatch(v: string, n: number, carrier: Carrier): { patch: Json; history: Json[]; translation: Json } {
  const img = `${carrier.origin}/system/avatars/bob.svg`
  const emoji = (shortcode: string) => ({ shortcode, url: img, static_url: img, visible_in_picker: true })
  const account = carrier.raw.account as Json
  const quoted = {
    ...carrier.raw,
    id: `${carrier.raw.id as string}`,
    // The vector, then an ordinary external link, so every batch checks how links are rendered.
    content: `${v}<p><a href="https://example.com/quoted/${n}">example.com/quoted</a></p>`,
    spoiler_text: '',
    quote: null,
    poll: null,
    card: null,
    media_attachments: [],
    account: { ...account, display_name: v },
  }
  const patch: Json = {
    content: v,
    spoiler_text: `${v} :${v}:`,
    sensitive: true,
    language: 'de',
    edited_at: '2026-11-20T12:00:00.000Z',
    emojis: [emoji(v)],
    account: { display_name: `${v} :vec${n}:`, emojis: [emoji(`vec${n}`)] },
    mentions: [{ id: `mention-${n}`, username: v, url: `${carrier.origin}/@bob`, acct: v }],
    tags: [{ name: v, url: `${carrier.origin}/tags/vector` }],
    poll: {
      id: `poll-${n}`,
      expires_at: '2099-01-01T00:00:00.000Z',
      expired: false,
      multiple: false,
      votes_count: 3,
      voters_count: 3,
      options: [
        { title: v, votes_count: 2 },
        { title: `${v} :${v}:`, votes_count: 1 },
      ],
      emojis: [emoji(v)],
      voted: true,
      own_votes: [0],
    },
    media_attachments: [media(`media-${n}`, img, v)],
    card: card({ text: v, html: v }, `${carrier.origin}/about`),
    quote: { state: 'accepted', quoted_status: quoted },
    filtered: [
      {
        filter: { id: `filter-${n}`, title: v, context: ['home', 'public', 'thread', 'account'], filter_action: 'warn', expires_at: null },
        keyword_matches: [v],
        status_matches: null,
      },
    ],
  }
  const version = (content: string) => ({
    content,
    spoiler_text: v,
    sensitive: true,
    created_at: '2026-11-20T11:00:00.000Z',
    account,
    poll: { options: [{ title: v }, { title: 'b' }] },
    media_attachments: [media(`media-${n}`, img, v)],
    emojis: [emoji(v)],
  })
  const history = [version(v), version(`<p>${n}</p>`)]
  const translation = {
    content: v,
    spoiler_text: v,
    language: 'en',
    detected_source_language: 'de',
    provider: v,
    media_attachments: [{ id: `media-${n}`, description: v }],
    poll: { id: `poll-${n}`, options: [{ title: v }, { title: v }] },
  }
  return { patch, history, translation }
}

/** A patch putting one URL vector into every URL field of a status. */
export function urlStatusPatch(u: string, n: number, carrier: Carrier): Json {
  return {
    content: `<p>A link <a href="${attr(u)}">to somewhere</a> and an emoji :u${n}:</p>`,
    emojis: [{ shortcode: `u${n}`, url: u, static_url: u, visible_in_picker: true }],
    account: { avatar: u, avatar_static: u, header: u, header_static: u, url: u },
    mentions: [{ id: `m-${n}`, username: 'someone', url: u, acct: 'someone@example.invalid' }],
    media_attachments: [media(`media-u${n}`, u, 'An image')],
    card: card({ url: u, image: u, embed_url: u }, `${carrier.origin}/about`),
  }
}
