// Follow suggestions as Mastodon 4.5 makes them: people followed by those you follow
// ("friends_of_friends") and the most followed accounts ("most_followed"), never yourself,
// anyone you follow, have asked to follow, block, mute or dismissed, nor accounts that are not
// discoverable, suspended or moved. v2 says why each is suggested; v1 gives the accounts only.

import { requireUser, viewFor, world, accountKeyOf, type ApiRouter, type Ctx } from '../context.ts'
import { int, json } from '../http.ts'

type Source = 'friends_of_friends' | 'most_followed'
/** The deprecated single `source` each new source maps to. */
const LEGACY_SOURCE: Record<Source, string> = { friends_of_friends: 'past_interactions', most_followed: 'global' }

interface Suggestion {
  readonly key: string
  readonly sources: Source[]
}

function suggestionsFor(ctx: Ctx, me: string): Suggestion[] {
  const w = world(ctx)
  const dismissed = w.dismissedSuggestions.get(me) ?? new Set()
  const eligible = (key: string) => {
    const a = w.accounts.get(key)
    return (
      a !== undefined &&
      key !== me &&
      a.discoverable &&
      !a.suspended &&
      a.movedToKey === null &&
      !w.isFollowing(me, key) &&
      !(w.followRequests.get(key)?.has(me) ?? false) &&
      !w.isBlocking(me, key) &&
      !w.isBlocking(key, me) &&
      !w.isMuting(me, key) &&
      !dismissed.has(key)
    )
  }
  const friendsOfFriends = new Map<string, number>()
  for (const followed of w.follows.get(me) ?? []) {
    for (const key of w.follows.get(followed) ?? []) if (eligible(key)) friendsOfFriends.set(key, (friendsOfFriends.get(key) ?? 0) + 1)
  }
  const followers = new Map<string, number>()
  for (const set of w.follows.values()) for (const key of set) followers.set(key, (followers.get(key) ?? 0) + 1)
  const mostFollowed = [...followers].filter(([key, n]) => n >= 2 && eligible(key)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))

  const out = new Map<string, Source[]>()
  for (const [key] of [...friendsOfFriends].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.set(key, ['friends_of_friends'])
  for (const [key] of mostFollowed) out.set(key, [...(out.get(key) ?? []), 'most_followed'])
  return [...out].map(([key, sources]) => ({ key, sources }))
}

function limited(ctx: Ctx, list: Suggestion[]): Suggestion[] {
  const limit = Math.min(Math.max(int(ctx.params, 'limit') ?? 40, 1), 80)
  return list.slice(0, limit)
}

export function registerSuggestionRoutes(router: ApiRouter): void {
  router.get('/api/v2/suggestions', (ctx) => {
    const me = requireUser(ctx, 'read:accounts')
    const view = viewFor(ctx, me)
    return json(
      limited(ctx, suggestionsFor(ctx, me)).map((s) => ({
        source: LEGACY_SOURCE[s.sources[0]!],
        sources: s.sources,
        account: view.account(world(ctx).account(s.key)),
      })),
    )
  })

  router.get('/api/v1/suggestions', (ctx) => {
    const me = requireUser(ctx, 'read:accounts')
    const view = viewFor(ctx, me)
    return json(limited(ctx, suggestionsFor(ctx, me)).map((s) => view.account(world(ctx).account(s.key))))
  })

  // Mastodon answers {} whether or not the account was suggested; an unknown id is not found.
  router.delete('/api/v1/suggestions/:id', (ctx) => {
    const me = requireUser(ctx, 'write:accounts')
    const key = accountKeyOf(ctx, ctx.path.id!)
    const w = world(ctx)
    const set = w.dismissedSuggestions.get(me) ?? new Set()
    set.add(key)
    w.dismissedSuggestions.set(me, set)
    return json({})
  })
}
