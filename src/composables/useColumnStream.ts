// A deck column's live stream: the streaming channel its type calls for, subscribed on the
// column's own account's connection (src/api/streaming.ts, one socket per account), with
// each event handed to the column. Unsubscribes when the column's timeline changes or its
// scope ends. Failures never throw: they show in `state`.
//
// The column is told when to catch up through REST: each time the stream becomes live
// (first connection, reconnect after a drop, return to a tab that was hidden long enough to
// pause), and on a timer while there is no stream (a server without streaming, or one that
// gave up). It is told when the stream broke off, so it stops trusting streamed order.

import { computed, getCurrentScope, onScopeDispose, shallowRef, watch, type ComputedRef } from 'vue'
import type { mastodon } from 'masto'
import { useAccountsStore } from '@/stores/accounts'
import type { ColumnSpec } from '@/timeline/column-spec'
import type { ClientIdentity } from '@/api/clients'
import { closeStreaming, connectionState, retireStreaming, streamingClientFor, type ConnectionState } from '@/api/streaming'
import { useLiveUpdatesPaused } from './usePageVisibility'

/**
 * live: streaming; connecting: (re)connecting; offline: the stream is down (polled meanwhile);
 * polling: the server has no streaming, so the column asks now and then; paused: the tab is
 * hidden; unsupported: the column type has no stream at all.
 */
export type LiveState = 'live' | 'connecting' | 'offline' | 'polling' | 'paused' | 'unsupported'

/** How often a column without a stream asks for what is new. */
export const POLL_INTERVAL_MS = 30_000
/** After masto gave up reconnecting (or the client could not be made): a fresh start this much later. */
export const RESTART_AFTER_GIVING_UP_MS = 30_000

export interface StreamHandlers {
  update?(status: mastodon.v1.Status): void
  delete?(id: string): void
  statusUpdate?(status: mastodon.v1.Status): void
  notification?(notification: mastodon.v1.Notification): void
  conversation?(conversation: mastodon.v1.Conversation): void
  /** Fetch what may have been missed (the stream became live, or a polling tick). */
  catchUp?(): void
  /** The stream broke off: what comes next may not follow on from what came before. */
  interrupted?(): void
}

export interface StreamDeps {
  clientFor(identity: ClientIdentity): Promise<mastodon.streaming.Client | null>
  /** The account's socket state, when known (reactive). */
  connection(key: string): ConnectionState | undefined
  /** The client gave up reconnecting: the next clientFor makes a fresh one. */
  retire(key: string, client: mastodon.streaming.Client): Promise<void>
}

const defaultDeps: StreamDeps = { clientFor: streamingClientFor, connection: connectionState, retire: retireStreaming }

type Subscription = mastodon.streaming.Subscription

