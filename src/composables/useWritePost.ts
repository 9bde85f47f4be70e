// "Write a post" from anywhere in the app: the composer is a panel beside the deck, so from
// another page (accounts, settings) it opens there, with the new draft.

import { computed, type ComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useAccountsStore } from '@/stores/accounts'

export interface WritePost {
  /** Someone is signed in to write as. */
  readonly canWrite: ComputedRef<boolean>
  /** The page shown is the deck (or a panel beside it), where the deck's toolbar offers it. */
  readonly inDeck: ComputedRef<boolean>
  /** Opens a new draft as the current account, going to the deck first when elsewhere. */
  write(): Promise<void>
}

export function useWritePost(): WritePost {
  const accounts = useAccountsStore()
  const route = useRoute()
  const router = useRouter()
  const canWrite = computed(() => accounts.accounts.length > 0)
  const inDeck = computed(() => route.matched[0]?.name === 'deck')
  async function write(): Promise<void> {
    if (!inDeck.value) await router.push({ name: 'deck' })
    // Loaded on use: the shell (and the sign-in page) does not carry the composer's way in.
    const { composeNew } = await import('./compose-entry')
    await composeNew(accounts.current?.key ?? null)
  }
  return { canWrite, inDeck, write }
}
