// The mock's REST API driven by masto.js, the library the client uses: if
// masto.js can page, post, act and fail against it the way it does against
// Mastodon, the client's end-to-end tests mean something.

import { beforeEach, describe, expect, it } from 'vitest'
import { MastoDeserializeError, MastoHttpError, MastoTimeoutError, createRestAPIClient, type mastodon } from 'masto'
import { startTestFediverse, useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let alice: mastodon.rest.Client
let aliceOnB: mastodon.rest.Client

beforeEach(async () => {
  h = harness()
  alice = await h.client(h.a, 'alice')
  aliceOnB = await h.client(h.b, 'frank')
})

const hostOf = (origin: string) => new URL(origin).host
/** The rejection of a masto call (paginators are thenable but have no .catch). */
const failure = (p: PromiseLike<unknown>) => Promise.resolve(p).then(() => null, (e: unknown) => e)

describe('pagination', () => {
  it('pages through the home timeline with Link headers, newest first, without gaps or repeats', async () => {
    const seen: mastodon.v1.Status[] = []
    for await (const page of alice.v1.timelines.home.list({ limit: 40 })) {
      expect(page.length).toBeLessThanOrEqual(40)
      seen.push(...page)
      if (seen.length > 2000) break
    }
    expect(seen.length).toBeGreaterThan(40)
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length)
    const times = seen.map((s) => Date.parse(s.createdAt))
    expect([...times].sort((x, y) => y - x)).toEqual(times)
  })

  it('keeps a boost out of home when the boosted post is already in the feed, as Mastodon does', async () => {
    const bob = await h.client(h.a, 'bob')
    const carol = await h.client(h.a, 'carol')
    const s = await bob.v1.statuses.create({ status: 'Worth sharing' })
    await carol.v1.statuses.$select(s.id).reblog()
    const home = await alice.v1.timelines.home.list({ limit: 40 })
    expect(home.filter((x) => x.id === s.id || x.reblog?.id === s.id).map((x) => (x.reblog ? 'boost' : 'post'))).toEqual(['post'])
  })

  it('uses a default limit of 20 and caps it at 40', async () => {
    expect(await alice.v1.timelines.public.list()).toHaveLength(20)
    expect(await alice.v1.timelines.public.list({ limit: 500 })).toHaveLength(40)
  })

  it('answers max_id, since_id and min_id like Mastodon', async () => {
    const first = await alice.v1.timelines.public.list({ limit: 10 })
    const ids = first.map((s) => s.id)
    const older = await alice.v1.timelines.public.list({ limit: 3, maxId: ids[4] })
    expect(older.map((s) => s.id)).toEqual(ids.slice(5, 8))
    // since_id: the newest ones above the id; min_id: the ones immediately above it.
    const since = await alice.v1.timelines.public.list({ limit: 2, sinceId: ids[6] })
    expect(since.map((s) => s.id)).toEqual(ids.slice(0, 2))
    const min = await alice.v1.timelines.public.list({ limit: 2, minId: ids[6] })
    expect(min.map((s) => s.id)).toEqual(ids.slice(4, 6))
  })

  it('sends next and prev links that carry the other query parameters', async () => {
    const res = await fetch(`${h.a}/api/v1/timelines/public?local=true&limit=5`)
    const link = res.headers.get('link') ?? ''
    const body = (await res.json()) as { id: string }[]
    expect(link).toContain(`max_id=${body[4]!.id}`)
    expect(link).toContain(`min_id=${body[0]!.id}`)
    expect(link).toMatch(/local=true/)
    expect(link).toMatch(/rel="next".*rel="prev"/)
  })

  it('gives instance B ids that are not integers, so clients cannot compare them as numbers', async () => {
    const page = await aliceOnB.v1.timelines.home.list({ limit: 5 })
    expect(page.length).toBeGreaterThan(0)
    for (const s of page) {
      expect(s.id).not.toMatch(/^\d+$/)
      expect(s.account.id).not.toMatch(/^\d+$/)
    }
  })
})

