// A list the server pages by offset (trends: /api/v1/trends/tags, /links), as one account:
// the next page starts where the list ends; a page shorter than asked for is the last.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { useAccountsStore } from '@/stores/accounts'

export type OffsetFetcher<T> = (client: mastodon.rest.Client, offset: number, limit: number) => Promise<T[]>

export function useOffsetList<T>(fetchPage: OffsetFetcher<T>, limit = 10) {
  const accounts = useAccountsStore()
  const items = shallowRef<readonly T[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const done = shallowRef(false)
  let accountKey: string | null = null
  let generation = 0

  async function load(more: boolean): Promise<void> {
    const key = accountKey
    if (!key || (more && (loading.value || done.value))) return
    const mine = more ? generation : ++generation
    if (!more) {
      items.value = []
      done.value = false
    }
    loading.value = true
    error.value = null
    try {
      const page = await accounts.call(key, (c) => fetchPage(c, items.value.length, limit))
      if (mine !== generation) return
      items.value = [...items.value, ...page]
      done.value = page.length < limit
    } catch (e) {
      if (mine === generation) error.value = classifyApiError(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function start(key: string): Promise<void> {
    accountKey = key
    return load(false)
  }

  return { items, loading, error, done, start, more: () => load(true), retry: () => load(items.value.length > 0) }
}
