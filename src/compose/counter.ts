// The character counter, counting as Mastodon's server does (StatusLengthValidator, 4.x):
// the length is the number of grapheme clusters of the content warning followed by the
// text, where the text first has every link the server would make (a URL *with* its
// scheme, found as twitter-text finds it with Mastodon's changes) replaced by
// `charactersReservedPerUrl` characters and every remote mention `@user@domain` cut to
// `@user`. Both fields are stripped first, as the server strips them before validating.
//
// One knowing difference: twitter-text only takes a host whose top-level domain is on its
// list of some 1,500 names; we take any ASCII top-level domain (or punycode) instead of
// shipping that list, so `https://intranet.local` counts as a link here but not there.

import type { DraftPost } from './draft-types'
import type { ComposeLimits } from './limits'

let segmenter: Intl.Segmenter | null = null

/** Grapheme clusters, as Ruby's `grapheme_length` counts them (the segmenter is built once). */
export function graphemeLength(text: string): number {
  if (text === '') return 0
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let n = 0
  for (const _ of segmenter.segment(text)) n++
  return n
}

/** Code points, as Ruby's String#length (and so Rails' length validations) count. */
export function codePointLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

// ---- URLs: twitter-text's valid_url, with Mastodon's config/initializers/twitter_regex.rb ----

const DIRECTIONAL = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069'
const INVALID = '\\uFFFE\\uFEFF\\uFFFF'
const UNICODE_SPACES = '\\t-\\r \\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000'
const PUNCTUATION = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\]^_`{|}~'
const CONTROL = '\\x00-\\x1F\\x7F'
const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B' +
  '\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF'
// Mastodon lets query strings carry any non-ASCII letter (UCHARS in twitter_regex.rb).
const UCHARS =
  '\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}' +
  '\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}\\u{70000}-\\u{7FFFD}' +
  '\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}' +
  '\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}'

const PRECEDING = `(?:[^A-Za-z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^)`
const DOMAIN_CHAR = `[^${DIRECTIONAL}${PUNCTUATION}${UNICODE_SPACES}${CONTROL}${INVALID}]`
const SUBDOMAIN = `(?:(?:${DOMAIN_CHAR}(?:[_\\-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`
const DOMAIN_NAME = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`
// See the note at the top: any ASCII name stands in for twitter-text's list of TLDs.
const TLD = `(?:[a-z]{2,63}(?=[^0-9a-z@+\\-]|$)|xn--[0-9a-z]+)`
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}${TLD})`

// Path characters: Mastodon's (anything but spaces, <>, () and ?), with twitter-text's
// older, stricter set inside the parentheses a path may end with.
const PATH_CHAR = '[^\\p{White_Space}<>()?]'
const OLD_PATH_CHAR = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\p{Pd}_~&|@${LATIN_ACCENTS}]`
const balancedParens = (c: string) => `\\((?:${c}+|(?:${c}*\\(${c}+\\)${c}*))\\)`
// A path never ends in punctuation: "see https://example.com/page." leaves the full stop out.
const PATH_END = `(?:[^\\p{White_Space}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|${balancedParens(OLD_PATH_CHAR)})`
const PATH = `(?:(?:${PATH_CHAR}*(?:${balancedParens(PATH_CHAR)}${PATH_CHAR}*)*${PATH_END})|(?:${PATH_CHAR}+\\/))`
const QUERY_CHAR = `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${UCHARS}]`
const QUERY_END = `[a-z0-9_&=#/\\-${UCHARS}]`

const PROTOCOLS = '(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\\/\\/'

/** Groups: 1 the URL, 2 its protocol (absent: not a link for the counter), 3 its host. Sticky: tried at chosen places. */
const VALID_URL = new RegExp(
  `${PRECEDING}((${PROTOCOLS})?(${DOMAIN})(?::[0-9]+)?(?:\\/${PATH}*)?(?:\\?${QUERY_CHAR}*${QUERY_END})?)`,
  'imuy',
)
const PROTOCOL_AHEAD = new RegExp(PROTOCOLS, 'iy')
/** Characters a host name and its dots are made of (DOMAIN_CHAR, '.', '_' and '-'). */
const HOST_PART = new RegExp(`[._\\-]|${DOMAIN_CHAR}`, 'u')
const TCO_URL = /^https?:\/\/t\.co\/([a-z0-9]+)/i
const MAX_URL_LENGTH = 4096
const MAX_TCO_SLUG_LENGTH = 40

interface Entity {
  readonly start: number
  readonly end: number
  /** What the entity counts as. */
  readonly replacement: (limits: ComposeLimits) => string
}

/** The punycode form's extra length (twitter-text's is_valid_domain); null when it has none. */
function asciiHostLength(host: string): number | null {
  try {
    return new URL(`http://${host}`).hostname.length
  } catch {
    return null
  }
}

/**
 * For each index, whether a dot follows before the host-name characters there run out. A
 * host has a dot, so a URL can only start where one follows: trying the pattern only there
 * keeps long text without one (CJK, say) linear instead of quadratic.
 */
function dotsAhead(text: string): Uint8Array {
  const ahead = new Uint8Array(text.length + 1)
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charAt(i)
    ahead[i] = c === '.' ? 1 : HOST_PART.test(c) || isSurrogate(c) ? (ahead[i + 1] ?? 0) : 0
  }
  return ahead
}
const isSurrogate = (c: string) => c >= '\uD800' && c <= '\uDFFF'

function urlEntities(text: string): Entity[] {
  // Every link has a scheme, and so a colon and slashes; without them there is nothing to do.
  if (!text.includes('://')) return []
  const ahead = dotsAhead(text)
  const hostCanStartAt = (at: number): boolean => {
    PROTOCOL_AHEAD.lastIndex = at
    const scheme = PROTOCOL_AHEAD.exec(text)
    return ahead[at + (scheme ? scheme[0].length : 0)] === 1
  }
  const found: Entity[] = []
  // Ruby's scan: the leftmost match, then on from its end (a match with no scheme is no
  // link, but still consumes its text: a scheme inside it starts no link).
  for (let at = 0; at < text.length; ) {
    // The URL starts here (at the start of a line) or after the character here.
    const next = at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1)
    if (!hostCanStartAt(at) && !hostCanStartAt(next)) {
      at = next
      continue
    }
    VALID_URL.lastIndex = at
    const m = VALID_URL.exec(text)
    if (!m) {
      at = next
      continue
    }
    at = m.index + m[0].length
    const entity = linkOf(m)
    if (entity) found.push(entity)
  }
  return found
}

/** The link a match makes, as twitter-text's extractor decides. */
function linkOf(m: RegExpExecArray): Entity | null {
  let url = m[1] ?? ''
  const protocol = m[2]
  const host = m[3] ?? ''
  if (!protocol) return null
  const start = m.index + m[0].length - url.length
  const tco = TCO_URL.exec(url)
  if (tco) {
    if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) return null
    url = tco[0]
  }
  const asciiLength = asciiHostLength(host)
  if (asciiLength === null) return null
  if (codePointLength(url) + Math.max(0, asciiLength - codePointLength(host)) > MAX_URL_LENGTH) return null
  return { start, end: start + url.length, replacement: (limits) => 'x'.repeat(limits.charactersReservedPerUrl) }
}

