// What a person can do with one status, as the account the status is seen as: favourite,
// boost (with a visibility), bookmark, follow/mute/block its author, delete their own post,
// copy its link. The status itself comes from the entity store of that account, so a change
// shows in every column of the account at once.
//
// Favourite, boost and bookmark are optimistic: the store is patched first, the request
// goes out, the server's answer replaces the patch; on failure only the fields that were
// changed are put back and the error is kept for the card to show. A second press while
// one is on its way is ignored, and nothing stays busy after an answer or a failure.
//
// "Act as": the same actions as another signed-in account. The status (or its author) is
// resolved on that account's server first, the request goes out with that account's token,
// and the answer goes into that account's store; the column's own store is not touched.

import { computed, getCurrentScope, onScopeDispose, reactive, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import type { RunAs } from '@/api/resolve-status'
import type * as ResolveStatus from '@/api/resolve-status'
import { useAccountsStore } from '@/stores/accounts'
import { handleOf, type StoredAccount } from '@/stores/accounts-storage'
import { useEntitiesStore } from '@/stores/entities'

type Status = mastodon.v1.Status


// Acting as another account first looks the post up on that account's server: that code
// loads the first time someone does, not with every card.
let resolving: typeof ResolveStatus | null = null
const loadResolving = async () => (resolving ??= await import('@/api/resolve-status'))

export type BoostVisibility = 'public' | 'unlisted' | 'private'
export type ActAsAction = 'favourite' | 'reblog' | 'bookmark' | 'follow'
export type RelationshipAction = 'follow' | 'unfollow' | 'mute' | 'unmute' | 'block' | 'unblock'
/** Why a status cannot be boosted: a private mention, or someone else's followers-only post. */
export type BoostBlock = 'direct' | 'private'

export type InteractionError =
  | { readonly kind: 'api'; readonly error: ApiErrorKind; readonly host: string }
  /** Act as: the other account's server does not know the status or its author. */
  | { readonly kind: 'not-found-on'; readonly host: string; readonly what: 'status' | 'account' }

export type InteractionNotice =
  | { readonly kind: 'copied' }
  | { readonly kind: 'copy-unavailable'; readonly url: string }
  | { readonly kind: 'acted-as'; readonly action: ActAsAction; readonly handle: string }
  | { readonly kind: 'relationship'; readonly action: RelationshipAction }
  | { readonly kind: 'cannot-boost'; readonly reason: BoostBlock }

export type RelationshipState = 'idle' | 'loading' | 'ready' | 'error'

/** How long a confirmation ("Copied", "Favourited as …") stays. */
export const NOTICE_MS = 6000

export interface StatusInteractionsOptions {
  /** "host|accountId" of the account the status is seen as. */
  readonly accountKey: MaybeRefOrGetter<string>
  /** The status as the list has it (a boost, or the post itself). */
  readonly status: MaybeRefOrGetter<Status>
}

const STATUS_PARTS = ['favourited', 'favouritesCount', 'reblogged', 'reblogsCount', 'bookmarked'] as const
type StatusPart = (typeof STATUS_PARTS)[number]

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

export function useStatusInteractions(options: StatusInteractionsOptions) {
  const accounts = useAccountsStore()
  const entities = useEntitiesStore()

  const accountKey = computed(() => toValue(options.accountKey))
  const outer = computed(() => toValue(options.status))
  /** What the actions act on: the boosted post for a boost. */
  const given = computed(() => outer.value.reblog ?? outer.value)
  /** The stored version (patched, answered by the server) when there is one. */
  const current = computed<Status>(() => entities.status(accountKey.value, given.value.id) ?? given.value)

  const me = computed<StoredAccount | undefined>(() => accounts.byKey(accountKey.value))
  const host = computed(() => me.value?.host ?? '')
  const isOwn = computed(() => !!me.value && current.value.account.id === me.value.id)
  /** The card shows this account's own boost (which goes away when the boost is undone). */
  const isOwnBoost = computed(() => !!me.value && !!outer.value.reblog && outer.value.account.id === me.value.id)

  const boostBlock = computed<BoostBlock | null>(() => {
    const visibility = current.value.visibility
    if (visibility === 'direct') return 'direct'
    if (visibility === 'private' && !isOwn.value) return 'private'
    return null
  })
  /** A followers-only post stays with the followers when its author boosts it. */
  const boostVisibilities = computed<BoostVisibility[]>(() =>
    current.value.visibility === 'private' ? ['private'] : ['public', 'unlisted', 'private'],
  )

  /** Other signed-in accounts that can act (not the one the status is seen as, none needing sign-in). */
  const actAsAccounts = computed(() => accounts.accounts.filter((a) => a.key !== accountKey.value && !a.needsReauth))

  // Busy, errors, confirmations ---------------------------------------------------------
  const pending = reactive(new Set<string>())
  const error = shallowRef<InteractionError | null>(null)
  const notice = shallowRef<InteractionNotice | null>(null)
  let noticeTimer: ReturnType<typeof setTimeout> | undefined

  function notify(next: InteractionNotice): void {
    notice.value = next
    clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => {
      notice.value = null
    }, NOTICE_MS)
  }

  function fail(reason: unknown, onHost: string): void {
    notice.value = null
    // Only an act-as (which loaded the lookup) can fail as not found on the other server.
    error.value = resolving?.isNotFoundOnInstance(reason)
      ? { kind: 'not-found-on', host: reason.host, what: reason.what }
      : { kind: 'api', error: classifyApiError(reason), host: onHost }
  }

  function dismissError(): void {
    error.value = null
  }

  onScopeDispose(() => clearTimeout(noticeTimer))

  const isBusy = (name: string) => pending.has(name)

  /** Runs one action at a time per name; a second start while it runs is ignored. */
  async function exclusive(name: string, run: () => Promise<void>): Promise<void> {
    if (pending.has(name)) return
    pending.add(name)
    error.value = null
    try {
      await run()
    } finally {
      pending.delete(name)
    }
  }

  // Optimistic status changes ---------------------------------------------------------------

  /** The status as stored; stores the list's copy first when the store does not have it yet. */
  function stored(key: string): Status {
    const id = given.value.id
    const known = entities.status(key, id)
    if (known) return known
    if (!entities.isDeleted(key, id)) entities.putStatus(key, outer.value)
    return entities.status(key, id) ?? given.value
  }

  async function optimistic(
    name: string,
    change: (before: Status) => Partial<Pick<Status, StatusPart>>,
    send: (client: mastodon.rest.Client, id: string, before: Status) => Promise<Status>,
    after?: (key: string) => void,
  ): Promise<void> {
    await exclusive(name, async () => {
      const key = accountKey.value
      const onHost = host.value
      const before = stored(key)
      const patch = change(before)
      entities.patchStatus(key, before.id, patch)
      try {
        const answer = await accounts.call(key, (client) => send(client, before.id, before))
        entities.putStatus(key, answer)
        after?.(key)
      } catch (reason) {
        // Only what this action changed goes back; anything else that arrived meanwhile stays.
        const restore: Partial<Pick<Status, StatusPart>> = {}
        for (const field of STATUS_PARTS) if (field in patch) Object.assign(restore, { [field]: before[field] })
        entities.patchStatus(key, before.id, restore)
        fail(reason, onHost)
      }
    })
  }

  function toggleFavourite(): Promise<void> {
    return optimistic(
      'favourite',
      (s) => ({ favourited: !s.favourited, favouritesCount: Math.max(0, count(s.favouritesCount) + (s.favourited ? -1 : 1)) }),
      (client, id, before) => (before.favourited ? client.v1.statuses.$select(id).unfavourite() : client.v1.statuses.$select(id).favourite()),
    )
  }

  function toggleBookmark(): Promise<void> {
    return optimistic(
      'bookmark',
      (s) => ({ bookmarked: !s.bookmarked }),
      (client, id, before) => (before.bookmarked ? client.v1.statuses.$select(id).unbookmark() : client.v1.statuses.$select(id).bookmark()),
    )
  }

  function boost(visibility: BoostVisibility): Promise<void> {
    if (current.value.reblogged || pending.has('reblog')) return Promise.resolve()
    if (boostBlock.value) {
      notify({ kind: 'cannot-boost', reason: boostBlock.value })
      return Promise.resolve()
    }
    const allowed = boostVisibilities.value.includes(visibility) ? visibility : boostVisibilities.value[0]!
    return optimistic(
      'reblog',
      (s) => ({ reblogged: true, reblogsCount: count(s.reblogsCount) + 1 }),
      // The answer is the new boost, carrying the post (reblogged: true) inside it.
      (client, id) => client.v1.statuses.$select(id).reblog({ visibility: allowed }),
    )
  }

  function unboost(): Promise<void> {
    if (!current.value.reblogged) return Promise.resolve()
    const boostId = isOwnBoost.value ? outer.value.id : null
    return optimistic(
      'reblog',
      (s) => ({ reblogged: false, reblogsCount: Math.max(0, count(s.reblogsCount) - 1) }),
      (client, id) => client.v1.statuses.$select(id).unreblog(),
      // The boost this card showed no longer exists.
      (key) => {
        if (boostId) entities.markDeleted(key, boostId)
      },
    )
  }

  function remove(): Promise<void> {
    if (!isOwn.value) return Promise.resolve()
    return exclusive('delete', async () => {
      const key = accountKey.value
      const onHost = host.value
      const id = current.value.id
      try {
        await accounts.call(key, (client) => client.v1.statuses.$select(id).remove())
        entities.markDeleted(key, id)
      } catch (reason) {
        fail(reason, onHost)
      }
    })
  }

  // The author: relationship, follow, mute, block ------------------------------------------
  const relationship = shallowRef<mastodon.v1.Relationship | null>(null)
  const relationshipState = shallowRef<RelationshipState>('idle')
  let relationshipRequest = 0

  // Another account or author: what was loaded (or is on its way) is about someone else.
  // Watched from the first load or change on (a card that never opens its menu has nothing
  // to forget, and a deck mounts many cards).
  const scope = getCurrentScope()
  let followingAuthor = false
  function followAuthor(): void {
    if (followingAuthor) return
    followingAuthor = true
    const forget = () => {
      relationshipRequest++
      relationship.value = null
      relationshipState.value = 'idle'
    }
    if (scope) scope.run(() => watch([accountKey, () => current.value.account.id], forget))
    else watch([accountKey, () => current.value.account.id], forget)
  }

  /** Loads how the account relates to the author, once (the menu asks when it opens). */
  async function loadRelationship(): Promise<void> {
    if (isOwn.value || relationshipState.value === 'loading' || relationshipState.value === 'ready') return
    followAuthor()
    const request = ++relationshipRequest
    const key = accountKey.value
    const authorId = current.value.account.id
    relationshipState.value = 'loading'
    try {
      const [found] = await accounts.call(key, (client) => client.v1.accounts.relationships.fetch({ id: [authorId] }))
      if (request !== relationshipRequest) return
      relationship.value = found ?? null
      relationshipState.value = found ? 'ready' : 'error'
    } catch {
      if (request === relationshipRequest) relationshipState.value = 'error'
    }
  }

  function relate(action: RelationshipAction): Promise<void> {
    if (isOwn.value) return Promise.resolve()
    followAuthor()
    return exclusive('relationship', async () => {
      const key = accountKey.value
      const onHost = host.value
      const authorId = current.value.account.id
      try {
        const answer = await accounts.call(key, (client) => {
          const author = client.v1.accounts.$select(authorId)
          switch (action) {
            case 'follow':
              return author.follow()
            case 'unfollow':
              return author.unfollow()
            case 'mute':
              return author.mute()
            case 'unmute':
              return author.unmute()
            case 'block':
              return author.block()
            case 'unblock':
              return author.unblock()
          }
        })
        // The answer is newer than a load still on its way (unless the card moved on).
        if (key === accountKey.value && authorId === current.value.account.id) {
          relationshipRequest++
          relationship.value = answer
          relationshipState.value = 'ready'
        }
        notify({ kind: 'relationship', action })
      } catch (reason) {
        fail(reason, onHost)
      }
    })
  }

  // Copy link ----------------------------------------------------------------------------

  async function copyLink(url: string): Promise<void> {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
    try {
      if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('No clipboard')
      await clipboard.writeText(url)
      notify({ kind: 'copied' })
    } catch {
      // No clipboard (an insecure page, a refused permission): show the link to copy by hand.
      notify({ kind: 'copy-unavailable', url })
    }
  }

  // Act as another signed-in account ----------------------------------------------------

  /** Whether `to` is the author (so following them as `to` makes no sense). */
  function isAuthor(to: StoredAccount): boolean {
    return current.value.account.url === to.url
  }

  function actAs(targetKey: string, action: ActAsAction): Promise<void> {
    const from = me.value
    const to = accounts.byKey(targetKey)
    if (!from || !to || to.key === from.key) return Promise.resolve()
    if (action === 'reblog' && (current.value.visibility === 'private' || current.value.visibility === 'direct')) {
      notify({ kind: 'cannot-boost', reason: current.value.visibility === 'direct' ? 'direct' : 'private' })
      return Promise.resolve()
    }
    const status = current.value
    const runAs: RunAs = (fn) => accounts.call(to.key, fn)
    return exclusive(`as:${to.key}`, async () => {
      try {
        const { resolveAccountFor, resolveStatusFor } = await loadResolving()
        if (action === 'follow') {
          const author = await resolveAccountFor(status.account, from, to, runAs)
          await runAs((client) => client.v1.accounts.$select(author.id).follow())
        } else {
          const resolved = await resolveStatusFor(status, from, to, runAs)
          const answer = await runAs((client) => {
            const target = client.v1.statuses.$select(resolved.id)
            if (action === 'favourite') return target.favourite()
            if (action === 'bookmark') return target.bookmark()
            return target.reblog()
          })
          entities.putStatus(to.key, answer)
        }
        notify({ kind: 'acted-as', action, handle: handleOf(to) })
      } catch (reason) {
        fail(reason, to.host)
      }
    })
  }

  return {
    /** The post the actions act on, as stored for the account. */
    current,
    isOwn,
    boostBlock,
    boostVisibilities,
    actAsAccounts,
    isAuthor,
    isBusy,
    error,
    notice,
    dismissError,
    toggleFavourite,
    toggleBookmark,
    boost,
    unboost,
    remove,
    relationship,
    relationshipState,
    loadRelationship,
    relate,
    copyLink,
    actAs,
  }
}

export type StatusInteractions = ReturnType<typeof useStatusInteractions>
