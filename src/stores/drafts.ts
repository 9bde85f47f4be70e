// Drafts: everything being composed, kept until the server confirms it. Changes show at
// once; writes to IndexedDB are gathered (at most 300 ms late) and made at once when the
// page is hidden or left. A write always writes the latest state of a draft, a failed one is
// tried again with the next change, and without IndexedDB (some private modes) drafts still
// work for the session, with `persistent` false. Other tabs hear which drafts changed
// (BroadcastChannel) and read them again.

import { defineStore } from 'pinia'
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, toRaw, triggerRef } from 'vue'
import type { Draft } from '@/compose/draft-types'
import { openDraftStorage, type DraftStorage } from './drafts-storage'
import { forgetUnsaved, keepUnsaved, restoreUnsaved, takeUnsaved } from './drafts-unsaved'

export const DRAFTS_CHANNEL = 'deckodon-drafts'
export const DRAFT_WRITE_DELAY_MS = 300

interface ChangedMessage {
  readonly ids: readonly string[]
}

/** A plain copy for IndexedDB: reactive proxies cannot be cloned into it; Blobs (and any other class) stay as they are. */
function plain<T>(value: T): T {
  const raw = toRaw(value) as unknown
  if (raw === null || typeof raw !== 'object') return raw as T
  if (Array.isArray(raw)) return raw.map((v: unknown) => plain(v)) as T
  const proto: unknown = Object.getPrototypeOf(raw)
  if (proto !== Object.prototype && proto !== null) return raw as T
  const copy: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) copy[k] = plain(v)
  return copy as T
}

