// What POST and PUT /api/v1/statuses take, checked as Mastodon 4.5 checks it, in its
// order and its words: the controller's lookups of the reply and quote targets (404),
// PostStatusService's media checks (a bare message), then the Status and Poll
// validations ("Validation failed: …", every message joined). Mastodon sends no
// `details` for these, only `error`.

import { bool, int, obj, str, strList, type Params } from './http.ts'
import type { MockInstance } from './instance.ts'
import { POLL_LIMITS, STATUS_LIMITS } from './limits.ts'
import type { MediaRecord, PollInput, QuotePolicy, StatusRecord, Visibility } from './model.ts'
import { QUOTE_POLICIES, canQuote } from './quote-policy.ts'
import { graphemeLength, statusLength } from './status-length.ts'
import { ApiFailure, type PostInput, type World } from './world.ts'

const VISIBILITIES: readonly string[] = ['public', 'unlisted', 'private', 'direct']

export const MEDIA_ERRORS = {
  tooMany: `Cannot attach more than ${STATUS_LIMITS.max_media_attachments} files`,
  notFound: (ids: string[]) => `Media ${ids.join(', ')} not found or already attached to another post`,
  imagesAndVideo: 'Cannot attach a video to a post that already contains images',
  notReady: 'Cannot attach files that have not finished processing. Try again in a moment!',
}

export interface PollParams {
  options: string[]
  /** Seconds; null when not given. */
  expiresIn: number | null
  multiple: boolean
  hideTotals: boolean
}

export interface MediaAttributes {
  id: string
  description?: string
  focus?: string
}

/** The request as the controller permits it, nothing checked yet; null: not given. */
export interface StatusParams {
  text: string | null
  spoilerText: string | null
  visibility: string | null
  sensitive: boolean | null
  language: string | null
  mediaIds: string[]
  mediaAttributes: MediaAttributes[]
  poll: PollParams | null
  inReplyToId: string | null
  quotedStatusId: string | null
  quoteApprovalPolicy: string | null
  scheduledAt: string | null
}

export function readStatusParams(p: Params): StatusParams {
  const pollParams = obj(p, 'poll')
  const expiresIn = pollParams ? int(pollParams, 'expires_in') : undefined
  const attributes = p.media_attributes
  const list = Array.isArray(attributes) ? attributes : attributes && typeof attributes === 'object' ? Object.values(attributes) : []
  return {
    text: str(p, 'status') ?? null,
    spoilerText: str(p, 'spoiler_text') ?? null,
    visibility: str(p, 'visibility') || null,
    sensitive: bool(p, 'sensitive') ?? null,
    language: str(p, 'language') || null,
    // The same attachment twice is attached once (Mastodon intersects the lists).
    mediaIds: [...new Set(strList(p, 'media_ids'))],
    mediaAttributes: list
      .filter((a): a is Params => Boolean(a) && typeof a === 'object')
      .map((a) => ({ id: str(a, 'id') ?? '', description: str(a, 'description'), focus: str(a, 'focus') })),
    poll:
      pollParams && Object.keys(pollParams).length > 0
        ? {
            options: strList(pollParams, 'options'),
            expiresIn: expiresIn ?? null,
            multiple: bool(pollParams, 'multiple') ?? false,
            hideTotals: bool(pollParams, 'hide_totals') ?? false,
          }
        : null,
    inReplyToId: str(p, 'in_reply_to_id') || null,
    quotedStatusId: str(p, 'quoted_status_id') || null,
    quoteApprovalPolicy: str(p, 'quote_approval_policy') || null,
    scheduledAt: str(p, 'scheduled_at') ?? null,
  }
}

/** `set_thread`: the status answered (a boost answers its original), if the poster may see it. */
export function replyTarget(inst: MockInstance, me: string, id: string): StatusRecord {
  const w = inst.world
  const key = inst.statusKeyById(id)
  let s = key ? w.statuses.get(key) : undefined
  if (s?.reblogOfKey) s = w.statuses.get(s.reblogOfKey)
  if (!s || !w.canSee(me, s)) throw new ApiFailure(404, 'The post you are trying to reply to does not appear to exist.')
  return s
}

