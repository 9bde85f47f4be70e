// Files dragged onto, or pasted into, an element (the composer): reported through onFiles.
// Only files count: dragging or pasting text goes on as the browser does it. The media
// picker button stays the accessible way in; this is for mouse and clipboard users.

import { readonly, ref, watch, type Ref } from 'vue'

export interface MediaDrop {
  /** Files are being dragged over the element ("drop here"). */
  readonly dragging: Readonly<Ref<boolean>>
}

function carriesFiles(data: DataTransfer | null | undefined): boolean {
  return !!data && Array.from(data.types ?? []).includes('Files')
}

export function useMediaDrop(
  target: Readonly<Ref<HTMLElement | null | undefined>>,
  onFiles: (files: File[]) => void,
  options: { disabled?: Readonly<Ref<boolean>> } = {},
): MediaDrop {
  const dragging = ref(false)
  // dragenter/dragleave fire for every child crossed; the drag is over the element while
  // more have entered than left.
  let depth = 0

  const disabled = () => options.disabled?.value === true

  function reset(): void {
    depth = 0
    dragging.value = false
  }

  function onDragEnter(event: DragEvent): void {
    if (disabled() || !carriesFiles(event.dataTransfer)) return
    event.preventDefault()
    depth += 1
    dragging.value = true
  }

  function onDragOver(event: DragEvent): void {
    if (disabled() || !carriesFiles(event.dataTransfer)) return
    // Without this the browser would not let the files be dropped here.
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }

  function onDragLeave(event: DragEvent): void {
    if (!carriesFiles(event.dataTransfer)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }

  function onDrop(event: DragEvent): void {
    if (!carriesFiles(event.dataTransfer)) return
    // Even when disabled: a file dropped here must not make the browser navigate to it.
    event.preventDefault()
    reset()
    if (disabled()) return
    const files = Array.from(event.dataTransfer?.files ?? [])
    if (files.length > 0) onFiles(files)
  }

  function onPaste(event: ClipboardEvent): void {
    if (disabled()) return
    const files = Array.from(event.clipboardData?.files ?? [])
    // Text is pasted as text; only a clipboard with files (a copied image or file) is taken.
    if (files.length === 0) return
    event.preventDefault()
    onFiles(files)
  }

  watch(
    target,
    (element, _previous, onCleanup) => {
      reset()
      if (!element) return
      const listeners: Array<[string, (event: never) => void]> = [
        ['dragenter', onDragEnter],
        ['dragover', onDragOver],
        ['dragleave', onDragLeave],
        ['drop', onDrop],
        ['paste', onPaste],
      ]
      for (const [type, listener] of listeners) element.addEventListener(type, listener as EventListener)
      onCleanup(() => {
        for (const [type, listener] of listeners) element.removeEventListener(type, listener as EventListener)
      })
    },
    { immediate: true },
  )

  return { dragging: readonly(dragging) }
}
