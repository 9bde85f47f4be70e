// The deck: several named decks (workspaces), each an ordered row of columns, one of
// them active. The layout is kept per device in localStorage. A column whose account
// was signed out stays in the layout (the view offers to remove it): layout is never
// dropped silently.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { COLUMN_WIDTH, type ColumnSpec } from '@/timeline/column-spec'
import { clampWidth, DECK_STORAGE_KEY, newId, readStoredDeck, serializeDeck, toParams, type StoredDeck } from './deck-storage'

/** What addColumn needs: the column without its id; width and collapsed are optional. */
export type NewColumn = Omit<ColumnSpec, 'id' | 'width' | 'collapsed'> & Partial<Pick<ColumnSpec, 'width' | 'collapsed'>>

export interface RemovedColumn {
  readonly deckId: string
  readonly column: ColumnSpec
  readonly index: number
}

function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Private mode or a full quota: the layout still works for this session.
  }
}

export const useDeckStore = defineStore('deck', () => {
  const decks = shallowRef<readonly StoredDeck[]>([])
  const activeDeckId = ref('')
  /** A newer release wrote the stored layout; do not overwrite it. */
  const readOnly = ref(false)
  /** The last removed column, for "Undo". */
  const lastRemoved = shallowRef<RemovedColumn | null>(null)

  const activeDeck = computed(() => decks.value.find((d) => d.id === activeDeckId.value) ?? decks.value[0] ?? null)
  const columns = computed<readonly ColumnSpec[]>(() => activeDeck.value?.columns ?? [])

  function load(): void {
    const result = readStoredDeck()
    readOnly.value = result.kind === 'newer'
    decks.value = result.document.decks
    activeDeckId.value = result.document.activeDeckId
  }

  function persist(): void {
    if (!readOnly.value) safeSet(DECK_STORAGE_KEY, serializeDeck(activeDeckId.value, decks.value))
  }

  function onStorage(event: StorageEvent): void {
    if (event.key !== DECK_STORAGE_KEY && event.key !== null) return
    load()
  }

  let listening = false
  function init(): void {
    load()
    if (!listening && typeof window !== 'undefined') {
      window.addEventListener('storage', onStorage)
      listening = true
    }
  }

  function updateActive(change: (columns: readonly ColumnSpec[]) => readonly ColumnSpec[]): void {
    const deck = activeDeck.value
    if (!deck) return
    const next = change(deck.columns)
    if (next === deck.columns) return
    decks.value = decks.value.map((d) => (d.id === deck.id ? { ...d, columns: next } : d))
    persist()
  }

  function patchColumn(id: string, change: (column: ColumnSpec) => ColumnSpec): void {
    updateActive((cols) => (cols.some((c) => c.id === id) ? cols.map((c) => (c.id === id ? change(c) : c)) : cols))
  }

  function addColumn(spec: NewColumn): ColumnSpec {
    const column: ColumnSpec = {
      id: newId(),
      type: spec.type,
      accountKey: spec.accountKey,
      params: toParams(spec.params),
      width: clampWidth(spec.width ?? COLUMN_WIDTH.default),
      collapsed: spec.collapsed ?? false,
    }
    updateActive((cols) => [...cols, column])
    return column
  }

  /** A hashtag column of the account, unless the deck has that one already. */
  function addHashtagColumn(accountKey: string, tag: string): 'added' | 'already' {
    const wanted = tag.toLowerCase()
    if (columns.value.some((c) => c.type === 'hashtag' && c.accountKey === accountKey && c.params.tag?.toLowerCase() === wanted)) return 'already'
    addColumn({ type: 'hashtag', accountKey, params: { tag } })
    return 'added'
  }

  function removeColumn(id: string): void {
    const deck = activeDeck.value
    const index = deck?.columns.findIndex((c) => c.id === id) ?? -1
    if (!deck || index < 0) return
    lastRemoved.value = { deckId: deck.id, column: deck.columns[index]!, index }
    updateActive((cols) => cols.filter((c) => c.id !== id))
  }

  /** Puts the last removed column back where it was (in its own deck). */
  function undoRemove(): void {
    const removed = lastRemoved.value
    lastRemoved.value = null
    if (!removed) return
    const deck = decks.value.find((d) => d.id === removed.deckId)
    if (!deck || deck.columns.some((c) => c.id === removed.column.id)) return
    const columns = [...deck.columns]
    columns.splice(Math.min(removed.index, columns.length), 0, removed.column)
    decks.value = decks.value.map((d) => (d.id === deck.id ? { ...d, columns } : d))
    persist()
  }

  function moveColumn(id: string, toIndex: number): void {
    updateActive((cols) => {
      const from = cols.findIndex((c) => c.id === id)
      const to = Math.max(0, Math.min(cols.length - 1, Math.trunc(toIndex)))
      if (from < 0 || from === to || Number.isNaN(to)) return cols
      const next = [...cols]
      const [column] = next.splice(from, 1)
      next.splice(to, 0, column!)
      return next
    })
  }

  function indexOf(id: string): number {
    return columns.value.findIndex((c) => c.id === id)
  }

  function moveLeft(id: string): void {
    const index = indexOf(id)
    if (index > 0) moveColumn(id, index - 1)
  }

  function moveRight(id: string): void {
    const index = indexOf(id)
    if (index >= 0 && index < columns.value.length - 1) moveColumn(id, index + 1)
  }

  function setWidth(id: string, px: number): void {
    const width = clampWidth(px)
    const column = columns.value.find((c) => c.id === id)
    if (!column || column.width === width) return
    patchColumn(id, (c) => ({ ...c, width }))
  }

  function toggleCollapsed(id: string): void {
    patchColumn(id, (c) => ({ ...c, collapsed: !c.collapsed }))
  }

  function addDeck(name: string): StoredDeck {
    const deck: StoredDeck = { id: newId(), name: name.trim(), columns: [] }
    decks.value = [...decks.value, deck]
    activeDeckId.value = deck.id
    persist()
    return deck
  }

  function renameDeck(id: string, name: string): void {
    if (!decks.value.some((d) => d.id === id)) return
    decks.value = decks.value.map((d) => (d.id === id ? { ...d, name: name.trim() } : d))
    persist()
  }

  /** Removes a deck and its columns; the last deck stays. */
  function removeDeck(id: string): boolean {
    const index = decks.value.findIndex((d) => d.id === id)
    if (index < 0 || decks.value.length <= 1) return false
    decks.value = decks.value.filter((d) => d.id !== id)
    if (activeDeckId.value === id) activeDeckId.value = decks.value[Math.max(0, index - 1)]!.id
    if (lastRemoved.value?.deckId === id) lastRemoved.value = null
    persist()
    return true
  }

  function switchDeck(id: string): void {
    if (!decks.value.some((d) => d.id === id) || activeDeckId.value === id) return
    activeDeckId.value = id
    persist()
  }

  return {
    decks,
    activeDeckId,
    activeDeck,
    columns,
    readOnly,
    lastRemoved,
    init,
    load,
    addColumn,
    addHashtagColumn,
    removeColumn,
    undoRemove,
    moveColumn,
    moveLeft,
    moveRight,
    setWidth,
    toggleCollapsed,
    addDeck,
    renameDeck,
    removeDeck,
    switchDeck,
  }
})
