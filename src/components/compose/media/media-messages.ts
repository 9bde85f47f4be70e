// What the composer's media list says of an item: where its upload is, why it failed, and
// what is wrong with its description. The formats follow the UI's locale.

import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DraftMedia } from '@/compose/draft-types'
import type { ComposeLimits } from '@/compose/limits'

export function useMediaMessages(limits: () => ComposeLimits) {
  const { t, te, locale } = useI18n()
  const percent = computed(() => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }))
  const timeFormat = computed(() => new Intl.DateTimeFormat(locale.value, { timeStyle: 'short' }))

  function stateText(item: DraftMedia): string {
    if (item.state === 'uploading') return t('compose.media.state.uploading', { percent: percent.value.format(item.progress) })
    return t(`compose.media.state.${item.state}`)
  }

  /** DraftMedia.error is a message key with values as JSON (see draftMediaError), or a bare key. */
  function errorText(item: DraftMedia): string {
    const raw = item.error
    if (raw) {
      try {
        const parsed = JSON.parse(raw) as { key?: unknown; values?: Record<string, unknown> }
        if (typeof parsed.key === 'string' && parsed.key.startsWith('compose.') && te(parsed.key)) {
          const values: Record<string, string> = {}
          for (const [name, value] of Object.entries(parsed.values ?? {})) if (typeof value === 'string') values[name] = value
          const retryAt = Date.parse(values.retryAt ?? '')
          if (Number.isFinite(retryAt)) values.time = timeFormat.value.format(retryAt)
          return t(parsed.key, values)
        }
      } catch {
        if (raw.startsWith('compose.') && te(raw)) return t(raw)
      }
    }
    return t('compose.media.errors.unknown')
  }

  function altProblem(item: DraftMedia): string | null {
    if (item.description.trim() === '') return t('compose.media.altMissing')
    if ([...item.description].length > limits().descriptionLimit) return t('compose.media.altTooLong')
    return null
  }

  return { percent, stateText, errorText, altProblem }
}
