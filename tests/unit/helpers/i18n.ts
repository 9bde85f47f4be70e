// The app's i18n with every language and every part at hand at once (the app loads
// non-English languages, and the deck's messages, on demand).

import { createAppI18n } from '@/i18n'
import type { Locale } from '@/i18n/locales'
import en from '@/i18n/en.json'
import enDeck from '@/i18n/en-deck.json'
import enCompose from '@/i18n/en-compose.json'
import nl from '@/i18n/nl.json'
import nlDeck from '@/i18n/nl-deck.json'
import nlCompose from '@/i18n/nl-compose.json'

export function createTestI18n(locale: Locale) {
  return createAppI18n(locale, { en: { ...en, ...enDeck, ...enCompose }, nl: { ...nl, ...nlDeck, ...nlCompose } })
}
