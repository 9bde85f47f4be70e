// Follow suggestions for one account (/api/v2/suggestions, or v1 where v2 is missing), each
// with the server's reasons, a follow toggle (optimistic; a locked account answers
// "requested") and a dismiss that tells the server not to suggest them again.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { serverMessageOf } from '@/api/server-message'
import { dismissSuggestion } from '@/api/suggestions'
import { expectedFollowState, followStateOf, setFollowing, type FollowState } from '@/api/follow-state'
import { useAccountsStore } from '@/stores/accounts'

export interface SuggestionRow {
  readonly account: mastodon.v1.Account
  readonly sources: readonly string[]
  readonly follow: FollowState
  readonly busy: boolean
}

const LIMIT = 20

async function fetchSuggestions(client: mastodon.rest.Client): Promise<SuggestionRow[]> {
  const row = (account: mastodon.v1.Account, sources: readonly string[]): SuggestionRow => ({ account, sources, follow: 'none', busy: false })
  try {
    const list = await client.v2.suggestions.list({ limit: LIMIT })
    return list.map((s) => row(s.account, Array.isArray(s.sources) ? s.sources : s.source ? [s.source] : []))
  } catch (e) {
    // Before 4.3 (and on some other servers) only v1 answers.
    if (classifyApiError(e) !== 'not-found') throw e
    return (await client.v1.suggestions.list({ limit: LIMIT })).map((a) => row(a, []))
  }
}

export function useFollowSuggestions() {
  const accounts = useAccountsStore()
  const rows = shallowRef<readonly SuggestionRow[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const actionError = shallowRef<{ kind: ApiErrorKind; detail: string | null } | null>(null)
  let accountKey: string | null = null
  let generation = 0

  async function start(key: string): Promise<void> {
    accountKey = key
    const mine = ++generation
    rows.value = []
    error.value = null
    actionError.value = null
    loading.value = true
    try {
      const list = await accounts.call(key, fetchSuggestions)
      if (mine === generation) rows.value = list
    } catch (e) {
      if (mine === generation) error.value = classifyApiError(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function patch(id: string, change: Partial<SuggestionRow>): void {
    rows.value = rows.value.map((r) => (r.account.id === id ? { ...r, ...change } : r))
  }

  async function toggleFollow(row: SuggestionRow): Promise<void> {
    const key = accountKey
    if (!key || row.busy) return
    const id = row.account.id
    const follow = row.follow === 'none'
    actionError.value = null
    patch(id, { busy: true, follow: expectedFollowState(follow, row.account) })
    try {
      const rel = await accounts.call(key, (c) => setFollowing(c, id, follow))
      patch(id, { busy: false, follow: followStateOf(rel) })
    } catch (e) {
      patch(id, { busy: false, follow: row.follow })
      actionError.value = { kind: classifyApiError(e), detail: serverMessageOf(e) }
    }
  }

  async function dismiss(row: SuggestionRow): Promise<boolean> {
    const key = accountKey
    if (!key) return false
    const before = rows.value
    actionError.value = null
    rows.value = rows.value.filter((r) => r.account.id !== row.account.id)
    try {
      await accounts.call(key, (c) => dismissSuggestion(c, row.account.id))
      return true
    } catch (e) {
      rows.value = before
      actionError.value = { kind: classifyApiError(e), detail: serverMessageOf(e) }
      return false
    }
  }

  return { rows, loading, error, actionError, start, toggleFollow, dismiss }
}
