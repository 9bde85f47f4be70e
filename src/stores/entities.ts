// One normalised status store per account ("host|accountId"): a status exists once, and every
// column, thread or panel of that account reads the same object, so an edit, a favourite or a
// delete shows everywhere at once. Boosts and quotes are split into their parts: the boosted
// (or quoted) status is stored on its own, and the statuses that carry it are re-joined
// whenever it changes. Writes that change nothing are skipped; loads of one status are shared
// while in flight. Statuses are immutable values: a change stores a new object.

import { defineStore } from 'pinia'
import { shallowReactive, watch } from 'vue'
import type { mastodon } from 'masto'
import { useAccountsStore } from './accounts'

type Status = mastodon.v1.Status

/** Kept per account before the oldest untouched statuses are dropped (columns keep their own copy). */
export const STATUS_CACHE_LIMIT = 5000

interface AccountEntities {
  readonly statuses: Map<string, Status>
  /** Inner status id -> ids of the statuses that boost or quote it. */
  readonly carriers: Map<string, Set<string>>
  readonly deleted: Set<string>
  readonly loading: Map<string, Promise<Status>>
}

function quotedOf(status: Status): Status | null {
  const quoted = (status.quote as mastodon.v1.Quote | null | undefined)?.quotedStatus
  return quoted && typeof quoted === 'object' && typeof quoted.id === 'string' ? quoted : null
}

/** Statuses are plain JSON from the server: equal text means nothing changed. */
function same(a: Status, b: Status): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

export const useEntitiesStore = defineStore('entities', () => {
  const byAccount = new Map<string, AccountEntities>()
  // An account signed out (here or in another tab) takes what was known as it along. Watched
  // from here, not called by the accounts store, so pages without statuses (sign-in) do not
  // carry this store; until it exists there is nothing to forget.
  const accounts = useAccountsStore()
  watch(
    () => accounts.accounts,
    (now) => {
      for (const key of [...byAccount.keys()]) if (!now.some((a) => a.key === key)) forget(key)
    },
    { flush: 'sync' },
  )

  function entitiesOf(accountKey: string): AccountEntities {
    let entry = byAccount.get(accountKey)
    if (!entry) {
      entry = {
        statuses: shallowReactive(new Map<string, Status>()),
        carriers: new Map(),
        deleted: shallowReactive(new Set<string>()),
        loading: new Map(),
      }
      byAccount.set(accountKey, entry)
    }
    return entry
  }

  function link(entities: AccountEntities, innerId: string, carrierId: string): void {
    let set = entities.carriers.get(innerId)
    if (!set) entities.carriers.set(innerId, (set = new Set()))
    set.add(carrierId)
  }

  /** The carrier with its boosted/quoted parts replaced by the stored ones. */
  function joined(entities: AccountEntities, status: Status): Status {
    let result = status
    if (status.reblog) {
      const inner = entities.statuses.get(status.reblog.id)
      if (inner && inner !== status.reblog) result = { ...result, reblog: inner }
    }
    const quoted = quotedOf(status)
    if (quoted) {
      const inner = entities.statuses.get(quoted.id)
      if (inner && inner !== quoted) result = { ...result, quote: { ...(status.quote as mastodon.v1.Quote), quotedStatus: inner } }
    }
    return result
  }

  function evict(entities: AccountEntities): void {
    // Maps iterate in insertion order, and a write re-inserts: the first ones are the oldest.
    for (const id of entities.statuses.keys()) {
      if (entities.statuses.size <= STATUS_CACHE_LIMIT) break
      entities.statuses.delete(id)
      entities.carriers.delete(id)
    }
  }

  function store(entities: AccountEntities, incoming: Status, visiting: Set<string>): Status {
    if (visiting.has(incoming.id)) return entities.statuses.get(incoming.id) ?? incoming
    visiting.add(incoming.id)
    // Parts first, so the carrier is joined with their stored versions.
    if (incoming.reblog) {
      store(entities, incoming.reblog, visiting)
      link(entities, incoming.reblog.id, incoming.id)
    }
    const quoted = quotedOf(incoming)
    if (quoted) {
      store(entities, quoted, visiting)
      link(entities, quoted.id, incoming.id)
    }
    const next = joined(entities, incoming)
    const previous = entities.statuses.get(incoming.id)
    if (previous && same(previous, next)) return previous
    entities.statuses.delete(incoming.id)
    entities.statuses.set(incoming.id, next)
    // Every status that boosts or quotes this one shows the new version.
    for (const carrierId of entities.carriers.get(incoming.id) ?? []) {
      const carrier = entities.statuses.get(carrierId)
      if (carrier && !visiting.has(carrierId)) {
        const rejoined = joined(entities, carrier)
        if (rejoined !== carrier) entities.statuses.set(carrierId, rejoined)
      }
    }
    return next
  }

  /** Stores statuses as the account sees them; returns the stored (joined) objects. */
  function putStatuses(accountKey: string, statuses: readonly Status[]): Status[] {
    const entities = entitiesOf(accountKey)
    const stored = statuses.map((s) => store(entities, s, new Set()))
    evict(entities)
    return stored
  }

  function putStatus(accountKey: string, status: Status): Status {
    return putStatuses(accountKey, [status])[0]!
  }

  /** Reactive read: the stored status, or undefined when it is not (or no longer) known. */
  function status(accountKey: string, id: string): Status | undefined {
    const entities = entitiesOf(accountKey)
    return entities.deleted.has(id) ? undefined : entities.statuses.get(id)
  }

  /**
   * Reactive: what a view shows for a status it was given: the stored version (newer edits,
   * interactions), the given one when the store no longer holds it, or null once deleted
   * (itself, or the status it boosts).
   */
  function view(accountKey: string, given: Status): Status | null {
    const entities = entitiesOf(accountKey)
    if (entities.deleted.has(given.id) || (given.reblog && entities.deleted.has(given.reblog.id))) return null
    return entities.statuses.get(given.id) ?? given
  }

  /** The stored status with the given changes; returns the version before, for a rollback. */
  function patchStatus(accountKey: string, id: string, patch: Partial<Status>): Status | undefined {
    const entities = entitiesOf(accountKey)
    const previous = entities.statuses.get(id)
    if (!previous) return undefined
    store(entities, { ...previous, ...patch }, new Set())
    return previous
  }

  /** The status was deleted: it leaves every view of the account, with the boosts of it. */
  function markDeleted(accountKey: string, id: string): void {
    const entities = entitiesOf(accountKey)
    entities.deleted.add(id)
    for (const carrierId of entities.carriers.get(id) ?? []) {
      if (entities.statuses.get(carrierId)?.reblog?.id === id) entities.deleted.add(carrierId)
    }
  }

  /** Reactive: whether the status was deleted while the app was looking. */
  function isDeleted(accountKey: string, id: string): boolean {
    return entitiesOf(accountKey).deleted.has(id)
  }

  /** Loads one status once at a time: callers asking while it is on its way share the request. */
  function loadStatus(accountKey: string, id: string, load: () => Promise<Status>): Promise<Status> {
    const entities = entitiesOf(accountKey)
    const inFlight = entities.loading.get(id)
    if (inFlight) return inFlight
    const request = load()
      .then((s) => putStatus(accountKey, s))
      .finally(() => entities.loading.delete(id))
    entities.loading.set(id, request)
    return request
  }

  /** Everything known as the account (sign-out). */
  function forget(accountKey: string): void {
    byAccount.delete(accountKey)
  }

  return { putStatuses, putStatus, status, view, patchStatus, markDeleted, isDeleted, loadStatus, forget }
})
