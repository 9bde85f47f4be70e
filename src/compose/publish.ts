// Sending a draft: each post as masto params, with its Idempotency-Key so that a retry after
// a lost answer never posts twice; a thread in order, each post answering the one before,
// resuming after the posts the server already confirmed. Failures come back as a
// PublishFailure that says what the person can do about it.

import type { mastodon } from 'masto'
import type { Draft, DraftPost, Published } from './draft-types'
import { classifyApiError } from '@/api/errors'

export const PUBLISH_TIMEOUT_MS = 15_000

export type PublishFailureKind = 'validation' | 'rate-limited' | 'offline' | 'timeout' | 'auth' | 'gone' | 'server' | 'unknown'
/** The part of the post a validation error is about, when the server says. */
export type PublishFailureField = 'text' | 'spoiler_text' | 'poll' | 'media' | 'scheduled_at' | 'quote' | null

export class PublishFailure extends Error {
  override readonly name = 'PublishFailure'
  readonly kind: PublishFailureKind
  readonly field: PublishFailureField
  /** The server's own words, when it gave any (shown as text). */
  readonly serverMessage: string | null
  /** When a rate-limited post may be tried again (ISO 8601). */
  readonly retryAt: string | null
  /** The draft post that failed, when known. */
  readonly postLocalId: string | null

  constructor(
    kind: PublishFailureKind,
    details: { field?: PublishFailureField; serverMessage?: string | null; retryAt?: string | null; postLocalId?: string | null; cause?: unknown } = {},
  ) {
    super(`Publishing failed: ${kind}${details.serverMessage ? ` (${details.serverMessage})` : ''}`, { cause: details.cause })
    this.kind = kind
    this.field = details.field ?? null
    this.serverMessage = details.serverMessage ?? null
    this.retryAt = details.retryAt ?? null
    this.postLocalId = details.postLocalId ?? null
  }
}

// ---- errors ----

interface HttpErrorShape {
  readonly statusCode?: unknown
  readonly message?: unknown
  readonly details?: unknown
  readonly cause?: unknown
}

const DETAIL_FIELDS: readonly [RegExp, PublishFailureField][] = [
  [/^spoiler_text/, 'spoiler_text'],
  [/^text/, 'text'],
  [/^poll|^options|^expires_at/, 'poll'],
  [/^media/, 'media'],
  [/^scheduled_at/, 'scheduled_at'],
  [/^quote/, 'quote'],
]
// Mastodon's messages when there are no details (PostStatusService raises plain ValidationErrors).
const MESSAGE_FIELDS: readonly [RegExp, PublishFailureField][] = [
  [/schedul/i, 'scheduled_at'],
  [/poll|option/i, 'poll'],
  [/quot/i, 'quote'],
  [/media|attach|file|image|video|audio/i, 'media'],
  [/spoiler|content warning/i, 'spoiler_text'],
  [/text|character|blank|empty/i, 'text'],
]

function validationOf(error: HttpErrorShape): { field: PublishFailureField; serverMessage: string | null } {
  const message = typeof error.message === 'string' && error.message ? error.message : null
  if (error.details && typeof error.details === 'object') {
    for (const [key, list] of Object.entries(error.details as Record<string, unknown>)) {
      const field = DETAIL_FIELDS.find(([pattern]) => pattern.test(key))?.[1]
      if (!field) continue
      const first: unknown = Array.isArray(list) ? list[0] : null
      const description = first && typeof first === 'object' ? (first as { description?: unknown }).description : null
      return { field, serverMessage: typeof description === 'string' ? description : message }
    }
  }
  return { field: (message && MESSAGE_FIELDS.find(([pattern]) => pattern.test(message))?.[1]) || null, serverMessage: message }
}

function headersOf(error: HttpErrorShape): Headers | null {
  const cause = error.cause as { headers?: unknown } | null | undefined
  return cause && cause.headers instanceof Headers ? cause.headers : null
}

/** X-RateLimit-Reset (an ISO time) or Retry-After (seconds or an HTTP date), as ISO. */
function retryAtOf(error: HttpErrorShape, now: number): string | null {
  const headers = headersOf(error)
  if (!headers) return null
  const reset = Date.parse(headers.get('X-RateLimit-Reset') ?? '')
  if (Number.isFinite(reset)) return new Date(reset).toISOString()
  const after = headers.get('Retry-After')
  if (!after) return null
  const seconds = Number(after)
  if (after.trim() !== '' && Number.isFinite(seconds)) return new Date(now + seconds * 1000).toISOString()
  const date = Date.parse(after)
  return Number.isFinite(date) ? new Date(date).toISOString() : null
}

const offlineNow = () => typeof navigator !== 'undefined' && navigator.onLine === false

