// A deck column's live stream: the streaming channel its type calls for, subscribed on the
// column's own account's connection (src/api/streaming.ts, one socket per account), with
// each event handed to the column. Unsubscribes when the column's timeline changes or its
// scope ends. Failures never throw: they show in `state`.

import { computed, getCurrentScope, onScopeDispose, shallowRef, watch, type ComputedRef } from 'vue'
import type { mastodon } from 'masto'
import { useAccountsStore } from '@/stores/accounts'
import type { ColumnSpec } from '@/stores/deck-types'
import type { ClientIdentity } from '@/api/clients'
import { connectionState, streamingClientFor, type ConnectionState } from '@/api/streaming'

export type LiveState = 'live' | 'connecting' | 'offline' | 'unsupported'

export interface StreamHandlers {
  update?(status: mastodon.v1.Status): void
  delete?(id: string): void
  statusUpdate?(status: mastodon.v1.Status): void
  notification?(notification: mastodon.v1.Notification): void
  conversation?(conversation: mastodon.v1.Conversation): void
}

export interface StreamDeps {
  clientFor(identity: ClientIdentity): Promise<mastodon.streaming.Client | null>
  /** The account's socket state, when known (reactive). */
  connection(key: string): ConnectionState | undefined
}

const defaultDeps: StreamDeps = { clientFor: streamingClientFor, connection: connectionState }

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

type Phase = 'idle' | 'starting' | 'subscribed' | 'ended' | 'unsupported'

export function useColumnStream(
  column: () => ColumnSpec,
  handlers: StreamHandlers,
  deps: StreamDeps = defaultDeps,
): { state: ComputedRef<LiveState> } {
  const accounts = useAccountsStore()
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
    try {
      const client = await deps.clientFor(account)
      if (stopped()) return
      subscription = client ? subscriptionFor(client, spec) : null
    } catch {
      if (!stopped()) phase.value = 'ended'
      return
    }
    if (!subscription) {
      phase.value = 'unsupported'
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
      // masto gave up (closed client, unexpected frame): the column stays as it is.
    }
    if (!stopped()) phase.value = 'ended'
  }

  function restart(spec: ColumnSpec): void {
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
    () => restart(column()),
    { immediate: true },
  )
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop?.()
      stop = null
    })
  }

  const state = computed<LiveState>(() => {
    switch (phase.value) {
      case 'unsupported':
        return 'unsupported'
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

  return { state }
}
