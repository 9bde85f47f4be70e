// Hashtags as Mastodon 4.5 answers them: following (followed_tags newest first, Link paged)
// and featuring on one's profile (featured_tags and 4.4's tags/:name/feature), with the errors.

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

describe('following hashtags', () => {
  it('follows and unfollows a tag, which the tag and followed_tags then say', async () => {
    expect((await alice.v1.tags.$select('astronomy').fetch()).following).toBe(false)
    const followed = await alice.v1.tags.$select('Astronomy').follow()
    expect(followed).toMatchObject({ name: 'astronomy', following: true })
    expect((await alice.v1.followedTags.list()).map((t) => t.name)).toEqual(['astronomy'])
    expect((await alice.v1.tags.$select('astronomy').unfollow()).following).toBe(false)
    expect(await alice.v1.followedTags.list()).toEqual([])
  })

  it('lists followed tags newest first, paged with a Link header', async () => {
    for (const name of ['baking', 'books', 'ramen']) await alice.v1.tags.$select(name).follow()
    const pages: string[][] = []
    for await (const page of alice.v1.followedTags.list({ limit: 2 })) pages.push(page.map((t) => t.name))
    // As Mastodon, the last page still links on; the page after it is empty.
    expect(pages).toEqual([['ramen', 'books'], ['baking'], []])
  })

  it('answers 404 for a name that is not a hashtag, and 401 without a token', async () => {
    await expect(alice.v1.tags.$select('1234').follow()).rejects.toMatchObject({ statusCode: 404 })
    const res = await fetch(`${h.a}/api/v1/tags/baking/follow`, { method: 'POST' })
    expect(res.status).toBe(401)
  })
})

describe('featuring hashtags on a profile', () => {
  it('has the seeded feature, with its counts over public posts, ordered by use', async () => {
    const featured = await alice.v1.featuredTags.list()
    expect(featured).toHaveLength(1)
    expect(featured[0]).toMatchObject({ name: 'Gardening', url: `${h.a}/@alice/tagged/gardening` })
    // Mastodon sends the count as a string and the last use as a date.
    expect(Number(featured[0]!.statusesCount)).toBeGreaterThan(0)
    expect(String(featured[0]!.lastStatusAt)).toMatch(/^\d{4}-\d\d-\d\d$/)
    const me = await alice.v1.accounts.verifyCredentials()
    const bob = await h.client(h.a, 'bob')
    expect((await bob.v1.accounts.$select(me.id).featuredTags.list()).map((t) => t.name)).toEqual(['Gardening'])
  })

  it('features and unfeatures through featured_tags, with Mastodon’s validation errors', async () => {
    const added = await alice.v1.featuredTags.create({ name: '#Photography' })
    expect(added.name).toBe('Photography')
    expect((await alice.v1.tags.$select('photography').fetch()).featuring).toBe(true)
    await expect(alice.v1.featuredTags.create({ name: 'photography' })).rejects.toMatchObject({
      statusCode: 422,
      message: 'Validation failed: Name has already been taken',
    })
    await expect(alice.v1.featuredTags.create({ name: 'not a tag' })).rejects.toMatchObject({ statusCode: 422, message: 'Validation failed: Name is invalid' })
    await alice.v1.featuredTags.$select(added.id).remove()
    expect((await alice.v1.featuredTags.list()).map((t) => t.name)).toEqual(['Gardening'])
    await expect(alice.v1.featuredTags.$select(added.id).remove()).rejects.toMatchObject({ statusCode: 404 })
  })

  it('allows ten at most', async () => {
    for (let i = 1; i < 10; i++) await alice.v1.featuredTags.create({ name: `tag${i}x` })
    await expect(alice.v1.featuredTags.create({ name: 'eleventh' })).rejects.toMatchObject({
      statusCode: 422,
      message: 'Validation failed: You have already featured the maximum number of hashtags',
    })
  })

  it('features by name through tags/:name/feature (4.4+), answering the tag', async () => {
    const tag = await alice.v1.tags.$select('astronomy').feature()
    expect(tag.featuring).toBe(true)
    expect((await alice.v1.tags.$select('astronomy').unfeature()).featuring).toBe(false)
  })

  it('suggests the tags she posts with that she has not featured', async () => {
    const suggestions = await alice.v1.featuredTags.suggestions.list()
    const names = suggestions.map((t) => t.name)
    expect(names).not.toContain('gardening')
    expect(names.length).toBeGreaterThan(0)
  })
})
