// The app's i18n with every language and every part at hand at once (the app loads
// non-English languages, and the parts — deck, composer, … — on demand).

import { createAppI18n, type MessageSchema } from '@/i18n'
import type { Locale } from '@/i18n/locales'

// Every message file of a language: its shell (en.json) and its parts (en-deck.json, …).
const files = import.meta.glob<{ default: object }>('/src/i18n/*.json', { eager: true })

/** All messages of one language, merged. */
export function allMessages(locale: Locale): MessageSchema {
  const merged: Record<string, unknown> = {}
  for (const [path, file] of Object.entries(files)) {
    const name = path.split('/').pop()!.replace(/\.json$/, '')
    if (name === locale || name.startsWith(`${locale}-`)) Object.assign(merged, file.default)
  }
  return merged as MessageSchema
}

export function createTestI18n(locale: Locale) {
  return createAppI18n(locale, { en: allMessages('en'), nl: allMessages('nl') })
}
