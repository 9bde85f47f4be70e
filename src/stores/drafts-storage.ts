// Where drafts are kept across reloads: IndexedDB (database 'deckodon-drafts'), one entry per
// draft under its id, stored as it is: media not yet uploaded stay Blobs, which IndexedDB
// keeps and localStorage could not.

import { createStore, del, delMany, entries, get, setMany, type UseStore } from 'idb-keyval'
import type { Draft } from '@/compose/draft-types'

export const DRAFTS_DATABASE = 'deckodon-drafts'
const DRAFTS_OBJECT_STORE = 'drafts'

export interface DraftStorage {
  readAll(): Promise<Draft[]>
  read(id: string): Promise<Draft | undefined>
  writeMany(drafts: readonly Draft[]): Promise<void>
  remove(ids: readonly string[]): Promise<void>
}

function isDraft(value: unknown): value is Draft {
  const d = value as Partial<Draft> | null
  return typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.accountKey === 'string' && Array.isArray(d.posts)
}

/** The IndexedDB storage; null where there is no IndexedDB at all. */
export function openDraftStorage(): DraftStorage | null {
  if (typeof indexedDB === 'undefined') return null
  let store: UseStore
  try {
    store = createStore(DRAFTS_DATABASE, DRAFTS_OBJECT_STORE)
  } catch {
    return null
  }
  return {
    async readAll() {
      return (await entries<string, unknown>(store)).map(([, value]) => value).filter(isDraft)
    },
    async read(id) {
      const value = await get<unknown>(id, store)
      return isDraft(value) ? value : undefined
    },
    writeMany(drafts) {
      return setMany(
        drafts.map((d) => [d.id, d]),
        store,
      )
    },
    remove(ids) {
      return ids.length === 1 ? del(ids[0] as string, store) : delMany([...ids], store)
    },
  }
}
