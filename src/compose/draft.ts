// Pure builders of drafts (new, reply, quote, edit, redraft) and the thread's add/remove/move
// (what blocks publishing one is in draft-problems.ts). Nothing here touches the DOM or the
// store: statuses come in as masto entities, drafts go out as plain data.

import type { mastodon } from 'masto'
import type { Draft, DraftMedia, DraftPoll, DraftPost, DraftTarget, DraftVisibility } from './draft-types'
import { graphemeLength } from './counter'
import { hostOfAccountKey } from '@/api/account-key'

/** A random UUID; randomUUID needs a secure context, an instance may serve the client over plain http. */
export function randomId(): string {
  const c = globalThis.crypto
  if (typeof c.randomUUID === 'function') return c.randomUUID()
  const b = c.getRandomValues(new Uint8Array(16))
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export interface NewDraftOptions {
  readonly accountKey: string
  readonly visibility: DraftVisibility
  readonly language: string
}

/** An empty post, with its own Idempotency-Key. */
export function newPost(): DraftPost {
  return {
    localId: randomId(),
    text: '',
    spoilerText: '',
    cwEnabled: false,
    sensitive: false,
    media: [],
    poll: null,
    idempotencyKey: randomId(),
    postedId: null,
  }
}

export function newDraft({ accountKey, visibility, language }: NewDraftOptions, now = Date.now()): Draft {
  return {
    id: randomId(),
    accountKey,
    createdAt: now,
    updatedAt: now,
    posts: [newPost()],
    visibility,
    quotePolicy: null,
    language,
    inReplyTo: null,
    quoteOf: null,
    editOf: null,
    scheduledId: null,
    scheduledAt: null,
  }
}

// ---- targets and excerpts ----

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const EXCERPT_GRAPHEMES = 140

/**
 * Plain text from a status's HTML for the "replying to" line, without parsing it into the
 * DOM: tags go by a regex on this copy only, and the result is only ever shown as text.
 */
export function plainExcerpt(html: string, max = EXCERPT_GRAPHEMES): string {
  const text = html
    .replace(/<br\s*\/?>|<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (graphemeLength(text) <= max) return text
  const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].slice(0, max - 1)
  return `${segments.map((s) => s.segment).join('').trimEnd()}…`
}

/** `user@host`: a local account's acct has no host, so the account's own is added. */
const fullAcct = (acct: string, host: string) => (acct.includes('@') || !host ? acct : `${acct}@${host}`)

/** What the composer shows of the status it answers, quotes or edits. */
export function targetOf(status: mastodon.v1.Status, accountKey: string): DraftTarget {
  return {
    id: status.id,
    url: status.url ?? null,
    acct: fullAcct(status.account.acct, hostOfAccountKey(accountKey)),
    displayName: status.account.displayName || status.account.username,
    excerpt: plainExcerpt(status.spoilerText ? status.spoilerText : status.content),
  }
}

// ---- replies, quotes, edits, redrafts ----

const VISIBILITY_ORDER: readonly DraftVisibility[] = ['public', 'unlisted', 'private', 'direct']

/** The more restrictive of two visibilities (a reply never reaches further than what it answers). */
export function mostRestrictive(a: DraftVisibility, b: DraftVisibility): DraftVisibility {
  return VISIBILITY_ORDER.indexOf(a) >= VISIBILITY_ORDER.indexOf(b) ? a : b
}

function isSelf(acct: string, myAcct: string): boolean {
  const a = acct.toLowerCase()
  const me = myAcct.replace(/^@/, '').toLowerCase()
  // A local acct (`user`) is on the replying account's own server, where `user@host` is also `user`.
  return a === me || (!a.includes('@') && me.startsWith(`${a}@`))
}

export interface ReplyOptions {
  readonly accountKey: string
  /** The replying account's acct (`user` or `user@host`): never mentioned in its own reply. */
  readonly myAcct: string
  readonly defaultVisibility: DraftVisibility
  readonly language: string
}

/** A reply: the author and everyone mentioned (but yourself) prefilled, the content warning kept. */
export function replyDraft(status: mastodon.v1.Status, options: ReplyOptions, now = Date.now()): Draft {
  const original = status.reblog ?? status
  const seen = new Set<string>()
  const mentions: string[] = []
  for (const acct of [original.account.acct, ...original.mentions.map((m) => m.acct)]) {
    const key = acct.toLowerCase()
    if (seen.has(key) || isSelf(acct, options.myAcct)) continue
    seen.add(key)
    mentions.push(acct)
  }
  const draft = newDraft({ accountKey: options.accountKey, visibility: options.defaultVisibility, language: options.language }, now)
  const first = draft.posts[0] ?? newPost()
  return {
    ...draft,
    visibility: mostRestrictive(original.visibility, options.defaultVisibility),
    inReplyTo: targetOf(original, options.accountKey),
    posts: [
      {
        ...first,
        text: mentions.map((acct) => `@${acct} `).join(''),
        spoilerText: original.spoilerText,
        cwEnabled: original.spoilerText !== '',
      },
    ],
  }
}

export interface QuoteOptions {
  readonly accountKey: string
  readonly defaultVisibility: DraftVisibility
  readonly language: string
}

/** A new post quoting `status`. */
export function quoteDraft(status: mastodon.v1.Status, options: QuoteOptions, now = Date.now()): Draft {
  const original = status.reblog ?? status
  const draft = newDraft({ accountKey: options.accountKey, visibility: options.defaultVisibility, language: options.language }, now)
  return { ...draft, quoteOf: targetOf(original, options.accountKey) }
}

const mimeOfType: Record<mastodon.v1.MediaAttachmentType, string> = {
  image: 'image/*',
  gifv: 'video/*',
  video: 'video/*',
  audio: 'audio/*',
  unknown: '',
}

/** The last path segment of a media URL, decoded where it can be (a server may send anything). */
function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** A media item the server already has (an edited or redrafted post's). */
export function readyMedia(attachment: mastodon.v1.MediaAttachment): DraftMedia {
  const focus = attachment.meta?.focus
  const url = attachment.url ?? attachment.previewUrl ?? ''
  return {
    localId: randomId(),
    remoteId: attachment.id,
    state: 'ready',
    file: null,
    fileName: fileNameOf(url),
    mimeType: mimeOfType[attachment.type] ?? '',
    size: 0,
    description: attachment.description ?? '',
    focus: focus && Number.isFinite(focus.x) && Number.isFinite(focus.y) ? { x: focus.x, y: focus.y } : null,
    previewUrl: attachment.previewUrl || null,
    progress: 1,
    error: null,
    dirty: false,
  }
}

const DAY = 86_400

function pollOf(poll: mastodon.v1.Poll | null | undefined, expiresIn: number): DraftPoll | null {
  if (!poll) return null
  return { options: poll.options.map((o) => o.title), expiresIn, multiple: poll.multiple, hideTotals: false }
}

const secondsBetween = (from: number, to: string | null | undefined): number | null => {
  const at = to ? Date.parse(to) : NaN
  return Number.isFinite(at) ? Math.max(0, Math.round((at - from) / 1000)) : null
}

export interface EditOptions {
  readonly accountKey: string
}

/** Editing a published status: text and content warning from its source, the rest from the status. */
export function editDraft(status: mastodon.v1.Status, source: mastodon.v1.StatusSource, options: EditOptions, now = Date.now()): Draft {
  const draft = newDraft({ accountKey: options.accountKey, visibility: status.visibility, language: status.language ?? '' }, now)
  const first = draft.posts[0] ?? newPost()
  return {
    ...draft,
    editOf: status.id,
    quoteOf: quotedTarget(status, options.accountKey),
    posts: [
      {
        ...first,
        text: source.text,
        spoilerText: source.spoilerText,
        cwEnabled: source.spoilerText !== '',
        sensitive: status.sensitive,
        media: status.mediaAttachments.map(readyMedia),
        poll: pollOf(status.poll, secondsBetween(now, status.poll?.expiresAt) ?? DAY),
      },
    ],
  }
}

function quotedTarget(status: mastodon.v1.Status, accountKey: string): DraftTarget | null {
  const quote = status.quote
  return quote && 'quotedStatus' in quote && quote.quotedStatus ? targetOf(quote.quotedStatus, accountKey) : null
}

export interface RedraftOptions {
  readonly accountKey: string
  /** What it answered, when the caller has it; otherwise made from the status's mentions. */
  readonly inReplyTo?: DraftTarget | null
}

/**
 * "Delete and redraft": a new post with the deleted status's text (the server returns it with
 * `text` on delete), content warning, media (kept by the server for this), poll, visibility
 * and language.
 */
export function redraftDraft(deleted: mastodon.v1.Status, options: RedraftOptions, now = Date.now()): Draft {
  const draft = newDraft({ accountKey: options.accountKey, visibility: deleted.visibility, language: deleted.language ?? '' }, now)
  const first = draft.posts[0] ?? newPost()
  const created = Date.parse(deleted.createdAt)
  const duration = Number.isFinite(created) ? secondsBetween(created, deleted.poll?.expiresAt) : null
  return {
    ...draft,
    inReplyTo: options.inReplyTo ?? answeredOf(deleted, options.accountKey),
    quoteOf: quotedTarget(deleted, options.accountKey),
    posts: [
      {
        ...first,
        text: deleted.text ?? plainExcerpt(deleted.content, Number.MAX_SAFE_INTEGER),
        spoilerText: deleted.spoilerText,
        cwEnabled: deleted.spoilerText !== '',
        sensitive: deleted.sensitive,
        media: deleted.mediaAttachments.map(readyMedia),
        poll: pollOf(deleted.poll, duration || DAY),
      },
    ],
  }
}

/** The reply target as far as the status itself tells (its id, and who it answered). */
function answeredOf(status: mastodon.v1.Status, accountKey: string): DraftTarget | null {
  if (!status.inReplyToId) return null
  const author =
    status.inReplyToAccountId === status.account.id
      ? status.account.acct
      : (status.mentions.find((m) => m.id === status.inReplyToAccountId)?.acct ?? '')
  return { id: status.inReplyToId, url: null, acct: author ? fullAcct(author, hostOfAccountKey(accountKey)) : '', displayName: '', excerpt: '' }
}

// ---- the thread ----

/** Posts already on the server stay where they are: changes apply to the ones after them. */
const firstOpenIndex = (posts: readonly DraftPost[]) => {
  let i = 0
  while (i < posts.length && posts[i]?.postedId) i++
  return i
}

/** Thread editing on a draft; every method returns a new draft. */
export function threadOf(draft: Draft) {
  const posts = draft.posts
  const indexOf = (localId: string) => posts.findIndex((p) => p.localId === localId)
  const withPosts = (next: readonly DraftPost[]): Draft => ({ ...draft, posts: next })
  return {
    /** A new empty post after `afterLocalId` (at the end without one); returns the draft and the post. */
    add(afterLocalId?: string): { draft: Draft; post: DraftPost } {
      const post = newPost()
      const after = afterLocalId === undefined ? posts.length - 1 : indexOf(afterLocalId)
      const at = Math.max(firstOpenIndex(posts), after < 0 ? posts.length : after + 1)
      return { draft: withPosts([...posts.slice(0, at), post, ...posts.slice(at)]), post }
    },
    /** Removes a post not yet published; the last post left stays. */
    remove(localId: string): Draft {
      const i = indexOf(localId)
      if (i < 0 || posts.length <= 1 || posts[i]?.postedId) return draft
      return withPosts(posts.filter((p) => p.localId !== localId))
    },
    /** Moves a post not yet published to `toIndex`, never before a published one. */
    move(localId: string, toIndex: number): Draft {
      const i = indexOf(localId)
      const post = posts[i]
      if (!post || post.postedId) return draft
      const rest = posts.filter((p) => p.localId !== localId)
      const at = Math.min(rest.length, Math.max(firstOpenIndex(rest), Math.trunc(toIndex)))
      if (at === i) return draft
      return withPosts([...rest.slice(0, at), post, ...rest.slice(at)])
    },
    /** Changes one post. */
    update(localId: string, change: (post: DraftPost) => DraftPost): Draft {
      return withPosts(posts.map((p) => (p.localId === localId ? change(p) : p)))
    },
  }
}
