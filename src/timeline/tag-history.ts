// A hashtag's use over the past week, from the Tag entity's `history` (one entry per day,
// newest first, counts as strings). Servers that keep no history send none, or odd values:
// those count as nothing rather than NaN.

import type { mastodon } from 'masto'

export interface TagWeek {
  /** Posts with the tag, per day, oldest first (at most 7). */
  readonly perDay: readonly number[]
  readonly posts: number
  /** People who posted with it on each day, summed over the days (as Mastodon's UI counts). */
  readonly people: number
}

const count = (value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
}

/** The week's figures, or null when the server sends no history. */
export function tagWeek(tag: Pick<mastodon.v1.Tag, 'history'>): TagWeek | null {
  const days = Array.isArray(tag.history) ? tag.history.slice(0, 7) : []
  if (days.length === 0) return null
  const oldestFirst = [...days].reverse()
  const perDay = oldestFirst.map((d) => count(d?.uses))
  return {
    perDay,
    posts: perDay.reduce((a, b) => a + b, 0),
    people: oldestFirst.reduce((sum, d) => sum + count(d?.accounts), 0),
  }
}

/** Points of a sparkline `width` × `height` for `values` (a flat line when all are zero). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return ''
  const max = Math.max(...values, 1)
  const step = values.length > 1 ? width / (values.length - 1) : 0
  return values
    .map((v, i) => `${round(i * step)},${round(height - (v / max) * height)}`)
    .join(' ')
}

const round = (n: number) => Math.round(n * 10) / 10
