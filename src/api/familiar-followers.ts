// GET /api/v1/accounts/familiar_followers?id[]=… masto 8 types the method as taking the ids
// as a bare array, which it sends as no query at all; given `{ id: [...] }` it sends id[].

import type { mastodon } from 'masto'

type Fetch = (params: { id: readonly string[] }) => Promise<mastodon.v1.FamiliarFollowers[]>

export async function familiarFollowersOf(client: mastodon.rest.Client, accountId: string): Promise<readonly mastodon.v1.Account[]> {
  const fetch = client.v1.accounts.familiarFollowers.fetch as unknown as Fetch
  const answer = await fetch.call(client.v1.accounts.familiarFollowers, { id: [accountId] })
  return (Array.isArray(answer) ? answer : []).find((f) => f.id === accountId)?.accounts ?? []
}
