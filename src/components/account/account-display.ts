// Small, pure helpers for showing a signed-in account. Display names are remote
// plain text: they are only ever interpolated as text.

import type { StoredAccount } from '@/stores/accounts-storage'

export type AccountLike = Pick<StoredAccount, 'displayName' | 'username'>

/** The display name, or the username when the account has none (Mastodon allows empty names). */
export function displayNameOf(account: AccountLike): string {
  return account.displayName.trim() || account.username
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Custom emoji in a display name are written as :shortcode:. */
const SHORTCODE = /:[\w]+:/g
let graphemes: Intl.Segmenter | null = null

/**
 * The first letter or digit of the name (a whole grapheme, so accents and scripts
 * stay intact), for the avatar placeholder. Leading emoji shortcodes and symbols
 * are skipped; the username is the fallback.
 */
export function initialOf(account: AccountLike): string {
  // Built once: every avatar on a page asks, and building one loads locale data.
  const segmenter = (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }))
  for (const source of [account.displayName, account.username]) {
    for (const { segment } of segmenter.segment(source.replace(SHORTCODE, ' '))) {
      if (LETTER_OR_DIGIT.test(segment)) return segment.toLocaleUpperCase()
    }
  }
  return '?'
}

/** Only http(s) image addresses are used; anything else shows the placeholder. */
export function safeImageUrl(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}
