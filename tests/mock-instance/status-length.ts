// How long Mastodon says a post is (StatusLengthValidator): grapheme clusters of the
// content warning plus the text, where every http(s) URL counts as 23 characters and a
// mention of a remote account as `@user` only. Clients count the same way to show what
// is left, so the mock must refuse exactly what Mastodon refuses.

import { STATUS_LIMITS } from './limits.ts'
import { URL_RE } from './text.ts'

/** Account::MENTION_RE: a domain has word characters, dots and dashes (no port). */
const MENTION_RE = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)?/giu

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

export function graphemeLength(text: string): number {
  let n = 0
  for (const _ of graphemes.segment(text)) n++
  return n
}

/** The text as Mastodon counts it: URLs first (a mention inside a URL is part of the URL). */
function countableText(text: string): string {
  return text.replace(URL_RE, 'x'.repeat(STATUS_LIMITS.characters_reserved_per_url)).replace(MENTION_RE, (_whole, user: string) => `@${user}`)
}

export function statusLength(text: string, spoilerText: string): number {
  return graphemeLength(spoilerText + countableText(text))
}
