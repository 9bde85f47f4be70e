// @vitest-environment node
// In Node, not jsdom: fake-indexeddb clones with the environment's structuredClone, and only
// Node's knows Blobs (a browser's IndexedDB knows its own).

import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { newDraft } from '@/compose/draft'
import type { DraftMedia, DraftPost } from '@/compose/draft-types'
import { useDraftsStore } from '@/stores/drafts'

it('drafts keep media files not yet uploaded across a reload', async () => {
  globalThis.indexedDB = new IDBFactory()
  setActivePinia(createPinia())
  const store = useDraftsStore()
  await store.load()
  const file = new Blob(['picture bytes'], { type: 'image/png' })
  const media: DraftMedia = {
    localId: 'm1',
    remoteId: null,
    state: 'local',
    file,
    fileName: 'cat.png',
    mimeType: 'image/png',
    size: file.size,
    description: '',
    focus: null,
    previewUrl: null,
    progress: 0,
    error: null,
    dirty: false,
  }
  const base = newDraft({ accountKey: 'social.example|1', visibility: 'public', language: 'en' })
  store.create({ ...base, posts: [{ ...(base.posts[0] as DraftPost), text: 'with a picture', media: [media] }] })
  await store.flush()

  setActivePinia(createPinia())
  const reloaded = useDraftsStore()
  await reloaded.load()
  const stored = reloaded.drafts[0]?.posts[0]?.media[0]?.file
  expect(stored).toBeInstanceOf(Blob)
  expect(stored?.type).toBe('image/png')
  expect(await stored?.text()).toBe('picture bytes')
})