describe('statuses', () => {
  it('posts once for a retried request with the same Idempotency-Key', async () => {
    const meta = { requestInit: { headers: { 'Idempotency-Key': 'draft-42' } } }
    const a = await alice.v1.statuses.create({ status: 'Hello from a flaky train' }, meta)
    const b = await alice.v1.statuses.create({ status: 'Hello from a flaky train' }, meta)
    expect(b.id).toBe(a.id)
    const mine = await alice.v1.accounts.$select(a.account.id).statuses.list({ limit: 5 })
    expect(mine.filter((s) => s.content.includes('flaky train'))).toHaveLength(1)
    const c = await alice.v1.statuses.create({ status: 'Hello from a flaky train' })
    expect(c.id).not.toBe(a.id)
  })

  it('renders mentions, hashtags and links the way Mastodon does', async () => {
    const s = await alice.v1.statuses.create({ status: `Hi @bob and @frank@${hostOf(h.b)}! #Fediverse https://example.org/a/very/long/path/that/gets/cut` })
    expect(s.mentions.map((m) => m.acct).sort()).toEqual(['bob', `frank@${hostOf(h.b)}`])
    expect(s.tags.map((t) => t.name)).toEqual(['fediverse'])
    expect(s.content).toContain('class="u-url mention"')
    expect(s.content).toContain('class="mention hashtag" rel="tag"')
    expect(s.content).toContain('<span class="invisible">https://</span>')
    expect(s.content).toContain('class="ellipsis"')
  })

  it('edits with history and source, and deletes returning the source text', async () => {
    const s = await alice.v1.statuses.create({ status: 'frist post', spoilerText: 'typo' })
    const edited = await alice.v1.statuses.$select(s.id).update({ status: 'first post' })
    expect(edited.editedAt).not.toBeNull()
    const history = await alice.v1.statuses.$select(s.id).history.list()
    expect(history.map((v) => v.content)).toEqual(['<p>frist post</p>', '<p>first post</p>'])
    const source = await alice.v1.statuses.$select(s.id).source.fetch()
    expect(source).toMatchObject({ id: s.id, text: 'first post' })
    const deleted = await alice.v1.statuses.$select(s.id).remove()
    expect((deleted as mastodon.v1.Status & { text: string }).text).toBe('first post')
    await expect(alice.v1.statuses.$select(s.id).fetch()).rejects.toMatchObject({ statusCode: 404 })
  })

  it('favourites, boosts and bookmarks with counts and the viewer’s own flags', async () => {
    const bob = await h.client(h.a, 'bob')
    const s = await bob.v1.statuses.create({ status: 'Sourdough day' })
    const fav = await alice.v1.statuses.$select(s.id).favourite()
    expect(fav).toMatchObject({ favourited: true, favouritesCount: 1 })
    const boost = await alice.v1.statuses.$select(s.id).reblog()
    expect(boost.reblog?.id).toBe(s.id)
    expect(boost.reblog).toMatchObject({ reblogged: true, reblogsCount: 1 })
    const marked = await alice.v1.statuses.$select(s.id).bookmark()
    expect(marked.bookmarked).toBe(true)
    expect((await alice.v1.bookmarks.list())[0]!.id).toBe(s.id)
    expect((await alice.v1.favourites.list())[0]!.id).toBe(s.id)
    expect((await bob.v1.statuses.$select(s.id).favouritedBy.list()).map((a) => a.username)).toEqual(['alice'])
    expect((await bob.v1.statuses.$select(s.id).rebloggedBy.list()).map((a) => a.username)).toEqual(['alice'])
    // Bob sees the counts but not Alice's flags.
    expect(await bob.v1.statuses.$select(s.id).fetch()).toMatchObject({ favourited: false, favouritesCount: 1, reblogsCount: 1 })
    const undone = await alice.v1.statuses.$select(s.id).unfavourite()
    expect(undone).toMatchObject({ favourited: false, favouritesCount: 0 })
    const unboosted = await alice.v1.statuses.$select(s.id).unreblog()
    expect(unboosted).toMatchObject({ reblogged: false, reblogsCount: 0 })
    const notes = await bob.v1.notifications.list({ types: ['favourite', 'reblog'] })
    expect(notes.filter((n) => n.status?.id === s.id).map((n) => n.type).sort()).toEqual(['favourite', 'reblog'])
  })

  it('returns the thread context with ancestors and depth-first descendants', async () => {
    const bob = await h.client(h.a, 'bob')
    const root = await alice.v1.statuses.create({ status: 'root' })
    const r1 = await bob.v1.statuses.create({ status: 'r1', inReplyToId: root.id })
    const r2 = await alice.v1.statuses.create({ status: 'r2', inReplyToId: root.id })
    const r11 = await alice.v1.statuses.create({ status: 'r1.1', inReplyToId: r1.id })
    const ctx = await bob.v1.statuses.$select(r11.id).context.fetch()
    expect(ctx.ancestors.map((s) => s.id)).toEqual([root.id, r1.id])
    const rootCtx = await bob.v1.statuses.$select(root.id).context.fetch()
    expect(rootCtx.descendants.map((s) => s.id)).toEqual([r1.id, r11.id, r2.id])
    expect(r1.mentions.map((m) => m.username)).toContain('alice')
  })

  it('rejects invalid statuses with 422 and Mastodon’s message (Mastodon sends no details for posts)', async () => {
    const err = await failure(alice.v1.statuses.create({ status: 'x'.repeat(501) }))
    expect(err).toBeInstanceOf(MastoHttpError)
    expect((err as MastoHttpError).statusCode).toBe(422)
    expect((err as MastoHttpError).message).toBe('Validation failed: Text character limit of 500 exceeded')
    expect((err as MastoHttpError).details).toBeUndefined()
    // A long URL counts as 23 characters.
    const ok = await alice.v1.statuses.create({ status: `${'x'.repeat(470)} https://example.org/${'y'.repeat(200)}` })
    expect(ok.id).toBeTruthy()
    await expect(alice.v1.statuses.create({ status: '   ' })).rejects.toMatchObject({ statusCode: 422 })
  })

  it('is visible across instances: a post on B resolves on A through search with resolve', async () => {
    const frank = await h.client(h.b, 'frank')
    const s = await frank.v1.statuses.create({ status: 'Greetings from the second town' })
    const found = await alice.v2.search.list({ q: s.url!, resolve: true, type: 'statuses' })
    expect(found.statuses).toHaveLength(1)
    const local = found.statuses[0]!
    expect(local.id).not.toBe(s.id)
    expect(local.account.acct).toBe(`frank@${hostOf(h.b)}`)
    expect(local.url).toBe(s.url)
    const fav = await alice.v1.statuses.$select(local.id).favourite()
    expect(fav.favouritesCount).toBe(1)
    expect((await frank.v1.statuses.$select(s.id).fetch()).favouritesCount).toBe(1)
  })

  it('boosts with the visibility asked for; followers-only posts only by their author, and as followers-only', async () => {
    const bob = await h.client(h.a, 'bob')
    const open = await bob.v1.statuses.create({ status: 'Quietly shared', visibility: 'public' })
    const boost = await alice.v1.statuses.$select(open.id).reblog({ visibility: 'unlisted' })
    expect(boost).toMatchObject({ visibility: 'unlisted', reblog: { id: open.id, reblogged: true } })
    await expect(alice.v1.statuses.$select(open.id).reblog({ visibility: 'direct' })).rejects.toMatchObject({ statusCode: 422 })
    const closed = await bob.v1.statuses.create({ status: 'For my followers', visibility: 'private' })
    await expect(alice.v1.statuses.$select(closed.id).reblog()).rejects.toMatchObject({ statusCode: 403 })
    const own = await bob.v1.statuses.$select(closed.id).reblog({ visibility: 'public' })
    expect(own.visibility).toBe('private')
  })

  it('keeps each user’s own flags across instances: what one does is not what another did', async () => {
    const frank = await h.client(h.b, 'frank')
    const bob = await h.client(h.a, 'bob')
    const s = await bob.v1.statuses.create({ status: 'Who liked this?' })
    const onB = (await frank.v2.search.list({ q: s.uri, resolve: true, type: 'statuses', limit: 1 })).statuses[0]!
    await frank.v1.statuses.$select(onB.id).favourite()
    expect(await frank.v1.statuses.$select(onB.id).fetch()).toMatchObject({ favourited: true, favouritesCount: 1 })
    expect(await alice.v1.statuses.$select(s.id).fetch()).toMatchObject({ favourited: false, favouritesCount: 1 })
  })
})

