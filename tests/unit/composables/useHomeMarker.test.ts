import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import type { mastodon } from 'masto'
import { MARKER_SAVE_DELAY_MS, useHomeMarker } from '@/composables/useHomeMarker'
import type { ColumnSpec, ColumnType } from '@/timeline/column-spec'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, bob, seedAccounts } from '../helpers/accounts'
import { routeCalls } from '../helpers/column-fakes'

function column(type: ColumnType, accountKey = alice.key): ColumnSpec {
  return { id: `col-${type}`, type, accountKey, params: {}, width: 380, collapsed: false }
}

interface MarkerCalls {
  fetched: string[]
  saved: Array<{ account: string; lastReadId: string }>
}

function markersClient(account: string, calls: MarkerCalls, stored: string | null | Error): mastodon.rest.Client {
  return {
    v1: {
      markers: {
        fetch: vi.fn(async () => {
          calls.fetched.push(account)
          if (stored instanceof Error) throw stored
          return stored ? { home: { lastReadId: stored, version: 1, updatedAt: '' } } : {}
        }),
        create: vi.fn(async (params: { home: { lastReadId: string } }) => {
          calls.saved.push({ account, lastReadId: params.home.lastReadId })
          return {}
        }),
      },
    },
  } as unknown as mastodon.rest.Client
}

let calls: MarkerCalls
let firstVisible: string | null
let scroller: HTMLElement

function run(spec: ColumnSpec, stored: string | null | Error = 'm-5') {
  routeCalls({ [alice.key]: markersClient(alice.key, calls, stored), [bob.key]: markersClient(bob.key, calls, stored) })
  const scope = effectScope()
  const marker = scope.run(() =>
    useHomeMarker({ column: () => spec, firstVisibleKey: () => firstVisible, scroller: () => scroller }),
  )!
  return { marker, scope }
}

const scroll = () => scroller.dispatchEvent(new Event('scroll'))

beforeEach(() => {
  resetDocument()
  createTestApp()
  seedAccounts([alice, bob], alice.key)
  calls = { fetched: [], saved: [] }
  firstVisible = null
  scroller = document.createElement('div')
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the home read position', () => {
  it("reads the saved position as the column's own account", async () => {
    const { marker, scope } = run(column('home', bob.key))
    expect(await marker.fetchLastRead()).toBe('m-5')
    expect(calls.fetched).toEqual([bob.key])
    scope.stop()
  })

  it('has no position on servers without markers, and none for other columns', async () => {
    expect(await run(column('home'), new Error('404')).marker.fetchLastRead()).toBeNull()
    expect(await run(column('local')).marker.fetchLastRead()).toBeNull()
    expect(calls.fetched).toEqual([alice.key])
  })

  it('saves the top row a moment after scrolling stops, once restored, and not twice for the same row', async () => {
    const { marker, scope } = run(column('home'))
    await marker.fetchLastRead()
    firstVisible = 's-1'
    scroll()
    await vi.advanceTimersByTimeAsync(MARKER_SAVE_DELAY_MS * 2)
    // Not restored yet: the saved position must not be overwritten unread.
    expect(calls.saved).toEqual([])

    marker.markRestored()
    scroll()
    await vi.advanceTimersByTimeAsync(MARKER_SAVE_DELAY_MS - 100)
    scroll()
    await vi.advanceTimersByTimeAsync(MARKER_SAVE_DELAY_MS - 100)
    expect(calls.saved).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(calls.saved).toEqual([{ account: alice.key, lastReadId: 's-1' }])

    scroll()
    await vi.advanceTimersByTimeAsync(MARKER_SAVE_DELAY_MS * 2)
    expect(calls.saved).toHaveLength(1)
    scope.stop()
  })

  it('saves at once when the page is hidden', async () => {
    const { marker, scope } = run(column('home'))
    await marker.fetchLastRead()
    marker.markRestored()
    firstVisible = 's-9'
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.saved).toEqual([{ account: alice.key, lastReadId: 's-9' }])
    scope.stop()
  })
})
