import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import type { mastodon } from 'masto'
import { useColumnFeed } from '@/composables/useColumnFeed'
import type { ColumnSpec } from '@/timeline/column-spec'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts } from '../helpers/accounts'
import { fakeClient, routeCalls, type LoggedRequest } from '../helpers/column-fakes'

const home: ColumnSpec = { id: 'col-home', type: 'home', accountKey: alice.key, params: {}, width: 380, collapsed: false }
const status = (id: string) => ({ id, reblog: null, content: `<p>${id}</p>`, account: { id: 'a1' } }) as unknown as mastodon.v1.Status

let log: LoggedRequest[]

beforeEach(() => {
  resetDocument()
  createTestApp()
  seedAccounts([alice], alice.key)
  log = []
})
afterEach(() => vi.restoreAllMocks())

describe('useColumnFeed catching up', () => {
  it('a column that started empty and filled from the stream still catches up from its newest post after a drop', async () => {
    routeCalls({ [alice.key]: fakeClient(alice.key, log, { home: [[]] }) })
    const scope = effectScope()
    const feed = scope.run(() => useColumnFeed(() => home))!
    await feed.load(false)
    expect(feed.items.value).toEqual([])
    // The stream became live: the catch-up of an empty column is its first page again.
    await feed.catchUp(() => true)
    feed.applyLive([{ kind: 'update', status: status('s1') }], true)
    feed.applyLive([{ kind: 'update', status: status('s2') }], true)
    feed.interrupted()
    log.length = 0
    await feed.catchUp(() => true)
    expect(log.map((r) => r.params)).toEqual([{ limit: 40, sinceId: 's2' }])
    scope.stop()
  })

  it('after a drop, statuses streamed meanwhile do not move the cursor past what may be missing', async () => {
    routeCalls({ [alice.key]: fakeClient(alice.key, log, { home: [[status('s1')]] }) })
    const scope = effectScope()
    const feed = scope.run(() => useColumnFeed(() => home))!
    await feed.load(false)
    feed.interrupted()
    feed.applyLive([{ kind: 'update', status: status('s9') }], true)
    log.length = 0
    await feed.catchUp(() => true)
    expect(log.map((r) => r.params)).toEqual([{ limit: 40, sinceId: 's1' }])
    scope.stop()
  })
})
