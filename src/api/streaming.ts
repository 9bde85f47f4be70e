// One streaming connection per account key ("host|accountId"), made lazily with exactly that
// account's token and its own instance's streaming URL (`configuration.urls.streaming` from
// /api/v2/instance). Every stream the account's columns need is multiplexed on that one
// socket (masto subscribes and unsubscribes on it, and reconnects with backoff by itself).
// masto's backoff doubles without end (1 s, 2 s, 4 s … 17 min after ten failures), so it
// gets STREAM_RETRY_ATTEMPTS tries (about a minute); after that the client is retired and
// the columns start a fresh one a little later (useColumnStream), which keeps reconnects
// within a minute or so of each other however long an outage lasts.
// A server that advertises no streaming URL gets no client (null): columns stay unlive.
// masto is loaded on first use, keeping it out of the initial bundle.

import { shallowReactive } from 'vue'
import type { mastodon } from 'masto'
import { instanceStreamingUrl } from './instance-features'
import type { ClientIdentity } from './clients'

/** The account's socket: being opened (or reopened after a drop), open, or closed. */
export type ConnectionState = 'connecting' | 'open' | 'closed'

interface Entry {
  readonly token: string
  readonly origin: string
  client: Promise<mastodon.streaming.Client | null>
  closed: boolean
}

/** Connection attempts masto makes (waiting 1, 2, 4 … 32 s before them) before it gives up. */
export const STREAM_RETRY_ATTEMPTS = 6

const entries = new Map<string, Entry>()
const states = shallowReactive(new Map<string, ConnectionState>())

/** Reactive: the state of the account's socket, undefined when it has none. */
export function connectionState(key: string): ConnectionState | undefined {
  return states.get(key)
}

/** A WebSocket that reports its opening and closing for one entry (ignored once replaced). */
function trackedWebSocket(key: string, mine: Entry): unknown {
  const Base = globalThis.WebSocket as typeof WebSocket | undefined
  if (!Base) return undefined
  const report = (state: ConnectionState) => {
    if (!mine.closed && entries.get(key) === mine) states.set(key, state)
  }
  return class TrackedWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      report('connecting')
      this.addEventListener('open', () => report('open'))
      this.addEventListener('close', () => report('closed'))
    }
  }
}

/** The account's streaming client, or null when its server has no streaming API. */
export function streamingClientFor(identity: ClientIdentity): Promise<mastodon.streaming.Client | null> {
  const cached = entries.get(identity.key)
  if (cached && cached.token === identity.token && cached.origin === identity.origin) return cached.client
  if (cached) closeStreaming(identity.key)
  const entry: Entry = { token: identity.token, origin: identity.origin, client: Promise.resolve(null), closed: false }
  entry.client = (async () => {
    const streamingApiUrl = await instanceStreamingUrl(identity.origin)
    if (!streamingApiUrl || entry.closed) return null
    const { createStreamingAPIClient } = await import('masto')
    if (entry.closed) return null
    return createStreamingAPIClient({
      streamingApiUrl,
      accessToken: identity.token,
      retry: STREAM_RETRY_ATTEMPTS,
      implementation: trackedWebSocket(identity.key, entry),
    })
  })().catch(() => null)
  entries.set(identity.key, entry)
  states.set(identity.key, 'connecting')
  void entry.client.then((c) => {
    if (c === null && entries.get(identity.key) === entry) states.delete(identity.key)
  })
  return entry.client
}

/** Closes the account's socket (sign-out, token change); its subscriptions end. */
export function closeStreaming(key: string): void {
  const entry = entries.get(key)
  if (!entry) return
  entry.closed = true
  entries.delete(key)
  states.delete(key)
  void entry.client.then((c) => c?.close())
}

/**
 * masto gave up on this client (its retries ran out): the next streamingClientFor makes a
 * fresh one. Only the client that failed is retired, not one made since by another column.
 */
export async function retireStreaming(key: string, client: mastodon.streaming.Client): Promise<void> {
  const entry = entries.get(key)
  if (!entry || (await entry.client) !== client || entries.get(key) !== entry) return
  closeStreaming(key)
}
