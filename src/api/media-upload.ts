// Uploading a composer's media. The upload itself goes through XMLHttpRequest, because fetch
// reports no upload progress; waiting for the server to process it (video, large images)
// polls with fetch. Every request goes to the account's own origin with its own token, and
// only to paths built here (never to a URL the server handed back).

import type { mastodon } from 'masto'
import type { ClientIdentity } from './clients'
import { restClientFor } from './clients'
import { camelizeKeys } from './camelize'

export type UploadFailureKind =
  | 'too-large'
  | 'unsupported'
  | 'rate-limited'
  | 'offline'
  | 'auth'
  | 'server'
  | 'aborted'
  | 'processing-failed'
  | 'unknown'

export class UploadFailure extends Error {
  override readonly name = 'UploadFailure'

  constructor(
    readonly kind: UploadFailureKind,
    /** The HTTP status, when the server answered. */
    readonly status: number | null = null,
    /** The server's own explanation (its `error` field: plain text, never HTML), when it gave one. */
    readonly serverMessage: string | null = null,
    /** When a rate limit ends (ms since the epoch), when the server said. */
    readonly retryAt: number | null = null,
  ) {
    super(serverMessage ?? `Media upload failed: ${kind}${status === null ? '' : ` (${status})`}`)
  }
}

export interface FocusPoint {
  readonly x: number
  readonly y: number
}

export interface UploadOptions {
  readonly fileName: string
  readonly description?: string
  readonly focus?: FocusPoint | null
  /** Called with 0…1 as the file goes up; never with a smaller value than before within one request. */
  readonly onProgress?: (fraction: number) => void
  readonly signal?: AbortSignal
}

/** Polling while the server processes: 1 s apart at first, one more second each time, up to 5 s. */
export const POLL_FIRST_DELAY_MS = 1_000
export const POLL_MAX_DELAY_MS = 5_000
/** After this long of processing we stop waiting. */
export const PROCESSING_TIMEOUT_MS = 10 * 60_000
/** Polls that fail to reach the server in a row before the upload counts as offline. */
const POLL_NETWORK_TRIES = 3

/** Origins whose server has no /api/v2/media (404): their uploads go straight to v1. */
const originsWithoutV2 = new Set<string>()

/** Mastodon's focus parameter: "x,y", each -1…1, two decimals are plenty. */
export function focusParam(focus: FocusPoint): string {
  const round = (value: number) => Math.round(Math.min(1, Math.max(-1, value)) * 100) / 100
  return `${round(focus.x)},${round(focus.y)}`
}

function originOf(identity: ClientIdentity): string {
  return new URL(identity.origin).origin
}

interface RawAnswer {
  readonly status: number
  readonly body: string
  readonly header: (name: string) => string | null
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return null
  }
}

function serverMessageOf(body: string): string | null {
  const parsed = parseJson(body) as { error?: unknown } | null
  const error = parsed?.error
  return typeof error === 'string' && error.trim() !== '' ? error.trim() : null
}

/** When a 429 ends: Mastodon's X-RateLimit-Reset (a time), else Retry-After (seconds or a time). */
function retryAtOf(header: (name: string) => string | null): number | null {
  const reset = Date.parse(header('X-RateLimit-Reset') ?? '')
  if (Number.isFinite(reset)) return reset
  const retryAfter = header('Retry-After')
  if (retryAfter === null) return null
  const seconds = Number(retryAfter)
  if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Date.now() + seconds * 1000
  const at = Date.parse(retryAfter)
  return Number.isFinite(at) ? at : null
}

function failureOf(answer: RawAnswer): UploadFailure {
  const { status } = answer
  if (status === 413) return new UploadFailure('too-large', status)
  if (status === 422) return new UploadFailure('unsupported', status, serverMessageOf(answer.body))
  if (status === 429) return new UploadFailure('rate-limited', status, null, retryAtOf(answer.header))
  if (status === 401 || status === 403) return new UploadFailure('auth', status, serverMessageOf(answer.body))
  if (status >= 500) return new UploadFailure('server', status)
  return new UploadFailure('unknown', status, serverMessageOf(answer.body))
}

function attachmentOf(body: string): mastodon.v1.MediaAttachment {
  const parsed = camelizeKeys(parseJson(body)) as Partial<mastodon.v1.MediaAttachment> | null
  if (!parsed || typeof parsed.id !== 'string') throw new UploadFailure('unknown')
  return parsed as mastodon.v1.MediaAttachment
}

function abortedIf(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UploadFailure('aborted')
}

