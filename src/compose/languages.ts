// The languages a post can be marked with: ISO 639-1 codes, as Mastodon accepts them. Names
// come from Intl in the UI language and in the language itself, so the picker finds "Dutch",
// "Nederlands" and "nl" alike.

export const LANGUAGE_CODES = [
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bh', 'bi', 'bm', 'bn',
  'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en',
  'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he',
  'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv',
  'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li',
  'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne',
  'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm',
  'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st',
  'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk',
  'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu',
] as const

export interface LanguageOption {
  readonly code: string
  /** In the UI language ("Dutch"). */
  readonly name: string
  /** In the language itself ("Nederlands"); '' when Intl does not know it. */
  readonly native: string
}

const displayNames = new Map<string, Intl.DisplayNames | null>()
function namesIn(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | null
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' })
    } catch {
      names = null
    }
    displayNames.set(locale, names)
  }
  return displayNames.get(locale) ?? null
}

function nameOf(code: string, locale: string): string {
  try {
    return namesIn(locale)?.of(code) ?? ''
  } catch {
    return ''
  }
}

const optionsByLocale = new Map<string, readonly LanguageOption[]>()

/** Every language, named in `uiLocale`, sorted by that name. */
export function languageOptions(uiLocale: string): readonly LanguageOption[] {
  let options = optionsByLocale.get(uiLocale)
  if (!options) {
    options = LANGUAGE_CODES.map((code) => ({ code, name: nameOf(code, uiLocale) || code, native: nameOf(code, code) }))
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name, uiLocale))
    optionsByLocale.set(uiLocale, options)
  }
  return options
}

/** Languages matching what was typed: by code, name or native name; exact code first. */
export function searchLanguages(options: readonly LanguageOption[], query: string): LanguageOption[] {
  const q = query.trim().toLocaleLowerCase()
  if (!q) return [...options]
  const starts = (s: string) => s.toLocaleLowerCase().startsWith(q)
  const contains = (s: string) => s.toLocaleLowerCase().includes(q)
  const exact = options.filter((o) => o.code === q)
  const prefix = options.filter((o) => o.code !== q && (starts(o.name) || starts(o.native)))
  const rest = options.filter((o) => o.code !== q && !prefix.includes(o) && (contains(o.name) || contains(o.native) || o.code.startsWith(q)))
  return [...exact, ...prefix, ...rest]
}

/** The language a new post starts in: the chosen one if it is a code we know, else the browser's, else English. */
export function defaultPostLanguage(preferred: string | null | undefined, browser: readonly string[] = navigator.languages ?? []): string {
  const known = new Set<string>(LANGUAGE_CODES)
  for (const candidate of [preferred, ...browser]) {
    const code = (candidate ?? '').toLowerCase().split(/[-_]/)[0] ?? ''
    if (known.has(code)) return code
  }
  return 'en'
}
