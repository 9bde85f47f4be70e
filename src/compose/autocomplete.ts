// Which word the caret is in, for the composer's suggestions: an @account, a #hashtag or a
// :custom_emoji: being typed (as Mastodon's own composer recognises them), and how a chosen
// suggestion replaces it.

export type TokenKind = 'account' | 'hashtag' | 'emoji'

export interface CaretToken {
  readonly kind: TokenKind
  /** What was typed after the sign ("ali", "garde", "blob"). */
  readonly query: string
  /** Where the token starts (its sign) and ends, in UTF-16 code units. */
  readonly start: number
  readonly end: number
}

// A token starts the text or follows a space or an opening bracket/quote, and runs to the caret.
const ACCOUNT = /(?:^|[\s([{"'“‘])@([\p{L}\p{N}_.]+(?:@[\p{L}\p{N}_.-]*)?)$/u
const HASHTAG = /(?:^|[\s([{"'“‘])#([\p{L}\p{N}_]+)$/u
const EMOJI = /(?:^|[\s([{"'“‘])(?::)([\w]{2,})$/u

/** The token the caret is at the end of, if it is one worth suggesting for. */
export function tokenAt(text: string, caret: number): CaretToken | null {
  const before = text.slice(0, caret)
  // The rest of the word after the caret belongs to the token too (replaced along with it).
  const after = /^[\p{L}\p{N}_.@-]*/u.exec(text.slice(caret))?.[0] ?? ''
  const end = caret + after.length
  for (const [kind, pattern, sign] of [
    ['account', ACCOUNT, 1],
    ['hashtag', HASHTAG, 1],
    ['emoji', EMOJI, 1],
  ] as const) {
    const m = pattern.exec(before)
    if (!m) continue
    const query = m[1]!
    return { kind, query, start: caret - query.length - sign, end }
  }
  return null
}

/** The text with the token replaced by `replacement` and a space, and where the caret goes. */
export function applySuggestion(text: string, token: CaretToken, replacement: string): { text: string; caret: number } {
  const rest = text.slice(token.end)
  const spacer = rest.startsWith(' ') ? '' : ' '
  const next = `${text.slice(0, token.start)}${replacement}${spacer}${rest}`
  return { text: next, caret: token.start + replacement.length + 1 }
}
