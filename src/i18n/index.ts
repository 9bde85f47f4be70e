import { createI18n } from 'vue-i18n'
import en from './en.json'
import { DEFAULT_LOCALE, type Locale } from './locales'

export type MessageSchema = typeof en

/**
 * English is the fallback and ships with the app; other languages load when chosen, so a
 * reader downloads one language. Each is checked against the English schema here, so a
 * missing key fails the type check.
 */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: MessageSchema }>> = {
  nl: () => import('./nl.json'),
}

/** The app's i18n; `messages` adds languages already at hand (tests), beside English. */
export function createAppI18n(locale: Locale, messages: Partial<Record<Locale, MessageSchema>> = {}) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { en, ...messages } as Record<Locale, MessageSchema>,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Makes sure the language's messages are there (loading them once); never rejects. */
export async function loadLocaleMessages(i18n: AppI18n, locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.global.availableLocales.includes(locale)) return
  try {
    const loaded = await loaders[locale]()
    i18n.global.setLocaleMessage(locale, loaded.default)
  } catch (error) {
    // Offline or a failed chunk: English (the fallback) shows instead.
    console.error(`Could not load the ${locale} messages`, error)
  }
}
