// Focus for the deck's side panel: the panel's heading when it opens or shows something
// else, and back to the link that opened it (when that is still on the page) when it
// closes. The shell leaves focus alone for these navigations (route meta
// `managesNestedFocus`), and the deck stays mounted throughout.

import { nextTick, watch } from 'vue'
import { onBeforeRouteUpdate, useRoute, type RouteLocationNormalizedLoaded } from 'vue-router'

/** A click this recent on a deck link counts as what opened the panel (some browsers do not focus links on click). */
const CLICK_WINDOW_MS = 2000

export function isPanelRoute(route: Pick<RouteLocationNormalizedLoaded, 'matched'>): boolean {
  return route.matched.length > 1
}

/** The element can take focus back: still in the page and not under an inert (covered) part. */
export function canRefocus(element: HTMLElement | null): element is HTMLElement {
  return element !== null && element.isConnected && element.closest('[inert]') === null
}

export interface DeckPanelFocusOptions {
  /** The deck (columns, toolbar), where links that open the panel live. */
  deck: () => HTMLElement | null
  /** Moves focus into the panel (its heading). */
  focusPanel: () => void
  /** Scrolls the panel back to its top for a new page. */
  resetPanel: () => void
  /** Where focus goes on close when the opener is gone. */
  focusDeck: () => void
}

export function useDeckPanelFocus(options: DeckPanelFocusOptions) {
  const route = useRoute()
  let opener: HTMLElement | null = null
  /** The focusable area around the opener (a column's body), for when a virtualised list dropped the link itself. */
  let openerArea: HTMLElement | null = null
  let clicked: { link: HTMLElement; at: number } | null = null

  /** Capture-phase click listener for the deck: remembers the link a person activated. */
  function onDeckClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('a[href]') : null
    if (target) clicked = { link: target, at: Date.now() }
  }

  onBeforeRouteUpdate((to) => {
    const deck = options.deck()
    if (isPanelRoute(to) && deck) {
      const recent = clicked && Date.now() - clicked.at < CLICK_WINDOW_MS && deck.contains(clicked.link) ? clicked.link : null
      const active = document.activeElement instanceof HTMLElement && deck.contains(document.activeElement) ? document.activeElement : null
      // A link inside the panel keeps the original opener: Close returns to the deck.
      const from = recent ?? active
      if (from) {
        opener = from
        openerArea = from.parentElement?.closest<HTMLElement>('[tabindex]') ?? null
      }
    }
    clicked = null
  })

  watch(
    () => route.path,
    async () => {
      if (route.matched[0]?.name !== 'deck') return
      await nextTick()
      if (isPanelRoute(route)) {
        options.resetPanel()
        options.focusPanel()
        return
      }
      const [back, area] = [opener, openerArea]
      opener = null
      openerArea = null
      // preventScroll: the column stays where the reader left it.
      if (canRefocus(back)) back.focus({ preventScroll: true })
      else if (canRefocus(area)) area.focus({ preventScroll: true })
      else options.focusDeck()
    },
    { flush: 'post' },
  )

  return { onDeckClick }
}