export const useDraftsStore = defineStore('drafts', () => {
  const byId = shallowRef(new Map<string, Draft>())
  const ready = ref(false)
  const persistent = ref(true)

  let storage: DraftStorage | null = openDraftStorage()
  if (!storage) persistent.value = false

  const drafts = computed<readonly Draft[]>(() => [...byId.value.values()].sort((a, b) => b.updatedAt - a.updatedAt))

  function put(draft: Draft): void {
    byId.value.set(draft.id, draft)
    triggerRef(byId)
  }
  function drop(id: string): boolean {
    const had = byId.value.delete(id)
    if (had) triggerRef(byId)
    return had
  }

  // ---- writing ----

  const pending = new Set<string>()
  /** Taken from `pending` for a write that has not finished: leaving now may abort it. */
  const writing = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  /** IndexedDB work runs one after another, so a removal never races a write of the same draft. */
  let queue: Promise<void> = Promise.resolve()
  const enqueue = (op: () => Promise<void>): Promise<void> => (queue = queue.then(op, op))

  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DRAFTS_CHANNEL)
  const announce = (ids: readonly string[]) => {
    if (ids.length) channel?.postMessage({ ids: [...ids] } satisfies ChangedMessage)
  }

  function schedule(id: string): void {
    if (!storage) return
    pending.add(id)
    if (timer !== null) return
    timer = setTimeout(() => void flush(), DRAFT_WRITE_DELAY_MS)
  }

  /** Writes every changed draft now (their latest state). */
  function flush(): Promise<void> {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!storage || pending.size === 0) return queue
    const target = storage
    const ids = [...pending]
    pending.clear()
    for (const id of ids) writing.add(id)
    return enqueue(async () => {
      // Read at write time: whatever changed since the flush was asked for goes too.
      const latest = ids.map((id) => byId.value.get(id)).filter((d): d is Draft => d !== undefined)
      try {
        await target.writeMany(latest.map(plain))
        // Written: the copies kept when the page went away are not needed (see drafts-unsaved).
        forgetUnsaved(latest.filter((d) => byId.value.get(d.id) === d && !pending.has(d.id)).map((d) => d.id))
        announce(latest.map((d) => d.id))
      } catch (error) {
        // Tried again with the next change (or flush); nothing in memory is lost.
        for (const id of ids) pending.add(id)
        console.warn('Drafts: saving failed, will try again', error)
      } finally {
        for (const id of ids) writing.delete(id)
      }
    })
  }

  // ---- the API ----

  let loading: Promise<void> | null = null
  /** Drafts removed since the load began: what it reads may predate the removal. */
  const removedWhileLoading = new Set<string>()

  /** Reads the stored drafts (once); drafts made before it finished are kept. */
  function load(): Promise<void> {
    loading ??= (async () => {
      if (storage) {
        try {
          const stored = (await storage.readAll()).filter((d) => !removedWhileLoading.has(d.id))
          for (const draft of stored) if (!byId.value.has(draft.id)) byId.value.set(draft.id, draft)
          // What the last page could not write before it went away.
          const storedById = new Map(stored.map((d) => [d.id, d]))
          for (const kept of takeUnsaved().filter((d) => !removedWhileLoading.has(d.id))) {
            const restored = restoreUnsaved(kept, storedById.get(kept.id))
            if (restored && !pending.has(restored.id)) {
              byId.value.set(restored.id, restored)
              schedule(restored.id)
            }
          }
          triggerRef(byId)
        } catch (error) {
          console.warn('Drafts: IndexedDB is unavailable, drafts last for this session only', error)
          storage = null
          persistent.value = false
          pending.clear()
        }
      }
      ready.value = true
      removedWhileLoading.clear()
    })()
    return loading
  }

  function create(draft: Draft): void {
    put(draft)
    schedule(draft.id)
  }

  /** Changes a draft at once; the write follows within 300 ms. */
  function update(id: string, change: (draft: Draft) => Draft): void {
    const current = byId.value.get(id)
    if (!current) return
    put({ ...change(current), id, updatedAt: Math.max(Date.now(), current.updatedAt + 1) })
    schedule(id)
  }

  /** Forgets drafts everywhere (after the server confirmed them, or on sign-out). */
  function removeMany(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      drop(id)
      pending.delete(id)
      if (!ready.value) removedWhileLoading.add(id)
    }
    forgetUnsaved(ids)
    const target = storage
    if (!target || ids.length === 0) return queue
    return enqueue(async () => {
      try {
        await target.remove(ids)
        announce(ids)
      } catch (error) {
        console.warn('Drafts: removing failed', error)
      }
    })
  }

  const remove = (id: string) => removeMany([id])
  const byAccount = (accountKey: string) => drafts.value.filter((d) => d.accountKey === accountKey)
  const forgetAccount = (accountKey: string) => removeMany(byAccount(accountKey).map((d) => d.id))

  // ---- other tabs, and leaving the page ----

  async function reread(ids: readonly string[]): Promise<void> {
    const source = storage
    if (!source) return
    for (const id of ids) {
      const stored = await source.read(id).catch(() => undefined)
      if (!stored) drop(id)
      else if (!pending.has(id) || stored.updatedAt >= (byId.value.get(id)?.updatedAt ?? 0)) put(stored)
    }
  }
  const onMessage = (event: MessageEvent<ChangedMessage>) => {
    if (Array.isArray(event.data?.ids)) void reread(event.data.ids.filter((id): id is string => typeof id === 'string'))
  }
  channel?.addEventListener('message', onMessage)

  /**
   * Leaving or hiding the page: what waits is written now, and kept synchronously too, with
   * what is being written (the page may go before that write commits).
   */
  const flushNow = () => {
    const unsaved = new Set([...pending, ...writing])
    keepUnsaved([...unsaved].map((id) => byId.value.get(id)).filter((d): d is Draft => d !== undefined).map(plain))
    void flush()
  }
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flushNow()
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flushNow)
    document.addEventListener('visibilitychange', onVisibility)
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      channel?.close()
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', flushNow)
        document.removeEventListener('visibilitychange', onVisibility)
      }
      if (timer !== null) clearTimeout(timer)
    })
  }

  return { drafts, ready, persistent, load, create, update, remove, byAccount, forgetAccount, flush }
})
