import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { flushPromises } from '@vue/test-utils'
import type { mastodon } from 'masto'
import { POLL_INTERVAL_MS, RESTART_AFTER_GIVING_UP_MS, useColumnStream, type StreamDeps, type StreamHandlers } from '@/composables/useColumnStream'
import { HIDDEN_PAUSE_MS } from '@/composables/usePageVisibility'
import type { ConnectionState } from '@/api/streaming'
import type { ColumnParams, ColumnSpec, ColumnType } from '@/timeline/column-spec'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, bob, seedAccounts } from '../helpers/accounts'
import { fakeStreamingClient, type FakeStreamingClient } from '../helpers/streaming'

function column(type: ColumnType, params: ColumnParams = {}, accountKey = alice.key): ColumnSpec {
  return { id: `col-${type}`, type, accountKey, params, width: 380, collapsed: false }
}

const status = (id: string) => ({ id, content: `<p>${id}</p>` }) as unknown as mastodon.v1.Status
const notification = (id: string, type: string) => ({ id, type, status: status(`s-${id}`) }) as unknown as mastodon.v1.Notification

let fake: FakeStreamingClient
let connection: ReturnType<typeof shallowRef<ConnectionState | undefined>>
let deps: StreamDeps

function handlers() {
  return {
    update: vi.fn<(s: mastodon.v1.Status) => void>(),
    delete: vi.fn<(id: string) => void>(),
    statusUpdate: vi.fn<(s: mastodon.v1.Status) => void>(),
    notification: vi.fn<(n: mastodon.v1.Notification) => void>(),
    conversation: vi.fn<(c: mastodon.v1.Conversation) => void>(),
    catchUp: vi.fn<() => void>(),
    interrupted: vi.fn<() => void>(),
  }
}

function run(spec: ColumnSpec | (() => ColumnSpec), h: StreamHandlers = handlers()) {
  const scope = effectScope()
  const result = scope.run(() => useColumnStream(typeof spec === 'function' ? spec : () => spec, h, deps))!
  return { ...result, scope, h }
}

beforeEach(() => {
  resetDocument()
  createTestApp()
  seedAccounts([alice, bob], alice.key)
  fake = fakeStreamingClient()
  connection = shallowRef<ConnectionState | undefined>('open')
  deps = { clientFor: vi.fn(async () => fake.client), connection: () => connection.value, retire: vi.fn(async () => {}) }
})
afterEach(() => vi.restoreAllMocks())

