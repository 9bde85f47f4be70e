import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDeckStore } from '@/stores/deck'
import { DECK_SCHEMA_VERSION, DECK_STORAGE_KEY, parseDeckDocument } from '@/stores/deck-storage'
import { COLUMN_WIDTH } from '@/timeline/column-spec'

const A = 'localhost:4180|1'
const B = 'localhost:4181|7'

function freshStore() {
  setActivePinia(createPinia())
  const deck = useDeckStore()
  deck.init()
  return deck
}

function stored(): { version: number; activeDeckId: string; decks: Array<{ id: string; name: string; columns: Array<Record<string, unknown>> }> } {
  return JSON.parse(localStorage.getItem(DECK_STORAGE_KEY) ?? 'null') as never
}

beforeEach(() => localStorage.clear())
afterEach(() => localStorage.clear())

describe('deck store', () => {
  it('starts with one empty, unnamed deck', () => {
    const deck = freshStore()
    expect(deck.decks).toHaveLength(1)
    expect(deck.activeDeck?.name).toBe('')
    expect(deck.columns).toEqual([])
  })

  it('adds columns with ids, default width, and keeps them across a reload', () => {
    const deck = freshStore()
    const home = deck.addColumn({ type: 'home', accountKey: A, params: {} })
    deck.addColumn({ type: 'hashtag', accountKey: B, params: { tag: 'caturday', any: ['cats'] } })
    expect(home.id).toBeTruthy()
    expect(home.width).toBe(COLUMN_WIDTH.default)
    expect(home.collapsed).toBe(false)
    expect(stored().version).toBe(DECK_SCHEMA_VERSION)

    const again = freshStore()
    expect(again.columns.map((c) => [c.type, c.accountKey])).toEqual([
      ['home', A],
      ['hashtag', B],
    ])
    expect(again.columns[1]!.params).toEqual({ tag: 'caturday', any: ['cats'] })
  })

  it('moves columns by index and left/right, staying within the row', () => {
    const deck = freshStore()
    const [a, b, c] = ['home', 'local', 'notifications'].map((type) => deck.addColumn({ type: type as 'home', accountKey: A, params: {} }))
    const order = () => deck.columns.map((col) => col.id)
    deck.moveColumn(a!.id, 2)
    expect(order()).toEqual([b!.id, c!.id, a!.id])
    deck.moveColumn(a!.id, 99)
    expect(order()).toEqual([b!.id, c!.id, a!.id])
    deck.moveLeft(a!.id)
    expect(order()).toEqual([b!.id, a!.id, c!.id])
    deck.moveLeft(b!.id)
    expect(order()).toEqual([b!.id, a!.id, c!.id])
    deck.moveRight(b!.id)
    expect(order()).toEqual([a!.id, b!.id, c!.id])
    deck.moveRight(c!.id)
    expect(order()).toEqual([a!.id, b!.id, c!.id])
    deck.moveColumn(c!.id, -5)
    expect(order()).toEqual([c!.id, a!.id, b!.id])
    expect(freshStore().columns.map((col) => col.id)).toEqual([c!.id, a!.id, b!.id])
  })

  it('clamps widths and toggles collapse, persisted', () => {
    const deck = freshStore()
    const col = deck.addColumn({ type: 'home', accountKey: A, params: {} })
    deck.setWidth(col.id, 10)
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.min)
    deck.setWidth(col.id, 5000)
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.max)
    deck.setWidth(col.id, 433.4)
    expect(deck.columns[0]!.width).toBe(433)
    deck.toggleCollapsed(col.id)
    const again = freshStore()
    expect(again.columns[0]).toMatchObject({ width: 433, collapsed: true })
    again.toggleCollapsed(col.id)
    expect(again.columns[0]!.collapsed).toBe(false)
  })

  it('removes a column and undoes the removal in place', () => {
    const deck = freshStore()
    const a = deck.addColumn({ type: 'home', accountKey: A, params: {} })
    const b = deck.addColumn({ type: 'local', accountKey: A, params: {} })
    deck.addColumn({ type: 'trending', accountKey: A, params: {} })
    deck.removeColumn(b.id)
    expect(deck.columns).toHaveLength(2)
    expect(deck.lastRemoved?.column.id).toBe(b.id)
    deck.undoRemove()
    expect(deck.columns.map((c) => c.id)[1]).toBe(b.id)
    expect(deck.lastRemoved).toBeNull()
    deck.removeColumn(a.id)
    expect(freshStore().columns.map((c) => c.type)).toEqual(['local', 'trending'])
  })

  it('keeps several named decks, switches between them, and never removes the last', () => {
    const deck = freshStore()
    const first = deck.activeDeckId
    deck.addColumn({ type: 'home', accountKey: A, params: {} })
    const work = deck.addDeck('  Work  ')
    expect(work.name).toBe('Work')
    expect(deck.activeDeckId).toBe(work.id)
    expect(deck.columns).toEqual([])
    deck.addColumn({ type: 'local', accountKey: B, params: {} })
    deck.renameDeck(work.id, 'Job')
    deck.switchDeck(first)
    expect(deck.columns.map((c) => c.type)).toEqual(['home'])

    const again = freshStore()
    expect(again.decks.map((d) => d.name)).toEqual(['', 'Job'])
    expect(again.activeDeckId).toBe(first)
    again.switchDeck(work.id)
    expect(again.columns.map((c) => c.type)).toEqual(['local'])
    expect(again.removeDeck(work.id)).toBe(true)
    expect(again.activeDeckId).toBe(first)
    expect(again.removeDeck(first)).toBe(false)
    expect(again.decks).toHaveLength(1)
  })

  it('keeps columns of accounts that are no longer signed in (they are not its business to drop)', () => {
    localStorage.setItem(
      DECK_STORAGE_KEY,
      JSON.stringify({ version: 1, activeDeckId: 'd', decks: [{ id: 'd', name: 'x', columns: [{ id: 'c', type: 'home', accountKey: 'gone.example|9', params: {}, width: 300, collapsed: false }] }] }),
    )
    const deck = freshStore()
    expect(deck.columns.map((c) => c.accountKey)).toEqual(['gone.example|9'])
    deck.removeColumn('c')
    expect(stored().decks[0]!.columns).toEqual([])
  })

  it('does not overwrite a layout written by a newer release', () => {
    const newer = JSON.stringify({ version: DECK_SCHEMA_VERSION + 1, activeDeckId: 'd', decks: [{ id: 'd', name: 'Future', columns: [{ id: 'c', type: 'home', accountKey: A, params: {}, width: 400, collapsed: false, extra: 1 }] }], more: true })
    localStorage.setItem(DECK_STORAGE_KEY, newer)
    const deck = freshStore()
    expect(deck.readOnly).toBe(true)
    expect(deck.columns).toHaveLength(1)
    deck.addColumn({ type: 'local', accountKey: A, params: {} })
    expect(deck.columns).toHaveLength(2)
    expect(localStorage.getItem(DECK_STORAGE_KEY)).toBe(newer)
  })

  it('follows changes made in another tab', () => {
    const deck = freshStore()
    const other = JSON.stringify({ version: 1, activeDeckId: 'o', decks: [{ id: 'o', name: 'Other', columns: [] }] })
    localStorage.setItem(DECK_STORAGE_KEY, other)
    window.dispatchEvent(new StorageEvent('storage', { key: DECK_STORAGE_KEY }))
    expect(deck.activeDeck?.name).toBe('Other')
  })
})

