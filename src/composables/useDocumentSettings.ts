import { watch, type Ref } from 'vue'
import type { Locale } from '@/i18n/locales'
import type { Theme } from '@/stores/settings'

interface DocumentSettings {
  readonly locale: Locale
  readonly theme: Theme
}

/**
 * Mirrors the settings onto the page: the i18n locale, `<html lang>` (screen readers pick
 * their voice from it) and `<html data-theme>` (tokens.css switches colours on it).
 * Called once from main.ts before the first render, so a forced theme never flashes.
 * A language chosen later switches once its messages are loaded (`loadMessages`).
 */
export function useDocumentSettings(
  settings: DocumentSettings,
  i18nLocale: Ref<Locale>,
  loadMessages: (locale: Locale) => Promise<void> = async () => {},
): void {
  const root = document.documentElement
  let latest: Locale = settings.locale
  watch(
    () => settings.locale,
    async (locale, previous) => {
      latest = locale
      if (previous !== undefined) await loadMessages(locale)
      if (latest !== locale) return
      i18nLocale.value = locale
      root.lang = locale
    },
    { immediate: true },
  )
  watch(
    () => settings.theme,
    (theme) => {
      root.dataset.theme = theme
    },
    { immediate: true },
  )
}