describe('useColumnStream', () => {
  const cases: Array<[ColumnType, ColumnParams, string, Record<string, unknown> | undefined]> = [
    ['home', {}, 'user', undefined],
    ['notifications', {}, 'user:notification', undefined],
    ['mentions', {}, 'user:notification', undefined],
    ['local', {}, 'public:local', undefined],
    ['federated', {}, 'public', undefined],
    ['federated', { remoteOnly: true }, 'public:remote', undefined],
    ['hashtag', { tag: '#Cats' }, 'hashtag', { tag: 'Cats' }],
    ['hashtag', { tag: 'cats', localOnly: true }, 'hashtag:local', { tag: 'cats' }],
    ['list', { listId: 'L1' }, 'list', { list: 'L1' }],
    ['conversations', {}, 'direct', undefined],
  ]

  it.each(cases)('%s %j subscribes %s on the column account', async (type, params, stream, expected) => {
    const { state, scope } = run(column(type, params, bob.key))
    await flushPromises()
    expect(deps.clientFor).toHaveBeenCalledWith(expect.objectContaining({ key: bob.key, token: bob.token, origin: bob.origin }))
    expect(fake.subscriptions.map((s) => s.stream)).toEqual([stream])
    expect(fake.subscriptions[0]!.params).toEqual(expected)
    expect(state.value).toBe('live')
    scope.stop()
  })

  it.each<ColumnType>(['profile', 'bookmarks', 'favourites', 'trending', 'thread'])('%s has no stream', async (type) => {
    const { state, scope } = run(column(type))
    await flushPromises()
    expect(fake.subscriptions).toHaveLength(0)
    expect(state.value).toBe('unsupported')
    scope.stop()
  })

  it('polls when the server has no streaming URL: a catch-up at once and then every interval', async () => {
    vi.useFakeTimers()
    try {
      deps.clientFor = vi.fn(async () => null)
      const { state, h, scope } = run(column('home'))
      await flushPromises()
      expect(state.value).toBe('polling')
      expect(h.catchUp).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 2)
      expect(h.catchUp).toHaveBeenCalledTimes(3)
      scope.stop()
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 2)
      expect(h.catchUp).toHaveBeenCalledTimes(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('asks the column to catch up when it becomes live, and again after a reconnect; says when it broke off', async () => {
    const { h, scope } = run(column('home'))
    await flushPromises()
    await nextTick()
    expect(h.catchUp).toHaveBeenCalledTimes(1)
    connection.value = 'closed'
    await nextTick()
    expect(h.interrupted).toHaveBeenCalledTimes(1)
    connection.value = 'connecting'
    await nextTick()
    connection.value = 'open'
    await nextTick()
    expect(h.catchUp).toHaveBeenCalledTimes(2)
    scope.stop()
  })

  it('pauses in a tab hidden for long, lets the socket go, and resumes with a catch-up on return', async () => {
    vi.useFakeTimers()
    const visibility = vi.spyOn(document, 'visibilityState', 'get')
    try {
      const { state, h, scope } = run(column('home'))
      await flushPromises()
      await nextTick()
      expect(state.value).toBe('live')
      visibility.mockReturnValue('hidden')
      document.dispatchEvent(new Event('visibilitychange'))
      await vi.advanceTimersByTimeAsync(HIDDEN_PAUSE_MS - 1000)
      expect(state.value).toBe('live')
      await vi.advanceTimersByTimeAsync(2000)
      expect(state.value).toBe('paused')
      expect(fake.subscriptions[0]!.unsubscribed).toBe(true)
      expect(h.interrupted).toHaveBeenCalled()
      visibility.mockReturnValue('visible')
      document.dispatchEvent(new Event('visibilitychange'))
      await flushPromises()
      await nextTick()
      expect(state.value).toBe('live')
      expect(fake.subscriptions).toHaveLength(2)
      expect(h.catchUp).toHaveBeenCalledTimes(2)
      scope.stop()
    } finally {
      vi.useRealTimers()
    }
  })

  it('hands each event to its handler', async () => {
    const { h, scope } = run(column('home'))
    await flushPromises()
    const sub = fake.last('user')!
    sub.push({ stream: ['user'], event: 'update', payload: status('1') })
    sub.push({ stream: ['user'], event: 'delete', payload: '2' })
    sub.push({ stream: ['user'], event: 'status.update', payload: status('3') })
    sub.push({ stream: ['user'], event: 'filters_changed', payload: undefined })
    // A home column ignores notifications on the user stream.
    sub.push({ stream: ['user'], event: 'notification', payload: notification('n', 'mention') })
    await flushPromises()
    expect(h.update).toHaveBeenCalledWith(status('1'))
    expect(h.delete).toHaveBeenCalledWith('2')
    expect(h.statusUpdate).toHaveBeenCalledWith(status('3'))
    expect(h.notification).not.toHaveBeenCalled()
    scope.stop()
  })

  it('passes only mentions to a mentions column', async () => {
    const { h, scope } = run(column('mentions'))
    await flushPromises()
    const sub = fake.last('user:notification')!
    sub.push({ stream: ['user:notification'], event: 'notification', payload: notification('1', 'favourite') })
    sub.push({ stream: ['user:notification'], event: 'notification', payload: notification('2', 'mention') })
    await flushPromises()
    expect(h.notification).toHaveBeenCalledTimes(1)
    expect(h.notification).toHaveBeenCalledWith(expect.objectContaining({ id: '2' }))
    scope.stop()
  })

  it('unsubscribes when its scope ends and ignores later events', async () => {
    const { h, scope } = run(column('local'))
    await flushPromises()
    const sub = fake.last('public:local')!
    scope.stop()
    expect(sub.unsubscribed).toBe(true)
    sub.push({ stream: ['public:local'], event: 'update', payload: status('late') })
    await flushPromises()
    expect(h.update).not.toHaveBeenCalled()
  })

  it('resubscribes when the column becomes another timeline', async () => {
    const spec = shallowRef(column('local'))
    const { scope } = run(() => spec.value)
    await flushPromises()
    spec.value = column('federated', { remoteOnly: true })
    await nextTick()
    await flushPromises()
    expect(fake.subscriptions.map((s) => [s.stream, s.unsubscribed])).toEqual([
      ['public:local', true],
      ['public:remote', false],
    ])
    scope.stop()
  })

  it('goes offline, without throwing, when the stream fails', async () => {
    const { state, scope } = run(column('home'))
    await flushPromises()
    fake.last('user')!.fail(new Error('Failed to connect to WebSocket after 3 attempts'))
    await flushPromises()
    expect(state.value).toBe('offline')
    scope.stop()
  })

  it('after masto gave up reconnecting, retires that client and starts afresh a little later, polled meanwhile', async () => {
    vi.useFakeTimers()
    try {
      const h = handlers()
      const { state, scope } = run(column('home'), h)
      await flushPromises()
      expect(state.value).toBe('live')
      const first = fake.last('user')!
      first.fail(new Error('Failed to connect to WebSocket after 6 attempts'))
      await flushPromises()
      expect(state.value).toBe('offline')
      expect(deps.retire).toHaveBeenCalledWith(alice.key, fake.client)
      expect(h.interrupted).toHaveBeenCalledTimes(1)
      // Polled while down.
      h.catchUp.mockClear()
      await vi.advanceTimersByTimeAsync(RESTART_AFTER_GIVING_UP_MS - 1)
      expect(fake.subscriptions).toHaveLength(1)
      // Then a fresh client and subscription, and a catch-up once live again.
      await vi.advanceTimersByTimeAsync(1)
      await flushPromises()
      expect(deps.clientFor).toHaveBeenCalledTimes(2)
      expect(fake.subscriptions).toHaveLength(2)
      expect(fake.last('user')).not.toBe(first)
      expect(state.value).toBe('live')
      expect(h.catchUp).toHaveBeenCalled()
      scope.stop()
    } finally {
      vi.useRealTimers()
    }
  })

  it('a column closed while waiting to start again stays closed', async () => {
    vi.useFakeTimers()
    try {
      const { scope } = run(column('home'))
      await flushPromises()
      fake.last('user')!.fail(new Error('gave up'))
      await flushPromises()
      scope.stop()
      await vi.advanceTimersByTimeAsync(RESTART_AFTER_GIVING_UP_MS * 2)
      expect(deps.clientFor).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('goes offline when the client cannot be made', async () => {
    deps.clientFor = vi.fn(async () => {
      throw new Error('boom')
    })
    const { state, scope } = run(column('home'))
    await flushPromises()
    expect(state.value).toBe('offline')
    scope.stop()
  })

  it('follows the account socket: connecting, live, offline after a drop', async () => {
    connection.value = 'connecting'
    const { state, scope } = run(column('home'))
    expect(state.value).toBe('connecting')
    await flushPromises()
    expect(state.value).toBe('connecting')
    connection.value = 'open'
    expect(state.value).toBe('live')
    connection.value = 'closed'
    expect(state.value).toBe('offline')
    scope.stop()
  })

  it('keeps going when a handler throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const update = vi.fn<(s: mastodon.v1.Status) => void>().mockImplementationOnce(() => {
      throw new Error('bad')
    })
    const h = { ...handlers(), update }
    const { state, scope } = run(column('home'), h)
    await flushPromises()
    const sub = fake.last('user')!
    sub.push({ stream: ['user'], event: 'update', payload: status('1') })
    sub.push({ stream: ['user'], event: 'update', payload: status('2') })
    await flushPromises()
    expect(update).toHaveBeenCalledTimes(2)
    expect(state.value).toBe('live')
    scope.stop()
  })
})
