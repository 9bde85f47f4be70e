// Whether the page has been hidden long enough for live updates to pause: a tab in the
// background should not hold sockets open and render events nobody sees. Short switches
// away keep streaming; on return everything resumes and catches up.

import { readonly, shallowRef, type Ref } from 'vue'

/** How long a hidden page keeps streaming before it pauses. */
export const HIDDEN_PAUSE_MS = 60_000

const pausedRef = shallowRef(false)
let installed = false
let timer: ReturnType<typeof setTimeout> | null = null

function onVisibilityChange(): void {
  if (document.visibilityState === 'hidden') {
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null
        pausedRef.value = true
      }, HIDDEN_PAUSE_MS)
    }
    return
  }
  if (timer !== null) clearTimeout(timer)
  timer = null
  pausedRef.value = false
}

/** Reactive: true while the page has been hidden for HIDDEN_PAUSE_MS or more. */
export function useLiveUpdatesPaused(): Readonly<Ref<boolean>> {
  if (!installed && typeof document !== 'undefined') {
    installed = true
    document.addEventListener('visibilitychange', onVisibilityChange)
  }
  return readonly(pausedRef)
}
