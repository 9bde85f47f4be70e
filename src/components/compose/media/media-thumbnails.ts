// The thumbnails of the composer's media list: the file itself while the draft holds it (an
// object URL, revoked once the item or its file is gone, or the list unmounts), else the
// server's preview when it is an http(s) address.

import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue'
import type { DraftMedia } from '@/compose/draft-types'
import { safeMediaUrl } from '@/components/media/safe-media-url'

/** Thumbnail URLs by media localId; items without one are absent. */
export function useMediaThumbnails(media: () => readonly DraftMedia[]): Readonly<ShallowRef<Record<string, string>>> {
  const objectUrls = new Map<string, { file: Blob; url: string }>()
  const thumbnails = shallowRef<Record<string, string>>({})

  watch(
    media,
    (list) => {
      const next: Record<string, string> = {}
      const kept = new Set<string>()
      for (const item of list) {
        if (item.file && item.mimeType.startsWith('image/')) {
          let entry = objectUrls.get(item.localId)
          if (!entry || entry.file !== item.file) {
            if (entry) URL.revokeObjectURL(entry.url)
            entry = { file: item.file, url: URL.createObjectURL(item.file) }
            objectUrls.set(item.localId, entry)
          }
          kept.add(item.localId)
          next[item.localId] = entry.url
          continue
        }
        const preview = safeMediaUrl(item.previewUrl)
        if (preview) next[item.localId] = preview
      }
      for (const [localId, entry] of objectUrls) {
        if (kept.has(localId)) continue
        URL.revokeObjectURL(entry.url)
        objectUrls.delete(localId)
      }
      thumbnails.value = next
    },
    { immediate: true, deep: true },
  )

  onBeforeUnmount(() => {
    for (const entry of objectUrls.values()) URL.revokeObjectURL(entry.url)
    objectUrls.clear()
  })

  return thumbnails
}
