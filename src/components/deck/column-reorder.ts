// Reordering a deck column: the move buttons (focus stays on the control used) and drag
// and drop of whole columns by their header (the buttons do the same by keyboard).

import { nextTick, ref, type Ref } from 'vue'
import { useDeckStore } from '@/stores/deck'
import { dragging } from './column-drag'

export interface ColumnReorderSource {
  readonly id: () => string
  readonly index: () => number
  /** What a drag carries as text (the column's title). */
  readonly title: () => string
  readonly leftButton: Readonly<Ref<HTMLButtonElement | null>>
  readonly rightButton: Readonly<Ref<HTMLButtonElement | null>>
}

export function useColumnReorder({ id, index, title, leftButton, rightButton }: ColumnReorderSource) {
  const deck = useDeckStore()

  // Moving the element in the DOM takes the focus away; give it back to the control used,
  // or to the other one when the column reached the end of the row.
  async function move(direction: 'left' | 'right'): Promise<void> {
    if (direction === 'left') deck.moveLeft(id())
    else deck.moveRight(id())
    await nextTick()
    const [same, other] = direction === 'left' ? [leftButton.value, rightButton.value] : [rightButton.value, leftButton.value]
    if (same && !same.disabled) same.focus()
    else other?.focus()
  }

  /** Another column is being dragged over this one. */
  const dropTarget = ref(false)
  function onDragStart(event: DragEvent): void {
    dragging.id = id()
    event.dataTransfer?.setData('text/plain', title())
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move'
  }
  function onDragEnd(): void {
    dragging.id = null
    dropTarget.value = false
  }
  function onDragOver(event: DragEvent): void {
    if (!dragging.id || dragging.id === id()) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move'
    dropTarget.value = true
  }
  function onDragLeave(): void {
    dropTarget.value = false
  }
  function onDrop(event: DragEvent): void {
    dropTarget.value = false
    if (!dragging.id || dragging.id === id()) return
    event.preventDefault()
    deck.moveColumn(dragging.id, index())
    dragging.id = null
  }

  return { move, dropTarget, onDragStart, onDragEnd, onDragOver, onDragLeave, onDrop }
}
