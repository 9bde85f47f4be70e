// The virtualizer behind VirtualFeed: @tanstack/vue-virtual over an ANCESTOR scroller, with
// row heights kept per cache key (feed-heights.ts), the focused row kept in the range, and
// scrollMargin (the feed's offset inside the scroller) kept current: when the content above
// the feed changes while the reader is scrolled down, the scroll position follows.

import { computed, onBeforeUnmount, shallowRef, triggerRef, watch, type ComputedRef, type ShallowRef } from 'vue'
import {
  defaultRangeExtractor,
  measureElement as measureWithLibrary,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/vue-virtual'
import { feedHeights } from '@/timeline/feed-heights'

export type FeedVirtualizer = Virtualizer<HTMLElement, HTMLElement>

/** What of VirtualFeed's props the virtualizer reads (the props object itself: reactive). */
export interface FeedVirtualizerProps<T> {
  readonly items: readonly T[]
  readonly itemKey: (item: T) => string
  readonly scroller: HTMLElement | null
  readonly cacheKey: string
  readonly estimateSize: number
  readonly overscan: number
  readonly gap: number
}

/** A reader closer than this to the top of the scroller is "at the top". */
export const AT_TOP_PX = 40
/** Scroll events further apart than this start a new scroll. */
const SCROLL_START_GAP_MS = 200

/** The library's range, plus the focused row (kept in the DOM so focus is not lost). */
function keepIndex(range: Range, index: number): number[] {
  const indexes = defaultRangeExtractor(range)
  if (index < 0 || index >= range.count || indexes.includes(index)) return indexes
  const at = indexes.findIndex((i) => i > index)
  if (at === -1) indexes.push(index)
  else indexes.splice(at, 0, index)
  return indexes
}

export function useFeedVirtualizer<T>(
  props: FeedVirtualizerProps<T>,
  feedEl: Readonly<ShallowRef<HTMLElement | null>>,
  /** The index of the row holding keyboard focus (-1: none). */
  focusedIndex: ComputedRef<number>,
) {
  /** The scroller's height as last seen with a layout; 0 until then. */
  const viewport = shallowRef(0)
  /** The feed's offset inside the scroller's content. */
  const margin = shallowRef(0)
  const heights = computed(() => feedHeights(props.cacheKey))
  const virtual = computed(() => props.scroller !== null && viewport.value > 0)

  // Keys and size estimates of one items array (bound together, so a layout built while the
  // items are being replaced never mixes old keys with new estimates).
  const layout = computed(() => {
    const items = props.items
    const keyOf = props.itemKey
    const known = heights.value
    const estimate = props.estimateSize
    const getItemKey = (index: number) => keyOf(items[index] as T)
    return { getItemKey, estimateSize: (index: number) => known.get(getItemKey(index)) ?? estimate }
  })

  /** Measures a row and remembers its height; a row without a box (hidden column, jsdom) keeps what is known. */
  function measureRow(el: HTMLElement, entry: ResizeObserverEntry | undefined, instance: FeedVirtualizer): number {
    const size = measureWithLibrary(el, entry, instance)
    if (size > 0) {
      const key = el.dataset.key
      if (key !== undefined) heights.value.set(key, size)
      return size
    }
    const index = instance.indexFromElement(el)
    return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
  }

  /**
   * The scroller's size. A scroller that loses its box after it had one (the column collapsed,
   * display: none) keeps the last layout instead of dropping every row; when it comes back its
   * scroll position (which the browser may have reset) is read again.
   */
  function observeRect(instance: FeedVirtualizer, cb: (rect: Rect) => void) {
    let sized = false
    let hidden = false
    return observeElementRect(instance, (rect) => {
      if (rect.height <= 0 && sized) {
        hidden = true
        return
      }
      const reappeared = hidden
      hidden = false
      if (rect.height > 0) sized = true
      viewport.value = rect.height
      cb(rect)
      if (reappeared) {
        refreshMargin(false)
        instance.scrollElement?.dispatchEvent(new Event('scroll'))
      }
    })
  }

  const options = computed(() => {
    const keep = focusedIndex.value
    const { getItemKey, estimateSize } = layout.value
    return {
      count: props.items.length,
      getScrollElement: () => props.scroller,
      getItemKey,
      estimateSize,
      overscan: props.overscan,
      gap: props.gap,
      scrollMargin: margin.value,
      rangeExtractor: keep < 0 ? defaultRangeExtractor : (range: Range) => keepIndex(range, keep),
      measureElement: measureRow,
      observeElementRect: observeRect,
      // Attaching to a scroller writes this offset: keep where the scroller already is.
      initialOffset: () => props.scroller?.scrollTop ?? 0,
    }
  })
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>(options)

  // --- The feed's offset inside the scroller (scrollMargin) ---

  function measureMargin(): number | null {
    const feed = feedEl.value
    const el = props.scroller
    if (!feed || !el || !virtual.value || !el.contains(feed)) return null
    return Math.round(feed.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientTop + el.scrollTop)
  }

  /**
   * Moves the scroller, and tells the virtualizer at once so it renders the rows for there (the
   * scroll event that follows reports the position it already has, and changes nothing).
   */
  function moveTo(top: number): void {
    const el = props.scroller
    if (!el) return
    virtualizer.value.scrollOffset = top
    el.scrollTop = top
    triggerRef(virtualizer)
  }

  /** Re-reads scrollMargin; with `keepInPlace`, a reader scrolled down keeps seeing the same rows. */
  function refreshMargin(keepInPlace: boolean): void {
    const next = measureMargin()
    if (next === null || next === margin.value) return
    const delta = next - margin.value
    margin.value = next
    const top = props.scroller?.scrollTop ?? 0
    if (keepInPlace && top >= AT_TOP_PX) moveTo(top + delta)
  }

  let lastScrollAt = Number.NEGATIVE_INFINITY
  function onScroll(): void {
    const now = performance.now()
    if (now - lastScrollAt > SCROLL_START_GAP_MS) refreshMargin(false)
    lastScrollAt = now
  }

  let attached: { el: HTMLElement; overflowAnchor: string; observer: ResizeObserver | null } | null = null
  function detach(): void {
    if (!attached) return
    attached.el.removeEventListener('scroll', onScroll)
    attached.el.style.overflowAnchor = attached.overflowAnchor
    attached.observer?.disconnect()
    attached = null
  }
  function attach(el: HTMLElement | null): void {
    detach()
    const feed = feedEl.value
    if (!el || !feed) return
    el.addEventListener('scroll', onScroll, { passive: true })
    // The feed keeps the rows in place itself; the browser's own scroll anchoring would
    // correct the same change a second time.
    const overflowAnchor = el.style.overflowAnchor
    el.style.overflowAnchor = 'none'
    let observer: ResizeObserver | null = null
    if (typeof ResizeObserver !== 'undefined') {
      // What sits above the feed changes the size of an element between it and the scroller.
      observer = new ResizeObserver(() => refreshMargin(true))
      for (let node = feed.parentElement; node && node !== el; node = node.parentElement) observer.observe(node)
      for (let node = feed.previousElementSibling; node; node = node.previousElementSibling) observer.observe(node)
    }
    attached = { el, overflowAnchor, observer }
    refreshMargin(false)
  }
  watch(() => [props.scroller, feedEl.value] as const, ([el]) => attach(el), { immediate: true, flush: 'post' })
  watch(virtual, (on) => on && refreshMargin(false), { flush: 'post' })
  onBeforeUnmount(detach)

  // Heights of another feed do not belong to this one.
  watch(
    () => props.cacheKey,
    () => virtualizer.value.measure(),
  )

  return { virtualizer, virtual, viewport, refreshMargin, moveTo }
}
