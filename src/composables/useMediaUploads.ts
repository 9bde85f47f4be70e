// The uploads of drafts' media, kept apart from any component: closing the composer (or
// switching drafts) does not stop a file going up, and a reload starts again the uploads of
// files the server did not have yet (the draft kept them as Blobs). Progress and results
// are written into the draft, so what the panel shows is always the draft's own state.

import type { mastodon } from 'masto'
import type { ClientIdentity } from '@/api/clients'
import { draftMediaError, updateMedia, uploadMedia, UploadFailure } from '@/api/media-upload'
import type { Draft, DraftMedia, DraftPost } from '@/compose/draft-types'
import { useAccountsStore } from '@/stores/accounts'
import { useDraftsStore } from '@/stores/drafts'

/** Progress is written into the draft at most this often (each write is persisted). */
const PROGRESS_STEP = 0.05

interface Running {
  readonly promise: Promise<void>
  readonly abort: AbortController
}

const running = new Map<string, Running>()
const keyOf = (draftId: string, localId: string) => `${draftId}|${localId}`

export class MediaNotReady extends Error {
  override readonly name = 'MediaNotReady'
  constructor(readonly failed: readonly DraftMedia[]) {
    super('Some media could not be uploaded')
  }
}

export function useMediaUploads() {
  const drafts = useDraftsStore()
  const accounts = useAccountsStore()

  function patchMedia(draftId: string, localId: string, patch: Partial<DraftMedia>): void {
    drafts.update(draftId, (draft) => ({
      ...draft,
      posts: draft.posts.map((post) => ({
        ...post,
        media: post.media.map((m) => (m.localId === localId ? { ...m, ...patch } : m)),
      })),
    }))
  }

  function identityOf(draft: Draft): ClientIdentity {
    const account = accounts.byKey(draft.accountKey)
    if (!account) throw new UploadFailure('auth')
    return account
  }

  /** Starts uploading one item (if it is not on its way already). */
  function start(draft: Draft, media: DraftMedia): Promise<void> {
    const key = keyOf(draft.id, media.localId)
    const existing = running.get(key)
    if (existing) return existing.promise
    const file = media.file
    if (!file) return Promise.resolve()
    const abort = new AbortController()
    let shown = 0
    patchMedia(draft.id, media.localId, { state: 'uploading', progress: 0, error: null })
    const promise = (async () => {
      try {
        const attachment: mastodon.v1.MediaAttachment = await uploadMedia(identityOf(draft), file, {
          fileName: media.fileName,
          description: media.description || undefined,
          focus: media.focus,
          signal: abort.signal,
          onProgress: (fraction) => {
            if (fraction >= 1) patchMedia(draft.id, media.localId, { progress: 1, state: 'processing' })
            else if (fraction - shown >= PROGRESS_STEP) {
              shown = fraction
              patchMedia(draft.id, media.localId, { progress: fraction })
            }
          },
        })
        // The server has it: the Blob need not be kept any longer.
        patchMedia(draft.id, media.localId, {
          state: 'ready',
          remoteId: attachment.id,
          previewUrl: attachment.previewUrl ?? attachment.url ?? null,
          progress: 1,
          file: null,
          error: null,
        })
      } catch (error) {
        const failure = error instanceof UploadFailure ? error : new UploadFailure('unknown')
        if (failure.kind !== 'aborted') patchMedia(draft.id, media.localId, { state: 'failed', error: draftMediaError(failure) })
      } finally {
        running.delete(key)
      }
    })()
    running.set(key, { promise, abort })
    return promise
  }

  /** Uploads what a draft still holds as files (added just now, or left over by a reload). */
  function resume(draft: Draft): void {
    for (const post of draft.posts) {
      for (const media of post.media) {
        if (media.file && (media.state === 'local' || media.state === 'uploading' || media.state === 'processing')) void start(draft, media)
      }
    }
  }

  /** Stops an upload (the item was removed). */
  function cancel(draftId: string, localId: string): void {
    running.get(keyOf(draftId, localId))?.abort.abort()
  }

  /**
   * The server's ids of a post's media, in order, once every item is uploaded and its alt
   * text and focal point are what the draft says. Throws MediaNotReady when one failed.
   */
  async function mediaIdsFor(draftId: string, postLocalId: string): Promise<string[]> {
    const current = () => drafts.drafts.find((d) => d.id === draftId)
    const post = (): DraftPost | undefined => current()?.posts.find((p) => p.localId === postLocalId)
    await Promise.all((post()?.media ?? []).map((m) => running.get(keyOf(draftId, m.localId))?.promise))
    const draft = current()
    const media = post()?.media ?? []
    if (!draft) return []
    const failed = media.filter((m) => m.state === 'failed' || m.remoteId === null)
    if (failed.length) throw new MediaNotReady(failed)
    for (const m of media) {
      if (!m.dirty || draft.editOf) continue
      // Edits send descriptions along with the edit (media_attributes) instead.
      await updateMedia(identityOf(draft), m.remoteId!, { description: m.description, focus: m.focus })
      patchMedia(draftId, m.localId, { dirty: false })
    }
    return media.map((m) => m.remoteId!)
  }

  return { start, resume, cancel, mediaIdsFor }
}
