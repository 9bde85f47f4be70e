// Whether the viewport is narrow (the deck then shows one column at a time).

import { onBeforeUnmount, ref, type Ref } from 'vue'
import { NARROW_QUERY } from '@/styles/breakpoints'

export function useNarrowScreen(): Ref<boolean> {
  const narrow = ref(false)
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return narrow
  const media = window.matchMedia(NARROW_QUERY)
  narrow.value = media.matches
  const update = (event: MediaQueryListEvent) => {
    narrow.value = event.matches
  }
  media.addEventListener?.('change', update)
  onBeforeUnmount(() => media.removeEventListener?.('change', update))
  return narrow
}
