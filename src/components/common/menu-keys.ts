// Keyboard movement inside a menu (WAI-ARIA menu pattern), for every menu of the app: the
// status menus and the account switcher. Arrows wrap around, Home and End jump to the ends.
// Items that are aria-disabled can still be reached, as the pattern asks, so a person
// learns why they do nothing.

export function menuItems(root: HTMLElement | null | undefined): HTMLElement[] {
  return Array.from(root?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
}

/** Moves focus for ArrowUp/ArrowDown/Home/End; returns whether the key was one of them. */
export function moveMenuFocus(event: KeyboardEvent, root: HTMLElement | null | undefined): boolean {
  const items = menuItems(root)
  if (items.length === 0) return false
  const index = items.indexOf(document.activeElement as HTMLElement)
  const last = items.length - 1
  const next: Record<string, number> = {
    ArrowDown: index < 0 || index >= last ? 0 : index + 1,
    ArrowUp: index <= 0 ? last : index - 1,
    Home: 0,
    End: last,
  }
  const target = next[event.key]
  if (target === undefined) return false
  event.preventDefault()
  items[target]?.focus()
  return true
}

/** Focuses the first item (or the one given). */
export function focusMenuItem(root: HTMLElement | null | undefined, which: 'first' | 'last' | HTMLElement = 'first'): void {
  if (which instanceof HTMLElement) {
    which.focus()
    return
  }
  const items = menuItems(root)
  ;(which === 'last' ? items.at(-1) : items[0])?.focus()
}
