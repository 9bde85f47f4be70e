import { describe, expect, it } from 'vitest'
import { applySuggestion, tokenAt } from '@/compose/autocomplete'

const at = (marked: string) => {
  const caret = marked.indexOf('|')
  return tokenAt(marked.replace('|', ''), caret)
}

describe('the word the caret is in', () => {
  it('finds an account being typed, local or with its server', () => {
    expect(at('hello @ali|')).toMatchObject({ kind: 'account', query: 'ali', start: 6 })
    expect(at('@alice@exa|')).toMatchObject({ kind: 'account', query: 'alice@exa', start: 0 })
  })

  it('finds a hashtag, in any script', () => {
    expect(at('growing #garde|')).toMatchObject({ kind: 'hashtag', query: 'garde' })
    expect(at('#日本|')).toMatchObject({ kind: 'hashtag', query: '日本' })
  })

  it('finds a custom emoji after two letters', () => {
    expect(at('nice :bl|')).toMatchObject({ kind: 'emoji', query: 'bl' })
    expect(at('nice :b|')).toBeNull()
  })

  it('ignores signs inside words: an e-mail address, a URL fragment, a time', () => {
    expect(at('mail me@home|')).toBeNull()
    expect(at('see https://example.com/#anchor|')).toBeNull()
    expect(at('at 10:30|')).toBeNull()
  })

  it('takes the rest of the word after the caret along', () => {
    expect(tokenAt('hi @alxx and', 6)).toMatchObject({ query: 'al', start: 3, end: 8 })
  })
})

describe('choosing a suggestion', () => {
  it('replaces the token and adds a space, with the caret after it', () => {
    const token = tokenAt('hi @al', 6)!
    expect(applySuggestion('hi @al', token, '@alice@example.social')).toEqual({ text: 'hi @alice@example.social ', caret: 25 })
  })

  it('does not double a space that is already there', () => {
    const token = tokenAt('hi #gar there', 7)!
    expect(applySuggestion('hi #gar there', token, '#gardening')).toEqual({ text: 'hi #gardening there', caret: 14 })
  })
})
