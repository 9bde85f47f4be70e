import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { newDraft } from '@/compose/draft'
import type { Draft, DraftMedia, DraftPost } from '@/compose/draft-types'
import { DRAFT_WRITE_DELAY_MS, useDraftsStore } from '@/stores/drafts'
import { openDraftStorage } from '@/stores/drafts-storage'
import { UNSAVED_DRAFTS_KEY, keepUnsaved, restoreUnsaved, takeUnsaved } from '@/stores/drafts-unsaved'

const ALICE = 'social.example|1'
const BOB = 'other.example|2'

function draftOf(accountKey: string, text: string): Draft {
  const d = newDraft({ accountKey, visibility: 'public', language: 'en' })
  return { ...d, posts: [{ ...(d.posts[0] as DraftPost), text }] }
}
const textOf = (d: Draft | undefined) => d?.posts[0]?.text

// Each test's stores listen on window (pagehide); they are stopped after it, as a page would be.
const pinias: Pinia[] = []
function freshPinia(): void {
  const pinia = createPinia()
  pinias.push(pinia)
  setActivePinia(pinia)
}
afterEach(() => {
  for (const pinia of pinias.splice(0)) for (const store of (pinia as unknown as { _s: Map<string, { $dispose(): void }> })._s.values()) store.$dispose()
  vi.restoreAllMocks()
})

/** A fresh store, as after a reload: a new Pinia over the same IndexedDB. */
async function reloaded() {
  freshPinia()
  const store = useDraftsStore()
  await store.load()
  return store
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  localStorage.clear()
  freshPinia()
})

describe('drafts', () => {
  it('survive a reload', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'Not lost')
    store.create(draft)
    await store.flush()
    const again = await reloaded()
    expect(again.persistent).toBe(true)
    expect(again.ready).toBe(true)
    expect(textOf(again.drafts.find((d) => d.id === draft.id))).toBe('Not lost')
  })

  it('show a change at once and store the last of a burst within 300 ms', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, '')
    store.create(draft)
    const storage = openDraftStorage()!
    const writes = vi.spyOn(IDBObjectStore.prototype, 'put')
    const started = Date.now()
    for (const text of ['H', 'Ha', 'Hal', 'Hall', 'Hallo']) {
      store.update(draft.id, (d) => ({ ...d, posts: d.posts.map((p) => ({ ...p, text })) }))
      expect(textOf(store.drafts[0])).toBe(text)
    }
    await vi.waitFor(async () => expect(textOf(await storage.read(draft.id))).toBe('Hallo'), { timeout: 2000, interval: 20 })
    expect(Date.now() - started).toBeLessThan(DRAFT_WRITE_DELAY_MS + 700)
    expect(writes).toHaveBeenCalledTimes(1)
    writes.mockRestore()
  })

  it('write everything at once when the page is hidden', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'leaving')
    store.create(draft)
    window.dispatchEvent(new Event('pagehide'))
    // Well before the 300 ms batch would have gone.
    const storage = openDraftStorage()!
    await vi.waitFor(async () => expect(textOf(await storage.read(draft.id))).toBe('leaving'), { timeout: 150, interval: 10 })
  })

  it('removed while they are still being read do not come back', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'Closed empty')
    store.create(draft)
    await store.flush()
    // A fresh page: the list is still being read when the draft is removed.
    freshPinia()
    const again = useDraftsStore()
    const loading = again.load()
    await again.remove(draft.id)
    await loading
    expect(again.drafts.map((d) => d.id)).not.toContain(draft.id)
    expect(await openDraftStorage()!.read(draft.id)).toBeUndefined()
  })

  it('are listed newest first and by account', async () => {
    const store = useDraftsStore()
    await store.load()
    const older = { ...draftOf(ALICE, 'older'), updatedAt: 1 }
    const newer = { ...draftOf(BOB, 'newer'), updatedAt: 2 }
    store.create(older)
    store.create(newer)
    expect(store.drafts.map(textOf)).toEqual(['newer', 'older'])
    expect(store.byAccount(ALICE).map(textOf)).toEqual(['older'])
  })

  it('are gone for good once removed', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'posted')
    store.create(draft)
    await store.flush()
    await store.remove(draft.id)
    expect(store.drafts).toEqual([])
    expect((await reloaded()).drafts).toEqual([])
  })

  it('of an account that signs out are forgotten, the others kept', async () => {
    const store = useDraftsStore()
    await store.load()
    store.create(draftOf(ALICE, 'alice'))
    store.create(draftOf(BOB, 'bob'))
    await store.flush()
    await store.forgetAccount(ALICE)
    expect(store.drafts.map(textOf)).toEqual(['bob'])
    expect((await reloaded()).drafts.map(textOf)).toEqual(['bob'])
  })

  it('try a failed write again with the next change, losing nothing', async () => {
    const store = useDraftsStore()
    await store.load()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const draft = draftOf(ALICE, 'first')
    store.create(draft)
    await store.flush()
    expect(warn).toHaveBeenCalled()
    const storage = openDraftStorage()!
    expect(await storage.read(draft.id)).toBeUndefined()
    store.update(draft.id, (d) => ({ ...d, language: 'nl' }))
    await store.flush()
    expect(await storage.read(draft.id)).toMatchObject({ language: 'nl', posts: [{ text: 'first' }] })
    put.mockRestore()
    warn.mockRestore()
  })

  it('work for the session without IndexedDB, saying they are not kept', async () => {
    // @ts-expect-error: as in a browser without IndexedDB
    delete globalThis.indexedDB
    const store = useDraftsStore()
    await store.load()
    expect(store.persistent).toBe(false)
    const draft = draftOf(ALICE, 'session only')
    store.create(draft)
    store.update(draft.id, (d) => ({ ...d, language: 'nl' }))
    await store.flush()
    expect(store.drafts[0]?.language).toBe('nl')
  })

  it('show what another tab changed', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'first')
    store.create(draft)
    await store.flush()
    // Another tab: its own Pinia over the same IndexedDB.
    const otherTab = await (async () => {
      setActivePinia(createPinia())
      const s = useDraftsStore()
      await s.load()
      return s
    })()
    otherTab.update(draft.id, (d) => ({ ...d, posts: d.posts.map((p) => ({ ...p, text: 'edited elsewhere' })) }))
    await otherTab.flush()
    await vi.waitFor(() => expect(textOf(store.drafts[0])).toBe('edited elsewhere'))
  })
})

