import { afterEach, describe, expect, it, vi } from 'vitest'
import en from '@/i18n/en.json'
import enDeck from '@/i18n/en-deck.json'
import nl from '@/i18n/nl.json'
import nlDeck from '@/i18n/nl-deck.json'
import nlCompose from '@/i18n/nl-compose.json'
import { allMessages, createTestI18n } from '../helpers/i18n'
import { createAppI18n, loadLocaleMessages, loadMessagePart } from '@/i18n'
import { SUPPORTED_LOCALES } from '@/i18n/locales'
import { THEMES } from '@/stores/settings'

function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'object' && value !== null) {
      for (const [inner, leaf] of flatten(value, `${prefix}${key}.`)) entries.set(inner, leaf)
    } else {
      entries.set(`${prefix}${key}`, value)
    }
  }
  return entries
}

const english = flatten(allMessages('en'))
const dutch = flatten(allMessages('nl'))

// Strings that are the same in both languages on purpose.
const SAME_IN_BOTH = new Set([
  'app.name',
  'app.titleTemplate',
  'shell.bannerLabel',
  'shell.nav.deck',
  // "Accounts" is the usual Dutch word too (Mastodon's own Dutch interface uses it).
  'shell.nav.accounts',
  'accounts.title',
  // "Hashtag" is the Dutch word too.
  'views.tag.documentTitle',
  'trends.tabs.tags',
  // "Bio" and "Label" are the Dutch words too (Mastodon's Dutch interface uses them).
  'editProfile.note',
  'editProfile.fields.name',
  // "Media" is the Dutch word too.
  'people.tabs.media',
  'search.groups.hashtags',
  'deck.title',
  // Words Dutch uses as they are, and titles made only of a placeholder.
  'deck.toolbar.deck',
  'deck.add.account',
  'deck.add.tag',
  'deck.add.types.hashtag',
  'deck.add.types.trending',
  'deck.add.tabs.media',
  'column.titles.hashtag',
  'column.titles.trending',
  'column.label',
  'settings.languages.en',
  'settings.languages.nl',
  // Numbers only.
  'compose.poll.optionCount',
])

afterEach(() => {
  vi.restoreAllMocks()
})

