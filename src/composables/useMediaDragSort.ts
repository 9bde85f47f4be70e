// Reordering a post's media with the mouse: items are draggable; dropping one on another
// puts it there. The drag carries our own type, never 'Files', so the composer's file drop
// (useMediaDrop) ignores it. Keyboard users have the list's earlier/later buttons.

import { ref } from 'vue'

const MEDIA_DRAG_TYPE = 'application/x-deckodon-media'

/** `onMove` is asked to put the dragged item (by localId) at `toIndex`. */
export function useMediaDragSort(media: () => readonly { readonly localId: string }[], onMove: (localId: string, toIndex: number) => void) {
  /** The item being dragged, and the index it is over. */
  const draggedId = ref<string | null>(null)
  const dropIndex = ref<number | null>(null)

  function onDragStart(event: DragEvent, localId: string): void {
    if (!event.dataTransfer) return
    draggedId.value = localId
    event.dataTransfer.effectAllowed = 'move'
    event.dataTransfer.setData(MEDIA_DRAG_TYPE, localId)
  }

  function onDragOver(event: DragEvent, index: number): void {
    if (draggedId.value === null) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move'
    dropIndex.value = index
  }

  function onDrop(event: DragEvent, index: number): void {
    const localId = draggedId.value
    if (localId === null) return
    event.preventDefault()
    onDragEnd()
    const from = media().findIndex((item) => item.localId === localId)
    if (from !== -1 && from !== index) onMove(localId, index)
  }

  function onDragEnd(): void {
    draggedId.value = null
    dropIndex.value = null
  }

  return { draggedId, dropIndex, onDragStart, onDragOver, onDrop, onDragEnd }
}
