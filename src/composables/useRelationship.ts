// How the view's account stands with one other account, and every action on it: follow
// (with the bell and boosts), unfollow or cancel a request, mute (for a while, with or
// without notifications), block, block their whole server, endorse, and a private note.
// Each is optimistic where the outcome is known (the buttons change at once), takes the
// server's answer as the truth, and on a failure puts things back and keeps the error.

import { shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { serverMessageOf } from '@/api/server-message'
import { familiarFollowersOf } from '@/api/familiar-followers'
import { useAccountsStore } from '@/stores/accounts'

type Relationship = mastodon.v1.Relationship
export type RelationshipAction =
  | 'follow'
  | 'unfollow'
  | 'notify'
  | 'reblogs'
  | 'mute'
  | 'unmute'
  | 'block'
  | 'unblock'
  | 'blockDomain'
  | 'unblockDomain'
  | 'endorse'
  | 'unendorse'
  | 'note'

export interface RelationshipError {
  readonly action: RelationshipAction
  readonly kind: ApiErrorKind
  readonly detail: string | null
}

/** The server the account lives on, for a remote one (`user@host`); null for a local one. */
export function remoteDomainOf(account: Pick<mastodon.v1.Account, 'acct'>): string | null {
  const at = account.acct.indexOf('@')
  return at >= 0 ? account.acct.slice(at + 1).toLowerCase() : null
}

export function useRelationship(accountKey: MaybeRefOrGetter<string | undefined>, target: MaybeRefOrGetter<mastodon.v1.Account | null>) {
  const accounts = useAccountsStore()
  const relationship = shallowRef<Relationship | null>(null)
  const familiar = shallowRef<readonly mastodon.v1.Account[]>([])
  const busy = shallowRef<RelationshipAction | null>(null)
  const error = shallowRef<RelationshipError | null>(null)
  const done = shallowRef<RelationshipAction | null>(null)
  let generation = 0

  async function load(): Promise<void> {
    const key = toValue(accountKey)
    const account = toValue(target)
    const mine = ++generation
    relationship.value = null
    familiar.value = []
    error.value = null
    done.value = null
    if (!key || !account) return
    const id = account.id
    const [rels, fam] = await Promise.allSettled([
      accounts.call(key, (c) => c.v1.accounts.relationships.fetch({ id: [id] })),
      accounts.call(key, (c) => familiarFollowersOf(c, id)),
    ])
    if (mine !== generation) return
    // A server may answer something other than a list (or nothing): no relationship then.
    if (rels.status === 'fulfilled' && Array.isArray(rels.value)) relationship.value = rels.value.find((r) => r.id === id) ?? rels.value[0] ?? null
    if (fam.status === 'fulfilled') familiar.value = fam.value
  }

  /** One action: `guess` is shown at once, `request` answers the new relationship. */
  async function run(action: RelationshipAction, guess: Partial<Relationship>, request: (c: mastodon.rest.Client, id: string) => Promise<Relationship | void>): Promise<boolean> {
    const key = toValue(accountKey)
    const account = toValue(target)
    const before = relationship.value
    if (!key || !account || !before || busy.value) return false
    busy.value = action
    error.value = null
    done.value = null
    relationship.value = { ...before, ...guess }
    try {
      const answer = await accounts.call(key, (c) => request(c, account.id))
      // Domain blocks answer {} (no relationship): it is asked for again.
      const fresh = answer && typeof answer === 'object' && 'id' in answer ? answer : undefined
      relationship.value = fresh ?? (await accounts.call(key, (c) => c.v1.accounts.relationships.fetch({ id: [account.id] })))[0] ?? relationship.value
      done.value = action
      return true
    } catch (e) {
      relationship.value = before
      error.value = { action, kind: classifyApiError(e), detail: serverMessageOf(e) }
      return false
    } finally {
      busy.value = null
    }
  }

  const locked = () => toValue(target)?.locked === true

  const actions = {
    follow: () => run('follow', locked() ? { requested: true } : { following: true }, (c, id) => c.v1.accounts.$select(id).follow()),
    unfollow: () => run('unfollow', { following: false, requested: false, notifying: false }, (c, id) => c.v1.accounts.$select(id).unfollow()),
    setNotify: (notify: boolean) => run('notify', { notifying: notify }, (c, id) => c.v1.accounts.$select(id).follow({ notify })),
    setReblogs: (reblogs: boolean) => run('reblogs', { showingReblogs: reblogs }, (c, id) => c.v1.accounts.$select(id).follow({ reblogs })),
    /** `duration` in seconds, 0 for indefinitely. */
    mute: (duration: number, notifications: boolean) =>
      run('mute', { muting: true, mutingNotifications: notifications }, (c, id) => c.v1.accounts.$select(id).mute({ duration, notifications })),
    unmute: () => run('unmute', { muting: false, mutingNotifications: false }, (c, id) => c.v1.accounts.$select(id).unmute()),
    block: () => run('block', { blocking: true, following: false, requested: false }, (c, id) => c.v1.accounts.$select(id).block()),
    unblock: () => run('unblock', { blocking: false }, (c, id) => c.v1.accounts.$select(id).unblock()),
    blockDomain: (domain: string) => run('blockDomain', { domainBlocking: true, following: false, followedBy: false }, (c) => c.v1.domainBlocks.create({ domain })),
    unblockDomain: (domain: string) => run('unblockDomain', { domainBlocking: false }, (c) => c.v1.domainBlocks.remove({ domain })),
    endorse: () => run('endorse', { endorsed: true }, (c, id) => c.v1.accounts.$select(id).pin()),
    unendorse: () => run('unendorse', { endorsed: false }, (c, id) => c.v1.accounts.$select(id).unpin()),
    saveNote: (comment: string) => run('note', { note: comment }, (c, id) => c.v1.accounts.$select(id).note.create({ comment })),
  }

  watch([() => toValue(accountKey), () => toValue(target)?.id], () => void load(), { immediate: true })

  return { relationship, familiar, busy, error, done, reload: load, ...actions }
}
