// The last word of a draft when the page goes away. IndexedDB is asynchronous: a write
// started on `pagehide` may never finish (the tab closes, the reader types an address), so
// the drafts still waiting to be written are also kept here, synchronously, in localStorage,
// and written to IndexedDB at the next load. Files cannot go into localStorage: a media item
// keeps its file from IndexedDB, and one added in the last moment before leaving (never
// written anywhere) is dropped rather than restored broken.

import type { Draft, DraftMedia } from '@/compose/draft-types'

export const UNSAVED_DRAFTS_KEY = 'deckodon:drafts-unsaved'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false
  const d = value as Partial<Record<keyof Draft, unknown>>
  return typeof d.id === 'string' && typeof d.accountKey === 'string' && typeof d.updatedAt === 'number' && Array.isArray(d.posts)
}

function read(): Draft[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(UNSAVED_DRAFTS_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isDraft) : []
  } catch {
    return []
  }
}

function write(drafts: readonly Draft[]): void {
  try {
    if (drafts.length === 0) storage()?.removeItem(UNSAVED_DRAFTS_KEY)
    else storage()?.setItem(UNSAVED_DRAFTS_KEY, JSON.stringify(drafts))
  } catch {
    // A full quota or no storage: IndexedDB's own write is all there is.
  }
}

/** Without its file (a Blob does not survive JSON); `restore` takes it back from IndexedDB. */
const withoutFile = (media: DraftMedia): DraftMedia => ({ ...media, file: null })

/** Keeps these drafts (replacing older copies of them; other tabs' stay). */
export function keepUnsaved(drafts: readonly Draft[]): void {
  if (drafts.length === 0) return
  const ids = new Set(drafts.map((d) => d.id))
  const light = drafts.map((d) => ({ ...d, posts: d.posts.map((p) => ({ ...p, media: p.media.map(withoutFile) })) }))
  write([...read().filter((d) => !ids.has(d.id)), ...light])
}

/** Forgets the kept copies of these drafts (written to IndexedDB, or removed). */
export function forgetUnsaved(ids: readonly string[]): void {
  if (ids.length === 0) return
  const kept = read()
  const left = kept.filter((d) => !ids.includes(d.id))
  if (left.length !== kept.length) write(left)
}

/** Every kept draft, once: the caller writes them to IndexedDB. */
export function takeUnsaved(): Draft[] {
  const kept = read()
  if (kept.length) write([])
  return kept
}

/**
 * What to keep of a kept draft, given the stored one: null when the stored one is as new;
 * else the kept draft with each media file taken from the stored draft, and media whose
 * file is lost (never uploaded, never stored) dropped.
 */
export function restoreUnsaved(kept: Draft, stored: Draft | undefined): Draft | null {
  if (stored && stored.updatedAt >= kept.updatedAt) return null
  const files = new Map<string, Blob | null>()
  for (const post of stored?.posts ?? []) for (const m of post.media) files.set(m.localId, m.file)
  return {
    ...kept,
    posts: kept.posts.map((post) => ({
      ...post,
      media: post.media
        .map((m) => ({ ...m, file: files.get(m.localId) ?? null }))
        .filter((m) => m.file !== null || m.remoteId !== null),
    })),
  }
}
