// Poll lengths offered, as Mastodon's own composer offers them, limited to what the server allows.

import type { PollLimits } from './limits'

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const POLL_DURATIONS: readonly number[] = [5 * MINUTE, 30 * MINUTE, HOUR, 6 * HOUR, 12 * HOUR, DAY, 3 * DAY, 7 * DAY]
export const DEFAULT_POLL_DURATION = DAY

/** The durations the server takes; the nearest allowed one when none of ours fits. */
export function allowedDurations(limits: PollLimits): number[] {
  const fits = POLL_DURATIONS.filter((s) => s >= limits.minExpiration && s <= limits.maxExpiration)
  return fits.length ? fits : [Math.max(limits.minExpiration, Math.min(DEFAULT_POLL_DURATION, limits.maxExpiration))]
}

/** The unit and amount a duration is said in ("30 minutes", "3 days"). */
export function durationParts(seconds: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  if (seconds % DAY === 0) return { unit: 'days', value: seconds / DAY }
  if (seconds % HOUR === 0) return { unit: 'hours', value: seconds / HOUR }
  return { unit: 'minutes', value: Math.round(seconds / MINUTE) }
}
