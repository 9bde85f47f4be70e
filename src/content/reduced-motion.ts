// Whether the reader asked for reduced motion (animated custom emoji then show their static image).

import { shallowRef, type Ref } from 'vue'

const QUERY = '(prefers-reduced-motion: reduce)'
let state: Ref<boolean> | null = null

/** A shared, read-only ref that follows `prefers-reduced-motion: reduce`. */
export function usePrefersReducedMotion(): Readonly<Ref<boolean>> {
  if (state) return state
  const ref = shallowRef(false)
  if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
    const media = window.matchMedia(QUERY)
    ref.value = media.matches
    media.addEventListener?.('change', (event) => {
      ref.value = event.matches
    })
  }
  state = ref
  return ref
}
