// Parsed content trees, shared by every column that shows the same status.
//
// Callers key entries as `${accountKey}|${status.id}|${status.editedAt ?? ''}`, so an edit
// (a new editedAt) parses again. The html is kept beside the tree and compared too, so a key
// reused for different html (a translation, a stale editedAt) never returns the wrong tree.
// Trees are shared: treat them as read-only.

import { parseContent, type ContentContext, type ContentNode } from './tree'

export const CONTENT_CACHE_SIZE = 500

interface Entry {
  html: string
  nodes: ContentNode[]
}

const entries = new Map<string, Entry>()
let hits = 0
let misses = 0

export interface ContentCacheStats {
  hits: number
  misses: number
  size: number
}

/** Hit and miss counts since the last reset (for tests and diagnostics). */
export function getContentCacheStats(): ContentCacheStats {
  return { hits, misses, size: entries.size }
}

/** Empties the cache and zeroes its counters. */
export function resetContentCache(): void {
  entries.clear()
  hits = 0
  misses = 0
}

/** `parseContent` behind an LRU cache; a null key parses without caching. */
export function parseContentCached(cacheKey: string | null, html: string, ctx: ContentContext = {}): ContentNode[] {
  if (cacheKey === null) return parseContent(html, ctx)
  const entry = entries.get(cacheKey)
  if (entry && entry.html === html) {
    hits += 1
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    entries.delete(cacheKey)
    entries.set(cacheKey, entry)
    return entry.nodes
  }
  misses += 1
  const nodes = parseContent(html, ctx)
  entries.delete(cacheKey)
  entries.set(cacheKey, { html, nodes })
  while (entries.size > CONTENT_CACHE_SIZE) {
    const oldest = entries.keys().next()
    if (oldest.done) break
    entries.delete(oldest.value)
  }
  return nodes
}
