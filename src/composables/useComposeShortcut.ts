// "n" opens a new post, as in Mastodon's own web client: anywhere on the page, except while
// typing in a field (or with a modifier key held, which belongs to the browser).

import { onBeforeUnmount, onMounted } from 'vue'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null
}

export function useComposeShortcut(enabled: () => boolean, open: () => void): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    if (!enabled() || isTyping(event.target)) return
    event.preventDefault()
    open()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
