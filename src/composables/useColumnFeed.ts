// The items of one deck column, loaded page by page as the column's own account.
// Order is the server's; ids are opaque (never compared), only used to drop repeats.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { useAccountsStore } from '@/stores/accounts'
import { useEntitiesStore } from '@/stores/entities'
import type { ColumnSpec } from '@/stores/deck-types'
import { createColumnSource, type FeedItem, type FeedSource } from '@/components/column/column-sources'
import { applyLiveEvents, revealPending, type LiveEvent } from '@/components/column/live-events'

/** The statuses items carry, for the account's entity store. */
export function statusesOf(items: readonly FeedItem[]): mastodon.v1.Status[] {
  return items.flatMap((i) => {
    if (i.kind === 'status') return [i.status]
    if (i.kind === 'notification') return i.notification.status ? [i.notification.status] : []
    return i.conversation.lastStatus ? [i.conversation.lastStatus] : []
  })
}

/** Pages read in one go when a page brings nothing new (overlap) or when resuming after an error. */
const MAX_PAGES_PER_LOAD = 25

export function useColumnFeed(column: () => ColumnSpec) {
  const accounts = useAccountsStore()
  const entities = useEntitiesStore()
  const items = shallowRef<readonly FeedItem[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const done = shallowRef(false)
  /** Streamed items gathered while the reader is scrolled down ("N new posts"). */
  const pending = shallowRef<readonly FeedItem[]>([])
  let source: FeedSource | null = null
  /** The source failed: its paginator cannot go on, so the next load starts a new one. */
  let broken = false
  let generation = 0

  async function load(more: boolean): Promise<void> {
    if (more && (loading.value || done.value || source === null)) return
    const mine = more ? generation : ++generation
    const spec = column()
    if (!more) {
      source = createColumnSource(spec)
      broken = false
      items.value = []
      pending.value = []
      done.value = false
    }
    loading.value = true
    error.value = null
    try {
      // After an error, start again from the newest page and skip what is already shown.
      for (let pages = 0; pages < MAX_PAGES_PER_LOAD; pages++) {
        if (broken) {
          source = createColumnSource(spec)
          broken = false
        }
        const from = source!
        const page = await accounts.call(spec.accountKey, (client: mastodon.rest.Client) => from.next(client))
        if (mine !== generation) return
        entities.putStatuses(spec.accountKey, statusesOf(page.items))
        const seen = new Set(items.value.map((i) => i.id))
        const fresh = page.items.filter((i) => !seen.has(i.id) && Boolean(seen.add(i.id)))
        if (fresh.length > 0) items.value = [...items.value, ...fresh]
        done.value = page.done
        // Go on only past a page that brought nothing new (overlap, or resuming after an error).
        if (page.done || fresh.length > 0 || page.items.length === 0) break
      }
    } catch (e) {
      if (mine === generation) {
        error.value = classifyApiError(e)
        broken = true
      }
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** After an error: the first page again when nothing is shown, else the next page. */
  function retry(): Promise<void> {
    return load(items.value.length > 0 && source !== null)
  }

  function replace(status: mastodon.v1.Status): void {
    entities.putStatus(column().accountKey, status)
  }

  /**
   * A batch of streamed events: on top when `atTop`, else into `pending`. Edits and deletes
   * go to the account's store first, so every column of the account shows them at once.
   */
  function applyLive(events: readonly LiveEvent[], atTop: boolean): void {
    const key = column().accountKey
    for (const event of events) {
      if (event.kind === 'delete') entities.markDeleted(key, event.id)
      else if (event.kind === 'update' || event.kind === 'edit') entities.putStatus(key, event.status)
      else if (event.kind === 'notification' && event.notification.status) entities.putStatus(key, event.notification.status)
      else if (event.kind === 'conversation' && event.conversation.lastStatus) entities.putStatus(key, event.conversation.lastStatus)
    }
    const next = applyLiveEvents(column(), { items: items.value, pending: pending.value }, events, atTop)
    if (next.items !== items.value) items.value = next.items
    if (next.pending !== pending.value) pending.value = next.pending
  }

  /** Puts the gathered items on top. */
  function showPending(): void {
    const next = revealPending({ items: items.value, pending: pending.value })
    items.value = next.items
    pending.value = next.pending
  }

  return { items, pending, loading, error, done, load, retry, replace, applyLive, showPending }
}
