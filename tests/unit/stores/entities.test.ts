import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { computed } from 'vue'
import type { mastodon } from 'masto'
import { STATUS_CACHE_LIMIT, useEntitiesStore } from '@/stores/entities'
import { statusFixture } from '../components/status/status-fixtures'

const A = 'a.example|1'
const B = 'b.example|9'

function plain(id: string, extra: Partial<mastodon.v1.Status> = {}): mastodon.v1.Status {
  return { ...statusFixture('status.plain.json'), id, ...extra }
}

function boostOf(inner: mastodon.v1.Status, id: string): mastodon.v1.Status {
  return { ...plain(id), reblog: inner }
}

beforeEach(() => setActivePinia(createPinia()))

describe('entity store', () => {
  it('keeps one status per id and account: a newer version replaces it for every reader', () => {
    const store = useEntitiesStore()
    store.putStatus(A, plain('1', { favouritesCount: 1 }))
    const seen = computed(() => store.status(A, '1')?.favouritesCount)
    expect(seen.value).toBe(1)
    store.putStatus(A, plain('1', { favouritesCount: 5 }))
    expect(seen.value).toBe(5)
  })

  it('keeps accounts apart: the same id on another account is another status', () => {
    const store = useEntitiesStore()
    store.putStatus(A, plain('1', { favourited: true }))
    store.putStatus(B, plain('1', { favourited: false }))
    expect(store.status(A, '1')?.favourited).toBe(true)
    expect(store.status(B, '1')?.favourited).toBe(false)
  })

  it('skips a write that changes nothing, so readers are not disturbed', () => {
    const store = useEntitiesStore()
    const first = store.putStatus(A, plain('1'))
    const again = store.putStatus(A, plain('1'))
    expect(again).toBe(first)
  })

  it('splits a boost: a change to the boosted status shows inside the boost', () => {
    const store = useEntitiesStore()
    const inner = plain('10', { favouritesCount: 0 })
    store.putStatus(A, boostOf(inner, '20'))
    expect(store.status(A, '10')).toBeDefined()
    const boost = computed(() => store.status(A, '20')?.reblog?.favouritesCount)
    expect(boost.value).toBe(0)
    store.putStatus(A, { ...inner, favouritesCount: 3, favourited: true })
    expect(boost.value).toBe(3)
    expect(store.status(A, '20')?.reblog?.favourited).toBe(true)
  })

  it('splits a quote: an edit of the quoted status shows inside the quoting one', () => {
    const store = useEntitiesStore()
    const quoting = statusFixture('status.quote.json')
    const quoted = (quoting.quote as mastodon.v1.Quote).quotedStatus!
    store.putStatus(A, quoting)
    store.putStatus(A, { ...quoted, content: '<p>edited</p>' })
    const shown = (store.status(A, quoting.id)?.quote as mastodon.v1.Quote).quotedStatus
    expect(shown?.content).toBe('<p>edited</p>')
  })

  it('patches with a rollback: the previous version comes back untouched', () => {
    const store = useEntitiesStore()
    store.putStatus(A, plain('1', { favourited: false, favouritesCount: 2 }))
    const before = store.patchStatus(A, '1', { favourited: true, favouritesCount: 3 })
    expect(store.status(A, '1')).toMatchObject({ favourited: true, favouritesCount: 3 })
    store.putStatus(A, before!)
    expect(store.status(A, '1')).toMatchObject({ favourited: false, favouritesCount: 2 })
  })

  it('a deleted status leaves every view, with the boosts of it, and a late copy does not bring it back', () => {
    const store = useEntitiesStore()
    const inner = plain('10')
    const boost = boostOf(inner, '20')
    store.putStatuses(A, [boost, plain('30')])
    store.markDeleted(A, '10')
    expect(store.view(A, inner)).toBeNull()
    expect(store.view(A, boost)).toBeNull()
    expect(store.view(A, plain('30'))).not.toBeNull()
    store.putStatus(A, inner)
    expect(store.view(A, inner)).toBeNull()
  })

  it('shows the given status when the store does not hold it', () => {
    const store = useEntitiesStore()
    const given = plain('77')
    expect(store.view(A, given)).toBe(given)
  })

  it('shares one request between callers loading the same status', async () => {
    const store = useEntitiesStore()
    let calls = 0
    const load = () => {
      calls++
      return Promise.resolve(plain('5'))
    }
    const [x, y] = await Promise.all([store.loadStatus(A, '5', load), store.loadStatus(A, '5', load)])
    expect(calls).toBe(1)
    expect(x).toBe(y)
    await store.loadStatus(A, '5', load)
    expect(calls).toBe(2)
  })

  it('drops the oldest statuses beyond its limit', () => {
    const store = useEntitiesStore()
    const many = Array.from({ length: STATUS_CACHE_LIMIT + 10 }, (_, i) => ({ id: `s${i}` }) as mastodon.v1.Status)
    store.putStatuses(A, many)
    expect(store.status(A, 's0')).toBeUndefined()
    expect(store.status(A, `s${STATUS_CACHE_LIMIT + 9}`)).toBeDefined()
  })
})
