import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { mastodon } from 'masto'
import {
  NotFoundOnInstanceError,
  clearResolutions,
  resolveAccountFor,
  resolveStatusFor,
  type ResolveSide,
  type RunAs,
} from '@/api/resolve-status'
import { statusFixture } from '../components/status/status-fixtures'

const aliceOnA: ResolveSide = { key: 'a.example|1', origin: 'https://a.example', host: 'a.example' }
const bobOnA: ResolveSide = { key: 'a.example|2', origin: 'https://a.example', host: 'a.example' }
const frankOnB: ResolveSide = { key: 'b.example|f', origin: 'https://b.example', host: 'b.example' }

interface FakeSearch {
  search: ReturnType<typeof vi.fn>
  runAs: RunAs
  /** Which account keys the requests ran as. */
  ranAs: string[]
}

function fakeSearch(answer: (params: mastodon.rest.v2.SearchParams) => Partial<mastodon.v2.Search>, as: ResolveSide = frankOnB): FakeSearch {
  const ranAs: string[] = []
  const search = vi.fn(async (params: mastodon.rest.v2.SearchParams) => ({ accounts: [], statuses: [], hashtags: [], ...answer(params) }))
  const client = { v2: { search: { list: search } } } as unknown as mastodon.rest.Client
  const runAs: RunAs = (fn) => {
    ranAs.push(as.key)
    return fn(client)
  }
  return { search, runAs, ranAs }
}

function status(overrides: Partial<mastodon.v1.Status> = {}): mastodon.v1.Status {
  return { ...statusFixture('status.media.image.json'), ...overrides }
}

beforeEach(() => clearResolutions())
afterEach(() => vi.restoreAllMocks())

describe('resolveStatusFor', () => {
  it('keeps the id on the same server and asks nothing', async () => {
    const fake = fakeSearch(() => ({}))
    const s = status({ id: '42' })
    await expect(resolveStatusFor(s, aliceOnA, bobOnA, fake.runAs)).resolves.toEqual({ id: '42', status: null })
    expect(fake.search).not.toHaveBeenCalled()
  })

  it('asks the other server to resolve the status by its URI, with resolve=true, as the other account', async () => {
    const onB = status({ id: '01HB', favourited: false })
    const fake = fakeSearch(() => ({ statuses: [onB] }))
    const s = status({ id: '42', uri: 'https://a.example/users/carol/statuses/42', url: 'https://a.example/@carol/42' })
    const resolved = await resolveStatusFor(s, aliceOnA, frankOnB, fake.runAs)
    expect(resolved).toEqual({ id: '01HB', status: onB })
    expect(fake.search).toHaveBeenCalledWith({ q: 'https://a.example/users/carol/statuses/42', resolve: true, type: 'statuses', limit: 1 })
    expect(fake.ranAs).toEqual([frankOnB.key])
  })

  it('falls back to the page URL when the URI is not an address', async () => {
    const fake = fakeSearch(() => ({ statuses: [status({ id: '7' })] }))
    const s = status({ id: '42', uri: 'tag:a.example,2026:objectId=42', url: 'https://a.example/@carol/42' })
    await resolveStatusFor(s, aliceOnA, frankOnB, fake.runAs)
    expect(fake.search.mock.calls[0]![0]).toMatchObject({ q: 'https://a.example/@carol/42', resolve: true })
  })

  it('resolves the boosted post for a boost', async () => {
    const inner = status({ id: '42', uri: 'https://a.example/users/carol/statuses/42' })
    const boost = status({ id: '99', uri: 'https://a.example/users/dave/statuses/99/activity', reblog: inner })
    const fake = fakeSearch(() => ({ statuses: [status({ id: 'B42' })] }))
    expect((await resolveStatusFor(boost, aliceOnA, frankOnB, fake.runAs)).id).toBe('B42')
    expect(fake.search.mock.calls[0]![0]).toMatchObject({ q: 'https://a.example/users/carol/statuses/42' })
    expect((await resolveStatusFor(boost, aliceOnA, bobOnA, fake.runAs)).id).toBe('42')
  })

  it('says the status could not be found on the other host when the search comes back empty', async () => {
    const fake = fakeSearch(() => ({ statuses: [] }))
    const attempt = resolveStatusFor(status({ uri: 'https://a.example/users/carol/statuses/1' }), aliceOnA, frankOnB, fake.runAs)
    await expect(attempt).rejects.toBeInstanceOf(NotFoundOnInstanceError)
    await expect(attempt).rejects.toMatchObject({ host: 'b.example', what: 'status', message: 'The status could not be found on b.example' })
  })

  it('keeps resolutions per account and address, shares one in flight, and asks again after a failure', async () => {
    let answer: mastodon.v1.Status[] = []
    const fake = fakeSearch(() => ({ statuses: answer }))
    const s = status({ uri: 'https://a.example/users/carol/statuses/5' })
    await expect(resolveStatusFor(s, aliceOnA, frankOnB, fake.runAs)).rejects.toBeInstanceOf(NotFoundOnInstanceError)
    answer = [status({ id: 'B5' })]
    const [first, second] = await Promise.all([
      resolveStatusFor(s, aliceOnA, frankOnB, fake.runAs),
      resolveStatusFor(s, aliceOnA, frankOnB, fake.runAs),
    ])
    expect(first.id).toBe('B5')
    expect(second).toBe(first)
    await resolveStatusFor(s, aliceOnA, frankOnB, fake.runAs)
    expect(fake.search).toHaveBeenCalledTimes(2)
    // Another account on B resolves for itself.
    const grace = fakeSearch(() => ({ statuses: [status({ id: 'G5' })] }), { ...frankOnB, key: 'b.example|g' })
    expect((await resolveStatusFor(s, aliceOnA, { ...frankOnB, key: 'b.example|g' }, grace.runAs)).id).toBe('G5')
  })
})