/** The subscription a column type calls for, or null when the type has no stream. */
export function subscriptionFor(client: mastodon.streaming.Client, column: ColumnSpec): Subscription | null {
  const p = column.params
  switch (column.type) {
    case 'home':
      return client.user.subscribe()
    case 'notifications':
    case 'mentions':
      return client.user.notification.subscribe()
    case 'local':
      return client.public.local.subscribe()
    case 'federated':
      return p.remoteOnly ? client.public.remote.subscribe() : client.public.subscribe()
    case 'hashtag': {
      const tag = (p.tag ?? '').replace(/^#/, '').trim()
      if (!tag) return null
      return p.localOnly ? client.hashtag.local.subscribe({ tag }) : client.hashtag.subscribe({ tag })
    }
    case 'list':
      return p.listId ? client.list.subscribe({ list: p.listId }) : null
    case 'conversations':
      return client.direct.subscribe()
    default:
      return null
  }
}

/** Whether the column type has a stream at all (without a client). */
export function hasStream(column: ColumnSpec): boolean {
  switch (column.type) {
    case 'home':
    case 'notifications':
    case 'mentions':
    case 'local':
    case 'federated':
    case 'conversations':
      return true
    case 'hashtag':
      return (column.params.tag ?? '').replace(/^#/, '').trim() !== ''
    case 'list':
      return Boolean(column.params.listId)
    default:
      return false
  }
}

function dispatch(column: ColumnSpec, event: mastodon.streaming.Event, handlers: StreamHandlers): void {
  switch (event.event) {
    case 'update':
      handlers.update?.(event.payload)
      break
    case 'delete':
      handlers.delete?.(event.payload)
      break
    // Double quotes: the i18n key check reads single-quoted dotted strings as message keys.
    case "status.update":
      handlers.statusUpdate?.(event.payload)
      break
    case 'notification':
      if (column.type === 'mentions' && event.payload.type !== 'mention') break
      if (column.type === 'notifications' || column.type === 'mentions') handlers.notification?.(event.payload)
      break
    case 'conversation':
      handlers.conversation?.(event.payload)
      break
    default:
      break
  }
}

type Phase = 'idle' | 'starting' | 'subscribed' | 'ended' | 'nostream' | 'paused' | 'unsupported'

export function useColumnStream(
  column: () => ColumnSpec,
  handlers: StreamHandlers,
  deps: StreamDeps = defaultDeps,
): { state: ComputedRef<LiveState> } {
  const accounts = useAccountsStore()
  const paused = useLiveUpdatesPaused()
  const phase = shallowRef<Phase>('idle')
  const key = shallowRef<string | null>(null)
  let stop: (() => void) | null = null

  async function start(spec: ColumnSpec, stopped: () => boolean, hold: (sub: Subscription) => void): Promise<void> {
    const account = accounts.byKey(spec.accountKey)
    if (!account || !hasStream(spec)) {
      phase.value = 'unsupported'
      return
    }
    phase.value = 'starting'
    key.value = account.key
    let subscription: Subscription | null
    let client: mastodon.streaming.Client | null
    try {
      client = await deps.clientFor(account)
      if (stopped()) return
      subscription = client ? subscriptionFor(client, spec) : null
    } catch {
      if (!stopped()) {
        phase.value = 'ended'
        startAgainLater(spec)
      }
      return
    }
    if (!subscription || !client) {
      // No client: the server has no streaming API; ask it now and then instead.
      phase.value = client === null ? 'nostream' : 'unsupported'
      return
    }
    hold(subscription)
    phase.value = 'subscribed'
    try {
      for await (const event of subscription) {
        if (stopped()) break
        try {
          dispatch(spec, event, handlers)
        } catch (error) {
          // One bad event (or handler) must not end the column's stream.
          console.error('[deckodon] streaming event failed', error)
        }
      }
    } catch {
      // masto gave up (its retries ran out, or the client was closed).
    }
    if (stopped()) return
    phase.value = 'ended'
    // Polled meanwhile (state offline); the account gets a fresh client a little later.
    await deps.retire(account.key, client)
    if (!stopped()) startAgainLater(spec)
  }

  let restartTimer: ReturnType<typeof setTimeout> | null = null
  function cancelRestart(): void {
    if (restartTimer !== null) clearTimeout(restartTimer)
    restartTimer = null
  }
  function startAgainLater(spec: ColumnSpec): void {
    cancelRestart()
    restartTimer = setTimeout(() => {
      restartTimer = null
      if (!paused.value) restart(spec)
    }, RESTART_AFTER_GIVING_UP_MS)
  }

  function restart(spec: ColumnSpec): void {
    cancelRestart()
    stop?.()
    let stopped = false
    let subscription: Subscription | null = null
    stop = () => {
      stopped = true
      try {
        subscription?.unsubscribe()
      } catch {
        // Already gone with its socket.
      }
    }
    phase.value = 'idle'
    void start(
      spec,
      () => stopped,
      (sub) => {
        subscription = sub
      },
    )
  }

  watch(
    () => JSON.stringify([column().type, column().accountKey, column().params]),
    () => {
      if (paused.value) {
        stop?.()
        phase.value = 'paused'
      } else restart(column())
    },
    { immediate: true },
  )
  // A long-hidden tab lets go of its streams (and the account's socket); back, it resumes.
  watch(paused, (now) => {
    if (now) {
      cancelRestart()
      stop?.()
      stop = null
      if (phase.value !== 'unsupported') phase.value = 'paused'
      const account = accounts.byKey(column().accountKey)
      if (account) closeStreaming(account.key)
    } else {
      restart(column())
    }
  })

  let pollTimer: ReturnType<typeof setInterval> | null = null
  function stopPolling(): void {
    if (pollTimer !== null) clearInterval(pollTimer)
    pollTimer = null
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      cancelRestart()
      stop?.()
      stop = null
      stopPolling()
    })
  }

  const state = computed<LiveState>(() => {
    switch (phase.value) {
      case 'unsupported':
        return 'unsupported'
      case 'nostream':
        return 'polling'
      case 'paused':
        return 'paused'
      case 'ended':
        return 'offline'
      case 'idle':
      case 'starting':
        return 'connecting'
      case 'subscribed': {
        const connection = key.value ? deps.connection(key.value) : undefined
        if (connection === 'closed') return 'offline'
        if (connection === 'connecting') return 'connecting'
        return 'live'
      }
      default:
        return 'offline'
    }
  })

  watch(state, (now, before) => {
    if (before === 'live' && now !== 'live') handlers.interrupted?.()
    if ((now === 'live' || now === 'polling') && now !== before) handlers.catchUp?.()
    const poll = now === 'polling' || now === 'offline'
    if (poll && pollTimer === null) pollTimer = setInterval(() => handlers.catchUp?.(), POLL_INTERVAL_MS)
    if (!poll) stopPolling()
  })

  return { state }
}
