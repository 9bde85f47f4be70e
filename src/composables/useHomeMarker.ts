// The home timeline's read position, kept on the server with the markers API so it follows
// the reader to the next load, and to and from other clients. Read once when the column
// loads; saved a moment after the reader stops scrolling, and at once when the page is hidden
// or left. Servers without markers (404) simply keep no position.

import { getCurrentScope, onScopeDispose, watch } from 'vue'
import { useAccountsStore } from '@/stores/accounts'
import type { ColumnSpec } from '@/timeline/column-spec'

/** Quiet time after scrolling before the position is saved. */
export const MARKER_SAVE_DELAY_MS = 1500

export interface HomeMarkerOptions {
  readonly column: () => ColumnSpec
  /** The key of the row at the top of the column's view (a status id for home). */
  readonly firstVisibleKey: () => string | null
  /** The column's scrolling element, once mounted. */
  readonly scroller: () => HTMLElement | null
}

export function useHomeMarker(options: HomeMarkerOptions) {
  const accounts = useAccountsStore()
  /** The position the server holds, as far as this column knows. */
  let saved: string | null = null
  /** Saving starts once the saved position was read and restored: never overwrite it unread. */
  let restored = false
  let timer: ReturnType<typeof setTimeout> | null = null

  const isHome = () => options.column().type === 'home'

  /** The saved position (a status id), or null when there is none or the server keeps none. */
  async function fetchLastRead(): Promise<string | null> {
    restored = false
    saved = null
    if (!isHome()) return null
    const key = options.column().accountKey
    try {
      const markers = await accounts.call(key, (c) => c.v1.markers.fetch({ timeline: ['home'] }))
      const id: unknown = markers.home?.lastReadId
      saved = typeof id === 'string' || typeof id === 'number' ? String(id) : null
      return saved
    } catch {
      return null
    }
  }

  /** The position was restored (or there was none): from now on scrolling saves it. */
  function markRestored(): void {
    restored = true
  }

  function save(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!restored || !isHome()) return
    const id = options.firstVisibleKey()
    if (!id || id.startsWith('gap:') || id === saved) return
    const previous = saved
    saved = id
    const key = options.column().accountKey
    void accounts.call(key, (c) => c.v1.markers.create({ home: { lastReadId: id } })).catch(() => {
      // Not saved (offline, a conflict with another client): the next scroll tries again.
      if (saved === id) saved = previous
    })
  }

  function onScroll(): void {
    if (!restored || !isHome()) return
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(save, MARKER_SAVE_DELAY_MS)
  }
  function onHide(): void {
    if (document.visibilityState === 'hidden') save()
  }

  let attached: HTMLElement | null = null
  watch(
    options.scroller,
    (el) => {
      attached?.removeEventListener('scroll', onScroll)
      attached = el
      el?.addEventListener('scroll', onScroll, { passive: true })
    },
    { immediate: true },
  )
  if (typeof window !== 'undefined') {
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', save)
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      if (timer !== null) clearTimeout(timer)
      attached?.removeEventListener('scroll', onScroll)
      if (typeof window !== 'undefined') {
        document.removeEventListener('visibilitychange', onHide)
        window.removeEventListener('pagehide', save)
      }
    })
  }

  return { fetchLastRead, markRestored, save }
}
