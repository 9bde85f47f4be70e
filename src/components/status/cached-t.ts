// The same strings as vue-i18n's `t`, remembered: a deck mounts many status cards, and each
// asks for the same few labels ("Post actions", "More", "Public") and counts ("3 replies",
// "12 boosts"). vue-i18n resolves, evaluates and (for plurals) formats a message on every
// call; here each string is made once per language's messages and then looked up.
//
// The cache belongs to the messages object of the language shown: vue-i18n replaces that
// object when a language's messages are (re)set, so a string is never served stale, and
// reading it makes a render follow a change of language as `t` does.

import { useI18n } from 'vue-i18n'
import type { MessageKey } from '@/i18n/keys'
import { numberFormat } from '@/i18n/number-format'

const caches = new WeakMap<object, Map<string, string>>()
/** Counts are many distinct strings over a long session: the cache starts over past this. */
const MAX_ENTRIES = 2000

export interface CachedT {
  /** `t(key)`: a message without parameters. */
  text(key: MessageKey): string
  /** `t(key, { count: <value in the locale's digits> }, value)`: a plural count. */
  count(key: MessageKey, value: number): string
  /** The value in the locale's digits ("1,234"). */
  number(value: number): string
}

export function useCachedT(): CachedT {
  const { t, locale, messages } = useI18n()

  function cache(): Map<string, string> | null {
    const bag = (messages.value as Record<string, object | undefined>)[locale.value]
    if (!bag) return null
    let map = caches.get(bag)
    if (!map) {
      map = new Map()
      caches.set(bag, map)
    }
    return map
  }

  function remembered(id: string, make: () => string): string {
    const map = cache()
    if (!map) return make()
    let value = map.get(id)
    if (value === undefined) {
      value = make()
      if (map.size >= MAX_ENTRIES) map.clear()
      map.set(id, value)
    }
    return value
  }

  return {
    text: (key) => remembered(key, () => t(key)),
    count: (key, value) =>
      remembered(`${key}#${value}`, () => t(key, { count: numberFormat(locale.value).format(value) }, value)),
    number: (value) => remembered(`#${value}`, () => numberFormat(locale.value).format(value)),
  }
}
