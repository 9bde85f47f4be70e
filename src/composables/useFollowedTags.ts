// The hashtags one account follows, page by page (the server pages them by Link header),
// each with an optimistic follow/unfollow toggle: unfollowing keeps the row, so a slip is
// undone with one more press.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { serverMessageOf } from '@/api/server-message'
import { useAccountsStore } from '@/stores/accounts'

export interface FollowedTagRow {
  readonly tag: mastodon.v1.Tag
  readonly following: boolean
  readonly busy: boolean
}

const PAGE = 40

export function useFollowedTags() {
  const accounts = useAccountsStore()
  const rows = shallowRef<readonly FollowedTagRow[]>([])
  const loading = shallowRef(false)
  const done = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const actionError = shallowRef<{ kind: ApiErrorKind; detail: string | null } | null>(null)
  let pages: AsyncIterator<mastodon.v1.Tag[]> | null = null
  let accountKey: string | null = null
  let generation = 0

  async function loadMore(): Promise<void> {
    const key = accountKey
    if (!key || loading.value || done.value) return
    const mine = generation
    loading.value = true
    error.value = null
    try {
      const next = await accounts.call(key, async (c) => {
        pages ??= c.v1.followedTags.list({ limit: PAGE })[Symbol.asyncIterator]()
        return await pages.next()
      })
      if (mine !== generation) return
      const page = next.done ? [] : next.value
      const seen = new Set(rows.value.map((r) => r.tag.name.toLowerCase()))
      const fresh = page.filter((t) => !seen.has(t.name.toLowerCase()))
      rows.value = [...rows.value, ...fresh.map((tag) => ({ tag, following: true, busy: false }))]
      // A short page is the last one (Mastodon still links on, to an empty page).
      done.value = next.done === true || page.length < PAGE
    } catch (e) {
      if (mine !== generation) return
      error.value = classifyApiError(e)
      // The iterator cannot go on after a failure: the retry starts again from the top.
      pages = null
      rows.value = []
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function start(key: string): Promise<void> {
    generation++
    accountKey = key
    pages = null
    rows.value = []
    done.value = false
    loading.value = false
    actionError.value = null
    return loadMore()
  }

  function patch(name: string, change: Partial<FollowedTagRow>): void {
    rows.value = rows.value.map((r) => (r.tag.name === name ? { ...r, ...change } : r))
  }

  async function toggle(row: FollowedTagRow): Promise<void> {
    const key = accountKey
    if (!key || row.busy) return
    const follow = !row.following
    actionError.value = null
    patch(row.tag.name, { following: follow, busy: true })
    try {
      await accounts.call(key, (c) => c.v1.tags.$select(row.tag.name)[follow ? 'follow' : 'unfollow']())
      patch(row.tag.name, { busy: false })
    } catch (e) {
      patch(row.tag.name, { following: row.following, busy: false })
      actionError.value = { kind: classifyApiError(e), detail: serverMessageOf(e) }
    }
  }

  return { rows, loading, done, error, actionError, start, loadMore, toggle }
}
