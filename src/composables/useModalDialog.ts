// A native <dialog> shown modally for as long as the component is mounted: showModal() on
// mount (inert page behind it, Escape handled), close() on unmount, and one close path
// for Escape, the close button and a click on the backdrop.

import { nextTick, onBeforeUnmount, onMounted, type ShallowRef } from 'vue'

export interface ModalDialog {
  /** Closes the dialog and reports it once through onClose. */
  close(): void
  /** Click handler for the dialog: a click on the dialog element itself is on its backdrop. */
  onClick(event: MouseEvent): void
  /** Cancel handler (Escape in browsers that fire it). */
  onCancel(event: Event): void
}

export function useModalDialog(
  dialog: Readonly<ShallowRef<HTMLDialogElement | null>>,
  onClose: () => void,
  initialFocus?: () => HTMLElement | null | undefined,
): ModalDialog {
  let closed = false

  function close(): void {
    if (closed) return
    closed = true
    const element = dialog.value
    if (element?.open && typeof element.close === 'function') element.close()
    else element?.removeAttribute('open')
    onClose()
  }

  onMounted(async () => {
    const element = dialog.value
    if (!element) return
    // Browsers without showModal (and jsdom) get a plain open dialog.
    if (typeof element.showModal === 'function') {
      if (!element.open) element.showModal()
    } else {
      element.setAttribute('open', '')
    }
    await nextTick()
    initialFocus?.()?.focus()
  })

  onBeforeUnmount(() => {
    const element = dialog.value
    if (element?.open && typeof element.close === 'function') element.close()
  })

  return {
    close,
    onClick(event) {
      if (event.target === dialog.value) close()
    },
    onCancel(event) {
      event.preventDefault()
      close()
    },
  }
}