function postForm(url: string, token: string, form: FormData, options: UploadOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    const { signal, onProgress } = options
    let reported = -1
    const report = (fraction: number) => {
      if (fraction <= reported) return
      reported = fraction
      onProgress?.(fraction)
    }
    const onAbort = () => request.abort()
    const settle = () => signal?.removeEventListener('abort', onAbort)

    request.open('POST', url)
    request.setRequestHeader('Authorization', `Bearer ${token}`)
    request.setRequestHeader('Accept', 'application/json')
    request.responseType = 'text'
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) report(Math.min(1, event.loaded / event.total))
    })
    request.upload.addEventListener('load', () => report(1))
    request.addEventListener('load', () => {
      settle()
      resolve({
        status: request.status,
        body: typeof request.responseText === 'string' ? request.responseText : '',
        header: (name) => request.getResponseHeader(name),
      })
    })
    request.addEventListener('error', () => {
      settle()
      reject(new UploadFailure('offline'))
    })
    request.addEventListener('timeout', () => {
      settle()
      reject(new UploadFailure('offline'))
    })
    request.addEventListener('abort', () => {
      settle()
      reject(new UploadFailure('aborted'))
    })
    signal?.addEventListener('abort', onAbort, { once: true })
    request.send(form)
  })
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadFailure('aborted'))
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(new UploadFailure('aborted'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Asks for the attachment until the server has processed it (200 with a url; 206 while processing). */
async function untilProcessed(origin: string, token: string, id: string, signal: AbortSignal | undefined): Promise<mastodon.v1.MediaAttachment> {
  const url = `${origin}/api/v1/media/${encodeURIComponent(id)}`
  const giveUpAt = Date.now() + PROCESSING_TIMEOUT_MS
  let delay = POLL_FIRST_DELAY_MS
  let networkFailures = 0
  for (;;) {
    await wait(delay, signal)
    delay = Math.min(delay + POLL_FIRST_DELAY_MS, POLL_MAX_DELAY_MS)
    let response: Response
    try {
      response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal })
    } catch {
      abortedIf(signal)
      // The file is up; a blip while waiting for it is worth a few more tries.
      networkFailures += 1
      if (networkFailures >= POLL_NETWORK_TRIES) throw new UploadFailure('offline')
      if (Date.now() >= giveUpAt) throw new UploadFailure('processing-failed')
      continue
    }
    networkFailures = 0
    const body = await response.text().catch(() => '')
    if (response.status === 200) {
      const attachment = attachmentOf(body)
      if (attachment.url) return attachment
      // Done processing but without a file: the server could not process it.
      throw new UploadFailure('processing-failed', 200)
    }
    if (response.status !== 206) {
      const failure = failureOf({ status: response.status, body, header: (name) => response.headers.get(name) })
      // 422 here means the server gave up on the file, not that its type was refused.
      throw failure.kind === 'unsupported' ? new UploadFailure('processing-failed', 422, failure.serverMessage) : failure
    }
    if (Date.now() >= giveUpAt) throw new UploadFailure('processing-failed')
  }
}

/**
 * Uploads one file to the account's server and resolves once the server has processed it
 * (so the attachment has its `url`). Rejects with an UploadFailure.
 */
export async function uploadMedia(identity: ClientIdentity, file: Blob, options: UploadOptions): Promise<mastodon.v1.MediaAttachment> {
  const { signal } = options
  abortedIf(signal)
  const origin = originOf(identity)
  const form = new FormData()
  form.append('file', file, options.fileName)
  if (options.description) form.append('description', options.description)
  if (options.focus) form.append('focus', focusParam(options.focus))

  let answer: RawAnswer | null = null
  if (!originsWithoutV2.has(origin)) {
    answer = await postForm(`${origin}/api/v2/media`, identity.token, form, options)
    // Servers older than Mastodon 3.1 only have v1 (which processes before it answers).
    if (answer.status === 404) {
      originsWithoutV2.add(origin)
      answer = null
    }
  }
  answer ??= await postForm(`${origin}/api/v1/media`, identity.token, form, options)

  if (answer.status === 200) {
    const attachment = attachmentOf(answer.body)
    if (attachment.url) return attachment
    return untilProcessed(origin, identity.token, attachment.id, signal)
  }
  if (answer.status === 202) return untilProcessed(origin, identity.token, attachmentOf(answer.body).id, signal)
  throw failureOf(answer)
}

/**
 * Changes the alt text or focal point of an attachment already uploaded (not yet posted).
 * A focus of null puts it back in the centre. masto's errors come through as they are
 * (see classifyApiError).
 */
export async function updateMedia(
  identity: ClientIdentity,
  id: string,
  changes: { readonly description: string; readonly focus: FocusPoint | null },
): Promise<mastodon.v1.MediaAttachment> {
  const client = await restClientFor(identity)
  return client.v1.media.$select(id).update({
    description: changes.description,
    focus: focusParam(changes.focus ?? { x: 0, y: 0 }),
  })
}

/**
 * What DraftMedia.error holds for a failure: its message key and values as JSON, so a draft
 * keeps plain data and the message follows the language shown (ComposeMediaList reads it).
 */
export function draftMediaError(failure: UploadFailure): string {
  const base = `compose.media.errors.${failure.kind.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())}`
  // The server's own words are worth showing where they say what is wrong with the file.
  if (failure.serverMessage && (failure.kind === 'unsupported' || failure.kind === 'processing-failed')) {
    return JSON.stringify({ key: `${base}Because`, values: { message: failure.serverMessage } })
  }
  if (failure.kind === 'rate-limited' && failure.retryAt !== null) {
    return JSON.stringify({ key: `${base}Until`, values: { retryAt: new Date(failure.retryAt).toISOString() } })
  }
  return JSON.stringify({ key: base, values: {} })
}
