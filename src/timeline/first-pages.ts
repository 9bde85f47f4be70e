// The deck's columns ask for their first page as soon as the app starts, while the deck's
// own code is still loading and mounting, instead of after it: on a cold load that takes
// the request off the path to the first painted timeline. Each column takes its page (and
// the source that goes on from it) once, when it first loads; anything not taken soon is
// dropped, so a page is never shown stale.

import type { mastodon } from 'masto'
import type { ColumnSpec } from './column-spec'
import { NARROW_QUERY } from '@/styles/breakpoints'
import { createColumnSource, type FeedPage, type FeedSource } from './column-sources'

/** A first page not taken within this time is dropped (the column then asks again). */
export const FIRST_PAGE_TTL_MS = 10_000
/** Columns asked for ahead on a wide screen (more rarely fit in a window). */
export const MAX_PREFETCHED_COLUMNS = 6

export interface StartedPage {
  readonly source: FeedSource
  readonly page: Promise<FeedPage>
}

type CallAs = <T>(accountKey: string, fn: (client: mastodon.rest.Client) => Promise<T>) => Promise<T>

const started = new Map<string, { spec: string; entry: StartedPage; timer: ReturnType<typeof setTimeout> }>()

/** What makes a column's content: the same spec gives the same first page. */
const specOf = (column: ColumnSpec) => JSON.stringify([column.type, column.accountKey, column.params])

/** Starts the first page of `column`, unless one is already on its way. */
export function startFirstPage(column: ColumnSpec, call: CallAs): void {
  if (started.has(column.id)) return
  const source = createColumnSource(column)
  const page = call(column.accountKey, (client) => source.next(client))
  // Taken or not, a failure here must not surface as an unhandled rejection; the column
  // that takes the page sees it.
  page.catch(() => undefined)
  const timer = setTimeout(() => started.delete(column.id), FIRST_PAGE_TTL_MS)
  started.set(column.id, { spec: specOf(column), entry: { source, page }, timer })
}

/** The started first page of this column, once; null when none (or for another spec). */
export function takeFirstPage(column: ColumnSpec): StartedPage | null {
  const found = started.get(column.id)
  if (!found) return null
  started.delete(column.id)
  clearTimeout(found.timer)
  return found.spec === specOf(column) ? found.entry : null
}

/** The part of the stored deck document the start-up prefetch reads. */
export interface StoredDecks {
  readonly decks: readonly { readonly id: string; readonly columns: readonly ColumnSpec[] }[]
  readonly activeDeckId: string
}

/**
 * Starts the first pages of the stored deck's columns that will show first: all open
 * columns on a wide screen (up to MAX_PREFETCHED_COLUMNS), the first one on a narrow one.
 * `signedIn` tells which accounts can ask (a column of a signed-out account cannot).
 */
export function startDeckFirstPages(stored: StoredDecks, call: CallAs, signedIn: (accountKey: string) => boolean): void {
  const narrow = typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches
  const deck = stored.decks.find((d) => d.id === stored.activeDeckId) ?? stored.decks[0]
  if (!deck) return
  const columns = narrow ? deck.columns.slice(0, 1) : deck.columns.filter((c) => !c.collapsed).slice(0, MAX_PREFETCHED_COLUMNS)
  for (const column of columns) if (signedIn(column.accountKey)) startFirstPage(column, call)
}

/** Forgets every started page (tests). */
export function resetFirstPages(): void {
  for (const { timer } of started.values()) clearTimeout(timer)
  started.clear()
}
