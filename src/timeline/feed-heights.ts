// Row heights measured in a virtualised feed, kept per feed (a deck column's id) for as long as
// the page lives, so a column that is unmounted and mounted again (switching decks, a column
// type that swaps its list) lays its rows out at their real heights at once instead of at an
// estimate: the scroll position restored into it lands where it was, not a few rows off.
//
// Both levels are bounded and least-recently-used first out: at most MAX_FEEDS feeds, each
// with at most MAX_HEIGHTS_PER_FEED rows. Heights are whole CSS pixels of a row's border box.

/** How many feeds keep their heights; the one used longest ago is dropped first. */
export const MAX_FEEDS = 32
/** How many row heights one feed keeps; the row measured longest ago is dropped first. */
export const MAX_HEIGHTS_PER_FEED = 4000

/** The heights one feed has measured, by the rows' item keys. */
export interface FeedHeights {
  /** The last height measured for this row, if it is still kept. */
  get(itemKey: string): number | undefined
  /** Remembers a measured height (a positive number; anything else is ignored). */
  set(itemKey: string, height: number): void
  /** How many rows are kept. */
  readonly size: number
}

const feeds = new Map<string, Map<string, number>>()

function dropOldest<K, V>(map: Map<K, V>, limit: number): void {
  while (map.size > limit) {
    const oldest = map.keys().next()
    if (oldest.done) return
    map.delete(oldest.value)
  }
}

/** Puts a feed's map last (most recently used), adding it if it was never kept or was dropped. */
function adopt(cacheKey: string, heights: Map<string, number>): void {
  feeds.delete(cacheKey)
  feeds.set(cacheKey, heights)
  dropOldest(feeds, MAX_FEEDS)
}

/**
 * The height cache of one feed. The same cache key gives the same heights back after the
 * feed's component was unmounted; the handle stays valid (and is kept again on its next
 * write) even if the feed was dropped for being the least recently used.
 */
export function feedHeights(cacheKey: string): FeedHeights {
  const heights = feeds.get(cacheKey) ?? new Map<string, number>()
  adopt(cacheKey, heights)
  return {
    get: (itemKey) => heights.get(itemKey),
    set(itemKey, height) {
      if (!Number.isFinite(height) || height <= 0) return
      if (feeds.get(cacheKey) !== heights) adopt(cacheKey, heights)
      heights.delete(itemKey)
      heights.set(itemKey, Math.round(height))
      dropOldest(heights, MAX_HEIGHTS_PER_FEED)
    },
    get size() {
      return heights.size
    },
  }
}

/** Drops one feed's heights (e.g. when its column is removed). */
export function forgetFeedHeights(cacheKey: string): void {
  feeds.delete(cacheKey)
}

/** Drops every feed's heights (tests, sign-out of every account). */
export function clearFeedHeights(): void {
  feeds.clear()
}

/** How many feeds currently keep heights (for tests and diagnostics). */
export function keptFeedCount(): number {
  return feeds.size
}