// ---- Mentions: Mastodon's Account::MENTION_RE and Extractor ----

const WORD = '[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]' // Ruby's [[:word:]]
const USERNAME = '[a-zA-Z0-9_]+(?:[.\\-]+[a-zA-Z0-9_]+)*'
/** Groups: 1 `user` or `user@domain`, 2 `user`. */
const MENTION = new RegExp(`(?<![=/\\p{L}\\p{M}\\p{Nd}\\p{Pc}])@((${USERNAME})(?:@${WORD}+(?:[.\\-]+${WORD}+)*)?)`, 'gu')
/** A mention followed by one of these is not one (twitter-text's end_mention_match). */
// The ranges include combining marks on purpose: with the u flag they match code point by code point.
// eslint-disable-next-line no-misleading-character-class
const END_MENTION = new RegExp(`^(?:[@＠]|[${LATIN_ACCENTS}]|:\\/\\/)`, 'iu')

function mentionEntities(text: string): Entity[] {
  const found: Entity[] = []
  MENTION.lastIndex = 0
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const end = m.index + m[0].length
    if (END_MENTION.test(text.slice(end))) continue
    const user = m[2] ?? ''
    found.push({ start: m.index, end, replacement: () => `@${user}` })
  }
  return found
}

/** Sorted by start; an entity overlapping an earlier one is dropped (a URL wins over a mention in it). */
function withoutOverlaps(entities: Entity[]): Entity[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start)
  const kept: Entity[] = []
  for (const entity of sorted) {
    const previous = kept[kept.length - 1]
    if (previous && previous.end > entity.start) continue
    kept.push(entity)
  }
  return kept
}

// Ruby's String#strip: ASCII whitespace and NUL only.
const strip = (s: string) => s.replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, '')
// Rails' blank?: nothing but (Unicode) white space.
const isBlank = (s: string) => /^\p{White_Space}*$/u.test(s)

/** The text as the server counts it: links as their reserved length, remote mentions as `@user`. */
export function countableText(text: string, limits: ComposeLimits): string {
  const stripped = strip(text)
  if (isBlank(stripped)) return ''
  const entities = withoutOverlaps([...urlEntities(stripped), ...mentionEntities(stripped)])
  let result = ''
  let at = 0
  for (const entity of entities) {
    result += stripped.slice(at, entity.start) + entity.replacement(limits)
    at = entity.end
  }
  return result + stripped.slice(at)
}

/** The length the server gives a post of `text` with the content warning `spoilerText`. */
export function countableLength(text: string, spoilerText: string, limits: ComposeLimits): number {
  return graphemeLength(strip(spoilerText) + countableText(text, limits))
}

/** A draft post's length; its content warning counts only while the field is open. */
export function postLength(post: DraftPost, limits: ComposeLimits): number {
  return countableLength(post.text, post.cwEnabled ? post.spoilerText : '', limits)
}

/** Characters left; negative when over the limit. */
export function remaining(post: DraftPost, limits: ComposeLimits): number {
  return limits.maxCharacters - postLength(post, limits)
}
