// A list of statuses loaded page by page (older ones on demand), as one account.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { useAccountsStore } from '@/stores/accounts'
import { useEntitiesStore } from '@/stores/entities'

export type PageFetcher = (client: mastodon.rest.Client, maxId: string | undefined) => Promise<mastodon.v1.Status[]>

export const PAGE_SIZE = 20

export function usePagedStatuses() {
  const accounts = useAccountsStore()
  const entities = useEntitiesStore()
  const statuses = shallowRef<mastodon.v1.Status[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const done = shallowRef(false)
  let generation = 0

  async function load(accountKey: string, fetchPage: PageFetcher, more: boolean): Promise<void> {
    const mine = more ? generation : ++generation
    if (!more) {
      statuses.value = []
      done.value = false
    }
    loading.value = true
    error.value = null
    try {
      const maxId = more ? statuses.value.at(-1)?.id : undefined
      const page = await accounts.call(accountKey, (c) => fetchPage(c, maxId))
      if (mine !== generation) return
      entities.putStatuses(accountKey, page)
      // Order as the server returned it; ids are opaque and never compared.
      const seen = new Set(statuses.value.map((s) => s.id))
      statuses.value = [...statuses.value, ...page.filter((s) => !seen.has(s.id))]
      done.value = page.length === 0
    } catch (e) {
      if (mine === generation) error.value = classifyApiError(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function replace(status: mastodon.v1.Status): void {
    statuses.value = statuses.value.map((s) => (s.id === status.id ? status : s))
  }

  return { statuses, loading, error, done, load, replace }
}
