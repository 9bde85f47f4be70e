// Times shown on statuses, polls and profiles: relative ("5 min. ago", "in 3 hr.") through
// Intl.RelativeTimeFormat in the UI language, absolute (for title/tooltips) through
// Intl.DateTimeFormat. One shared clock ticks for every mounted time, not one timer each.

import { computed, onScopeDispose, shallowRef, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

export const CLOCK_TICK_MS = 30_000

const now = shallowRef(Date.now())
let subscribers = 0
let timer: ReturnType<typeof setInterval> | null = null

function subscribe(): void {
  subscribers += 1
  if (timer !== null) return
  now.value = Date.now()
  timer = setInterval(() => {
    now.value = Date.now()
  }, CLOCK_TICK_MS)
}

function unsubscribe(): void {
  subscribers = Math.max(0, subscribers - 1)
  if (subscribers === 0 && timer !== null) {
    clearInterval(timer)
    timer = null
  }
}

/** The current time in ms, updated every CLOCK_TICK_MS while any component uses it. */
export function useNow(): Readonly<Ref<number>> {
  subscribe()
  onScopeDispose(unsubscribe)
  return now
}

type DateInput = string | number | Date | null | undefined

export function toTimestamp(value: DateInput): number | null {
  if (value === null || value === undefined || value === '') return null
  const time = value instanceof Date ? value.getTime() : new Date(value).getTime()
  return Number.isFinite(time) ? time : null
}

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
]

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale)
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
    relativeFormats.set(locale, format)
  }
  return format
}

/**
 * "now", "5 min. ago", "in 3 days", "2 yr. ago" in the given locale. Units are truncated,
 * so 1 h 59 min reads "1 hr. ago". An invalid date gives ''.
 */
export function formatRelativeTime(value: DateInput, nowMs: number, locale: string): string {
  const time = toTimestamp(value)
  if (time === null) return ''
  const seconds = (time - nowMs) / 1000
  const format = relativeFormat(locale)
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  }
  // Under a minute: "now".
  return format.format(0, 'second')
}

const absoluteFormats = new Map<string, Intl.DateTimeFormat>()
/** "1 Aug 2026, 13:53" style date and time, for titles and screen readers. */
export function formatAbsoluteTime(value: DateInput, locale: string): string {
  const time = toTimestamp(value)
  if (time === null) return ''
  let format = absoluteFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    absoluteFormats.set(locale, format)
  }
  return format.format(time)
}

/** "August 2017" style: a month and year (profile "joined" dates). */
export function formatMonthYear(value: DateInput, locale: string): string {
  const time = toTimestamp(value)
  if (time === null) return ''
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(time)
}

/** A language's name in the UI language ("German", "Duits"); the code where Intl does not know it. */
export function languageName(code: string | null | undefined, locale: string): string {
  if (!code) return ''
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

export interface RelativeTime {
  /** "5 min. ago"; '' for a missing or invalid date. */
  readonly relative: ComputedRef<string>
  /** The date and time written out, for `title`. */
  readonly absolute: ComputedRef<string>
  /** ISO 8601 for `<time datetime>`; '' for a missing or invalid date. */
  readonly iso: ComputedRef<string>
}

/** A date as relative and absolute text in the current UI language; the relative text keeps up with the clock. */
export function useRelativeTime(date: MaybeRefOrGetter<DateInput>): RelativeTime {
  const { locale } = useI18n()
  const clock = useNow()
  const time = computed(() => toTimestamp(toValue(date)))
  return {
    relative: computed(() => (time.value === null ? '' : formatRelativeTime(time.value, clock.value, locale.value))),
    absolute: computed(() => (time.value === null ? '' : formatAbsoluteTime(time.value, locale.value))),
    iso: computed(() => (time.value === null ? '' : new Date(time.value).toISOString())),
  }
}
