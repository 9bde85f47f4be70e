import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { mastodon } from 'masto'
import { newDraft, newPost } from '@/compose/draft'
import type { Draft, DraftMedia } from '@/compose/draft-types'
import { useDraftsStore } from '@/stores/drafts'
import { useEntitiesStore } from '@/stores/entities'
import { usePublishDraft } from '@/composables/usePublishDraft'
import { useMediaUploads } from '@/composables/useMediaUploads'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts } from '../helpers/accounts'
import { routeCalls } from '../helpers/column-fakes'
import { FakeHttpError } from '../helpers/masto'
import { UploadFailure } from '@/api/media-upload'

// Uploads are the media-upload module's business (tested on their own); here they succeed or fail on cue.
const upload = vi.fn<(file: Blob, options: { fileName: string; signal?: AbortSignal; onProgress?: (f: number) => void }) => Promise<mastodon.v1.MediaAttachment>>()
const update = vi.fn(async () => ({}) as mastodon.v1.MediaAttachment)
vi.mock('@/api/media-upload', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  uploadMedia: (_identity: unknown, file: Blob, options: { fileName: string; signal?: AbortSignal; onProgress?: (f: number) => void }) => upload(file, options),
  updateMedia: (...args: unknown[]) => update(...(args as [])),
}))

let posted: Array<{ params: Record<string, unknown>; key: string | undefined }>
let answer: (params: Record<string, unknown>) => Promise<unknown>

function fakeServer() {
  posted = []
  answer = async (params) => ({ id: `s${posted.length}`, content: `<p>${String(params.status)}</p>`, account: { id: alice.id }, reblog: null })
  const client = {
    v1: {
      statuses: {
        create: vi.fn(async (params: Record<string, unknown>, meta?: { requestInit?: { headers?: Record<string, string> } }) => {
          posted.push({ params, key: meta?.requestInit?.headers?.['Idempotency-Key'] })
          return answer(params)
        }),
      },
    },
  }
  routeCalls({ [alice.key]: client as unknown as mastodon.rest.Client })
}

function draftWith(texts: string[], media: DraftMedia[] = []): Draft {
  const d = newDraft({ accountKey: alice.key, visibility: 'public', language: 'en' })
  return { ...d, posts: texts.map((text, i) => ({ ...newPost(), text, media: i === 0 ? media : [] })) }
}

const localMedia = (over: Partial<DraftMedia> = {}): DraftMedia => ({
  localId: crypto.randomUUID(),
  remoteId: null,
  state: 'local',
  file: new Blob(['x'], { type: 'image/png' }),
  fileName: 'a.png',
  mimeType: 'image/png',
  size: 1,
  description: '',
  focus: null,
  previewUrl: null,
  progress: 0,
  error: null,
  dirty: false,
  ...over,
})

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory()
  resetDocument()
  createTestApp()
  seedAccounts([alice], alice.key)
  fakeServer()
  upload.mockReset()
  update.mockClear()
  // Failures are logged for whoever investigates; the tests read the state instead.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  await useDraftsStore().load()
})
afterEach(() => vi.restoreAllMocks())