describe('translations', () => {
  it('has the same keys in English and Dutch', () => {
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it.each([
    ['en', english],
    ['nl', dutch],
  ])('has no empty or non-text messages in %s', (_locale, messages) => {
    for (const [key, value] of messages) {
      expect(typeof value, key).toBe('string')
      expect(String(value).trim(), key).not.toBe('')
    }
  })

  it('translates into Dutch rather than copying the English', () => {
    const copied = [...english].filter(([key, text]) => !SAME_IN_BOTH.has(key) && dutch.get(key) === text)
    expect(copied.map(([key]) => key)).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)('renders every %s message without compile errors', (locale) => {
    const warn = vi.spyOn(console, 'warn')
    const error = vi.spyOn(console, 'error')
    const { global } = createTestI18n(locale)
    for (const key of english.keys()) {
      const text = global.t(key, { host: 'example.social', count: 2, input: 'x', instance: 'y', page: 'z' })
      expect(text, key).not.toBe(key)
      expect(text.trim(), key).not.toBe('')
    }
    expect(warn).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
  })

  it('renders the handle example with literal @ signs', () => {
    const { global } = createTestI18n('en')
    expect(global.t('signIn.inputHint')).toContain('@you@mastodon.social')
  })

  it('names every language and theme the settings offer', () => {
    for (const locale of SUPPORTED_LOCALES) expect(english.has(`settings.languages.${locale}`), locale).toBe(true)
    for (const theme of THEMES) expect(english.has(`settings.themes.${theme}`), theme).toBe(true)
  })
})

describe('message keys used in the source', () => {
  const sources = import.meta.glob<string>(['/src/**/*.vue', '/src/**/*.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  })

  it('all exist in the English messages', () => {
    const missing: string[] = []
    // t('key'), and keys stored for later in typed maps and route meta: 'signIn.error.down'
    // (Single quotes and backticks only: templates use double quotes for attributes.)
    const literal = /['`]((?:app|shell|deck|signIn|accounts|switcher|reauth|settings|notFound|callback|status|media|poll|card|quote|profile|views|errors|column|notification|compose)\.[\w.]+)['`]/g
    for (const [file, source] of Object.entries(sources)) {
      for (const match of source.matchAll(literal)) {
        const key = match[1] ?? ''
        if (!english.has(key)) missing.push(`${file}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('messages loaded in parts', () => {
  const sources = import.meta.glob<string>(['/src/**/*.vue', '/src/**/*.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  })
  // What shows without the deck: the shell, sign-in, accounts, settings, the OAuth return.
  const OUTSIDE_THE_DECK = [
    '/src/App.vue',
    '/src/components/layout/',
    '/src/components/instance/',
    '/src/components/common/SkipLink.vue',
    '/src/components/account/AccountSwitcher.vue',
    '/src/components/account/AccountListItem.vue',
    '/src/components/account/ReauthBanner.vue',
    '/src/components/account/SignOutConfirm.vue',
    '/src/views/SignInView.vue',
    '/src/views/AccountsView.vue',
    '/src/views/SettingsView.vue',
    '/src/views/NotFoundView.vue',
    '/src/views/OAuthCallbackView.vue',
  ]
  const shellKeys = flatten(en)

  it('the screens outside the deck find all their messages in the shell messages', () => {
    const literal = /['`]([a-zA-Z]+\.[\w.]+)['`]/g
    const missing: string[] = []
    for (const [file, source] of Object.entries(sources)) {
      if (!OUTSIDE_THE_DECK.some((prefix) => file.startsWith(prefix))) continue
      for (const match of source.matchAll(literal)) {
        const key = match[1] ?? ''
        if (english.has(key) && !shellKeys.has(key)) missing.push(`${file}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('the app starts with the English shell only; the deck part adds the current language and English', async () => {
    const i18n = createAppI18n('nl')
    await loadLocaleMessages(i18n, 'nl')
    expect(i18n.global.t('settings.title')).toBe(nl.settings.title)
    expect(i18n.global.te('status.actions.favourite')).toBe(false)
    await loadMessagePart(i18n, 'deck')
    expect(i18n.global.t('status.actions.favourite')).toBe(nlDeck.status.actions.favourite)
    expect(i18n.global.te('status.actions.favourite', 'en')).toBe(true)
  })

  it('loading a part gives the language a new messages object, so strings remembered per object start over', async () => {
    const i18n = createAppI18n('en')
    const before = i18n.global.getLocaleMessage('en')
    await loadMessagePart(i18n, 'deck')
    expect(i18n.global.getLocaleMessage('en')).not.toBe(before)
    expect(i18n.global.t('shell.nav.deck')).toBe(en.shell.nav.deck)
  })

  it('the composer’s messages come with the composer, not with the deck', async () => {
    expect('compose' in enDeck).toBe(false)
    const i18n = createAppI18n('nl')
    await loadMessagePart(i18n, 'deck')
    expect(i18n.global.te('compose.submit.post')).toBe(false)
    await loadMessagePart(i18n, 'compose')
    i18n.global.locale.value = 'nl'
    expect(i18n.global.t('compose.submit.post')).toBe(nlCompose.compose.submit.post)
  })

  it('a language chosen after the deck loaded comes with its deck messages', async () => {
    const i18n = createAppI18n('en')
    await loadMessagePart(i18n, 'deck')
    expect(i18n.global.te('column.gap.load', 'nl')).toBe(false)
    await loadLocaleMessages(i18n, 'nl')
    i18n.global.locale.value = 'nl'
    expect(i18n.global.t('deck.title')).toBe(nlDeck.deck.title)
    expect(i18n.global.t('status.actions.favourite')).toBe(nlDeck.status.actions.favourite)
  })
})