describe('accounts and relationships', () => {
  it('follows, mutes and blocks with relationships to match', async () => {
    const bob = await h.client(h.a, 'bob')
    const newcomer = await bob.v1.accounts.lookup({ acct: 'carol' })
    await bob.v1.accounts.$select(newcomer.id).unfollow()
    let rel = await bob.v1.accounts.$select(newcomer.id).follow()
    expect(rel.following).toBe(true)
    rel = await bob.v1.accounts.$select(newcomer.id).mute({ notifications: true })
    expect(rel).toMatchObject({ muting: true, mutingNotifications: true })
    rel = await bob.v1.accounts.$select(newcomer.id).block()
    expect(rel).toMatchObject({ blocking: true, following: false })
    const [fetched] = await bob.v1.accounts.relationships.fetch({ id: [newcomer.id] })
    expect(fetched).toMatchObject({ id: newcomer.id, blocking: true })
    expect((await bob.v1.blocks.list()).map((a) => a.id)).toContain(newcomer.id)
  })

  it('turns a follow of a locked account into a request the owner can authorize', async () => {
    const bob = await h.client(h.a, 'bob')
    const erinClient = await h.client(h.a, 'erin')
    const erin = await bob.v1.accounts.lookup({ acct: 'erin' })
    await bob.v1.accounts.$select(erin.id).unfollow()
    const rel = await bob.v1.accounts.$select(erin.id).follow()
    expect(rel).toMatchObject({ following: false, requested: true })
    const requests = await erinClient.v1.followRequests.list()
    const bobAccount = requests.find((a) => a.username === 'bob')!
    expect(bobAccount).toBeTruthy()
    await erinClient.v1.followRequests.$select(bobAccount.id).authorize()
    expect((await bob.v1.accounts.relationships.fetch({ id: [erin.id] }))[0]!.following).toBe(true)
  })

  it('looks up local and remote accounts by acct', async () => {
    const frank = await alice.v1.accounts.lookup({ acct: `frank@${hostOf(h.b)}` })
    expect(frank.acct).toBe(`frank@${hostOf(h.b)}`)
    expect(frank.url).toBe(`${h.b}/@frank`)
    await expect(alice.v1.accounts.lookup({ acct: 'nobody' })).rejects.toMatchObject({ statusCode: 404 })
  })
})

