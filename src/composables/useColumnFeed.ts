// The items of one deck column, loaded page by page as the column's own account, kept live
// by streamed events, caught up through REST after the stream was interrupted, with gap
// markers where a range is still missing. Order is the server's; ids are opaque (never
// compared), only used to drop repeats and passed back to the server as cursors.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { useAccountsStore } from '@/stores/accounts'
import { useEntitiesStore } from '@/stores/entities'
import type { ColumnSpec } from '@/timeline/column-spec'
import {
  COLUMN_PAGE_SIZE,
  createColumnSource,
  fetchRange,
  statusTimeline,
  supportsRanges,
  type FeedItem,
  type FeedSource,
} from '@/timeline/column-sources'
import {
  addNotification,
  applyLiveEvents,
  createBurstMeter,
  mergeNewest,
  revealPending,
  replaceGap,
  type LiveEvent,
  type LiveLists,
} from '@/timeline/live-events'
import { takeFirstPage } from '@/timeline/first-pages'

/** The statuses items carry, for the account's entity store. */
export function statusesOf(items: readonly FeedItem[]): mastodon.v1.Status[] {
  return items.flatMap((i) => {
    if (i.kind === 'status') return [i.status]
    if (i.kind === 'notification') return i.notification.status ? [i.notification.status] : []
    if (i.kind === 'conversation') return i.conversation.lastStatus ? [i.conversation.lastStatus] : []
    return []
  })
}

/** Pages read in one go when a page brings nothing new (overlap) or when resuming after an error. */
const MAX_PAGES_PER_LOAD = 25
/** More streamed items than this within BURST_WINDOW_MS make a column wait behind "N new". */
export const BURST_LIMIT = 10
export const BURST_WINDOW_MS = 5000

/** Range pages a catch-up reads before it leaves a gap marker for the rest. */
const MAX_CATCH_UP_PAGES = 3

let gapCounter = 0

