// Which player or image an attachment gets, and the addresses it may use (http(s) only).

import type { mastodon } from 'masto'
import { safeMediaUrl } from './safe-media-url'

export type MediaKind = 'image' | 'gifv' | 'video' | 'audio' | 'unknown'

export function mediaKind(media: Pick<mastodon.v1.MediaAttachment, 'type'>): MediaKind {
  switch (media.type) {
    case 'image':
    case 'gifv':
    case 'video':
    case 'audio':
      return media.type
    default:
      return 'unknown'
  }
}

/** The full-size file: the local copy, else the remote original. */
export function mediaSource(media: mastodon.v1.MediaAttachment): string | null {
  return safeMediaUrl(media.url) ?? safeMediaUrl(media.remoteUrl)
}

/** The still preview (thumbnail / poster). */
export function mediaPreview(media: mastodon.v1.MediaAttachment): string | null {
  return safeMediaUrl(media.previewUrl) ?? safeMediaUrl(media.previewRemoteUrl)
}

/** Width / height of the attachment, from its metadata, or null when unknown. */
export function mediaAspect(media: mastodon.v1.MediaAttachment): number | null {
  const meta = media.meta
  for (const size of [meta?.small, meta?.original]) {
    if (!size) continue
    if (typeof size.width === 'number' && typeof size.height === 'number' && size.width > 0 && size.height > 0) {
      return size.width / size.height
    }
    if ('aspect' in size && typeof size.aspect === 'number' && size.aspect > 0) return size.aspect
  }
  return null
}

/** CSS object-position from Mastodon's focal point (x, y in -1..1, y up). */
export function focusPosition(media: mastodon.v1.MediaAttachment): string {
  const focus = media.meta?.focus
  if (!focus || typeof focus.x !== 'number' || typeof focus.y !== 'number') return '50% 50%'
  const clamp = (value: number) => Math.min(1, Math.max(-1, value))
  const x = ((clamp(focus.x) + 1) / 2) * 100
  const y = ((1 - clamp(focus.y)) / 2) * 100
  return `${x}% ${y}%`
}

/** The description as plain text, or '' when there is none. */
export function mediaDescription(media: Pick<mastodon.v1.MediaAttachment, 'description'>): string {
  return typeof media.description === 'string' ? media.description.trim() : ''
}