describe('drafts when the page goes away before IndexedDB has them', () => {
  const media = (localId: string, over: Partial<DraftMedia> = {}): DraftMedia => ({
    localId,
    remoteId: null,
    state: 'local',
    file: new Blob([localId], { type: 'image/png' }),
    fileName: `${localId}.png`,
    mimeType: 'image/png',
    size: 2,
    description: '',
    focus: null,
    previewUrl: null,
    progress: 0,
    error: null,
    dirty: false,
    ...over,
  })
  const withPost = (d: Draft, change: Partial<DraftPost>): Draft => ({ ...d, posts: d.posts.map((p) => ({ ...p, ...change })) })

  /** IndexedDB refuses every write from now on, as when the tab closes mid-write. */
  function writesNeverFinish() {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The transaction was aborted.', 'AbortError')
    })
  }

  it('come back at the next load with their last words, and are then written to IndexedDB', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'The first')
    store.create(draft)
    await store.flush()
    const put = writesNeverFinish()
    store.update(draft.id, (d) => withPost(d, { text: 'The first words, and the last' }))
    window.dispatchEvent(new Event('pagehide'))
    await store.flush()
    expect(textOf(await openDraftStorage()!.read(draft.id))).toBe('The first')
    put.mockRestore()

    const again = await reloaded()
    expect(textOf(again.drafts.find((d) => d.id === draft.id))).toBe('The first words, and the last')
    expect(localStorage.getItem(UNSAVED_DRAFTS_KEY)).toBeNull()
    await again.flush()
    expect(textOf(await openDraftStorage()!.read(draft.id))).toBe('The first words, and the last')
    vi.restoreAllMocks()
  })

  it('come back when the page goes while their write is still under way', async () => {
    const store = useDraftsStore()
    await store.load()
    const draft = draftOf(ALICE, 'Typed')
    store.create(draft)
    await store.flush()
    store.update(draft.id, (d) => withPost(d, { text: 'Typed, and then the page was left' }))
    // The batch has begun (taken from the waiting list) when the page goes; the write dies with it.
    const put = writesNeverFinish()
    const writing = store.flush()
    window.dispatchEvent(new Event('pagehide'))
    await writing
    put.mockRestore()

    const again = await reloaded()
    expect(textOf(again.drafts.find((d) => d.id === draft.id))).toBe('Typed, and then the page was left')
  })

  it('keep the files IndexedDB has; a file added in the last moment, never stored, is dropped', () => {
    const stored = withPost(draftOf(ALICE, 'Photos'), { media: [media('stored'), media('uploaded', { remoteId: '77', file: null, state: 'ready' })] })
    const last = { ...stored, updatedAt: stored.updatedAt + 5, posts: stored.posts.map((p) => ({ ...p, text: 'Photos!', media: [...p.media, media('late')] })) }
    keepUnsaved([last])
    // Files do not go into localStorage.
    expect(localStorage.getItem(UNSAVED_DRAFTS_KEY)).not.toContain('"file":{')
    const [kept] = takeUnsaved()
    const restored = restoreUnsaved(kept!, stored)!
    const post = restored.posts[0]!
    expect(post.text).toBe('Photos!')
    expect(post.media.map((m) => m.localId)).toEqual(['stored', 'uploaded'])
    expect(post.media[0]!.file).toBe(stored.posts[0]!.media[0]!.file)
    expect(post.media[1]!.remoteId).toBe('77')
    expect(restoreUnsaved(kept!, last)).toBeNull()
  })

  it('do not come back once posted, nor over a newer stored copy', async () => {
    const store = useDraftsStore()
    await store.load()
    const posted = draftOf(ALICE, 'Posted')
    const edited = draftOf(BOB, 'Old words')
    store.create(posted)
    store.create(edited)
    await store.flush()
    writesNeverFinish()
    store.update(posted.id, (d) => withPost(d, { text: 'Posted at last' }))
    store.update(edited.id, (d) => withPost(d, { text: 'Kept words' }))
    window.dispatchEvent(new Event('pagehide'))
    await store.flush()
    vi.restoreAllMocks()
    // The page stayed after all: the post went out, and the other draft changed again.
    await store.remove(posted.id)
    store.update(edited.id, (d) => withPost(d, { text: 'Newer words' }))
    await store.flush()

    const again = await reloaded()
    expect(again.drafts.map((d) => d.id)).toEqual([edited.id])
    expect(textOf(again.drafts[0])).toBe('Newer words')
  })
})

