// Which picked, dropped or pasted files a post can take, checked against the instance's
// limits before anything is uploaded: a file the server would refuse is said at once.

import type { ComposeLimits } from './limits'

export type FileRejectionReason = 'type' | 'size' | 'count' | 'mixed'

export interface FileRejection {
  readonly fileName: string
  readonly reason: FileRejectionReason
  /** Bytes for 'size', attachments per post for 'count'. */
  readonly limit?: number
}

export interface CheckedFiles {
  readonly accepted: File[]
  readonly rejected: FileRejection[]
}

/** Used when the server does not list its types: what Mastodon takes, broadly. */
const MEDIA_TYPE = /^(image|video|audio)\//

/** "image/png; charset=…" → "image/png". */
function baseType(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase()
}

function typeAllowed(type: string, supported: readonly string[] | null): boolean {
  if (type === '') return false
  if (supported === null) return MEDIA_TYPE.test(type)
  return supported.some((allowed) => baseType(allowed) === type)
}

/** The size limit for a type, null when the server gives none. */
function sizeLimitFor(type: string, limits: ComposeLimits): number | null {
  if (type.startsWith('image/')) return limits.imageSizeLimit
  if (type.startsWith('video/') || type.startsWith('audio/')) return limits.videoSizeLimit
  return null
}

const isAudioOrVideo = (type: string) => /^(video|audio)\//.test(baseType(type))

/**
 * Splits `files` into those a post that already has `existing` attachments can take, in
 * order, and the rest with why. A refused file does not take up a place. A video or audio
 * file goes alone, as Mastodon wants (`existingTypes`: the MIME types already attached).
 */
export function checkFiles(files: readonly File[], existing: number, limits: ComposeLimits, existingTypes: readonly string[] = []): CheckedFiles {
  const accepted: File[] = []
  const rejected: FileRejection[] = []
  for (const file of files) {
    const type = baseType(file.type)
    if (!typeAllowed(type, limits.supportedMimeTypes)) {
      rejected.push({ fileName: file.name, reason: 'type' })
      continue
    }
    const sizeLimit = sizeLimitFor(type, limits)
    if (sizeLimit !== null && file.size > sizeLimit) {
      rejected.push({ fileName: file.name, reason: 'size', limit: sizeLimit })
      continue
    }
    if (existing + accepted.length >= limits.maxMediaAttachments) {
      rejected.push({ fileName: file.name, reason: 'count', limit: limits.maxMediaAttachments })
      continue
    }
    const others = [...existingTypes, ...accepted.map((f) => f.type)]
    if (others.length > 0 && (isAudioOrVideo(type) || others.some(isAudioOrVideo))) {
      rejected.push({ fileName: file.name, reason: 'mixed' })
      continue
    }
    accepted.push(file)
  }
  return { accepted, rejected }
}

/**
 * A byte count the way people read it ("16 MB", "512 kB"), in the given language. Steps of
 * 1024, as servers set their limits (Mastodon's 16 MB is 16 × 1024 × 1024 bytes).
 */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value)
}

/** The message (key under compose.media.rejected, and its values) that says why a file was refused. */
export function rejectionMessage(rejection: FileRejection, locale: string): { key: string; values: Record<string, string | number> } {
  const name = rejection.fileName
  switch (rejection.reason) {
    case 'type':
      return { key: 'compose.media.rejected.type', values: { name } }
    case 'size':
      return { key: 'compose.media.rejected.size', values: { name, limit: formatFileSize(rejection.limit ?? 0, locale) } }
    case 'count':
      return { key: 'compose.media.rejected.count', values: { name, count: rejection.limit ?? 0 } }
    case 'mixed':
      return { key: 'compose.media.rejected.mixed', values: { name } }
  }
}