describe('timelines', () => {
  it('separates local and remote public timelines', async () => {
    const local = await alice.v1.timelines.public.list({ local: true, limit: 40 })
    const remote = await alice.v1.timelines.public.list({ remote: true, limit: 40 })
    expect(local.length).toBeGreaterThan(0)
    expect(remote.length).toBeGreaterThan(0)
    expect(local.every((s) => !s.account.acct.includes('@'))).toBe(true)
    expect(remote.every((s) => s.account.acct.includes('@'))).toBe(true)
  })

  it('filters hashtag timelines with any, all and none', async () => {
    await alice.v1.statuses.create({ status: 'one #cats' })
    await alice.v1.statuses.create({ status: 'two #cats #dogs' })
    await alice.v1.statuses.create({ status: 'three #dogs' })
    const text = (list: mastodon.v1.Status[]) => list.map((s) => s.content.replace(/<[^>]+>/g, '').split(' ')[0])
    // masto.js 8 does not type any/all/none; they pass through as query parameters.
    type TagParams = mastodon.rest.v1.ListTimelineParams & { any?: string[]; all?: string[]; none?: string[] }
    const tag = (params?: TagParams) => alice.v1.timelines.tag.$select('cats').list(params as mastodon.rest.v1.ListTimelineParams)
    expect(text(await tag())).toEqual(['two', 'one'])
    expect(text(await tag({ any: ['dogs'] }))).toEqual(['three', 'two', 'one'])
    expect(text(await tag({ all: ['dogs'] }))).toEqual(['two'])
    expect(text(await tag({ none: ['dogs'] }))).toEqual(['one'])
  })

  it('builds list timelines from list members', async () => {
    const list = await alice.v1.lists.create({ title: 'Bakers' })
    const bob = await alice.v1.accounts.lookup({ acct: 'bob' })
    await alice.v1.lists.$select(list.id).accounts.create({ accountIds: [bob.id] })
    const bobClient = await h.client(h.a, 'bob')
    const s = await bobClient.v1.statuses.create({ status: 'Fresh bread' })
    const timeline = await alice.v1.timelines.list.$select(list.id).list()
    expect(timeline[0]!.id).toBe(s.id)
    expect(timeline.every((x) => x.account.id === bob.id)).toBe(true)
    expect((await alice.v1.lists.list()).map((l) => l.title)).toContain('Bakers')
  })

  it('lists direct conversations', async () => {
    const bob = await h.client(h.a, 'bob')
    await bob.v1.statuses.create({ status: '@alice psst', visibility: 'direct' })
    const convs = await alice.v1.conversations.list()
    expect(convs[0]!.lastStatus?.content).toContain('psst')
    expect(convs[0]!.unread).toBe(true)
    expect(convs[0]!.accounts.map((a) => a.username)).toEqual(['bob'])
  })
})

