// Whether the reader asked for reduced motion: gifv attachments then wait for a play press
// instead of looping on their own. Shares the one media-query listener of src/content.

import type { Ref } from 'vue'
import { usePrefersReducedMotion } from '@/content'

export function useReducedMotion(): Readonly<Ref<boolean>> {
  return usePrefersReducedMotion()
}