/** `set_quoted_status`: the status quoted (a boost's original), if its policy lets the poster quote it. */
export function quoteTarget(inst: MockInstance, me: string, id: string): StatusRecord {
  const w = inst.world
  const key = inst.statusKeyById(id)
  let s = key ? w.statuses.get(key) : undefined
  if (s?.reblogOfKey) s = w.statuses.get(s.reblogOfKey)
  // Mastodon answers the same for a post that is not there and one that may not be quoted.
  if (!s || !canQuote(w, s, me)) throw new ApiFailure(404, 'The post you are trying to quote does not appear to exist.')
  return s
}

/** Api::InteractionPoliciesConcern: one of the three names, or a bare RecordInvalid. */
export function readQuotePolicy(value: string | null): QuotePolicy | null {
  if (value === null) return null
  if (!(QUOTE_POLICIES as readonly string[]).includes(value)) throw recordInvalid()
  return value as QuotePolicy
}

/**
 * PostStatusService#validate_media! (UpdateStatusService's when `editing`): the caller's
 * own attachments, on no other post, processed, at most four, and not with a poll.
 */
export function attachableMedia(inst: MockInstance, me: string, ids: string[], withPoll: boolean, editing: string | null = null): MediaRecord[] {
  if (ids.length === 0) return []
  if (ids.length > STATUS_LIMITS.max_media_attachments || withPoll) throw new ApiFailure(422, MEDIA_ERRORS.tooMany)
  const w = inst.world
  const found: MediaRecord[] = []
  const missing: string[] = []
  for (const id of ids) {
    const key = inst.ids.media.keyFor(id)
    const m = key ? w.media.get(key) : undefined
    if (m && m.ownerKey === me && w.isMediaFree(m.key, editing)) found.push(m)
    else missing.push(id)
  }
  if (missing.length) throw new ApiFailure(422, MEDIA_ERRORS.notFound(missing))
  if (found.length > 1 && found.some((m) => m.type === 'video' || m.type === 'audio')) throw new ApiFailure(422, MEDIA_ERRORS.imagesAndVideo)
  if (found.some((m) => m.processingUntil > Date.now())) throw new ApiFailure(422, MEDIA_ERRORS.notReady)
  return found
}

/** Poll#prepare_options: options trimmed, blank ones dropped. */
export function preparePoll(poll: PollParams | null): PollParams | null {
  if (!poll) return null
  return { ...poll, options: poll.options.map((o) => o.trim()).filter((o) => o !== '') }
}

/**
 * The Poll validations. `prefix` is how a post names its poll's fields ("Poll options");
 * an edit saves the poll on its own, so there they are plain "Options".
 */
export function pollErrors(poll: PollParams, prefix: 'Poll ' | ''): string[] {
  const options = `${prefix}${prefix ? 'options' : 'Options'}`
  const expiresAt = `${prefix}${prefix ? 'expires at' : 'Expires at'}`
  const errors: string[] = []
  if (poll.options.length === 0) errors.push(`${options} can't be blank`)
  if (poll.expiresIn === null) errors.push(`${expiresAt} can't be blank`)
  if (poll.options.length < 2) errors.push(`${options} must have more than one item`)
  if (poll.options.length > POLL_LIMITS.max_options) errors.push(`${options} can't contain more than ${POLL_LIMITS.max_options} items`)
  if (poll.options.some((o) => graphemeLength(o) > POLL_LIMITS.max_characters_per_option)) {
    errors.push(`${options} cannot be longer than ${POLL_LIMITS.max_characters_per_option} characters each`)
  }
  if (new Set(poll.options).size !== poll.options.length) errors.push(`${options} contain duplicate items`)
  if (poll.expiresIn !== null) {
    if (poll.expiresIn > POLL_LIMITS.max_expiration) errors.push(`${expiresAt} is too far into the future`)
    if (poll.expiresIn < POLL_LIMITS.min_expiration) errors.push(`${expiresAt} is too soon`)
  }
  return errors
}

/** Ruby's `blank?`: nothing but white space. */
export const isBlank = (s: string) => /^\s*$/u.test(s)

