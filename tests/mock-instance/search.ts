// Search as a composer's autocomplete uses it (Mastodon 4.5 without Elasticsearch):
// accounts by prefix of the username or of any word of the display name, `@user@host`
// by that handle; hashtags by prefix of the name, the exact one first, then shortest.

import type { AccountRecord } from './model.ts'
import type { World } from './world.ts'

/** AccountSearchService: an exact handle first, then followed accounts, then the rest. */
export function searchAccounts(w: World, localHost: string, viewer: string | null, query: string, following: boolean): AccountRecord[] {
  const q = query.trim().replace(/^@/, '').toLowerCase()
  if (q === '') return []
  const [user = '', domain] = q.split('@', 2) as [string, string | undefined]
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean)
  const matches = (a: AccountRecord) => {
    if (domain !== undefined) {
      // `user@do…`: that user name on hosts starting so.
      return a.username.toLowerCase() === user && a.home.toLowerCase().startsWith(domain)
    }
    return a.username.toLowerCase().startsWith(user) || words(a.displayName).some((word) => word.startsWith(user))
  }
  const exact = (a: AccountRecord) =>
    a.username.toLowerCase() === user && (domain === undefined ? a.home === localHost : a.home.toLowerCase() === domain)
  const found = [...w.accounts.values()].filter((a) => {
    if (a.suspended || a.movedToKey || !matches(a)) return false
    return !following || (viewer !== null && w.isFollowing(viewer, a.key))
  })
  const rank = (a: AccountRecord) => (exact(a) ? 0 : viewer && w.isFollowing(viewer, a.key) ? 1 : 2)
  return found.sort((a, b) => rank(a) - rank(b) || a.username.localeCompare(b.username) || a.home.localeCompare(b.home))
}

/** TagSearchService: every tag known (used or followed) starting with the query. */
export function searchHashtags(w: World, query: string): string[] {
  const q = query.trim().replace(/^#/, '').toLowerCase()
  if (q === '') return []
  const known = new Set<string>()
  for (const s of w.statusOrder) if (s.deletedAt === null) for (const t of s.tags) known.add(t)
  for (const tags of w.followedTags.values()) for (const t of tags) known.add(t)
  return [...known]
    .filter((t) => t.startsWith(q))
    .sort((a, b) => Number(b === q) - Number(a === q) || a.length - b.length || a.localeCompare(b))
}