/** Sorts a failed publish into what the person can do about it. */
export function publishFailureOf(error: unknown, postLocalId: string | null = null, now = Date.now()): PublishFailure {
  if (error instanceof PublishFailure) return error
  const e = (error ?? {}) as HttpErrorShape
  const base = { postLocalId, cause: error }
  // The account was signed out meanwhile (the accounts store's UnknownAccountError).
  if ((error as { name?: unknown } | null)?.name === 'UnknownAccountError') return new PublishFailure('auth', base)
  switch (classifyApiError(error)) {
    case 'invalid':
      return new PublishFailure('validation', { ...base, ...validationOf(e) })
    case 'rate-limited':
      return new PublishFailure('rate-limited', { ...base, retryAt: retryAtOf(e, now) })
    case 'unauthorized':
    case 'forbidden':
      return new PublishFailure('auth', base)
    case 'not-found':
      return new PublishFailure('gone', base)
    case 'server':
    case 'malformed':
      return new PublishFailure(offlineNow() ? 'offline' : 'server', base)
    case 'timeout':
      return new PublishFailure('timeout', base)
    case 'network': {
      const message = error instanceof Error ? error.message : ''
      const fetchFailed = error instanceof TypeError || /failed to fetch|networkerror|load failed|network/i.test(message)
      return new PublishFailure(offlineNow() || fetchFailed ? 'offline' : 'unknown', base)
    }
  }
}

// ---- one post ----

export interface PublishPostOptions {
  /** The server takes quote posts (the quote and its policy are sent only then). */
  readonly quotes: boolean
  /** The status this post answers; the draft's reply target when left out. */
  readonly inReplyToId?: string | null
  /** The first post of its draft: the one that carries the quote, the edit and the schedule. */
  readonly first?: boolean
  /** The scheduled status being edited, as the server has it (to tell a mere time change). */
  readonly scheduledOriginal?: mastodon.v1.ScheduledStatus | null
  readonly timeoutMs?: number
}

const focusOf = (f: { x: number; y: number } | null) => (f ? `${f.x.toFixed(2)},${f.y.toFixed(2)}` : undefined)

/** The masto params of `post`. */
export function statusParams(
  post: DraftPost,
  draft: Draft,
  mediaIds: readonly string[],
  options: PublishPostOptions,
): mastodon.rest.v1.CreateScheduledStatusParams {
  const first = options.first ?? true
  const editing = first && draft.editOf !== null
  const inReplyToId = options.inReplyToId === undefined ? (draft.inReplyTo?.id ?? null) : options.inReplyToId
  const quoting = first && options.quotes && draft.quoteOf !== null
  const common = {
    status: post.text,
    // An edit sends an empty warning to take one away; a new post just leaves it out.
    ...(post.cwEnabled ? { spoilerText: post.spoilerText } : editing ? { spoilerText: '' } : {}),
    visibility: draft.visibility,
    ...(draft.language ? { language: draft.language } : {}),
    sensitive: post.sensitive,
    ...(inReplyToId && !editing ? { inReplyToId } : {}),
    ...(quoting ? { quotedStatusId: draft.quoteOf?.id ?? null } : {}),
    ...(first && options.quotes && draft.quotePolicy ? { quoteApprovalPolicy: draft.quotePolicy } : {}),
    ...(first && draft.scheduledAt && !editing ? { scheduledAt: draft.scheduledAt } : {}),
  }
  if (mediaIds.length > 0) return { ...common, mediaIds: [...mediaIds] }
  const poll = post.poll
    ? { options: [...post.poll.options], expiresIn: post.poll.expiresIn, multiple: post.poll.multiple, hideTotals: post.poll.hideTotals }
    : null
  // An edit without media says so (null), so the server drops the ones it had.
  return { ...common, ...(poll ? { poll } : {}), ...(editing ? { mediaIds: null } : {}) }
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  const x = [...(a ?? [])].sort()
  const y = [...(b ?? [])].sort()
  return x.length === y.length && x.every((v, i) => v === y[i])
}

/** Whether the edited scheduled post differs from the server's only in its time. */
export function onlyTimeChanged(original: mastodon.v1.ScheduledStatus, params: mastodon.rest.v1.CreateScheduledStatusParams): boolean {
  const was = original.params as mastodon.v1.StatusParams & { poll?: { options?: string[]; expiresIn?: number; multiple?: boolean } | null; language?: string | null }
  const poll = 'poll' in params ? params.poll : null
  const wasPoll = was.poll ?? null
  return (
    (was.text ?? '') === (params.status ?? '') &&
    (was.spoilerText ?? '') === (params.spoilerText ?? '') &&
    (was.visibility ?? params.visibility) === params.visibility &&
    Boolean(was.sensitive) === Boolean(params.sensitive) &&
    (was.inReplyToId ?? null) === (params.inReplyToId ?? null) &&
    (!was.language || !params.language || was.language === params.language) &&
    sameList(was.mediaIds, 'mediaIds' in params ? params.mediaIds : null) &&
    (poll === null || poll === undefined
      ? wasPoll === null
      : wasPoll !== null &&
        sameList(wasPoll.options, poll.options) &&
        wasPoll.expiresIn === poll.expiresIn &&
        Boolean(wasPoll.multiple) === Boolean(poll.multiple))
  )
}

