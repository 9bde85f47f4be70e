// What text a status card shows when the server may translate it: the translation (unless the
// reader went back to the original) or the post's own text, in which language, the content
// warning to show, whether to offer "Translate", and the "Translated from … by …" line.
import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import type { mastodon } from 'masto'
import { languageName } from '@/composables/useRelativeTime'
import { isOtherLanguage, translationSourceLanguage, type TranslationLike } from './status-display'

export interface StatusTranslationOptions {
  /** The status shown (the boosted one for a boost). */
  status: MaybeRefOrGetter<mastodon.v1.Status>
  translation: MaybeRefOrGetter<mastodon.v1.Translation | null>
  /** The reader went back to the original after a translation. */
  showingOriginal: MaybeRefOrGetter<boolean>
  /** The card may offer a translation: not a quoted post, and the server can translate. */
  mayTranslate: MaybeRefOrGetter<boolean>
}

export function useStatusTranslation(options: StatusTranslationOptions) {
  const { t, locale } = useI18n()
  const shown = computed(() => toValue(options.status))

  const translation = computed(() => toValue(options.translation) as TranslationLike | null)
  const translationShown = computed(() => !!translation.value && !toValue(options.showingOriginal))
  const spoiler = computed(() => {
    const translated = translationShown.value ? translation.value?.spoilerText : null
    return (translated || shown.value.spoilerText || '').trim()
  })
  const hasSpoiler = computed(() => (shown.value.spoilerText ?? '').trim() !== '')
  const contentLang = computed(() =>
    translationShown.value ? translation.value?.language || locale.value : shown.value.language || null,
  )
  const canTranslate = computed(
    () =>
      toValue(options.mayTranslate) &&
      !translation.value &&
      isOtherLanguage(shown.value.language, locale.value) &&
      ((shown.value.content ?? '') !== '' || hasSpoiler.value),
  )
  const translatedFrom = computed(() => {
    const value = translation.value
    if (!value) return ''
    const source = translationSourceLanguage(value) ?? shown.value.language
    return t('status.translation.from', {
      language: languageName(source, locale.value) || t('status.translation.unknownLanguage'),
      provider: value.provider || t('status.translation.unknownProvider'),
    })
  })

  return { translation, translationShown, spoiler, hasSpoiler, contentLang, canTranslate, translatedFrom }
}
