// Test data in bulk (the controls' POST /__control/bulk-statuses): thousands of plain
// public statuses by one local user in one go, for long-timeline tests and the
// performance benchmark. Deterministic: the same call on the same seed writes the same
// texts, lengths and media. Written through World.postQuietly, so order, ids and
// counts are as for any post, and connected clients get no streaming traffic for them.

import { mediaBlurhash } from './art.ts'
import { hash32, prng } from './ids.ts'
import type { MockInstance } from './instance.ts'
import type { MediaRecord } from './model.ts'
import { ApiFailure } from './world.ts'

export interface BulkStatusesOptions {
  authorKey: string
  count: number
  /** An account whose home timeline must show the statuses (it follows the author if it does not yet). */
  reachHomeOfKey?: string | null
  /** Time between two statuses; the newest is one spacing before now. */
  spacingMs?: number
}

export interface BulkStatusesResult {
  /** Local ids of the new statuses on the author's instance, oldest first. */
  ids: string[]
  withMedia: number
}

export const BULK_MAX = 10_000
/** One status in this many carries a picture (a copy of a seed image). */
const MEDIA_EVERY = 7

const WORDS = (
  'the a morning evening garden kettle train bread walk river city light rain window book coffee ' +
  'quiet street market photo cat bike tea sourdough harbour night station cloud song friend letter ' +
  'slowly finally again today tomorrow still almost really warm cold green bright small long old new ' +
  'found made saw heard tried baked read wrote fixed planted missed watched shared kept started finished'
).split(' ')

function sentence(rnd: () => number): string {
  const length = 4 + Math.floor(rnd() * 12)
  const words = Array.from({ length }, () => WORDS[Math.floor(rnd() * WORDS.length)]!)
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + (rnd() < 0.15 ? '!' : '.')
}

/** From one short sentence to three paragraphs, so rows have varied heights. */
function bulkText(rnd: () => number, n: number): string {
  const roll = rnd()
  const sentences = roll < 0.4 ? 1 : roll < 0.75 ? 2 + Math.floor(rnd() * 3) : 5 + Math.floor(rnd() * 8)
  const parts = Array.from({ length: sentences }, () => sentence(rnd))
  const paragraphs: string[] = []
  for (let i = 0; i < parts.length; i += 4) paragraphs.push(parts.slice(i, i + 4).join(' '))
  return `${paragraphs.join('\n\n')} (#${n})`
}

function ensureReachesHome(inst: MockInstance, viewerKey: string, authorKey: string): void {
  const w = inst.world
  if (viewerKey === authorKey) return
  w.account(viewerKey)
  if (w.isBlocking(viewerKey, authorKey) || w.isBlocking(authorKey, viewerKey) || w.isMuting(viewerKey, authorKey)) {
    throw new ApiFailure(422, `${authorKey}'s posts cannot reach ${viewerKey}'s home (block or mute)`)
  }
  for (const l of w.lists.values()) {
    if (l.ownerKey === viewerKey && l.exclusive && l.memberKeys.has(authorKey)) {
      throw new ApiFailure(422, `${authorKey} is in an exclusive list of ${viewerKey}`)
    }
  }
  if (w.isFollowing(viewerKey, authorKey)) return
  if (w.account(authorKey).locked) throw new ApiFailure(422, `${authorKey} is locked: a follow would only be a request`)
  w.follow(viewerKey, authorKey)
}

export function bulkStatuses(inst: MockInstance, opts: BulkStatusesOptions): BulkStatusesResult {
  const w = inst.world
  const author = w.account(opts.authorKey)
  if (author.home !== inst.host) throw new ApiFailure(422, `${opts.authorKey} is not a local user of ${inst.host}`)
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > BULK_MAX) {
    throw new ApiFailure(422, `count must be between 1 and ${BULK_MAX}`)
  }
  const spacing = opts.spacingMs ?? 60_000
  if (!Number.isFinite(spacing) || spacing < 1) throw new ApiFailure(422, 'spacing_ms must be at least 1')
  if (opts.reachHomeOfKey) ensureReachesHome(inst, opts.reachHomeOfKey, author.key)

  // Pictures to reuse: the seed's images (their descriptions and sizes), in a stable order.
  const pictures = [...w.media.values()].filter((m) => m.type === 'image' && m.statusKey !== null && m.bytes === null)
  const rnd = prng(hash32(`bulk:${author.key}:${opts.count}:${spacing}`))
  const newest = w.clock() - spacing
  const ids: string[] = []
  let withMedia = 0
  for (let i = 0; i < opts.count; i++) {
    const at = newest - (opts.count - 1 - i) * spacing
    const text = bulkText(rnd, i + 1)
    const mediaKeys: string[] = []
    const picture = pictures.length > 0 && i % MEDIA_EVERY === MEDIA_EVERY - 1 ? pictures[Math.floor(rnd() * pictures.length)]! : null
    if (picture) {
      mediaKeys.push(copyPicture(inst, author.key, picture, at))
      withMedia++
    }
    const s = w.postQuietly(author.key, { text, visibility: 'public', language: 'en', mediaKeys, applicationName: 'Web', at })
    ids.push(inst.statusId(s.key))
  }
  return { ids, withMedia }
}

/** A new attachment of the author's: the scene of a seed image (its description and size). */
function copyPicture(inst: MockInstance, ownerKey: string, from: MediaRecord, at: number): string {
  const key = inst.world.nextKey('media')
  const createdAt = at - 60_000
  const id = inst.ids.media.idFor(key, createdAt)
  const copy: MediaRecord = {
    ...from,
    key,
    ownerKey,
    home: inst.host,
    createdAt,
    focus: from.focus ? { ...from.focus } : null,
    path: `/system/media/${id}/original.svg`,
    bytes: null,
    processingUntil: 0,
    statusKey: null,
  }
  // The picture is drawn from the key, so its blurhash is the copy's own.
  copy.blurhash = mediaBlurhash(copy)
  inst.world.media.set(key, copy)
  return key
}