/** The Status validations of a post about to be saved. */
export function statusErrors(post: { text: string; spoilerText: string; visibility: string; withMedia: boolean; withQuote: boolean }): string[] {
  const errors: string[] = []
  if (!VISIBILITIES.includes(post.visibility)) errors.push('Visibility is not included in the list')
  if (isBlank(post.text) && !post.withMedia && !post.withQuote) errors.push("Text can't be blank")
  if (statusLength(post.text, post.spoilerText) > STATUS_LIMITS.max_characters) {
    errors.push(`Text character limit of ${STATUS_LIMITS.max_characters} exceeded`)
  }
  return errors
}

export function validationFailed(errors: string[]): ApiFailure {
  return new ApiFailure(422, `Validation failed: ${errors.join(', ')}`)
}

/** ActiveRecord::RecordInvalid raised with no record: Mastodon's least helpful answer. */
export function recordInvalid(): ApiFailure {
  return new ApiFailure(422, 'Record invalid')
}

/** An ISO 639 code as Mastodon keeps one; anything else falls back (valid_locale_cascade). */
export function validLanguage(value: string | null): string | null {
  return value && /^[a-z]{2,3}$/.test(value) ? value : null
}

/**
 * `scheduled_at` as Ruby's `to_datetime` reads it (no zone: UTC). Null when not given or
 * blank; a time that does not parse is a bare RecordInvalid.
 */
export function parseScheduledAt(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const v = value.trim()
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) || !/\d{2}:\d{2}/.test(v) ? v : `${v}Z`
  const at = Date.parse(zoned)
  if (!Number.isFinite(at)) throw recordInvalid()
  return at
}

export function parseFocus(value: string | undefined): { x: number; y: number } | null {
  if (!value) return null
  const [x, y] = value.split(',').map(Number)
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null
  return { x: Math.max(-1, Math.min(1, x!)), y: Math.max(-1, Math.min(1, y!)) }
}

/** A post about to be made, its targets found and its attachments checked. */
export interface PostDraft {
  text: string | null
  spoilerText: string | null
  visibility: string | null
  sensitive: boolean | null
  language: string | null
  parent: StatusRecord | null
  quoted: StatusRecord | null
  quotePolicy: QuotePolicy | null
  poll: PollParams | null
  media: MediaRecord[]
  applicationName: string | null
}

/**
 * PostStatusService#preprocess_attributes! and the Status validations: what would be
 * posted, or the messages of why not. A lone content warning becomes the text; quoting a
 * followers-only post keeps the quote followers-only.
 */
export function resolvePost(d: PostDraft): { input: PostInput; errors: string[] } {
  let text = d.text ?? ''
  let spoilerText = d.spoilerText ?? ''
  const sensitive = (d.sensitive ?? false) || spoilerText !== ''
  if (isBlank(text) && spoilerText !== '' && !d.quoted) {
    text = spoilerText
    spoilerText = ''
  }
  let visibility = d.visibility ?? 'public'
  if (d.quoted?.visibility === 'private' && (visibility === 'public' || visibility === 'unlisted')) visibility = 'private'
  const poll = preparePoll(d.poll)
  const errors = statusErrors({ text, spoilerText, visibility, withMedia: d.media.length > 0, withQuote: d.quoted !== null })
  if (poll) errors.push(...pollErrors(poll, 'Poll '))
  const pollInput: PollInput | null = poll && poll.expiresIn !== null ? { options: poll.options, expiresIn: poll.expiresIn, multiple: poll.multiple, hideTotals: poll.hideTotals } : null
  return {
    errors,
    input: {
      text,
      spoilerText,
      sensitive,
      visibility: visibility as Visibility,
      language: validLanguage(d.language) ?? 'en',
      inReplyToKey: d.parent?.key ?? null,
      quoteKey: d.quoted?.key ?? null,
      quotePolicy: d.quotePolicy ?? undefined,
      mediaKeys: d.media.map((m) => m.key),
      poll: pollInput,
      applicationName: d.applicationName,
    },
  }
}

/** Posts a resolved draft, or refuses it with Mastodon's message. */
export function postDraft(w: World, authorKey: string, d: PostDraft): StatusRecord {
  const { input, errors } = resolvePost(d)
  if (errors.length) throw validationFailed(errors)
  return w.post(authorKey, input)
}
