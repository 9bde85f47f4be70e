// Suggestions for the word being typed in the composer, from the posting account's own
// server: accounts and hashtags through search (without resolving remote ones, as Mastodon's
// composer does), custom emoji from the server's list (fetched once per account). Searches
// wait for a pause in typing; an answer for an older word is dropped.

import { shallowRef, watch, type Ref } from 'vue'
import type { mastodon } from 'masto'
import { useAccountsStore } from '@/stores/accounts'
import type { CaretToken } from '@/compose/autocomplete'

export interface Suggestion {
  readonly key: string
  readonly kind: CaretToken['kind']
  /** What replaces the token ("@alice@example.social ", "#gardening", ":blobcat:"). */
  readonly replacement: string
  /** The main line (display name, "#tag", ":shortcode:"), plain text. */
  readonly label: string
  /** A second line ("@alice@example.social", "12 people talking"), plain text. */
  readonly detail: string
  /** An image (avatar, emoji), http(s) only, checked where shown. */
  readonly image: string | null
}

export const SUGGESTION_DELAY_MS = 250
const LIMIT = 6

const emojiCache = new Map<string, Promise<mastodon.v1.CustomEmoji[]>>()

export function useComposeSuggestions(accountKey: Ref<string>, token: Ref<CaretToken | null>) {
  const accounts = useAccountsStore()
  const suggestions = shallowRef<readonly Suggestion[]>([])
  const loading = shallowRef(false)
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  function emojisOf(key: string): Promise<mastodon.v1.CustomEmoji[]> {
    let list = emojiCache.get(key)
    if (!list) {
      list = accounts.call(key, async (c) => await c.v1.customEmojis.list()).then((all) => all.filter((e) => e.visibleInPicker !== false))
      list.catch(() => emojiCache.delete(key))
      emojiCache.set(key, list)
    }
    return list
  }

  async function find(key: string, t: CaretToken): Promise<Suggestion[]> {
    if (t.kind === 'emoji') {
      const q = t.query.toLowerCase()
      const all = await emojisOf(key)
      const starts = all.filter((e) => e.shortcode.toLowerCase().startsWith(q))
      const contains = all.filter((e) => !starts.includes(e) && e.shortcode.toLowerCase().includes(q))
      return [...starts, ...contains].slice(0, LIMIT).map((e) => ({
        key: `emoji:${e.shortcode}`,
        kind: 'emoji',
        replacement: `:${e.shortcode}:`,
        label: `:${e.shortcode}:`,
        detail: e.category ?? '',
        image: e.staticUrl || e.url || null,
      }))
    }
    const type = t.kind === 'account' ? 'accounts' : 'hashtags'
    const found = await accounts.call(key, async (c) => await c.v2.search.list({ q: t.query, type, resolve: false, limit: LIMIT }))
    if (t.kind === 'account') {
      return found.accounts.slice(0, LIMIT).map((a) => ({
        key: `account:${a.id}`,
        kind: 'account',
        replacement: `@${a.acct}`,
        label: a.displayName.trim() || a.username,
        detail: `@${a.acct}`,
        image: a.avatarStatic || a.avatar || null,
      }))
    }
    return found.hashtags.slice(0, LIMIT).map((tag) => ({
      key: `tag:${tag.name}`,
      kind: 'hashtag',
      replacement: `#${tag.name}`,
      label: `#${tag.name}`,
      detail: '',
      image: null,
    }))
  }

  function clear(): void {
    asked++
    if (timer !== null) clearTimeout(timer)
    timer = null
    suggestions.value = []
    loading.value = false
  }

  watch([accountKey, () => token.value?.kind, () => token.value?.query], () => {
    const t = token.value
    const key = accountKey.value
    if (!t) {
      clear()
      return
    }
    if (timer !== null) clearTimeout(timer)
    const mine = ++asked
    loading.value = true
    timer = setTimeout(() => {
      timer = null
      find(key, t)
        .then((list) => {
          if (mine === asked) suggestions.value = list
        })
        .catch(() => {
          // No suggestions (offline, a server without search): typing goes on as usual.
          if (mine === asked) suggestions.value = []
        })
        .finally(() => {
          if (mine === asked) loading.value = false
        })
    }, SUGGESTION_DELAY_MS)
  })

  return { suggestions, loading, clear }
}