describe('resolveAccountFor', () => {
  const carol = (overrides: Partial<mastodon.v1.Account> = {}): mastodon.v1.Account => ({
    ...status().account,
    id: '3',
    username: 'carol',
    acct: 'carol',
    url: 'https://a.example/@carol',
    ...overrides,
  })

  it('keeps the id on the same server and asks nothing', async () => {
    const fake = fakeSearch(() => ({}))
    await expect(resolveAccountFor(carol(), aliceOnA, bobOnA, fake.runAs)).resolves.toEqual({ id: '3', account: null })
    expect(fake.search).not.toHaveBeenCalled()
  })

  it('resolves a local account of the first server by its ActivityPub id on the other server', async () => {
    const found = carol({ id: 'BC', acct: 'carol@a.example' })
    const fake = fakeSearch(() => ({ accounts: [found] }))
    const withUri = { ...carol(), uri: 'https://a.example/users/carol' }
    expect(await resolveAccountFor(withUri, aliceOnA, frankOnB, fake.runAs)).toEqual({ id: 'BC', account: found })
    expect(fake.search).toHaveBeenCalledWith({ q: 'https://a.example/users/carol', resolve: true, type: 'accounts', limit: 1 })
    expect(fake.ranAs).toEqual([frankOnB.key])
  })

  it('uses the profile address when the server sent no ActivityPub id', async () => {
    const fake = fakeSearch(() => ({ accounts: [carol({ id: 'BC' })] }))
    const withoutUri: mastodon.v1.Account = { ...carol(), uri: undefined } as mastodon.v1.Account
    await resolveAccountFor(withoutUri, aliceOnA, frankOnB, fake.runAs)
    expect(fake.search.mock.calls[0]![0]).toMatchObject({ q: 'https://a.example/@carol', resolve: true })
  })

  it('resolves a remote account by its full handle', async () => {
    const fake = fakeSearch(() => ({ accounts: [carol({ id: 'X' })] }))
    await resolveAccountFor(carol({ acct: 'carol@c.example', url: 'https://c.example/@carol' }), aliceOnA, frankOnB, fake.runAs)
    expect(fake.search.mock.calls[0]![0]).toMatchObject({ q: '@carol@c.example', resolve: true, type: 'accounts' })
  })

  it('says the account could not be found on the other host', async () => {
    const fake = fakeSearch(() => ({ accounts: [] }))
    await expect(resolveAccountFor(carol(), aliceOnA, frankOnB, fake.runAs)).rejects.toMatchObject({
      name: 'NotFoundOnInstanceError',
      host: 'b.example',
      what: 'account',
    })
  })
})
