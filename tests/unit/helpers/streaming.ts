// A stand-in for masto's streaming client: every subscribe() returns a subscription that
// tests feed by hand (`push`), end with an error (`fail`), and check (`unsubscribed`).

import type { mastodon } from 'masto'

export interface FakeSubscription extends mastodon.streaming.Subscription {
  readonly stream: string
  readonly params: Record<string, unknown> | undefined
  readonly unsubscribed: boolean
  push(event: mastodon.streaming.Event): void
  fail(error: unknown): void
}

export function fakeSubscription(stream: string, params?: Record<string, unknown>): FakeSubscription {
  const queue: mastodon.streaming.Event[] = []
  let wake: (() => void) | null = null
  let error: unknown = null
  let closed = false
  const poke = () => {
    const w = wake
    wake = null
    w?.()
  }
  async function* values(): AsyncGenerator<mastodon.streaming.Event> {
    for (;;) {
      const next = queue.shift()
      if (next) {
        yield next
        continue
      }
      if (error !== null) throw error
      if (closed) return
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
  }
  const sub = {
    stream,
    params,
    unsubscribed: false,
    push(event: mastodon.streaming.Event) {
      queue.push(event)
      poke()
    },
    fail(e: unknown) {
      error = e
      poke()
    },
    unsubscribe() {
      sub.unsubscribed = true
      closed = true
      poke()
    },
    values,
    [Symbol.asyncIterator]: values,
  }
  return sub as unknown as FakeSubscription
}

export interface FakeStreamingClient {
  readonly client: mastodon.streaming.Client
  readonly subscriptions: FakeSubscription[]
  /** The latest subscription to `stream`. */
  last(stream: string): FakeSubscription | undefined
}

export function fakeStreamingClient(): FakeStreamingClient {
  const subscriptions: FakeSubscription[] = []
  const make = (stream: string) => (params?: Record<string, unknown>) => {
    const s = fakeSubscription(stream, params)
    subscriptions.push(s)
    return s
  }
  const client = {
    user: { subscribe: make('user'), notification: { subscribe: make('user:notification') } },
    public: {
      subscribe: make('public'),
      media: { subscribe: make('public:media') },
      local: { subscribe: make('public:local'), media: { subscribe: make('public:local:media') } },
      remote: { subscribe: make('public:remote'), media: { subscribe: make('public:remote:media') } },
    },
    hashtag: { subscribe: make('hashtag'), local: { subscribe: make('hashtag:local') } },
    list: { subscribe: make('list') },
    direct: { subscribe: make('direct') },
    close() {},
    prepare: async () => {},
  }
  return {
    client: client as unknown as mastodon.streaming.Client,
    subscriptions,
    last: (stream) => subscriptions.filter((s) => s.stream === stream).at(-1),
  }
}
