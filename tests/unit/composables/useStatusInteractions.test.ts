import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, type EffectScope } from 'vue'
import type { mastodon } from 'masto'
import { dropClient } from '@/api/clients'
import { clearResolutions } from '@/api/resolve-status'
import { useStatusInteractions } from '@/composables/useStatusInteractions'
import { useEntitiesStore } from '@/stores/entities'
import { alice, bob, seedAccounts, storedAccount } from '../helpers/accounts'
import { FakeHttpError, carolPost, deferred, relationship, server, type SentCall } from '../helpers/fake-interactions-server'
import { createTestApp, resetDocument } from '../helpers/test-app'

vi.mock('masto', () => import('../helpers/fake-interactions-server'))

const frank = storedAccount({ username: 'frank', id: 'f-1', host: 'localhost:4181', displayName: 'Frank' })
const gone = storedAccount({ username: 'grace', id: 'g-1', host: 'localhost:4181', needsReauth: true })

let scope: EffectScope

function setup(status: mastodon.v1.Status, accountKey = alice.key) {
  const entities = useEntitiesStore()
  const given = ref(status)
  const interactions = scope.run(() => useStatusInteractions({ accountKey, status: given }))!
  return { entities, interactions, given }
}

const posts = (method: SentCall['method'], path: string) => server.calls.filter((c) => c.method === method && c.path === path)

beforeEach(() => {
  resetDocument()
  server.reset()
  clearResolutions()
  for (const a of [alice, bob, frank, gone]) dropClient(a.key)
  createTestApp()
  seedAccounts([alice, bob, frank, gone], alice.key)
  scope = effectScope()
})

