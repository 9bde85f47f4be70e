// The account a view acts as: the tab's current account. Views reload when it
// changes, so switching accounts never leaves another account's data on screen.

import { computed } from 'vue'
import { useAccountsStore } from '@/stores/accounts'

export function useViewAccount() {
  const accounts = useAccountsStore()
  return computed(() => {
    const a = accounts.current
    return a ? { key: a.key, origin: a.origin, host: a.host } : null
  })
}