const isGone = (error: unknown) => classifyApiError(error) === 'not-found'

/** Sends one post; masto's own errors come out as they are. */
async function sendPost(
  client: mastodon.rest.Client,
  post: DraftPost,
  draft: Draft,
  mediaIds: readonly string[],
  options: PublishPostOptions,
): Promise<Published> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? PUBLISH_TIMEOUT_MS)
  const first = options.first ?? true
  const params = statusParams(post, draft, mediaIds, options)
  if (first && draft.editOf) {
    const mediaAttributes = post.media
      .filter((m) => m.remoteId !== null)
      .map((m) => ({ id: m.remoteId as string, description: m.description, ...(m.focus ? { focus: focusOf(m.focus) } : {}) }))
    return await client.v1.statuses
      .$select(draft.editOf)
      .update({ ...params, ...(mediaAttributes.length ? { mediaAttributes } : {}) } as mastodon.rest.v1.UpdateStatusParams, {
        requestInit: { signal },
      })
  }
  let idempotencyKey = post.idempotencyKey
  if (first && draft.scheduledId) {
    const scheduled = client.v1.scheduledStatuses.$select(draft.scheduledId)
    const original = options.scheduledOriginal
    if (original && draft.scheduledAt && onlyTimeChanged(original, params)) {
      return await scheduled.update({ scheduledAt: draft.scheduledAt }, { requestInit: { signal } })
    }
    // Anything else changed: the server cannot edit a scheduled post, so it is deleted
    // (its media come free) and made again. Already gone counts as deleted (a retry).
    await scheduled.remove(undefined, { requestInit: { signal } }).catch((error: unknown) => {
      if (!isGone(error)) throw error
    })
    // A key of its own: the server may still remember the original post's key.
    idempotencyKey = `${post.idempotencyKey}-${draft.scheduledId}`
  }
  return await client.v1.statuses.create(params, { requestInit: { signal, headers: { 'Idempotency-Key': idempotencyKey } } })
}

/** Sends one post (new, edited, or a scheduled one changed); throws a PublishFailure. */
export async function publishPost(
  client: mastodon.rest.Client,
  post: DraftPost,
  draft: Draft,
  mediaIds: readonly string[],
  options: PublishPostOptions,
): Promise<Published> {
  try {
    return await sendPost(client, post, draft, mediaIds, options)
  } catch (error) {
    throw publishFailureOf(error, post.localId)
  }
}

// ---- a whole draft ----

/** Runs a request with the draft's account's own client (the accounts store's `call`). */
export type AccountCall = <T>(accountKey: string, fn: (client: mastodon.rest.Client) => Promise<T>) => Promise<T>

export interface PublishDeps {
  readonly call: AccountCall
  /** The server takes quote posts; when not said, a draft's quote is sent (draftProblems stops it where unsupported). */
  readonly quotes?: boolean
  /** The server ids of a post's media, uploading and waiting for them as needed. */
  readonly mediaIdsFor: (post: DraftPost) => Promise<readonly string[]>
  /** The server confirmed a post (record its postedId, so a retry skips it). */
  readonly onPosted: (postLocalId: string, published: Published) => void | Promise<void>
  readonly scheduledOriginal?: mastodon.v1.ScheduledStatus | null
  readonly timeoutMs?: number
}

const retriable = (f: PublishFailure) => f.kind === 'timeout' || (f.kind === 'offline' && !offlineNow())

/**
 * Publishes a draft's posts in order, each answering the one before; posts already
 * confirmed are skipped, so calling it again after a failure resumes and never doubles.
 * A timeout or dropped connection is tried once more with the same Idempotency-Key.
 */
export async function publishDraft(draft: Draft, deps: PublishDeps): Promise<Published[]> {
  const published: Published[] = []
  let previousId: string | null = draft.inReplyTo?.id ?? null
  for (const [index, post] of draft.posts.entries()) {
    if (post.postedId) {
      previousId = post.postedId
      continue
    }
    let mediaIds: readonly string[]
    try {
      mediaIds = await deps.mediaIdsFor(post)
    } catch (error) {
      throw publishFailureOf(error, post.localId)
    }
    const options: PublishPostOptions = {
      quotes: deps.quotes ?? true,
      inReplyToId: previousId,
      first: index === 0,
      scheduledOriginal: deps.scheduledOriginal ?? null,
      timeoutMs: deps.timeoutMs,
    }
    // Through the account's call, so a 401 marks that account as needing to sign in again.
    const send = () => deps.call(draft.accountKey, (client) => sendPost(client, post, draft, mediaIds, options))
    let result: Published
    try {
      result = await send()
    } catch (error) {
      const failure = publishFailureOf(error, post.localId)
      if (!retriable(failure)) throw failure
      try {
        result = await send()
      } catch (again) {
        throw publishFailureOf(again, post.localId)
      }
    }
    await deps.onPosted(post.localId, result)
    published.push(result)
    previousId = result.id
  }
  return published
}