export function useColumnFeed(column: () => ColumnSpec) {
  const accounts = useAccountsStore()
  const entities = useEntitiesStore()
  const items = shallowRef<readonly FeedItem[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<ApiErrorKind | null>(null)
  const done = shallowRef(false)
  /** Streamed items gathered while the reader is scrolled down ("N new posts"). */
  const pending = shallowRef<readonly FeedItem[]>([])
  /** A catch-up or gap load is on its way; which gap (by id) when it is one. */
  const fillingGap = shallowRef<string | null>(null)
  const gapError = shallowRef<ApiErrorKind | null>(null)
  let source: FeedSource | null = null
  /** The source failed: its paginator cannot go on, so the next load starts a new one. */
  let broken = false
  let generation = 0
  /**
   * The newest id the column holds with nothing missing below it: where a catch-up starts.
   * Streamed events move it only while the stream is known to be unbroken.
   */
  let cursor: string | null = null
  let contiguous = false
  let catchingUp: Promise<void> | null = null
  const burst = createBurstMeter(BURST_LIMIT, BURST_WINDOW_MS)

  /**
   * New items go straight on top only for a reader at the top, with nothing already waiting
   * (what waits is older, and must stay below them) and the column not in a burst.
   */
  function straightOnTop(atTop: boolean): boolean {
    return atTop && pending.value.length === 0 && !burst.busy()
  }
  /** A catch-up asked for while a page was loading runs when it is done. */
  let queuedCatchUp: (() => boolean) | null = null

  async function load(more: boolean): Promise<void> {
    if (more && (loading.value || done.value || source === null)) return
    const mine = more ? generation : ++generation
    const spec = column()
    // The page started at start-up for this column, if there is one (see first-pages.ts).
    const early = more ? null : takeFirstPage(spec)
    if (!more) {
      source = early?.source ?? createColumnSource(spec)
      broken = false
      items.value = []
      pending.value = []
      done.value = false
      cursor = null
      contiguous = false
      gapError.value = null
      burst.reset()
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
        const first = items.value.length === 0
        const page = await (pages === 0 && early
          ? early.page
          : accounts.call(spec.accountKey, (client: mastodon.rest.Client) => from.next(client)))
        if (mine !== generation) return
        if (first && cursor === null) cursor = page.newest ?? null
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
      if (mine === generation) {
        loading.value = false
        const atTop = queuedCatchUp
        queuedCatchUp = null
        if (atTop && !error.value) void catchUp(atTop)
      }
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
    const spec = column()
    const key = spec.accountKey
    for (const event of events) {
      if (event.kind === 'delete') entities.markDeleted(key, event.id)
      else if (event.kind === 'update' || event.kind === 'edit') entities.putStatus(key, event.status)
      else if (event.kind === 'notification' && event.notification.status) entities.putStatus(key, event.notification.status)
      else if (event.kind === 'conversation' && event.conversation.lastStatus) entities.putStatus(key, event.conversation.lastStatus)
      if (contiguous) {
        if (event.kind === 'update' && spec.type !== 'notifications' && spec.type !== 'mentions') cursor = event.status.id
        if (event.kind === 'notification' && (spec.type === 'notifications' || (spec.type === 'mentions' && event.notification.type === 'mention'))) {
          cursor = event.notification.id
        }
      }
    }
    const direct = straightOnTop(atTop)
    const next = applyLiveEvents(spec, { items: items.value, pending: pending.value }, events, direct)
    if (direct) burst.record(Math.max(0, next.items.length - items.value.length))
    if (next.items !== items.value) items.value = next.items
    if (next.pending !== pending.value) pending.value = next.pending
  }

  /** Puts the gathered items on top. */
  function showPending(): void {
    burst.reset()
    const next = revealPending({ items: items.value, pending: pending.value })
    items.value = next.items
    pending.value = next.pending
  }

  /** The reader came back to the top: what waits shows, unless the column is in a burst. */
  function revealAtTop(): void {
    if (pending.value.length > 0 && !burst.busy()) showPending()
  }

  /** The stream broke off (drop, hidden tab): streamed events no longer prove nothing is missing. */
  function interrupted(): void {
    contiguous = false
  }

  /**
   * Reads through REST what arrived since the column's cursor (after a reconnect, a return to
   * the tab, or on a polling tick), newest first, up to a few pages; a gap marker stands for
   * the rest. New items go on top when `atTop()`, else behind "N new".
   */
  function catchUp(atTop: () => boolean): Promise<void> {
    if (catchingUp) return catchingUp
    catchingUp = runCatchUp(atTop).finally(() => {
      catchingUp = null
    })
    return catchingUp
  }

  async function runCatchUp(atTop: () => boolean): Promise<void> {
    const spec = column()
    const since = cursor
    if (!supportsRanges(spec)) return
    if (loading.value) {
      queuedCatchUp = atTop
      return
    }
    if (since === null) {
      // Nothing was loaded (an empty column, or an error): the first page is the catch-up.
      // Still empty with the stream live, nothing can be missing: what streams in from now
      // on moves the cursor, so a later catch-up knows where to start.
      if (items.value.length === 0) {
        await load(false)
        if (items.value.length === 0 && !error.value) contiguous = true
      }
      return
    }
    const mine = generation
    const before = new Set([...items.value, ...pending.value].map((i) => i.id))
    const collected: FeedItem[] = []
    let newest: string | null = null
    let maxId: string | undefined
    let full = false
    try {
      for (let pages = 0; pages < MAX_CATCH_UP_PAGES; pages++) {
        const page = await accounts.call(spec.accountKey, (c) => fetchRange(c, spec, { sinceId: since, maxId }))
        if (mine !== generation) return
        entities.putStatuses(spec.accountKey, statusesOf(page.items))
        collected.push(...page.items)
        newest ??= page.newest
        full = page.full && page.oldest !== null
        if (!full) break
        maxId = page.oldest ?? undefined
      }
    } catch {
      // The stream or the next tick will try again; the cursor stays where it was.
      return
    }
    if (newest) cursor = newest
    contiguous = true
    let next: LiveLists
    if (spec.type === 'notifications') {
      // Rows join their groups one by one, oldest first, as if they had been streamed.
      next = { items: items.value, pending: pending.value }
      const direct = straightOnTop(atTop())
      for (const item of [...collected].reverse()) if (item.kind === 'notification') next = addNotification(next, item, direct)
    } else {
      if (full && maxId) collected.push({ kind: 'gap', id: `gap:${++gapCounter}`, maxId, sinceId: since })
      next = mergeNewest({ items: items.value, pending: pending.value }, collected, before, straightOnTop(atTop()))
    }
    items.value = next.items
    pending.value = next.pending
  }

  /** Loads what a gap marker stands for, newest first; a smaller gap stays while more is missing. */
  async function fillGap(gapId: string): Promise<void> {
    const spec = column()
    const gap = items.value.find((i) => i.id === gapId)
    if (!gap || gap.kind !== 'gap' || fillingGap.value) return
    const mine = generation
    fillingGap.value = gapId
    gapError.value = null
    try {
      const page = await accounts.call(spec.accountKey, (c) => fetchRange(c, spec, { sinceId: gap.sinceId, maxId: gap.maxId }))
      if (mine !== generation) return
      entities.putStatuses(spec.accountKey, statusesOf(page.items))
      const rest: FeedItem | null =
        page.full && page.oldest ? { kind: 'gap', id: `gap:${++gapCounter}`, maxId: page.oldest, sinceId: gap.sinceId } : null
      items.value = replaceGap(items.value, gapId, rest ? [...page.items, rest] : page.items)
    } catch (e) {
      if (mine === generation) gapError.value = classifyApiError(e)
    } finally {
      if (mine === generation) fillingGap.value = null
    }
  }

  /**
   * Arranges a status timeline around one status (the saved read position): the statuses just
   * newer than it, itself, and the older ones, below what is shown already, with a gap marker
   * between when they do not meet. Paging goes on below it. Resolves to the key of the row to
   * bring into view (the status, or the nearest older one), or null when there is none.
   */
  async function showAround(statusId: string): Promise<string | null> {
    const spec = column()
    const timeline = statusTimeline(spec)
    if (!timeline) return null
    if (items.value.some((i) => i.id === statusId)) return statusId
    const mine = generation
    const limit = COLUMN_PAGE_SIZE
    const [newer, older, marked] = await accounts.call(spec.accountKey, (c) =>
      Promise.all([
        timeline(c, { limit, minId: statusId }),
        timeline(c, { limit, maxId: statusId }),
        c.v1.statuses
          .$select(statusId)
          .fetch()
          .catch(() => null),
      ]),
    )
    if (mine !== generation || loading.value) return null
    const around = [...newer, ...(marked ? [marked] : []), ...older]
    entities.putStatuses(spec.accountKey, around)
    const shown = new Set(items.value.map((i) => i.id))
    const meets = newer.length === 0 || newer.some((s) => shown.has(s.id))
    const fresh: FeedItem[] = around.filter((s) => !shown.has(s.id)).map((status) => ({ kind: 'status', id: status.id, status }))
    const last = items.value.at(-1)
    const gap: FeedItem[] =
      !meets && last && newer[0] ? [{ kind: 'gap', id: `gap:${++gapCounter}`, maxId: last.id, sinceId: newer[0].id }] : []
    items.value = [...items.value, ...gap, ...fresh]
    source = createColumnSource(spec, older.at(-1)?.id ?? statusId)
    broken = false
    done.value = older.length === 0
    return marked ? statusId : (older[0]?.id ?? null)
  }

  return {
    items,
    pending,
    showAround,
    loading,
    error,
    done,
    fillingGap,
    gapError,
    load,
    retry,
    replace,
    applyLive,
    showPending,
    revealAtTop,
    interrupted,
    catchUp,
    fillGap,
  }
}
