// Resizing a deck column with its separator: arrow keys, Page Up/Down, Home/End, or a
// pointer dragging it (mirrored in right-to-left layouts).

import { useDeckStore } from '@/stores/deck'
import { COLUMN_WIDTH, type ColumnSpec } from '@/timeline/column-spec'

/** Pixels per arrow key press; Page Up/Down move five steps. */
const RESIZE_STEP = 20

export function useColumnResize(column: () => ColumnSpec) {
  const deck = useDeckStore()

  function onResizeKey(event: KeyboardEvent): void {
    const width = column().width
    const next: Record<string, number> = {
      ArrowLeft: width - RESIZE_STEP,
      ArrowDown: width - RESIZE_STEP,
      ArrowRight: width + RESIZE_STEP,
      ArrowUp: width + RESIZE_STEP,
      PageDown: width - RESIZE_STEP * 5,
      PageUp: width + RESIZE_STEP * 5,
      Home: COLUMN_WIDTH.min,
      End: COLUMN_WIDTH.max,
    }
    const value = next[event.key]
    if (value === undefined) return
    event.preventDefault()
    deck.setWidth(column().id, value)
  }

  let resizeStart: { x: number; width: number } | null = null
  function onResizeDown(event: PointerEvent): void {
    if (event.button !== 0) return
    event.preventDefault()
    resizeStart = { x: event.clientX, width: column().width }
    ;(event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId)
  }
  function onResizeMove(event: PointerEvent): void {
    if (!resizeStart) return
    const rtl = getComputedStyle(event.currentTarget as HTMLElement).direction === 'rtl'
    const delta = (event.clientX - resizeStart.x) * (rtl ? -1 : 1)
    deck.setWidth(column().id, resizeStart.width + delta)
  }
  function onResizeUp(event: PointerEvent): void {
    resizeStart = null
    ;(event.currentTarget as HTMLElement).releasePointerCapture?.(event.pointerId)
  }

  return { onResizeKey, onResizeDown, onResizeMove, onResizeUp }
}
