// A profile's followers or follows, page by page (the server pages them by Link header),
// each row with how the view's account stands with them and a follow toggle of its own.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { serverMessageOf } from '@/api/server-message'
import { expectedFollowState, followStateOf, setFollowing, type FollowState as RowFollowState } from '@/api/follow-state'
import { useAccountsStore } from '@/stores/accounts'

/** 'self': the view's own account, which has no follow button. */
export type FollowState = RowFollowState | 'self'

export interface AccountRow {
  readonly account: mastodon.v1.Account
  readonly follow: FollowState
  readonly busy: boolean
}

const PAGE = 40

export function useAccountList() {
  const accounts = useAccountsStore()
  const rows = shallowRef<readonly AccountRow[]>([])
  const loading = shallowRef(false)
  const done = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const actionError = shallowRef<{ kind: ApiErrorKind; detail: string | null } | null>(null)
  let pages: AsyncIterator<mastodon.v1.Account[]> | null = null
  let source: { key: string; id: string; which: 'followers' | 'following'; selfId: string } | null = null
  let generation = 0

  async function more(): Promise<void> {
    const s = source
    if (!s || loading.value || done.value) return
    const mine = generation
    loading.value = true
    error.value = null
    try {
      const next = await accounts.call(s.key, async (c) => {
        pages ??= c.v1.accounts.$select(s.id)[s.which].list({ limit: PAGE })[Symbol.asyncIterator]()
        return await pages.next()
      })
      const page = next.done ? [] : next.value
      const others = page.filter((a) => a.id !== s.selfId).map((a) => a.id)
      const rels = others.length > 0 ? await accounts.call(s.key, (c) => c.v1.accounts.relationships.fetch({ id: others })).catch(() => []) : []
      if (mine !== generation) return
      const seen = new Set(rows.value.map((r) => r.account.id))
      rows.value = [
        ...rows.value,
        ...page
          .filter((a) => !seen.has(a.id))
          .map((account) => ({ account, follow: account.id === s.selfId ? ('self' as const) : followStateOf(rels.find((r) => r.id === account.id)), busy: false })),
      ]
      done.value = next.done === true || page.length < PAGE
    } catch (e) {
      if (mine !== generation) return
      error.value = classifyApiError(e)
      pages = null
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function start(key: string, id: string, which: 'followers' | 'following', selfId: string): Promise<void> {
    generation++
    source = { key, id, which, selfId }
    pages = null
    rows.value = []
    done.value = false
    loading.value = false
    actionError.value = null
    return more()
  }

  function patch(id: string, change: Partial<AccountRow>): void {
    rows.value = rows.value.map((r) => (r.account.id === id ? { ...r, ...change } : r))
  }

  async function toggleFollow(row: AccountRow): Promise<void> {
    const s = source
    if (!s || row.busy || row.follow === 'self') return
    const id = row.account.id
    const follow = row.follow === 'none'
    actionError.value = null
    patch(id, { busy: true, follow: expectedFollowState(follow, row.account) })
    try {
      const rel = await accounts.call(s.key, (c) => setFollowing(c, id, follow))
      patch(id, { busy: false, follow: followStateOf(rel) })
    } catch (e) {
      patch(id, { busy: false, follow: row.follow })
      actionError.value = { kind: classifyApiError(e), detail: serverMessageOf(e) }
    }
  }

  return { rows, loading, done, error, actionError, start, more, toggleFollow }
}
