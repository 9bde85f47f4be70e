import { describe, expect, it } from 'vitest'
import { ADDABLE_TYPES, buildColumn, emptyForm, parseTags, type AddColumnForm } from '@/components/deck/add-column-form'

const KEY = 'localhost:4180|1'
const form = (change: Partial<AddColumnForm>): AddColumnForm => ({ ...emptyForm(KEY), ...change })

describe('buildColumn', () => {
  it.each(['home', 'notifications', 'mentions', 'local', 'bookmarks', 'favourites', 'conversations', 'trending'] as const)(
    'builds a %s column with no parameters',
    (type) => {
      expect(buildColumn(form({ type }))).toEqual({ ok: true, column: { type, accountKey: KEY, params: {} } })
    },
  )

  it('offers every type but the thread', () => {
    expect(ADDABLE_TYPES).not.toContain('thread')
    expect(ADDABLE_TYPES).toHaveLength(12)
  })

  it('builds a federated column, remote only when asked', () => {
    expect(buildColumn(form({ type: 'federated' }))).toMatchObject({ ok: true, column: { params: {} } })
    expect(buildColumn(form({ type: 'federated', remoteOnly: true }))).toMatchObject({ ok: true, column: { params: { remoteOnly: true } } })
  })

  it('builds a hashtag column with any/all/none and local only', () => {
    const result = buildColumn(form({ type: 'hashtag', tag: ' #caturday ', any: '#cats, kittens  cats', all: '', none: 'dogs', localOnly: true }))
    expect(result).toEqual({
      ok: true,
      column: { type: 'hashtag', accountKey: KEY, params: { tag: 'caturday', any: ['cats', 'kittens'], none: ['dogs'], localOnly: true } },
    })
  })

  it.each(['', '   ', '#', 'two words', 'semi;colon'])('rejects the hashtag %j', (tag) => {
    expect(buildColumn(form({ type: 'hashtag', tag }))).toEqual({ ok: false, errors: { tag: 'deck.add.errors.tag' } })
  })

  it('rejects invalid extra tags', () => {
    expect(buildColumn(form({ type: 'hashtag', tag: 'ok', all: 'fine, not-ok' }))).toEqual({ ok: false, errors: { all: 'deck.add.errors.tags' } })
  })

  it('builds a list column from a fetched list, and needs one', () => {
    const lists = [
      { id: '12', title: 'Friends' },
      { id: '13', title: 'Work' },
    ]
    expect(buildColumn(form({ type: 'list', listId: '13' }), lists)).toEqual({
      ok: true,
      column: { type: 'list', accountKey: KEY, params: { listId: '13', listTitle: 'Work' } },
    })
    expect(buildColumn(form({ type: 'list', listId: '' }), lists)).toEqual({ ok: false, errors: { listId: 'deck.add.errors.list' } })
    expect(buildColumn(form({ type: 'list', listId: '99' }), lists)).toMatchObject({ ok: false })
  })

  it.each([
    ['@frank@localhost:4181', 'frank@localhost:4181'],
    ['alice', 'alice'],
    ['first.last@mastodon.social', 'first.last@mastodon.social'],
  ])('builds a profile column for %s', (acct, expected) => {
    expect(buildColumn(form({ type: 'profile', acct, profileTab: 'media' }))).toEqual({
      ok: true,
      column: { type: 'profile', accountKey: KEY, params: { acct: expected, profileTab: 'media' } },
    })
  })

  it.each(['', '@', 'a b', 'user@', 'user@host@other', 'https://x.y/@u'])('rejects the profile %j', (acct) => {
    expect(buildColumn(form({ type: 'profile', acct }))).toEqual({ ok: false, errors: { acct: 'deck.add.errors.acct' } })
  })

  it('needs an account', () => {
    expect(buildColumn({ ...emptyForm(''), type: 'home' })).toEqual({ ok: false, errors: { accountKey: 'deck.add.errors.account' } })
  })
})

describe('parseTags', () => {
  it('splits on spaces and commas, drops # and duplicates', () => {
    expect(parseTags(' #a,b  a ,, c')).toEqual(['a', 'b', 'c'])
    expect(parseTags('')).toEqual([])
    expect(parseTags('ok no!')).toBeNull()
  })
})
