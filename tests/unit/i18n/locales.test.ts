import { describe, expect, it } from 'vitest'
import { detectLocale } from '@/i18n/locales'

describe('detectLocale', () => {
  it.each([
    [['nl-NL', 'en'], 'nl'],
    [['nl'], 'nl'],
    [['nl-BE'], 'nl'],
    [['en-GB', 'nl'], 'en'],
    [['de-DE', 'nl-NL', 'en'], 'nl'],
    [['de-DE', 'fr'], 'en'],
    [['NL_nl'], 'nl'],
    [[], 'en'],
  ])('picks the first supported language of %j: %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected)
  })
})
