// The deck layout as stored in localStorage (per device): a versioned document, read
// tolerantly (a corrupt column is dropped, not the deck), migrated from older versions,
// and never overwritten when a newer release wrote it.

import { COLUMN_TYPES, COLUMN_WIDTH, type ColumnParams, type ColumnSpec, type ColumnType } from '@/timeline/column-spec'
import { startDeckFirstPages } from '@/timeline/first-pages'

export const DECK_STORAGE_KEY = 'deckodon:deck'
export const DECK_SCHEMA_VERSION = 1

export interface StoredDeck {
  readonly id: string
  /** The name the person gave it; empty for the first, unnamed deck. */
  readonly name: string
  readonly columns: readonly ColumnSpec[]
}

export interface DeckDocument {
  readonly version: typeof DECK_SCHEMA_VERSION
  readonly activeDeckId: string
  readonly decks: readonly StoredDeck[]
}

export type DeckReadResult =
  | { readonly kind: 'ok'; readonly document: DeckDocument }
  /** Written by a newer release: show what we can read, never write over it. */
  | { readonly kind: 'newer'; readonly document: DeckDocument }


const PROFILE_TABS = ['posts', 'replies', 'media'] as const

export function newId(): string {
  const c = globalThis.crypto as Crypto | undefined
  // randomUUID needs a secure context; an instance may serve the client over plain http.
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function clampWidth(px: number): number {
  if (!Number.isFinite(px)) return COLUMN_WIDTH.default
  return Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, px)))
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const list = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
  return list.length ? list : undefined
}

/** Keeps only the known parameters, with the right types. */
export function toParams(value: unknown): ColumnParams {
  if (!value || typeof value !== 'object') return {}
  const v = value as Record<string, unknown>
  const params: Record<string, unknown> = {}
  for (const key of ['tag', 'listId', 'listTitle', 'acct', 'statusId'] as const) {
    if (typeof v[key] === 'string') params[key] = v[key]
  }
  for (const key of ['remoteOnly', 'localOnly'] as const) {
    if (typeof v[key] === 'boolean') params[key] = v[key]
  }
  for (const key of ['any', 'all', 'none'] as const) {
    const list = stringList(v[key])
    if (list) params[key] = list
  }
  if (PROFILE_TABS.includes(v.profileTab as (typeof PROFILE_TABS)[number])) params.profileTab = v.profileTab
  return params as ColumnParams
}

function toColumn(value: unknown): ColumnSpec | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.id !== 'string' || !v.id) return null
  if (typeof v.accountKey !== 'string' || !v.accountKey) return null
  if (!(COLUMN_TYPES as readonly string[]).includes(String(v.type))) return null
  return {
    id: v.id,
    type: v.type as ColumnType,
    accountKey: v.accountKey,
    params: toParams(v.params),
    width: clampWidth(typeof v.width === 'number' ? v.width : COLUMN_WIDTH.default),
    collapsed: v.collapsed === true,
  }
}

/** The first of each id wins (a duplicate is dropped, not the original). */
function uniqueById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)))
}

function toDeck(value: unknown): StoredDeck | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (typeof v.id !== 'string' || !v.id) return null
  const columns = Array.isArray(v.columns) ? v.columns.map(toColumn).filter((c): c is ColumnSpec => c !== null) : []
  return { id: v.id, name: typeof v.name === 'string' ? v.name : '', columns: uniqueById(columns) }
}

export function emptyDeckDocument(): DeckDocument {
  const id = newId()
  return { version: DECK_SCHEMA_VERSION, activeDeckId: id, decks: [{ id, name: '', columns: [] }] }
}

/**
 * Migrations from each older version to the next. Version 1 is the first schema;
 * a change to the document adds an entry here (1 -> 2 …) and a test.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {}

export function parseDeckDocument(raw: string | null): DeckReadResult {
  if (!raw) return { kind: 'ok', document: emptyDeckDocument() }
  let doc: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'ok', document: emptyDeckDocument() }
    doc = parsed as Record<string, unknown>
  } catch {
    return { kind: 'ok', document: emptyDeckDocument() }
  }
  let version = typeof doc.version === 'number' ? doc.version : 0
  while (version < DECK_SCHEMA_VERSION && MIGRATIONS[version]) {
    doc = MIGRATIONS[version]!(doc)
    version += 1
  }
  const decks = Array.isArray(doc.decks) ? doc.decks.map(toDeck).filter((d): d is StoredDeck => d !== null) : []
  const unique = uniqueById(decks)
  const fallback = emptyDeckDocument()
  const list = unique.length ? unique : fallback.decks
  const active = typeof doc.activeDeckId === 'string' && list.some((d) => d.id === doc.activeDeckId) ? doc.activeDeckId : list[0]!.id
  const document: DeckDocument = { version: DECK_SCHEMA_VERSION, activeDeckId: active, decks: list }
  if (version > DECK_SCHEMA_VERSION) return { kind: 'newer', document }
  return { kind: 'ok', document }
}

/** The layout stored on this device (an empty deck when there is none or storage is blocked). */
export function readStoredDeck(): DeckReadResult {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(DECK_STORAGE_KEY)
  } catch {
    // Storage blocked (private mode, policy): nothing stored.
  }
  return parseDeckDocument(raw)
}

/**
 * At start, before the deck's code has loaded: the stored deck's columns that will show
 * first ask for their first pages (here, in the module the deck loads anyway, so that the
 * start-up import adds no chunk of its own).
 */
export function startStoredDeckFirstPages(...[call, signedIn]: Parameters<typeof startDeckFirstPages> extends [unknown, ...infer Rest] ? Rest : never): void {
  startDeckFirstPages(readStoredDeck().document, call, signedIn)
}

export function serializeDeck(activeDeckId: string, decks: readonly StoredDeck[]): string {
  const document: DeckDocument = { version: DECK_SCHEMA_VERSION, activeDeckId, decks }
  return JSON.stringify(document)
}
