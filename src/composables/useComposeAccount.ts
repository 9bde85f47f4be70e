// Who posts the draft in the composer, and moving it to another signed-in account. What the
// draft answers or quotes has another id on the other account's server, so it is looked up
// there first; when that fails the draft stays where it was, with the reason.

import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { mastodon } from 'masto'
import type { Draft } from '@/compose/draft-types'
import { resolveStatusFor, isNotFoundOnInstance } from '@/api/resolve-status'
import { useAccountsStore } from '@/stores/accounts'

export function useComposeAccount(draft: () => Draft, update: (change: (draft: Draft) => Draft) => void) {
  const { t } = useI18n()
  const accounts = useAccountsStore()
  const account = computed(() => accounts.byKey(draft().accountKey) ?? null)
  const accountError = ref<string | null>(null)
  // Media belong to the server they were uploaded to (or are on their way to).
  const hasMedia = computed(() => draft().posts.some((p) => p.media.length > 0))
  const canChangeAccount = computed(() => !draft().editOf && !draft().scheduledId && !hasMedia.value)

  async function changeAccount(key: string): Promise<void> {
    const from = account.value
    const to = accounts.byKey(key)
    if (!from || !to || key === draft().accountKey) return
    accountError.value = null
    const retarget = async (target: Draft['inReplyTo']) => {
      if (!target || !target.url) return target
      const seen = { id: target.id, uri: target.url, url: target.url, reblog: null } as unknown as mastodon.v1.Status
      const found = await resolveStatusFor(seen, from, to, (fn) => accounts.call(key, fn))
      return { ...target, id: found.id }
    }
    try {
      const [inReplyTo, quoteOf] = await Promise.all([retarget(draft().inReplyTo), retarget(draft().quoteOf)])
      update((d) => ({ ...d, accountKey: key, inReplyTo, quoteOf }))
    } catch (error) {
      accountError.value = isNotFoundOnInstance(error) ? t('compose.account.notFound', { host: to.host }) : t('compose.account.failed')
    }
  }

  // Another draft starts without the last one's error.
  watch(
    () => draft().id,
    () => {
      accountError.value = null
    },
  )

  return { account, accountError, canChangeAccount, changeAccount }
}
