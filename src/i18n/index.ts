import { createI18n } from 'vue-i18n'
import en from './en.json'
import type enDeck from './en-deck.json'
import type enCompose from './en-compose.json'
import type enTags from './en-tags.json'
import type enTrends from './en-trends.json'
import type enEditProfile from './en-edit-profile.json'
import type enPeople from './en-people.json'
import type enSearch from './en-search.json'
import { DEFAULT_LOCALE, type Locale } from './locales'

/** The shell's messages (every page) and the deck's (columns, statuses, profiles …). */
export type ShellMessages = typeof en
export type DeckMessages = typeof enDeck
export type ComposeMessages = typeof enCompose
export type TagsMessages = typeof enTags
export type TrendsMessages = typeof enTrends
export type EditProfileMessages = typeof enEditProfile
export type PeopleMessages = typeof enPeople
export type SearchMessages = typeof enSearch
export type MessageSchema = ShellMessages &
  DeckMessages &
  ComposeMessages &
  TagsMessages &
  TrendsMessages &
  EditProfileMessages &
  PeopleMessages &
  SearchMessages

/** Messages that load with the views that need them, not with the app. */
export type MessagePart = 'deck' | 'compose' | 'tags' | 'trends' | 'editProfile' | 'people' | 'search'

/**
 * English shell messages ship with the app; everything else loads when needed: other
 * languages when chosen, the deck's messages with the deck (the sign-in page does not
 * carry them), the composer's with the composer. Each file is checked against its English one here, so a missing key fails
 * the type check.
 */
const shellLoaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: ShellMessages }>> = {
  nl: () => import('./nl.json'),
}
const partLoaders: Record<MessagePart, Record<Locale, () => Promise<{ default: object }>>> = {
  deck: {
    en: () => import('./en-deck.json') as Promise<{ default: DeckMessages }>,
    nl: () => import('./nl-deck.json') as Promise<{ default: DeckMessages }>,
  },
  compose: {
    en: () => import('./en-compose.json') as Promise<{ default: ComposeMessages }>,
    nl: () => import('./nl-compose.json') as Promise<{ default: ComposeMessages }>,
  },
  tags: {
    en: () => import('./en-tags.json') as Promise<{ default: TagsMessages }>,
    nl: () => import('./nl-tags.json') as Promise<{ default: TagsMessages }>,
  },
  trends: {
    en: () => import('./en-trends.json') as Promise<{ default: TrendsMessages }>,
    nl: () => import('./nl-trends.json') as Promise<{ default: TrendsMessages }>,
  },
  editProfile: {
    en: () => import('./en-edit-profile.json') as Promise<{ default: EditProfileMessages }>,
    nl: () => import('./nl-edit-profile.json') as Promise<{ default: EditProfileMessages }>,
  },
  people: {
    en: () => import('./en-people.json') as Promise<{ default: PeopleMessages }>,
    nl: () => import('./nl-people.json') as Promise<{ default: PeopleMessages }>,
  },
  search: {
    en: () => import('./en-search.json') as Promise<{ default: SearchMessages }>,
    nl: () => import('./nl-search.json') as Promise<{ default: SearchMessages }>,
  },
}

/** The app's i18n; `messages` adds whole languages already at hand (tests). */
export function createAppI18n(locale: Locale, messages: Partial<Record<Locale, MessageSchema>> = {}) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { en, ...messages } as Record<Locale, MessageSchema>,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Per i18n: the parts in use, and each file's load (once, unless it failed). */
interface LoadState {
  readonly wanted: Set<MessagePart>
  readonly loads: Map<string, Promise<void>>
}
const states = new WeakMap<AppI18n, LoadState>()

function stateOf(i18n: AppI18n): LoadState {
  let state = states.get(i18n)
  if (!state) {
    state = { wanted: new Set(), loads: new Map() }
    states.set(i18n, state)
  }
  return state
}

/** Loads one message file into `locale` once; never rejects (English, the fallback, shows). */
function loadFile(i18n: AppI18n, name: string, locale: Locale, loader: () => Promise<{ default: object }>): Promise<void> {
  const { loads } = stateOf(i18n)
  let load = loads.get(name)
  if (!load) {
    load = loader().then(
      // A new messages object rather than a merge into the old one: whatever remembers
      // strings per messages object (status/cached-t.ts) starts over.
      (file) =>
        i18n.global.setLocaleMessage(locale, { ...i18n.global.getLocaleMessage(locale), ...file.default } as MessageSchema),
      (error: unknown) => {
        // Offline or a failed chunk: tried again next time it is asked for.
        loads.delete(name)
        console.error(`Could not load the ${name} messages`, error)
      },
    )
    loads.set(name, load)
  }
  return load
}

const partFile = (i18n: AppI18n, part: MessagePart, locale: Locale) =>
  loadFile(i18n, `${locale} ${part}`, locale, partLoaders[part][locale])

/** Makes sure a language's messages are there: its shell and every part in use. Never rejects. */
export async function loadLocaleMessages(i18n: AppI18n, locale: Locale): Promise<void> {
  const files = [...stateOf(i18n).wanted].map((part) => partFile(i18n, part, locale))
  if (locale !== 'en') files.push(loadFile(i18n, locale, locale, shellLoaders[locale]))
  await Promise.all(files)
}

/**
 * Makes sure a part's messages are there in the current language and in English (the
 * fallback); from then on a change of language loads the part too. Never rejects.
 */
export async function loadMessagePart(i18n: AppI18n, part: MessagePart): Promise<void> {
  stateOf(i18n).wanted.add(part)
  const locales = new Set<Locale>([DEFAULT_LOCALE, i18n.global.locale.value])
  await Promise.all([...locales].map((locale) => partFile(i18n, part, locale)))
}
