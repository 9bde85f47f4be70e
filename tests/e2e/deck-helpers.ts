// Puts a deck in place before the app loads: the stored shape of src/stores/deck-storage.ts.

import type { Page } from '@playwright/test'

/** A column as stored (src/timeline/column-spec.ts ColumnSpec), without its layout fields. */
export interface StoredColumn {
  id: string
  type: string
  accountKey: string
  params: Record<string, unknown>
}

export function deckDocument(columns: StoredColumn[]): string {
  return JSON.stringify({
    version: 1,
    activeDeckId: 'main',
    decks: [{ id: 'main', name: 'Main', columns: columns.map((c) => ({ ...c, width: 380, collapsed: false })) }],
  })
}

/** The deck the page starts with, on every load of this page. */
export async function withDeck(page: Page, columns: StoredColumn[]): Promise<void> {
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument(columns))
}