describe('parseDeckDocument', () => {
  it.each([null, '', 'not json', '[]', '42', '{"version":1,"decks":"nope"}', '{"version":1,"decks":[null, 3, {"name":"no id"}]}'])(
    'falls back to one empty deck for %j',
    (raw) => {
      const result = parseDeckDocument(raw)
      expect(result.kind).toBe('ok')
      expect(result.document.decks).toHaveLength(1)
      expect(result.document.decks[0]!.columns).toEqual([])
      expect(result.document.activeDeckId).toBe(result.document.decks[0]!.id)
    },
  )

  it('drops broken columns and repairs fields, keeping the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      activeDeckId: 'missing',
      decks: [
        {
          id: 'd',
          name: 5,
          columns: [
            { id: 'ok', type: 'hashtag', accountKey: A, params: { tag: 'x', any: ['a', 3, ''], localOnly: 'yes', evil: '<b>' }, width: 99999, collapsed: 'no' },
            { id: 'bad-type', type: 'nope', accountKey: A, params: {} },
            { id: 'no-account', type: 'home', params: {} },
            { type: 'home', accountKey: A },
            { id: 'ok', type: 'home', accountKey: A },
            { id: 'w', type: 'profile', accountKey: A, params: { acct: 'x', profileTab: 'weird' }, width: 'wide' },
          ],
        },
        { id: 'd', name: 'duplicate', columns: [] },
      ],
    })
    const { kind, document } = parseDeckDocument(raw)
    expect(kind).toBe('ok')
    expect(document.decks).toHaveLength(1)
    expect(document.activeDeckId).toBe('d')
    expect(document.decks[0]!.name).toBe('')
    expect(document.decks[0]!.columns).toEqual([
      { id: 'ok', type: 'hashtag', accountKey: A, params: { tag: 'x', any: ['a'] }, width: COLUMN_WIDTH.max, collapsed: false },
      { id: 'w', type: 'profile', accountKey: A, params: { acct: 'x' }, width: COLUMN_WIDTH.default, collapsed: false },
    ])
  })

  it('reads a newer version as "newer"', () => {
    expect(parseDeckDocument(JSON.stringify({ version: 99, decks: [] })).kind).toBe('newer')
  })
})
