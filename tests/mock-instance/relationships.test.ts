// A profile's relationship actions as Mastodon 4.5 answers them: follow with boosts and the
// bell, a locked account's request, notes, endorsements, whole-domain blocks, hidden social
// graphs, and the errors.

import { beforeEach, describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let erin: mastodon.rest.Client

beforeEach(async () => {
  h = harness()
  erin = await h.client(h.a, 'erin')
})

const idOf = async (c: mastodon.rest.Client, acct: string) => (await c.v1.accounts.lookup({ acct })).id

describe('relationship actions', () => {
  it('follows with boosts hidden and the bell on, and says so', async () => {
    const dave = await idOf(erin, 'dave')
    const rel = await erin.v1.accounts.$select(dave).follow({ reblogs: false, notify: true })
    expect(rel).toMatchObject({ following: true, showingReblogs: false, notifying: true })
    expect(await erin.v1.accounts.$select(dave).follow({ reblogs: true })).toMatchObject({ showingReblogs: true, notifying: true })
  })

  it('asks a locked account, and cancels the request by unfollowing', async () => {
    // erin is locked: a new follower is asked for.
    const rick = await h.client(h.a, 'rick')
    const erinId = await idOf(rick, 'erin')
    expect(await rick.v1.accounts.$select(erinId).follow()).toMatchObject({ following: false, requested: true })
    expect(await rick.v1.accounts.$select(erinId).unfollow()).toMatchObject({ following: false, requested: false })
  })

  it('keeps a private note, and refuses one over 2,000 characters', async () => {
    const dave = await idOf(erin, 'dave')
    expect(await erin.v1.accounts.$select(dave).note.create({ comment: 'Weather bot of bob' })).toMatchObject({ note: 'Weather bot of bob' })
    expect((await erin.v1.accounts.relationships.fetch({ id: [dave] }))[0]!.note).toBe('Weather bot of bob')
    await expect(erin.v1.accounts.$select(dave).note.create({ comment: 'x'.repeat(2001) })).rejects.toMatchObject({
      statusCode: 422,
      message: 'Validation failed: Comment is too long (maximum is 2000 characters)',
    })
  })

  it('endorses only someone followed, and lists them on the profile', async () => {
    const alice = await idOf(erin, 'alice')
    const dave = await idOf(erin, 'dave')
    await expect(erin.v1.accounts.$select(dave).pin()).rejects.toMatchObject({
      statusCode: 422,
      message: 'Validation failed: You must be already following the person you want to endorse',
    })
    expect(await erin.v1.accounts.$select(alice).pin()).toMatchObject({ endorsed: true })
    const me = await erin.v1.accounts.verifyCredentials()
    expect((await erin.v1.accounts.$select(me.id).endorsements.list()).map((a) => a.username)).toEqual(['alice'])
    expect((await erin.v1.endorsements.list()).map((a) => a.username)).toEqual(['alice'])
    expect(await erin.v1.accounts.$select(alice).unpin()).toMatchObject({ endorsed: false })
  })

  it('blocks a whole domain: its accounts say so, follows with it end, and it can be undone', async () => {
    const hostB = new URL(h.b).host
    const alice = await h.client(h.a, 'alice')
    const frank = await idOf(alice, `frank@${hostB}`)
    expect((await alice.v1.accounts.relationships.fetch({ id: [frank] }))[0]).toMatchObject({ following: true, domainBlocking: false })
    await alice.v1.domainBlocks.create({ domain: hostB })
    expect(await alice.v1.domainBlocks.list()).toEqual([hostB])
    expect((await alice.v1.accounts.relationships.fetch({ id: [frank] }))[0]).toMatchObject({ following: false, followedBy: false, domainBlocking: true })
    await expect(alice.v1.domainBlocks.create({ domain: 'not a domain' })).rejects.toMatchObject({ statusCode: 422 })
    await alice.v1.domainBlocks.remove({ domain: hostB })
    expect(await alice.v1.domainBlocks.list()).toEqual([])
  })

  it('hides a social graph from others but not from its owner', async () => {
    const form = new FormData()
    form.set('hide_collections', 'true')
    await fetch(`${h.a}/api/v1/accounts/update_credentials`, { method: 'PATCH', headers: { authorization: `Bearer ${await h.token(h.a, 'erin')}` }, body: form })
    const me = await erin.v1.accounts.verifyCredentials()
    const bob = await h.client(h.a, 'bob')
    expect(await bob.v1.accounts.$select(me.id).followers.list()).toEqual([])
    expect((await erin.v1.accounts.$select(me.id).followers.list()).length).toBeGreaterThan(0)
  })

  it('pages followers with a Link header', async () => {
    const alice = await h.client(h.a, 'alice')
    const me = await alice.v1.accounts.verifyCredentials()
    const pages: number[] = []
    for await (const page of alice.v1.accounts.$select(me.id).followers.list({ limit: 4 })) {
      pages.push(page.length)
      if (pages.length > 10) break
    }
    expect(pages[0]).toBe(4)
    expect(pages.reduce((a, b) => a + b, 0)).toBe(me.followersCount)
  })
})

describe('mutes', () => {
  it('lists muted accounts with when each mute ends', async () => {
    const dave = await idOf(erin, 'dave')
    await erin.v1.accounts.$select(dave).mute({ duration: 3600, notifications: false })
    const res = await fetch(`${h.a}/api/v1/mutes`, { headers: { authorization: `Bearer ${await h.token(h.a, 'erin')}` } })
    const [muted] = (await res.json()) as { username: string; mute_expires_at: string | null }[]
    expect(muted!.username).toBe('dave')
    const left = Date.parse(muted!.mute_expires_at!) - Date.now()
    expect(left).toBeGreaterThan(3500_000)
    expect(left).toBeLessThanOrEqual(3600_000)
  })
})
