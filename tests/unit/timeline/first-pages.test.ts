import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import type { mastodon } from 'masto'
import {
  FIRST_PAGE_TTL_MS,
  resetFirstPages,
  startFirstPage,
  startDeckFirstPages,
  takeFirstPage,
} from '@/timeline/first-pages'
import { useColumnFeed } from '@/composables/useColumnFeed'
import type { ColumnSpec } from '@/timeline/column-spec'
import { DECK_STORAGE_KEY, readStoredDeck, serializeDeck } from '@/stores/deck-storage'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, bob, seedAccounts } from '../helpers/accounts'
import { fakeClient, routeCalls, type LoggedRequest } from '../helpers/column-fakes'

const column = (id: string, overrides: Partial<ColumnSpec> = {}): ColumnSpec => ({
  id,
  type: 'home',
  accountKey: alice.key,
  params: {},
  width: 380,
  collapsed: false,
  ...overrides,
})
const status = (id: string) => ({ id, reblog: null, content: `<p>${id}</p>`, account: { id: 'a1' } }) as unknown as mastodon.v1.Status

let log: LoggedRequest[]
let clients: Record<string, mastodon.rest.Client>
/** The accounts store's call(), as the app passes it to the start-up prefetch. */
const call = <T>(key: string, fn: (client: mastodon.rest.Client) => Promise<T>): Promise<T> => fn(clients[key]!)

function setNarrow(narrow: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: narrow, media: query, addEventListener() {}, removeEventListener() {} }))
}

beforeEach(() => {
  resetDocument()
  createTestApp()
  seedAccounts([alice, bob], alice.key)
  resetFirstPages()
  log = []
  clients = {
    [alice.key]: fakeClient(alice.key, log, { home: [[status('a2'), status('a1')], [status('a0')]], public: [[status('p1')]] }),
    [bob.key]: fakeClient(bob.key, log, { home: [[status('b1')]] }),
  }
  setNarrow(false)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  localStorage.clear()
})

describe('first pages asked for at start-up', () => {
  it('a column shows the page asked for at start-up without asking again, and goes on from it', async () => {
    const home = column('c1')
    startFirstPage(home, call)
    expect(log).toHaveLength(1)
    routeCalls(clients)
    const scope = effectScope()
    const feed = scope.run(() => useColumnFeed(() => home))!
    await feed.load(false)
    expect(feed.items.value.map((i) => i.id)).toEqual(['a2', 'a1'])
    expect(log).toHaveLength(1)
    // The next page follows on from the same paginator (its Link), not from the top again.
    await feed.load(true)
    expect(feed.items.value.map((i) => i.id)).toEqual(['a2', 'a1', 'a0'])
    expect(log.map((r) => r.page)).toEqual([0, 1])
    scope.stop()
  })

  it('a page is handed out once; a reload asks the server again', async () => {
    const home = column('c1')
    startFirstPage(home, call)
    expect(takeFirstPage(home)).not.toBeNull()
    expect(takeFirstPage(home)).toBeNull()
  })

  it('a column that became another timeline meanwhile does not take the old page', () => {
    startFirstPage(column('c1'), call)
    expect(takeFirstPage(column('c1', { type: 'local' }))).toBeNull()
  })

  it('a page nobody took soon is dropped, so a column never shows a stale one', () => {
    vi.useFakeTimers()
    startFirstPage(column('c1'), call)
    vi.advanceTimersByTime(FIRST_PAGE_TTL_MS + 1)
    expect(takeFirstPage(column('c1'))).toBeNull()
  })

  it('a failed early page is the column’s error, shown as for any failed load', async () => {
    clients[alice.key] = fakeClient(alice.key, log, { home: [new Error('offline')] })
    const home = column('c1')
    startFirstPage(home, call)
    routeCalls(clients)
    const scope = effectScope()
    const feed = scope.run(() => useColumnFeed(() => home))!
    await feed.load(false)
    expect(feed.error.value).not.toBeNull()
    expect(feed.items.value).toEqual([])
    scope.stop()
  })

  it('on a wide screen the open columns of the active deck start, each as its own account', async () => {
    const columns = [
      column('c1'),
      column('c2', { accountKey: bob.key }),
      column('c3', { type: 'local', collapsed: true }),
      column('c4', { accountKey: 'gone.example|9' }),
    ]
    localStorage.setItem(DECK_STORAGE_KEY, serializeDeck('d1', [{ id: 'd1', name: '', columns }]))
    startDeckFirstPages(readStoredDeck().document, call, (key) => key === alice.key || key === bob.key)
    await Promise.resolve()
    expect(log.map((r) => [r.account, r.endpoint])).toEqual([
      [alice.key, 'home'],
      [bob.key, 'home'],
    ])
    expect(takeFirstPage(columns[2]!)).toBeNull()
    expect(takeFirstPage(columns[3]!)).toBeNull()
  })

  it('on a narrow screen only the first column, the one shown, starts', () => {
    setNarrow(true)
    const columns = [column('c1'), column('c2', { accountKey: bob.key })]
    localStorage.setItem(DECK_STORAGE_KEY, serializeDeck('d1', [{ id: 'd1', name: '', columns }]))
    startDeckFirstPages(readStoredDeck().document, call, () => true)
    expect(log.map((r) => r.account)).toEqual([alice.key])
  })

  it('nothing stored, nothing asked', () => {
    startDeckFirstPages(readStoredDeck().document, call, () => true)
    expect(log).toEqual([])
  })
})
