// One attachment of a MediaGallery, read once: its kind, the addresses it may use, its
// blurhash placeholder, description, focal point and shape.

import type { mastodon } from 'masto'
import { blurhashDataUrl } from './blurhash'
import { focusPosition, mediaAspect, mediaDescription, mediaKind, mediaPreview, mediaSource, type MediaKind } from './media-kind'

export interface GalleryItem {
  readonly media: mastodon.v1.MediaAttachment
  readonly kind: MediaKind
  readonly source: string | null
  readonly preview: string | null
  readonly blur: string | null
  readonly description: string
  readonly position: string
  readonly aspect: number | null
}

export function galleryItem(media: mastodon.v1.MediaAttachment): GalleryItem {
  return {
    media,
    kind: mediaKind(media),
    source: mediaSource(media),
    preview: mediaPreview(media),
    blur: blurhashDataUrl(media.blurhash),
    description: mediaDescription(media),
    position: focusPosition(media),
    aspect: mediaAspect(media),
  }
}
