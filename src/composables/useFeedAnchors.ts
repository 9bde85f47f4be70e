// VirtualFeed's scroll anchoring: items added or removed above the viewport (a prepend, a gap
// filled) keep the reader's first visible row where it was on screen, unless the reader is at
// the very top (they want to see the new items).

import { onBeforeUpdate, onUpdated, watch, type ComputedRef, type Ref } from 'vue'
import { AT_TOP_PX, type FeedVirtualizer } from './useFeedVirtualizer'

interface Anchors {
  /** The scroll position then, read from the scroller: a scroll written just before (such as
   *  "show new posts" going to the top) has not reached the virtualizer yet. */
  top: number
  /** Rows in view then, first first: key and top of the row minus the scroll position
   *  (none when the reader is at the top: new items above push the rows down). */
  rows: Array<{ key: string; offset: number }>
}

export function useFeedAnchors<T>(
  props: { readonly items: readonly T[]; readonly scroller: HTMLElement | null },
  virtualizer: Readonly<Ref<FeedVirtualizer>>,
  virtual: ComputedRef<boolean>,
  /** The scroller's height as last seen with a layout. */
  viewport: Readonly<Ref<number>>,
  indexOfKey: (key: string) => number,
): void {
  /** Captured before the items changed; undefined: nothing captured since the last render. */
  let anchors: Anchors | null | undefined
  let pendingTop: number | null = null

  function captureAnchors(): Anchors | null {
    const el = props.scroller
    if (!virtual.value || !el) return null
    const top = el.scrollTop
    if (top < AT_TOP_PX) return { top, rows: [] }
    const bottom = top + viewport.value
    const rows = virtualizer.value
      .getVirtualItems()
      .filter((row) => row.end > top && row.start < bottom)
      .map((row) => ({ key: String(row.key), offset: row.start - top }))
    return { top, rows }
  }

  // Sync: runs as the new items arrive, while the virtualizer still holds the old layout.
  watch(
    () => props.items,
    () => {
      if (anchors === undefined) anchors = captureAnchors()
    },
    { flush: 'sync' },
  )

  // After the virtualizer took the new items, before rendering: move its offset so the render
  // shows the rows the reader was looking at; the scroller follows once the DOM is patched
  // (the spacer has grown by then, so the write is not clamped).
  onBeforeUpdate(() => {
    const captured = anchors
    anchors = undefined
    if (!captured || !virtual.value) return
    const v = virtualizer.value
    // Catch the virtualizer up with a scroll it has not heard of yet: the new rows are measured
    // during this render, and a size correction for a row above its stale offset would write
    // that stale position back to the scroller.
    if (v.scrollOffset !== captured.top) v.scrollOffset = captured.top
    v.getTotalSize() // lays the new items out
    for (const anchor of captured.rows) {
      const index = indexOfKey(anchor.key)
      const row = index < 0 ? undefined : v.measurementsCache[index]
      if (!row) continue
      const top = Math.max(0, row.start - anchor.offset)
      if (Math.abs(top - captured.top) >= 1) {
        v.scrollOffset = top
        pendingTop = top
      }
      return
    }
  })
  onUpdated(() => {
    if (pendingTop === null) return
    const top = pendingTop
    pendingTop = null
    const el = props.scroller
    if (el) el.scrollTop = top
  })
}
