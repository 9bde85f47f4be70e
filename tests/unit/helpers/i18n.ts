// The app's i18n with every language at hand at once (the app loads non-English ones on demand).

import { createAppI18n } from '@/i18n'
import type { Locale } from '@/i18n/locales'
import nl from '@/i18n/nl.json'

export function createTestI18n(locale: Locale) {
  return createAppI18n(locale, { nl })
}
