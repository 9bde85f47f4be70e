// Looks up an instance's public description, without credentials. We call fetch directly
// rather than masto's client so each failure maps to one precise kind: masto reports an
// HTML error page as a TypeError, which is indistinguishable from a network failure.

import type { mastodon } from 'masto'
import { camelizeKeys } from './camelize'

export type InstanceLookupErrorKind =
  /** Network error, DNS failure or refused connection: fetch itself rejected. */
  | 'unreachable'
  /** The server answers, but does not allow web apps on other sites to read its API (CORS). */
  | 'cors'
  /** No answer within the timeout. */
  | 'timeout'
  /** Answered, but with no Mastodon API (404 on both versions, HTML, wrong JSON shape). */
  | 'not-mastodon'
  /** 5xx: the server is there but failing. */
  | 'down'
  /** Any other HTTP error status (403, 429, …). */
  | 'http-error'

export class InstanceLookupError extends Error {
  override readonly name = 'InstanceLookupError'
  readonly kind: InstanceLookupErrorKind
  readonly origin: string
  /** HTTP status when the server answered with one. */
  readonly status: number | null

  constructor(kind: InstanceLookupErrorKind, origin: string, options: { status?: number; cause?: unknown } = {}) {
    super(`Instance lookup for ${origin} failed: ${kind}${options.status ? ` (HTTP ${options.status})` : ''}`, {
      cause: options.cause,
    })
    this.kind = kind
    this.origin = origin
    this.status = options.status ?? null
  }
}

export type InstanceLookupResult =
  | { readonly apiVersion: 'v2'; readonly origin: string; readonly instance: mastodon.v2.Instance }
  | { readonly apiVersion: 'v1'; readonly origin: string; readonly instance: mastodon.v1.Instance }

export interface InstanceLookupOptions {
  /** Aborting rejects with the signal's reason (an AbortError), not an InstanceLookupError. */
  readonly signal?: AbortSignal
  readonly timeoutMs?: number
}

export const INSTANCE_LOOKUP_TIMEOUT_MS = 10_000

type Fetched = { readonly kind: 'json'; readonly data: unknown } | { readonly kind: 'not-found' }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Only the fields we rely on are checked; the rest is trusted to follow masto's types.
function isV2Instance(data: unknown): data is mastodon.v2.Instance {
  return isRecord(data) && typeof data.domain === 'string' && typeof data.title === 'string' && typeof data.version === 'string'
}

function isV1Instance(data: unknown): data is mastodon.v1.Instance {
  return isRecord(data) && typeof data.uri === 'string' && typeof data.title === 'string' && typeof data.version === 'string'
}

async function answersWithoutCors(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', signal, credentials: 'omit', referrerPolicy: 'no-referrer' })
    return true
  } catch {
    return false
  }
}

async function getJson(url: string, origin: string, signal: AbortSignal, timedOut: () => boolean): Promise<Fetched> {
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      signal,
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
    if (response.status === 404) return { kind: 'not-found' }
    if (response.status >= 500) throw new InstanceLookupError('down', origin, { status: response.status })
    if (!response.ok) throw new InstanceLookupError('http-error', origin, { status: response.status })
    text = await response.text()
  } catch (error) {
    if (error instanceof InstanceLookupError) throw error
    if (timedOut()) throw new InstanceLookupError('timeout', origin, { cause: error })
    if (signal.aborted) throw error
    // A CORS refusal and a dead host both reject with the same TypeError. An opaque
    // (no-cors) request tells them apart: it succeeds whenever the server answers at all.
    const answers = await answersWithoutCors(url, signal)
    // The probe can outlive the timeout or the caller's interest: those win, as above.
    if (timedOut()) throw new InstanceLookupError('timeout', origin, { cause: error })
    if (signal.aborted) throw signal.reason
    throw new InstanceLookupError(answers ? 'cors' : 'unreachable', origin, { cause: error })
  }
  // Many non-Mastodon sites answer any path with an HTML page and status 200.
  const contentType = response.headers.get('Content-Type') ?? ''
  if (!/\bjson\b/i.test(contentType)) throw new InstanceLookupError('not-mastodon', origin)
  try {
    return { kind: 'json', data: camelizeKeys(JSON.parse(text)) }
  } catch (error) {
    throw new InstanceLookupError('not-mastodon', origin, { cause: error })
  }
}

/**
 * GET /api/v2/instance, falling back to /api/v1/instance when v2 is 404 (Mastodon before
 * 4.0 and some compatible servers). `origin` comes from normalizeInstanceInput.
 */
export async function lookupInstance(origin: string, options: InstanceLookupOptions = {}): Promise<InstanceLookupResult> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs ?? INSTANCE_LOOKUP_TIMEOUT_MS)
  const forwardAbort = () => controller.abort(options.signal?.reason)
  if (options.signal?.aborted) forwardAbort()
  options.signal?.addEventListener('abort', forwardAbort)

  try {
    const isTimedOut = () => timedOut
    const v2 = await getJson(`${origin}/api/v2/instance`, origin, controller.signal, isTimedOut)
    if (v2.kind === 'json') {
      if (!isV2Instance(v2.data)) throw new InstanceLookupError('not-mastodon', origin)
      return { apiVersion: 'v2', origin, instance: v2.data }
    }
    const v1 = await getJson(`${origin}/api/v1/instance`, origin, controller.signal, isTimedOut)
    if (v1.kind === 'json' && isV1Instance(v1.data)) return { apiVersion: 'v1', origin, instance: v1.data }
    throw new InstanceLookupError('not-mastodon', origin, { status: v1.kind === 'not-found' ? 404 : undefined })
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', forwardAbort)
  }
}
