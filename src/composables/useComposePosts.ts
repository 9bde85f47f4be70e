// The posts of the draft in the composer and their media: changing, adding and removing posts
// (threadOf keeps posts already published in place), and taking in files picked, dropped or
// pasted, checked against the server's limits. Uploads follow: a file added starts going up,
// one removed stops, and those left over from before a reload go on.

import { nextTick, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Draft, DraftPost } from '@/compose/draft-types'
import type { ComposeLimits } from '@/compose/limits'
import { randomId, threadOf } from '@/compose/draft'
import { checkFiles, rejectionMessage } from '@/compose/media-files'
import { useDraftsStore } from '@/stores/drafts'
import { useMediaUploads } from './useMediaUploads'

export function useComposePosts(
  draft: () => Draft,
  limits: MaybeRefOrGetter<ComposeLimits>,
  update: (change: (draft: Draft) => Draft) => void,
  /** Focuses the editor of the post at this index (a post just added). */
  focusPost: (index: number) => void,
) {
  const { t, locale } = useI18n()
  const drafts = useDraftsStore()
  const uploads = useMediaUploads()

  uploads.resume(draft())

  /** Stops uploads of media no longer in the draft (removed while still going up). */
  function cancelDropped(before: readonly DraftPost[], after: readonly DraftPost[]): void {
    const kept = new Set(after.flatMap((p) => p.media.map((m) => m.localId)))
    for (const media of before.flatMap((p) => p.media)) if (!kept.has(media.localId)) uploads.cancel(draft().id, media.localId)
  }

  function changePost(post: DraftPost): void {
    const next = threadOf(draft()).update(post.localId, () => post)
    cancelDropped(draft().posts, next.posts)
    update(() => next)
  }

  function removePost(localId: string): void {
    const next = threadOf(draft()).remove(localId)
    cancelDropped(draft().posts, next.posts)
    update(() => next)
  }

  async function addPost(): Promise<void> {
    const { draft: next, post } = threadOf(draft()).add()
    update(() => next)
    await nextTick()
    focusPost(next.posts.findIndex((p) => p.localId === post.localId))
  }

  /** Why files were refused, one message each, until the next files or another draft. */
  const fileErrors = ref<string[]>([])
  function addFiles(post: DraftPost, files: File[]): void {
    const checked = checkFiles(files, post.media.length, toValue(limits), post.media.map((m) => m.mimeType))
    fileErrors.value = checked.rejected.map((r) => {
      const message = rejectionMessage(r, locale.value)
      return t(message.key, message.values)
    })
    if (!checked.accepted.length) return
    const added = checked.accepted.map((file) => ({
      localId: randomId(),
      remoteId: null,
      state: 'local' as const,
      file,
      fileName: file.name,
      mimeType: file.type,
      size: file.size,
      description: '',
      focus: null,
      previewUrl: null,
      progress: 0,
      error: null,
      dirty: false,
    }))
    update((d) => ({ ...d, posts: d.posts.map((p) => (p.localId === post.localId ? { ...p, media: [...p.media, ...added] } : p)) }))
    const stored = drafts.drafts.find((d) => d.id === draft().id)
    if (stored) for (const media of added) void uploads.start(stored, media)
  }

  watch(
    () => draft().id,
    () => {
      fileErrors.value = []
    },
  )

  return { changePost, removePost, addPost, fileErrors, addFiles }
}
