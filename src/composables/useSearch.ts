// Searching as one account: a link or a handle is resolved by its server and opened (a post
// or a profile, from any server); words and hashtags give results grouped as people,
// hashtags and posts, each group paged on demand.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { classifyQuery, shouldResolve, type SearchQuery } from '@/search/query'
import { useAccountsStore } from '@/stores/accounts'
import { useEntitiesStore } from '@/stores/entities'

export type SearchGroup = 'accounts' | 'hashtags' | 'statuses'
export const SEARCH_GROUPS: readonly SearchGroup[] = ['accounts', 'hashtags', 'statuses']

export interface SearchResults {
  readonly accounts: readonly mastodon.v1.Account[]
  readonly hashtags: readonly mastodon.v1.Tag[]
  readonly statuses: readonly mastodon.v1.Status[]
}

/** What a resolved link or handle turned out to be. */
export type Resolved = { readonly kind: 'status'; readonly status: mastodon.v1.Status } | { readonly kind: 'account'; readonly account: mastodon.v1.Account }

const FIRST = 5
const MORE = 10
const EMPTY: SearchResults = { accounts: [], hashtags: [], statuses: [] }
type Group = keyof SearchResults
type SearchItem = mastodon.v1.Account | mastodon.v1.Tag | mastodon.v1.Status
/** Results are told apart by id; a hashtag from a server that sends none, by its name. */
const resultKey = (item: SearchItem): string => item.id || ('name' in item ? item.name : '')

export function useSearch() {
  const accounts = useAccountsStore()
  const entities = useEntitiesStore()
  const query = shallowRef<SearchQuery>({ kind: 'empty' })
  const results = shallowRef<SearchResults>(EMPTY)
  const hasMore = shallowRef<Record<Group, boolean>>({ accounts: false, hashtags: false, statuses: false })
  const loading = shallowRef<Group | 'all' | null>(null)
  const error = shallowRef<ApiErrorKind | null>(null)
  /** A link or handle the server could not resolve. */
  const nothingAt = shallowRef(false)
  let accountKey: string | null = null
  let generation = 0

  /** Runs a search; resolves to what a link or handle names, when it names one. */
  async function run(key: string, text: string): Promise<Resolved | null> {
    accountKey = key
    const mine = ++generation
    query.value = classifyQuery(text)
    results.value = EMPTY
    hasMore.value = { accounts: false, hashtags: false, statuses: false }
    error.value = null
    nothingAt.value = false
    const q = query.value
    if (q.kind === 'empty') return null
    loading.value = 'all'
    try {
      const answer = await accounts.call(key, async (c) => await c.v2.search.list({ q: text.trim(), resolve: shouldResolve(q), limit: FIRST }))
      if (mine !== generation) return null
      entities.putStatuses(key, answer.statuses)
      if (q.kind === 'url' || q.kind === 'handle') {
        const status = q.kind === 'url' ? answer.statuses[0] : undefined
        if (status) return { kind: 'status', status }
        const account = answer.accounts[0]
        if (account) return { kind: 'account', account }
        nothingAt.value = true
        return null
      }
      results.value = { accounts: answer.accounts, hashtags: answer.hashtags, statuses: answer.statuses }
      hasMore.value = { accounts: answer.accounts.length >= FIRST, hashtags: answer.hashtags.length >= FIRST, statuses: answer.statuses.length >= FIRST }
      return null
    } catch (e) {
      if (mine === generation) error.value = classifyApiError(e)
      return null
    } finally {
      if (mine === generation) loading.value = null
    }
  }

  async function more(group: Group): Promise<void> {
    const key = accountKey
    const q = query.value
    if (!key || q.kind === 'empty' || loading.value) return
    const mine = generation
    loading.value = group
    error.value = null
    const text = q.kind === 'text' ? q.text : q.kind === 'hashtag' ? `#${q.tag}` : ''
    try {
      const answer = await accounts.call(key, async (c) => await c.v2.search.list({ q: text, type: group, offset: results.value[group].length, limit: MORE }))
      if (mine !== generation) return
      entities.putStatuses(key, answer.statuses)
      const seen = new Set(results.value[group].map(resultKey))
      const fresh = (answer[group] as readonly SearchItem[]).filter((x) => !seen.has(resultKey(x)))
      results.value = { ...results.value, [group]: [...results.value[group], ...fresh] }
      hasMore.value = { ...hasMore.value, [group]: answer[group].length >= MORE }
    } catch (e) {
      if (mine === generation) error.value = classifyApiError(e)
    } finally {
      if (mine === generation) loading.value = null
    }
  }

  return { query, results, hasMore, loading, error, nothingAt, run, more }
}
