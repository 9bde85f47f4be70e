// The draft's settings in the composer beside its text: the visibilities and quote policies
// offered (a quote policy only where the server takes quotes and the post is public or
// unlisted), and the schedule as a datetime-local field.

import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import type { Draft, DraftQuotePolicy, DraftVisibility } from '@/compose/draft-types'
import type { ComposeLimits } from '@/compose/limits'

export const VISIBILITIES: readonly DraftVisibility[] = ['public', 'unlisted', 'private', 'direct']
export const QUOTE_POLICIES: readonly DraftQuotePolicy[] = ['public', 'followers', 'nobody']

/** datetime-local wants local time without a zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function useComposeSettings(draft: () => Draft, limits: MaybeRefOrGetter<ComposeLimits>, update: (change: (draft: Draft) => Draft) => void) {
  const showQuotePolicy = computed(() => toValue(limits).quotes && (draft().visibility === 'public' || draft().visibility === 'unlisted'))

  const scheduling = computed(() => draft().scheduledAt !== null)
  const scheduleInput = computed(() => toLocalInput(draft().scheduledAt))
  const minSchedule = computed(() => toLocalInput(new Date(Date.now() + 6 * 60_000).toISOString()))

  function toggleSchedule(on: boolean): void {
    update((d) => ({ ...d, scheduledAt: on ? new Date(Date.now() + 60 * 60_000).toISOString() : null }))
  }

  function setSchedule(value: string): void {
    const date = new Date(value)
    if (!Number.isNaN(date.getTime())) update((d) => ({ ...d, scheduledAt: date.toISOString() }))
  }

  return { showQuotePolicy, scheduling, scheduleInput, minSchedule, toggleSchedule, setSchedule }
}
