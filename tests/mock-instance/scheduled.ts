// Scheduled posts (Mastodon's ScheduledStatus): kept with the parameters they were
// asked with, and published as ordinary posts once their time has come. Publishing is
// checked lazily on every request and on a timer (see server.ts); the controls publish
// due ones at once (POST /__control/scheduled/publish-due).

import { resolvePost } from './compose.ts'
import { SCHEDULE_LIMITS } from './limits.ts'
import type { MediaRecord, ScheduledStatusRecord, StatusRecord } from './model.ts'
import { canQuote } from './quote-policy.ts'
import type { World } from './world.ts'

const DAY_MS = 86_400_000

/** The ScheduledStatus validations; `except` is the one being moved. */
export function scheduleErrors(w: World, ownerKey: string, scheduledAt: number, except: string | null = null): string[] {
  const errors: string[] = []
  if (scheduledAt <= Date.now() + SCHEDULE_LIMITS.minimumOffsetMs) errors.push('Scheduled at date must be in the future')
  const mine = [...w.scheduled.values()].filter((r) => r.ownerKey === ownerKey && r.key !== except)
  if (mine.length >= SCHEDULE_LIMITS.total) errors.push(`You have exceeded the limit of ${SCHEDULE_LIMITS.total} scheduled posts`)
  const day = Math.floor(scheduledAt / DAY_MS)
  if (mine.filter((r) => Math.floor(r.scheduledAt / DAY_MS) === day).length >= SCHEDULE_LIMITS.daily) {
    errors.push(`You have exceeded the limit of ${SCHEDULE_LIMITS.daily} scheduled posts for today`)
  }
  return errors
}

export function addScheduled(w: World, record: Omit<ScheduledStatusRecord, 'key' | 'createdAt'>): ScheduledStatusRecord {
  const r: ScheduledStatusRecord = { ...record, key: w.nextKey('scheduled'), createdAt: w.now() }
  w.scheduled.set(r.key, r)
  return r
}

/**
 * Publishes every scheduled post whose time is at or before `now`, oldest first, as
 * PublishScheduledStatusWorker does: the record goes either way; the post is made only
 * if it is still valid (a reply or quote whose target is gone is posted without it).
 */
export function publishDue(w: World, now = Date.now()): StatusRecord[] {
  const due = [...w.scheduled.values()].filter((r) => r.scheduledAt <= now).sort((a, b) => a.scheduledAt - b.scheduledAt)
  const published: StatusRecord[] = []
  for (const r of due) {
    w.scheduled.delete(r.key)
    const s = publish(w, r)
    if (s) published.push(s)
  }
  return published
}

function publish(w: World, r: ScheduledStatusRecord): StatusRecord | null {
  const author = w.accounts.get(r.ownerKey)
  if (!author || author.suspended) return null
  const live = (key: string | null) => {
    const s = key ? w.statuses.get(key) : undefined
    return s && s.deletedAt === null ? s : null
  }
  const quoted = live(r.params.quoteKey)
  const media = r.mediaKeys
    .map((k) => w.media.get(k))
    .filter((m): m is MediaRecord => m !== undefined && m.ownerKey === r.ownerKey && m.statusKey === null && m.processingUntil <= Date.now())
  const poll = r.params.poll
  const { input, errors } = resolvePost({
    ...r.params,
    poll: poll ? { options: poll.options, expiresIn: poll.expiresIn, multiple: poll.multiple ?? false, hideTotals: poll.hideTotals ?? false } : null,
    parent: live(r.params.inReplyToKey),
    quoted: quoted && canQuote(w, quoted, r.ownerKey) ? quoted : null,
    media,
    applicationName: r.applicationName,
  })
  return errors.length ? null : w.post(r.ownerKey, input)
}

/** Polls for due posts while the fediverse runs. */
export function startScheduler(getWorld: () => World, everyMs = 1000): () => void {
  const timer = setInterval(() => publishDue(getWorld()), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