describe('notifications, markers, polls, media', () => {
  it('lists notifications (v1) and groups them (v2)', async () => {
    const s = await alice.v1.statuses.create({ status: 'Please fav' })
    for (const name of ['bob', 'carol']) {
      const c = await h.client(h.a, name)
      await c.v1.statuses.$select(s.id).favourite()
    }
    const v1 = await alice.v1.notifications.list({ types: ['favourite'], limit: 2 })
    expect(v1.map((n) => n.account.username).sort()).toEqual(['bob', 'carol'])
    const v2 = await alice.v2.notifications.list({ types: ['favourite'] })
    const group = v2.notificationGroups.find((g) => 'statusId' in g && g.statusId === s.id)!
    expect(group.type).toBe('favourite')
    expect(group.notificationsCount).toBe(2)
    expect(group.sampleAccountIds).toHaveLength(2)
    expect(v2.statuses.map((x) => x.id)).toContain(s.id)
  })

  it('saves and returns read markers', async () => {
    const [top] = await alice.v1.timelines.home.list({ limit: 1 })
    const saved = await alice.v1.markers.create({ home: { lastReadId: top!.id } })
    expect(saved.home?.lastReadId).toBe(top!.id)
    const again = await alice.v1.markers.create({ home: { lastReadId: top!.id } })
    expect(again.home!.version).toBe(saved.home!.version + 1)
    const fetched = await alice.v1.markers.fetch({ timeline: ['home'] })
    expect(fetched.home?.lastReadId).toBe(top!.id)
  })

  it('takes poll votes once and shows own votes', async () => {
    const bob = await h.client(h.a, 'bob')
    const s = await bob.v1.statuses.create({ status: 'Tea or coffee?', poll: { options: ['Tea', 'Coffee'], expiresIn: 3600 } })
    const poll = await alice.v1.polls.$select(s.poll!.id).votes.create({ choices: [1] })
    expect(poll).toMatchObject({ voted: true, ownVotes: [1], votesCount: 1 })
    expect(poll.options[1]!.votesCount).toBe(1)
    await expect(alice.v1.polls.$select(s.poll!.id).votes.create({ choices: [0] })).rejects.toMatchObject({ statusCode: 422 })
  })

  it('uploads media: 202 while processing, then 200 once ready', async () => {
    const token = await h.token(h.a, 'alice')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112])], { type: 'video/mp4' }), 'clip.mp4')
    form.append('description', 'A short clip')
    const res = await fetch(`${h.a}/api/v2/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
    expect(res.status).toBe(202)
    const pending = (await res.json()) as { id: string; url: string | null }
    expect(pending.url).toBeNull()
    // GET /api/v1/media/:id answers 206 while processing, 200 with the url after.
    const polled = await fetch(`${h.a}/api/v1/media/${pending.id}`, { headers: { authorization: `Bearer ${token}` } })
    expect(polled.status).toBe(206)
    await new Promise((r) => setTimeout(r, 1300))
    const ready = await fetch(`${h.a}/api/v1/media/${pending.id}`, { headers: { authorization: `Bearer ${token}` } })
    expect(ready.status).toBe(200)
    expect(((await ready.json()) as { url: string }).url).toMatch(/original\.mp4$/)
    // masto.js itself waits through the processing state.
    const image = await alice.v2.media.create({ file: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }), description: 'dot' })
    expect(image.url).toMatch(/^http:\/\//)
    const viaMasto = await alice.v2.media.create({ file: new Blob([new Uint8Array(8)], { type: 'audio/mpeg' }) })
    expect(viaMasto.url).toBeTruthy()
    const posted = await alice.v1.statuses.create({ status: 'With media', mediaIds: [viaMasto.id] })
    expect(posted.mediaAttachments.map((m) => m.type)).toEqual(['audio'])
    const pictured = await alice.v1.statuses.create({ status: 'With a picture', mediaIds: [image.id] })
    expect(pictured.mediaAttachments.map((m) => m.type)).toEqual(['image'])
  })
})

describe('errors as Mastodon sends them', () => {
  it('answers 401 for a missing, invalid or revoked token', async () => {
    const anon = createRestAPIClient({ url: h.a })
    await expect(anon.v1.timelines.home.list()).rejects.toMatchObject({ statusCode: 401, message: 'The access token is invalid' })
    const bad = createRestAPIClient({ url: h.a, accessToken: 'nope' })
    await expect(bad.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401 })
    const token = await h.token(h.a, 'alice')
    await h.control(h.a, '/revoke', { token })
    const revoked = createRestAPIClient({ url: h.a, accessToken: token })
    await expect(revoked.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401, message: 'The access token was revoked' })
  })

  it('answers 403 outside the token’s scopes and for another’s source, 404 when deleting another’s status', async () => {
    const readOnly = createRestAPIClient({ url: h.a, accessToken: await h.token(h.a, 'alice', 'read') })
    await expect(readOnly.v1.statuses.create({ status: 'nope' })).rejects.toMatchObject({ statusCode: 403 })
    const bob = await h.client(h.a, 'bob')
    const s = await bob.v1.statuses.create({ status: 'mine' })
    // Mastodon looks for the status among the caller's own, so another's is not found.
    await expect(alice.v1.statuses.$select(s.id).remove()).rejects.toMatchObject({ statusCode: 404 })
    await expect(alice.v1.statuses.$select(s.id).update({ status: 'hijacked' })).rejects.toMatchObject({ statusCode: 404 })
    await expect(alice.v1.statuses.$select(s.id).source.fetch()).rejects.toMatchObject({ statusCode: 403 })
  })

  it('answers 404 for unknown records and paths', async () => {
    await expect(alice.v1.statuses.$select('does-not-exist').fetch()).rejects.toMatchObject({ statusCode: 404, message: 'Record not found' })
    const res = await fetch(`${h.a}/api/v1/nothing-here`)
    expect(res.status).toBe(404)
  })

  it('injects 429 with rate-limit headers and Retry-After', async () => {
    await h.control(h.a, '/faults', { path: '/api/v1/timelines/home', status: 429, count: 1 })
    const err = (await failure(alice.v1.timelines.home.list())) as MastoHttpError
    expect(err).toBeInstanceOf(MastoHttpError)
    expect(err.statusCode).toBe(429)
    const token = await h.token(h.a, 'alice')
    await h.control(h.a, '/faults', { path: '/api/v1/timelines/home', status: 429, count: 1 })
    const res = await fetch(`${h.a}/api/v1/timelines/home`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.headers.get('retry-after')).toBeTruthy()
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(res.headers.get('x-ratelimit-limit')).toBeTruthy()
    // The fault was used up: the next request works and reports the real budget.
    const ok = await fetch(`${h.a}/api/v1/timelines/home`, { headers: { authorization: `Bearer ${token}` } })
    expect(ok.status).toBe(200)
    expect(Number(ok.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0)
  })

  it('enforces a real rate limit per token', async () => {
    const limited = await startTestFediverse({ rateLimit: 3 })
    try {
      const c = await limited.client(limited.a, 'alice')
      await c.v1.accounts.verifyCredentials()
      await c.v1.accounts.verifyCredentials()
      await c.v1.accounts.verifyCredentials()
      await expect(c.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 429 })
    } finally {
      await limited.close()
    }
  })

  it('injects 5xx (HTML from a proxy), malformed JSON, hangs and resets', async () => {
    // A proxy's HTML error page: masto.js cannot read it as JSON and rejects
    // with a plain error, which the client must still turn into a message.
    await h.control(h.a, '/faults', { path: '/api/v1/timelines/public', status: 502, count: 2 })
    const proxyErr = await failure(alice.v1.timelines.public.list())
    expect(proxyErr).toBeInstanceOf(Error)
    const raw = await fetch(`${h.a}/api/v1/timelines/public`)
    expect(raw.status).toBe(502)
    expect(raw.headers.get('content-type')).toMatch(/text\/html/)

    await h.control(h.a, '/faults', { path: '/api/v1/timelines/public', status: 500 })
    await expect(alice.v1.timelines.public.list()).rejects.toMatchObject({ statusCode: 500 })

    await h.control(h.a, '/faults', { path: '/api/v1/timelines/public', kind: 'malformed' })
    await expect(alice.v1.timelines.public.list()).rejects.toBeInstanceOf(MastoDeserializeError)

    await h.control(h.a, '/faults', { path: '/api/v1/timelines/public', kind: 'hang' })
    const impatient = createRestAPIClient({ url: h.a, timeout: 300 })
    await expect(impatient.v1.timelines.public.list()).rejects.toBeInstanceOf(MastoTimeoutError)

    await h.control(h.a, '/faults', { path: '/api/v1/timelines/public', kind: 'reset' })
    await expect(fetch(`${h.a}/api/v1/timelines/public`)).rejects.toThrow()

    // Faults are used up; the instance keeps working.
    expect(await alice.v1.timelines.public.list({ limit: 1 })).toHaveLength(1)
  })

  it('can refuse CORS for a request, like a server that does not allow web apps', async () => {
    await h.control(h.a, '/faults', { path: '/api/v2/instance', kind: 'nocors' })
    const refused = await fetch(`${h.a}/api/v2/instance`)
    expect(refused.status).toBe(200)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    const normal = await fetch(`${h.a}/api/v2/instance`)
    expect(normal.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers CORS like Mastodon on the API, including preflight', async () => {
    const res = await fetch(`${h.b}/api/v1/timelines/public?limit=1`, { headers: { origin: 'http://localhost:4173' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Link/)
    const pre = await fetch(`${h.b}/api/v1/statuses`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    })
    expect(pre.status).toBe(200)
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/)
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/)
  })
})

describe('test controls', () => {
  it('acts as any user and resets to the seed', async () => {
    const res = await h.control(h.a, '/as/bob/api/v1/statuses', { status: 'Posted by the test as bob' })
    const s = (await res.json()) as mastodon.v1.Status
    expect(s.account.username).toBe('bob')
    expect((await alice.v1.statuses.$select(s.id).fetch()).id).toBe(s.id)
    await h.control(h.a, '/reset')
    await expect(alice.v1.statuses.$select(s.id).fetch()).rejects.toMatchObject({ statusCode: 401 })
  })

  it('keeps account ids across resets, as Mastodon account ids never change', async () => {
    const before = (await alice.v1.accounts.verifyCredentials()).id
    await h.control(h.a, '/reset')
    const after = (await (await h.client(h.a, 'alice')).v1.accounts.verifyCredentials()).id
    expect(after).toBe(before)
  })

  it('injects hostile payloads into what the API serves, for the security suite', async () => {
    const s = await alice.v1.statuses.create({ status: 'carrier', poll: { options: ['a', 'b'], expiresIn: 3600 } })
    const payload = '<img src=x onerror=alert(1)>'
    await h.control(h.a, '/inject', {
      status_id: s.id,
      patch: { content: payload, spoiler_text: payload, poll: { options: [{ title: payload }] }, account: { display_name: payload } },
      history: [{ content: payload, spoiler_text: '', sensitive: false, created_at: s.createdAt, account: {}, media_attachments: [], emojis: [] }],
      translation: { content: payload, spoiler_text: '', language: 'en', detected_source_language: 'de', provider: 'x', media_attachments: [], poll: null },
    })
    const served = await alice.v1.statuses.$select(s.id).fetch()
    expect(served.content).toBe(payload)
    expect(served.spoilerText).toBe(payload)
    expect(served.poll!.options.map((o) => o.title)).toEqual([payload, 'b'])
    expect(served.account.displayName).toBe(payload)
    expect(served.account.username).toBe('alice')
    expect((await alice.v1.statuses.$select(s.id).history.list())[0]!.content).toBe(payload)
    const me = await alice.v1.accounts.verifyCredentials()
    await h.control(h.a, '/inject', { account_id: me.id, patch: { note: payload, fields: [{ name: payload, value: payload }] } })
    const account = await alice.v1.accounts.$select(me.id).fetch()
    expect(account.note).toBe(payload)
    expect(account.fields[0]).toMatchObject({ name: payload, value: payload })
  })

  it('revokes every token of a user', async () => {
    const bob = await h.client(h.a, 'bob')
    await h.control(h.a, '/revoke-user', { username: 'alice' })
    await expect(alice.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401 })
    expect((await bob.v1.accounts.verifyCredentials()).username).toBe('bob')
  })

  it('records requests, including which account each token belonged to', async () => {
    await h.control(h.a, '/log', undefined, 'DELETE')
    await alice.v1.accounts.verifyCredentials()
    const log = (await (await h.control(h.a, '/log?path=/api/v1/accounts', undefined, 'GET')).json()) as { requests: { path: string; accountKey: string }[] }
    expect(log.requests[0]).toMatchObject({ path: '/api/v1/accounts/verify_credentials', accountKey: `alice@${hostOf(h.a)}` })
  })

  it('is absent unless enabled', async () => {
    const { startFediverse } = await import('./server.ts')
    const demo = await startFediverse({ instances: [{ port: 0, idFormat: 'snowflake', title: 'Demo', description: '' }], controls: false })
    try {
      expect((await fetch(`${demo.urls[0]}/__control/reset`, { method: 'POST' })).status).toBe(404)
    } finally {
      await demo.close()
    }
  })
})