afterEach(() => {
  scope.stop()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('favourite', () => {
  it('patches the store at once, ignores a second press while it is on its way, then takes the server answer', async () => {
    const { entities, interactions } = setup(carolPost())
    entities.putStatus(alice.key, carolPost())
    const answer = deferred<mastodon.v1.Status>()
    server.respond = () => answer.promise

    const first = interactions.toggleFavourite()
    expect(entities.status(alice.key, '100')).toMatchObject({ favourited: true, favouritesCount: 4 })
    expect(interactions.current.value.favourited).toBe(true)
    expect(interactions.isBusy('favourite')).toBe(true)
    await interactions.toggleFavourite()
    await vi.waitFor(() => expect(server.calls).toHaveLength(1))
    expect(server.calls[0]).toMatchObject({ origin: alice.origin, token: alice.token, method: 'POST', path: '/api/v1/statuses/100/favourite' })

    answer.resolve(carolPost({ favourited: true, favouritesCount: 9 }))
    await first
    expect(entities.status(alice.key, '100')).toMatchObject({ favourited: true, favouritesCount: 9 })
    expect(interactions.isBusy('favourite')).toBe(false)
    expect(interactions.error.value).toBeNull()
  })

  it('unfavourites a favourited post', async () => {
    const { entities, interactions } = setup(carolPost({ favourited: true, favouritesCount: 4 }))
    server.respond = () => carolPost({ favourited: false, favouritesCount: 3 })
    const done = interactions.toggleFavourite()
    // Not in the store yet: the list's copy is stored first, then patched.
    expect(entities.status(alice.key, '100')).toMatchObject({ favourited: false, favouritesCount: 3 })
    await done
    expect(posts('POST', '/api/v1/statuses/100/unfavourite')).toHaveLength(1)
  })

  it('rolls back only what it changed when the server fails, and keeps the error', async () => {
    const { entities, interactions } = setup(carolPost())
    entities.putStatus(alice.key, carolPost())
    const answer = deferred<mastodon.v1.Status>()
    server.respond = () => answer.promise
    const done = interactions.toggleFavourite()
    // Meanwhile the post is bookmarked elsewhere and edited (a streaming update).
    entities.patchStatus(alice.key, '100', { bookmarked: true, content: '<p>edited</p>' })
    answer.reject(new FakeHttpError(500))
    await done
    expect(entities.status(alice.key, '100')).toMatchObject({
      favourited: false,
      favouritesCount: 3,
      bookmarked: true,
      content: '<p>edited</p>',
    })
    expect(interactions.error.value).toEqual({ kind: 'api', error: 'server', host: 'localhost:4180' })
    expect(interactions.isBusy('favourite')).toBe(false)
  })

  it('acts on the boosted post, and every boost carrying it shows the change', async () => {
    const inner = carolPost()
    const boost = carolPost({ id: '200', account: carolPost().account, reblog: inner })
    const { entities, interactions } = setup(boost)
    entities.putStatus(alice.key, boost)
    server.respond = () => carolPost({ favourited: true, favouritesCount: 4 })
    await interactions.toggleFavourite()
    expect(server.calls[0]!.path).toBe('/api/v1/statuses/100/favourite')
    expect(entities.status(alice.key, '200')?.reblog).toMatchObject({ favourited: true, favouritesCount: 4 })
  })
})

describe('bookmark', () => {
  it('toggles optimistically and rolls back on failure', async () => {
    const { entities, interactions } = setup(carolPost())
    server.respond = () => {
      throw new FakeHttpError(429)
    }
    const done = interactions.toggleBookmark()
    expect(entities.status(alice.key, '100')?.bookmarked).toBe(true)
    await done
    expect(entities.status(alice.key, '100')?.bookmarked).toBe(false)
    expect(interactions.error.value).toMatchObject({ kind: 'api', error: 'rate-limited' })
    expect(posts('POST', '/api/v1/statuses/100/bookmark')).toHaveLength(1)
  })
})

describe('boost', () => {
  it('boosts with the chosen visibility and stores the boosted post from the answer', async () => {
    const { entities, interactions } = setup(carolPost())
    const answer = deferred<mastodon.v1.Status>()
    server.respond = () => answer.promise
    const done = interactions.boost('unlisted')
    expect(entities.status(alice.key, '100')).toMatchObject({ reblogged: true, reblogsCount: 2 })
    answer.resolve(carolPost({ id: '300', visibility: 'unlisted', reblog: carolPost({ reblogged: true, reblogsCount: 2 }) }))
    await done
    expect(server.calls[0]).toMatchObject({ token: alice.token, path: '/api/v1/statuses/100/reblog', params: { visibility: 'unlisted' } })
    expect(entities.status(alice.key, '100')).toMatchObject({ reblogged: true, reblogsCount: 2 })
  })

  it('does not boost a private mention or someone else’s followers-only post, and says why', async () => {
    const direct = setup(carolPost({ visibility: 'direct' })).interactions
    await direct.boost('public')
    expect(direct.boostBlock.value).toBe('direct')
    expect(direct.notice.value).toEqual({ kind: 'cannot-boost', reason: 'direct' })
    const privatePost = setup(carolPost({ id: '101', visibility: 'private' })).interactions
    expect(privatePost.boostBlock.value).toBe('private')
    await privatePost.boost('public')
    expect(server.calls).toHaveLength(0)
  })

  it('lets authors boost their own followers-only posts, to followers only', async () => {
    const own = carolPost({ visibility: 'private', account: { ...carolPost().account, id: alice.id } })
    const { interactions } = setup(own)
    expect(interactions.boostBlock.value).toBeNull()
    expect(interactions.boostVisibilities.value).toEqual(['private'])
    server.respond = () => carolPost({ id: '301', reblog: { ...own, reblogged: true } })
    await interactions.boost('public')
    expect(server.calls[0]!.params).toEqual({ visibility: 'private' })
  })

  it('undoes a boost; the own boost the card showed is gone from the store', async () => {
    const inner = carolPost({ reblogged: true, reblogsCount: 2 })
    const ownBoost = carolPost({ id: '300', account: { ...carolPost().account, id: alice.id, acct: 'alice' }, reblog: inner })
    const { entities, interactions } = setup(ownBoost)
    entities.putStatus(alice.key, ownBoost)
    server.respond = () => carolPost({ reblogged: false, reblogsCount: 1 })
    const done = interactions.unboost()
    expect(entities.status(alice.key, '100')).toMatchObject({ reblogged: false, reblogsCount: 1 })
    await done
    expect(posts('POST', '/api/v1/statuses/100/unreblog')).toHaveLength(1)
    expect(entities.isDeleted(alice.key, '300')).toBe(true)
    expect(entities.isDeleted(alice.key, '100')).toBe(false)
  })
})

describe('the author', () => {
  it('loads the relationship once when asked, and follows with the answer shown', async () => {
    const { interactions } = setup(carolPost())
    server.respond = (call) => {
      if (call.path === '/api/v1/accounts/relationships') return [relationship('3')]
      if (call.path === '/api/v1/accounts/3/follow') return relationship('3', { following: true })
      throw new FakeHttpError(404)
    }
    expect(interactions.relationshipState.value).toBe('idle')
    await Promise.all([interactions.loadRelationship(), interactions.loadRelationship()])
    expect(posts('GET', '/api/v1/accounts/relationships')).toEqual([expect.objectContaining({ params: { id: ['3'] }, token: alice.token })])
    expect(interactions.relationship.value?.following).toBe(false)
    await interactions.relate('follow')
    expect(interactions.relationship.value?.following).toBe(true)
    expect(interactions.notice.value).toEqual({ kind: 'relationship', action: 'follow' })
  })

  it('mutes and blocks as the card’s account, and surfaces a failure', async () => {
    const { interactions } = setup(carolPost())
    server.respond = (call) => {
      if (call.path.endsWith('/mute')) return relationship('3', { muting: true })
      throw new FakeHttpError(403)
    }
    await interactions.relate('mute')
    expect(interactions.relationship.value?.muting).toBe(true)
    await interactions.relate('block')
    expect(interactions.error.value).toEqual({ kind: 'api', error: 'forbidden', host: 'localhost:4180' })
    expect(interactions.isBusy('relationship')).toBe(false)
    expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/accounts/3/mute', '/api/v1/accounts/3/block'])
  })

  it('does not load a relationship with oneself', async () => {
    const { interactions } = setup(carolPost({ account: { ...carolPost().account, id: alice.id } }))
    await interactions.loadRelationship()
    expect(server.calls).toHaveLength(0)
  })
})

describe('delete', () => {
  it('deletes an own post and marks it deleted in the store', async () => {
    const own = carolPost({ account: { ...carolPost().account, id: alice.id } })
    const { entities, interactions } = setup(own)
    entities.putStatus(alice.key, own)
    expect(interactions.isOwn.value).toBe(true)
    server.respond = () => own
    await interactions.remove()
    expect(server.calls[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/statuses/100', token: alice.token })
    expect(entities.isDeleted(alice.key, '100')).toBe(true)
  })

  it('never deletes someone else’s post', async () => {
    const { interactions } = setup(carolPost())
    await interactions.remove()
    expect(server.calls).toHaveLength(0)
  })
})

describe('copy link', () => {
  it('copies to the clipboard and confirms, then the confirmation goes', async () => {
    vi.useFakeTimers()
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { interactions } = setup(carolPost())
    await interactions.copyLink('http://localhost:4180/@carol/100')
    expect(writeText).toHaveBeenCalledWith('http://localhost:4180/@carol/100')
    expect(interactions.notice.value).toEqual({ kind: 'copied' })
    vi.advanceTimersByTime(10_000)
    expect(interactions.notice.value).toBeNull()
  })

  it('shows the link to copy by hand when there is no clipboard', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    const { interactions } = setup(carolPost())
    await interactions.copyLink('http://localhost:4180/@carol/100')
    expect(interactions.notice.value).toEqual({ kind: 'copy-unavailable', url: 'http://localhost:4180/@carol/100' })
  })
})

describe('act as another signed-in account', () => {
  it('lists the other accounts that can act', () => {
    const { interactions } = setup(carolPost())
    expect(interactions.actAsAccounts.value.map((a) => a.key)).toEqual([bob.key, frank.key])
  })

  it('resolves the post on the other server, favourites with that account’s token and stores the answer there only', async () => {
    const onB = carolPost({ id: 'B100', favourited: false, favouritesCount: 3 })
    const { entities, interactions } = setup(carolPost())
    entities.putStatus(alice.key, carolPost())
    server.respond = (call) => {
      if (call.path === '/api/v2/search') return { accounts: [], hashtags: [], statuses: [onB] }
      if (call.path === '/api/v1/statuses/B100/favourite') return { ...onB, favourited: true, favouritesCount: 4 }
      throw new FakeHttpError(404)
    }
    await interactions.actAs(frank.key, 'favourite')
    expect(server.calls).toEqual([
      expect.objectContaining({
        origin: frank.origin,
        token: frank.token,
        path: '/api/v2/search',
        params: { q: 'http://localhost:4180/users/carol/statuses/100', resolve: true, type: 'statuses', limit: 1 },
      }),
      expect.objectContaining({ origin: frank.origin, token: frank.token, method: 'POST', path: '/api/v1/statuses/B100/favourite' }),
    ])
    expect(entities.status(frank.key, 'B100')).toMatchObject({ favourited: true, favouritesCount: 4 })
    // The column's own account did not favourite anything.
    expect(entities.status(alice.key, '100')).toMatchObject({ favourited: false, favouritesCount: 3 })
    expect(interactions.notice.value).toEqual({ kind: 'acted-as', action: 'favourite', handle: '@frank@localhost:4181' })
  })

  it('acts with the same id on the same server, asking nothing first', async () => {
    const { entities, interactions } = setup(carolPost())
    server.respond = () => carolPost({ id: '300', reblog: carolPost({ reblogged: true }) })
    await interactions.actAs(bob.key, 'reblog')
    expect(server.calls).toEqual([expect.objectContaining({ token: bob.token, path: '/api/v1/statuses/100/reblog' })])
    expect(entities.status(bob.key, '100')?.reblogged).toBe(true)
    expect(entities.status(alice.key, '100')?.reblogged).toBeUndefined()
  })

  it('follows the author as the other account, resolved there', async () => {
    const { interactions } = setup(carolPost())
    server.respond = (call) => {
      if (call.path === '/api/v2/search') return { accounts: [{ ...carolPost().account, id: 'B3' }], hashtags: [], statuses: [] }
      if (call.path === '/api/v1/accounts/B3/follow') return relationship('B3', { following: true })
      throw new FakeHttpError(404)
    }
    await interactions.actAs(frank.key, 'follow')
    expect(server.calls.map((c) => [c.token, c.path])).toEqual([
      [frank.token, '/api/v2/search'],
      [frank.token, '/api/v1/accounts/B3/follow'],
    ])
    expect(server.calls[0]!.params).toMatchObject({ q: 'http://localhost:4180/users/carol', type: 'accounts', resolve: true })
    expect(interactions.notice.value).toMatchObject({ kind: 'acted-as', action: 'follow' })
  })

  it('says so when the other server cannot find the post', async () => {
    const { interactions } = setup(carolPost())
    server.respond = () => ({ accounts: [], hashtags: [], statuses: [] })
    await interactions.actAs(frank.key, 'bookmark')
    expect(interactions.error.value).toEqual({ kind: 'not-found-on', host: 'localhost:4181', what: 'status' })
    expect(interactions.isBusy(`as:${frank.key}`)).toBe(false)
  })

  it('names the other account’s server when its request fails', async () => {
    const { interactions } = setup(carolPost())
    server.respond = (call) => {
      if (call.path === '/api/v2/search') return { accounts: [], hashtags: [], statuses: [carolPost({ id: 'B100' })] }
      throw new FakeHttpError(503)
    }
    await interactions.actAs(frank.key, 'favourite')
    expect(interactions.error.value).toEqual({ kind: 'api', error: 'server', host: 'localhost:4181' })
  })
})

describe('the status it acts on', () => {
  it('follows the store when the list shows another status', async () => {
    const { entities, interactions, given } = setup(carolPost())
    entities.putStatus(alice.key, carolPost({ id: '101', favourited: true }))
    given.value = carolPost({ id: '101' })
    await nextTick()
    expect(interactions.current.value).toMatchObject({ id: '101', favourited: true })
  })
})
