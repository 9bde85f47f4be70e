// The counter must agree with Mastodon's StatusLengthValidator: every expected number below
// is worked out from the server's rules (graphemes of spoiler + text, links as 23, remote
// mentions as @user), with the reason on the line.

import { describe, expect, it } from 'vitest'
import { countableLength, graphemeLength, postLength, remaining } from '@/compose/counter'
import { DEFAULT_COMPOSE_LIMITS, type ComposeLimits } from '@/compose/limits'
import type { DraftPost } from '@/compose/draft-types'

const limits = DEFAULT_COMPOSE_LIMITS
const count = (text: string, spoiler = '') => countableLength(text, spoiler, limits)

function post(change: Partial<DraftPost>): DraftPost {
  return {
    localId: 'p1',
    text: '',
    spoilerText: '',
    cwEnabled: false,
    sensitive: false,
    media: [],
    poll: null,
    idempotencyKey: 'k1',
    postedId: null,
    ...change,
  }
}

describe('counting plain text', () => {
  it('counts ASCII letters one each', () => {
    expect(count('Hello, world!')).toBe(13) // 13 characters, no entities
  })

  it('says exactly 500 fits and 501 is one over', () => {
    expect(remaining(post({ text: 'a'.repeat(500) }), limits)).toBe(0) // 500 graphemes, limit 500
    expect(remaining(post({ text: 'a'.repeat(501) }), limits)).toBe(-1) // one more than allowed
  })

  it('ignores white space around the text, as the server strips it', () => {
    expect(count('  hi \n')).toBe(2) // Status#prepare_contents strips before validating
    expect(count('   ')).toBe(0) // blank text counts as nothing
  })

  it('counts CJK text one per character', () => {
    expect(count('日本語のテキスト')).toBe(8) // 8 ideographs and kana, each a grapheme
  })
})

describe('counting links', () => {
  it('counts a long URL as 23', () => {
    expect(count(`https://example.com/${'a'.repeat(200)}`)).toBe(23) // any link is 23
  })

  it('counts a short URL as 23 too', () => {
    expect(count('http://a.co')).toBe(23) // reserved length, not its own 11
  })

  it('keeps a query and a fragment in the link', () => {
    expect(count('https://example.com/search?q=mastodon&lang=nl#results')).toBe(23) // all one link
  })

  it('keeps balanced parentheses in the link but not the ones around it', () => {
    expect(count('https://en.wikipedia.org/wiki/Mastodon_(software)')).toBe(23) // Wikipedia-style path
    expect(count('(https://example.com/page)')).toBe(25) // 23 + the two parentheses outside
  })

  it('leaves trailing punctuation out of the link', () => {
    expect(count('See https://example.com/page.')).toBe(28) // "See " 4 + 23 + "." 1
    expect(count('Really? https://example.com!')).toBe(32) // "Really? " 8 + 23 + "!" 1
  })

  it('counts two links as 23 each', () => {
    expect(count('https://one.example.org and https://two.example.org/x')).toBe(51) // 23 + " and " 5 + 23
  })

  it('counts a bare domain as written', () => {
    expect(count('example.com')).toBe(11) // no scheme: the server counts it as text
    expect(count('www.example.com/path')).toBe(20) // still no scheme
  })

  it('counts a link with an internationalised host as 23', () => {
    expect(count('https://日本.jp/')).toBe(23) // IDN hosts are links too
  })

  it('counts a link glued to letters before it as written', () => {
    expect(count('xhttps://example.com')).toBe(20) // a link must follow a non-letter; the rest has no scheme
  })

  it('uses the server’s reserved length', () => {
    const wide: ComposeLimits = { ...limits, charactersReservedPerUrl: 30 }
    expect(countableLength('https://example.com', '', wide)).toBe(30) // configuration.statuses.characters_reserved_per_url
  })
})

describe('counting mentions', () => {
  it('counts a local mention as written', () => {
    expect(count('@alice hi')).toBe(9) // "@alice" 6 + " hi" 3
  })

  it('counts a remote mention without its domain', () => {
    expect(count('@alice@mastodon.social hi')).toBe(9) // "@alice" 6 + " hi" 3
  })

  it('does not take an e-mail address for a mention', () => {
    expect(count('mail me@example.com')).toBe(19) // "@" after a letter is no mention
  })

  it('lets a URL win over a mention inside it', () => {
    expect(count('https://example.com/@bob@other.org')).toBe(23) // the whole thing is one link
  })
})

describe('counting graphemes', () => {
  it('counts an emoji as one', () => {
    expect(count('👍')).toBe(1) // one code point, two UTF-16 units
  })

  it('counts a ZWJ family as one', () => {
    expect(count('👩‍👩‍👧')).toBe(1) // three people joined by ZWJs form one grapheme
  })

  it('counts a flag as one', () => {
    expect(count('🇳🇱')).toBe(1) // two regional indicators form one grapheme
  })

  it('counts a thumb with a skin tone as one', () => {
    expect(count('👍🏽')).toBe(1) // the modifier joins the emoji
  })

  it('counts astral characters as one each', () => {
    expect(count('𝕏𠀀')).toBe(2) // mathematical X and CJK extension B: one grapheme each
  })

  it('counts a letter with a combining accent as one', () => {
    expect(count('e\u0301')).toBe(1) // e + combining acute is one grapheme
    expect(graphemeLength('caf\u00e9 cafe\u0301')).toBe(9) // precomposed and combined alike
  })
})

describe('counting the content warning', () => {
  it('adds the content warning when it is open', () => {
    expect(postLength(post({ text: 'body', spoilerText: 'spoiler', cwEnabled: true }), limits)).toBe(11) // 7 + 4
  })

  it('ignores a closed content warning', () => {
    expect(postLength(post({ text: 'body', spoilerText: 'spoiler', cwEnabled: false }), limits)).toBe(4) // not sent, not counted
  })

  it('counts a link in the content warning as written', () => {
    expect(count('', 'https://example.com')).toBe(19) // only the text's links are shortened
  })
})

describe('counting long text', () => {
  it('stays quick on long text without spaces', () => {
    const text = `${'中'.repeat(20_000)} https://example.com`
    const started = performance.now()
    expect(count(text)).toBe(20_024) // 20,000 + space + 23
    expect(performance.now() - started).toBeLessThan(500)
  })
})
