import { afterEach, describe, expect, it } from 'vitest'
import { classifyQuery, shouldResolve } from '@/search/query'
import { forgetSearches, recentSearches, rememberSearch } from '@/search/recent-searches'

describe('what a search is', () => {
  it.each([
    ['https://other.social/@x/123', { kind: 'url', url: 'https://other.social/@x/123' }],
    ['https://other.social/users/x/statuses/123', { kind: 'url', url: 'https://other.social/users/x/statuses/123' }],
    ['@x@other.social', { kind: 'handle', handle: 'x@other.social' }],
    ['x@localhost:4181', { kind: 'handle', handle: 'x@localhost:4181' }],
    ['#Caturday', { kind: 'hashtag', tag: 'Caturday' }],
    ['tomato seeds', { kind: 'text', text: 'tomato seeds' }],
    ['   ', { kind: 'empty' }],
  ] as const)('%s', (input, kind) => {
    expect(classifyQuery(input)).toEqual(kind)
  })

  it('asks the server to resolve links and handles only', () => {
    expect(shouldResolve(classifyQuery('@x@other.social'))).toBe(true)
    expect(shouldResolve(classifyQuery('https://other.social/@x'))).toBe(true)
    expect(shouldResolve(classifyQuery('tomatoes'))).toBe(false)
  })
})

describe('recent searches', () => {
  afterEach(() => localStorage.clear())

  it('keeps the last ten per account, newest first, without repeats', () => {
    for (let i = 0; i < 12; i++) rememberSearch('a|1', `q${i}`)
    rememberSearch('a|1', 'q5')
    expect(recentSearches('a|1')).toEqual(['q5', 'q11', 'q10', 'q9', 'q8', 'q7', 'q6', 'q4', 'q3', 'q2'])
    expect(recentSearches('b|2')).toEqual([])
    forgetSearches('a|1')
    expect(recentSearches('a|1')).toEqual([])
  })

  it('reads nothing from a damaged store', () => {
    localStorage.setItem('deckodon:recent-searches:a|1', '{oops')
    expect(recentSearches('a|1')).toEqual([])
  })
})