describe('publishing a draft', () => {
  it('posts a thread in order, each answering the one before, then deletes the draft (after saying so)', async () => {
    const drafts = useDraftsStore()
    const draft = draftWith(['one', 'two'])
    drafts.create(draft)
    const order: string[] = []
    const { publish, state } = usePublishDraft()
    const ok = await publish(draft, () => order.push(`confirmed with ${drafts.drafts.length} draft`))
    expect(ok).toBe(true)
    expect(posted.map((p) => [p.params.status, p.params.inReplyToId ?? null])).toEqual([
      ['one', null],
      ['two', 's1'],
    ])
    expect(new Set(posted.map((p) => p.key)).size).toBe(2)
    expect(order).toEqual(['confirmed with 1 draft'])
    expect(drafts.drafts).toEqual([])
    expect(state.value.kind).toBe('idle')
    // What was posted is in the account's store at once (the columns show it before the stream does).
    expect(useEntitiesStore().status(alice.key, 's1')).toBeTruthy()
  })

  it('keeps the draft on a refusal, and a retry resumes after the posts already confirmed', async () => {
    const drafts = useDraftsStore()
    const draft = draftWith(['one', 'two'])
    drafts.create(draft)
    answer = async (params) => {
      if (params.status === 'two') throw new FakeHttpError(422, 'Validation failed: Text is odd')
      return { id: 'first', content: '<p>one</p>', account: { id: alice.id }, reblog: null }
    }
    const { publish, state } = usePublishDraft()
    expect(await publish(draft)).toBe(false)
    expect(state.value).toMatchObject({ kind: 'failed', failure: { kind: 'validation' } })
    const kept = drafts.drafts.find((d) => d.id === draft.id)!
    expect(kept.posts.map((p) => p.postedId)).toEqual(['first', null])

    answer = async () => ({ id: 'second', content: '<p>two</p>', account: { id: alice.id }, reblog: null })
    posted.length = 0
    expect(await publish(kept)).toBe(true)
    expect(posted.map((p) => [p.params.status, p.params.inReplyToId])).toEqual([['two', 'first']])
  })

  it('waits for media still uploading, and posts with the server ids in order', async () => {
    const drafts = useDraftsStore()
    const first = localMedia({ fileName: 'first.png' })
    const second = localMedia({ fileName: 'second.png' })
    const draft = draftWith(['pictures'], [first, second])
    drafts.create(draft)
    let finish: (() => void) | null = null
    const gate = new Promise<void>((resolve) => (finish = resolve))
    upload.mockImplementation(async (_file, options) => {
      options.onProgress?.(0.5)
      await gate
      return { id: `m-${options.fileName}`, url: 'https://x/m.png', previewUrl: 'https://x/p.png' } as mastodon.v1.MediaAttachment
    })
    const uploads = useMediaUploads()
    uploads.resume(draft)
    const publishing = usePublishDraft().publish(drafts.drafts[0]!)
    await vi.waitFor(() => expect(drafts.drafts[0]?.posts[0]?.media[0]?.progress).toBe(0.5))
    expect(posted).toEqual([])
    finish!()
    expect(await publishing).toBe(true)
    expect(posted[0]!.params.mediaIds).toEqual(['m-first.png', 'm-second.png'])
  })

  it('a failed upload stops the post and keeps the draft, saying the media failed', async () => {
    const drafts = useDraftsStore()
    const draft = draftWith(['pictures'], [localMedia()])
    drafts.create(draft)
    upload.mockRejectedValue(new Error('boom'))
    useMediaUploads().resume(draft)
    const { publish, state } = usePublishDraft()
    expect(await publish(drafts.drafts[0]!)).toBe(false)
    expect(state.value).toMatchObject({ kind: 'failed' })
    expect(drafts.drafts[0]?.posts[0]?.media[0]?.state).toBe('failed')
    expect(posted).toEqual([])
  })

  it('sends an alt text changed after the upload before posting', async () => {
    const drafts = useDraftsStore()
    const draft = draftWith(['described'], [localMedia({ state: 'ready', remoteId: 'm9', file: null, description: 'A leek', dirty: true })])
    drafts.create(draft)
    expect(await usePublishDraft().publish(draft)).toBe(true)
    expect(update).toHaveBeenCalledWith(expect.objectContaining({ key: alice.key }), 'm9', { description: 'A leek', focus: null })
    expect(posted[0]!.params.mediaIds).toEqual(['m9'])
  })

  it('a file removed while it goes up stops being sent', async () => {
    const drafts = useDraftsStore()
    const media = localMedia()
    const draft = draftWith(['x'], [media])
    drafts.create(draft)
    let signal: AbortSignal | undefined
    upload.mockImplementation((_file, options) => {
      signal = options.signal
      return new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(new UploadFailure('aborted'))))
    })
    const uploads = useMediaUploads()
    uploads.resume(draft)
    await vi.waitFor(() => expect(signal).toBeDefined())
    uploads.cancel(draft.id, media.localId)
    expect(signal!.aborted).toBe(true)
    await vi.waitFor(() => expect(drafts.drafts[0]?.posts[0]?.media[0]?.state).toBe('uploading'))
    expect(drafts.drafts[0]?.posts[0]?.media[0]?.error).toBeNull()
  })
})
