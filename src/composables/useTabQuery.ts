// Which tab of a panel view is shown, from its `?tab=` query (the first tab when absent or
// unknown), so a tab survives a reload and Back returns to it.

import { computed, type ComputedRef } from 'vue'
import { useRoute } from 'vue-router'

export function useTabQuery<T extends string>(tabs: readonly T[]): ComputedRef<T> {
  const route = useRoute()
  return computed(() => {
    const wanted = String(route.query.tab ?? '')
    return (tabs as readonly string[]).includes(wanted) ? (wanted as T) : tabs[0]!
  })
}
