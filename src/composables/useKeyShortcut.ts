// A one-key shortcut for the whole page (Mastodon's web client has "n" for a new post and
// "/" for search): anywhere, except while typing in a field or with a modifier key held,
// which belongs to the browser.

import { onBeforeUnmount, onMounted } from 'vue'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null
}

export function useKeyShortcut(key: string, enabled: () => boolean, run: () => void): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    if (!enabled() || isTyping(event.target)) return
    event.preventDefault()
    run()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
