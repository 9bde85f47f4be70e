// Search as the composer's autocomplete asks it: what "al", "@al" and "#garde" find,
// on /api/v2/search and /api/v1/accounts/search, as Mastodon 4.5 answers them.

import { beforeEach, describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let alice: mastodon.rest.Client

beforeEach(async () => {
  h = harness()
  alice = await h.client(h.a, 'alice')
})

describe('accounts by prefix', () => {
  it('finds "al" and "@al" by the start of the user name, the exact handle first', async () => {
    for (const q of ['al', '@al', 'AL']) {
      const { accounts, hashtags } = await alice.v2.search.list({ q, type: 'accounts', resolve: false, limit: 5 })
      expect(accounts.map((a) => a.acct)).toEqual(['alice'])
      expect(hashtags).toEqual([])
    }
  })

  it('finds accounts by the start of any word of their display name', async () => {
    const { accounts } = await alice.v2.search.list({ q: 'okaf', type: 'accounts', resolve: false })
    expect(accounts.map((a) => a.username)).toEqual(['bob'])
    const kenji = await alice.v2.search.list({ q: 'takah', type: 'accounts', resolve: false })
    expect(kenji.accounts.map((a) => a.username)).toEqual(['kenji'])
  })

  it('finds a remote account by a partly typed handle, and leaves out moved accounts', async () => {
    const hostB = new URL(h.b).host
    const { accounts } = await alice.v2.search.list({ q: `@frank@${hostB.slice(0, 5)}`, type: 'accounts', resolve: false })
    expect(accounts.map((a) => a.acct)).toEqual([`frank@${hostB}`])
    // oscar moved from A to B: only the B account is found.
    const oscars = await alice.v2.search.list({ q: 'osc', type: 'accounts', resolve: false })
    expect(oscars.accounts.map((a) => a.acct)).toEqual([`oscar@${hostB}`])
  })

  it('puts accounts the searcher follows first, and can keep to them', async () => {
    // Alice follows these three, each with a word starting with "r" (reads, Rotterdam, Radfahrerin).
    const followed = (await alice.v1.accounts.search.list({ q: 'r', following: true })).map((a) => a.username)
    expect(followed).toEqual(['bookclub', 'dave', 'heidi'])
    const all = (await alice.v1.accounts.search.list({ q: 'r', limit: 10 })).map((a) => a.username)
    expect(all.slice(0, 3)).toEqual(followed)
    expect(all).toContain('rick')
  })

  it('searches no accounts for a hashtag query', async () => {
    expect((await alice.v2.search.list({ q: '#alice', type: 'accounts' })).accounts).toEqual([])
  })
})

describe('hashtags by prefix', () => {
  it('finds "#garde" and "garde" as the gardening tag, with its history', async () => {
    for (const q of ['#garde', 'garde']) {
      const { hashtags } = await alice.v2.search.list({ q, type: 'hashtags', resolve: false, limit: 5 })
      expect(hashtags.map((t) => t.name)).toEqual(['gardening'])
      expect(hashtags[0]!.history).toHaveLength(7)
      expect(hashtags[0]!.url).toBe(`${h.a}/tags/gardening`)
    }
  })

  it('puts the exact tag first, then the shorter ones', async () => {
    const bob = await h.client(h.a, 'bob')
    await bob.v1.statuses.create({ status: 'New words: #gard #gardeningtips #garde' })
    const { hashtags } = await alice.v2.search.list({ q: '#garde', type: 'hashtags' })
    expect(hashtags.map((t) => t.name)).toEqual(['garde', 'gardening', 'gardeningtips'])
  })

  it('finds no hashtags for a query with an @', async () => {
    expect((await alice.v2.search.list({ q: '@garde', type: 'hashtags' })).hashtags).toEqual([])
  })
})

describe('custom emoji for the picker', () => {
  it('lists the instance’s custom emoji', async () => {
    const emojis = await alice.v1.customEmojis.list()
    expect(emojis.map((e) => e.shortcode)).toContain('blobcat')
    expect(emojis.every((e) => e.url.startsWith(h.a))).toBe(true)
  })
})
