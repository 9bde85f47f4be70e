import { createI18n } from 'vue-i18n'
import en from './en.json'
import nl from './nl.json'
import { DEFAULT_LOCALE, type Locale } from './locales'

export type MessageSchema = typeof en

// `nl` is checked against the English schema here, so a missing key fails the type check.
const messages: Record<Locale, MessageSchema> = { en, nl }

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
