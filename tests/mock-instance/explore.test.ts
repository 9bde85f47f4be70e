// What Explore asks: follow suggestions (v2 with their reasons, v1, dismissing one) and the
// posts that share a trending link, as Mastodon 4.5 answers them.

import { beforeEach, describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let alice: mastodon.rest.Client
/** erin follows four people, so there is much to suggest to her (alice follows nearly everyone). */
let erin: mastodon.rest.Client

// masto 8 types suggestions' remove() as needing an argument; the request takes none.
const dismiss = async (accountId: string) => {
  const res = await fetch(`${h.a}/api/v1/suggestions/${accountId}`, { method: 'DELETE', headers: { authorization: `Bearer ${await h.token(h.a, 'erin')}` } })
  return { status: res.status, body: await res.json() }
}

beforeEach(async () => {
  h = harness()
  alice = await h.client(h.a, 'alice')
  erin = await h.client(h.a, 'erin')
})

describe('follow suggestions', () => {
  it('suggests people she does not follow yet, friends of friends first, saying why, never herself', async () => {
    const suggestions = await erin.v2.suggestions.list()
    expect(suggestions.length).toBeGreaterThan(2)
    expect(suggestions[0]!.sources).toContain('friends_of_friends')
    const me = await erin.v1.accounts.verifyCredentials()
    const ids = suggestions.map((s) => s.account.id)
    expect(ids).not.toContain(me.id)
    const rels = await erin.v1.accounts.relationships.fetch({ id: ids })
    expect(rels.every((r) => !r.following && !r.requested && !r.blocking && !r.muting)).toBe(true)
    for (const s of suggestions) {
      expect(s.sources!.length).toBeGreaterThan(0)
      expect(['past_interactions', 'global']).toContain(s.source)
    }
  })

  it('gives the same accounts on v1, keeps to the limit, and leaves out one she dismissed', async () => {
    const v2 = await erin.v2.suggestions.list()
    const v1 = await erin.v1.suggestions.list()
    expect(v1.map((a) => a.id)).toEqual(v2.map((s) => s.account.id))
    expect(await erin.v2.suggestions.list({ limit: 1 })).toHaveLength(1)
    const first = v2[0]!.account.id
    expect(await dismiss(first)).toEqual({ status: 200, body: {} })
    expect((await erin.v2.suggestions.list()).map((s) => s.account.id)).not.toContain(first)
  })

  it('stops suggesting someone once she follows them', async () => {
    const [first] = await erin.v2.suggestions.list()
    await erin.v1.accounts.$select(first!.account.id).follow()
    expect((await erin.v2.suggestions.list()).map((s) => s.account.id)).not.toContain(first!.account.id)
  })

  it('has nobody to suggest to someone who follows everyone already', async () => {
    expect(await alice.v2.suggestions.list()).toEqual([])
  })

  it('answers 404 for dismissing an unknown account, and 401 without a token', async () => {
    expect((await dismiss('999999999')).status).toBe(404)
    expect((await fetch(`${h.a}/api/v2/suggestions`)).status).toBe(401)
  })
})

describe('posts sharing a trending link', () => {
  it('lists the public posts with that link’s card, newest first', async () => {
    const [link] = await alice.v1.trends.links.list()
    expect(link).toBeDefined()
    const posts = await alice.v1.timelines.link.list({ url: link!.url })
    expect(posts.length).toBeGreaterThan(0)
    expect(posts.every((s) => s.card?.url === link!.url && s.visibility === 'public')).toBe(true)
  })

  it('does not find a link that is not trending', async () => {
    await expect(alice.v1.timelines.link.list({ url: 'https://nowhere.example/' })).rejects.toMatchObject({ statusCode: 404 })
  })
})
