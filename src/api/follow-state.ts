// Where a row's follow button stands with an account (a list of people: suggestions,
// followers), what to show while a follow is on its way, and the request itself.

import type { mastodon } from 'masto'

export type FollowState = 'none' | 'following' | 'requested'

export const followStateOf = (r: mastodon.v1.Relationship | undefined): FollowState => (r?.following ? 'following' : r?.requested ? 'requested' : 'none')

/** Shown at once: a locked account answers with a request, anyone else with a follow. */
export const expectedFollowState = (follow: boolean, account: Pick<mastodon.v1.Account, 'locked'>): FollowState =>
  follow ? (account.locked ? 'requested' : 'following') : 'none'

export const setFollowing = (client: mastodon.rest.Client, id: string, follow: boolean): Promise<mastodon.v1.Relationship> =>
  follow ? client.v1.accounts.$select(id).follow() : client.v1.accounts.$select(id).unfollow()
