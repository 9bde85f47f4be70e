// How the status action bar's two menus (Boost and More) open and close: one at a time, from
// a click or the Up/Down arrows on their buttons, closed again by Escape (focus goes back to
// the button), Tab, a choice, or a press anywhere outside the bar. Menus and questions are
// about one status, so they close when a list re-uses the card for another.
import { getCurrentScope, nextTick, onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { StatusInteractions } from '@/composables/useStatusInteractions'

export type ActionBarMenu = 'boost' | 'more'

export interface ActionBarMenusOptions {
  interactions: StatusInteractions
  root: Readonly<Ref<HTMLElement | null>>
  boostButton: Readonly<Ref<HTMLElement | null>>
  moreButton: Readonly<Ref<HTMLElement | null>>
  /** Focuses the first or last item of the rendered boost menu. */
  focusBoostMenu: (which: 'first' | 'last') => void
  /** The Boost button opens the visibility menu (the post is not boosted yet, and may be). */
  boostOpensMenu: Readonly<Ref<boolean>>
  /** Called, after the menus close, when the card shows another status. */
  onStatusChange: () => void
}

export function useActionBarMenus(options: ActionBarMenusOptions) {
  const { interactions, boostOpensMenu } = options
  const open = ref<ActionBarMenu | null>(null)
  const moreStartsAtEnd = ref(false)

  /** Opens or closes a menu; a click anywhere else is listened to only while one is open. */
  function setOpen(next: ActionBarMenu | null): void {
    open.value = next
    if (next !== null) {
      followStatus()
      document.addEventListener('pointerdown', onDocumentPointerDown)
    } else {
      document.removeEventListener('pointerdown', onDocumentPointerDown)
    }
  }

  async function openBoostMenu(which: 'first' | 'last' = 'first'): Promise<void> {
    setOpen('boost')
    await nextTick()
    options.focusBoostMenu(which)
  }

  function closeMenus(restoreFocus: boolean): void {
    const was = open.value
    setOpen(null)
    if (!restoreFocus) return
    if (was === 'boost') options.boostButton.value?.focus()
    else if (was === 'more') options.moreButton.value?.focus()
  }

  function onBoostClick(): void {
    if (interactions.isBusy('reblog')) return
    if (interactions.current.value.reblogged) {
      closeMenus(false)
      void interactions.unboost()
    } else if (interactions.boostBlock.value) {
      // Says why, also to those who cannot hover for the title.
      void interactions.boost('public')
    } else if (open.value === 'boost') {
      closeMenus(false)
    } else {
      void openBoostMenu()
    }
  }

  function onBoostKeydown(event: KeyboardEvent): void {
    if (!boostOpensMenu.value || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return
    event.preventDefault()
    void openBoostMenu(event.key === 'ArrowDown' ? 'first' : 'last')
  }

  function toggleMore(startAtEnd = false): void {
    if (open.value === 'more') {
      closeMenus(false)
      return
    }
    moreStartsAtEnd.value = startAtEnd
    setOpen('more')
    void interactions.loadRelationship()
  }

  function onMoreKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    if (open.value !== 'more') toggleMore(event.key === 'ArrowUp')
  }

  // A click anywhere else closes an open menu. Listened to only while one is open (setOpen):
  // a deck holds many cards, and each listening all the time would run on every click.
  function onDocumentPointerDown(event: PointerEvent): void {
    if (open.value && !options.root.value?.contains(event.target as Node)) closeMenus(false)
  }
  onBeforeUnmount(() => document.removeEventListener('pointerdown', onDocumentPointerDown))

  // Another status in the same card (a list re-using it): menus and questions were about the
  // old one. Watched from the first menu or question on: a closed bar has nothing to reset.
  const scope = getCurrentScope()
  let followingStatus = false
  function followStatus(): void {
    if (followingStatus || !scope) return
    followingStatus = true
    scope.run(() =>
      watch(
        () => interactions.current.value.id,
        () => {
          setOpen(null)
          options.onStatusChange()
        },
      ),
    )
  }

  return { open, moreStartsAtEnd, closeMenus, followStatus, onBoostClick, onBoostKeydown, toggleMore, onMoreKeydown }
}
