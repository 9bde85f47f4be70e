// The streaming API, driven by masto.js (as the client uses it) and by raw
// WebSockets where the protocol itself is under test.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRestAPIClient, type mastodon } from 'masto'
import WebSocket from 'ws'
import { startTestFediverse, type TestFediverse } from './harness.ts'

type Frame = { stream?: string[]; event?: string; payload?: string; error?: string; status?: number }

let h: TestFediverse
let hostA: string
let hostB: string
const keyA = (u: string) => `${u}@${hostA}`
const keyB = (u: string) => `${u}@${hostB}`
const wsUrl = (origin: string, query = '') => `${origin.replace(/^http/, 'ws')}/api/v1/streaming${query}`

const SNOWFLAKE = /^\d+$/
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = probe()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 15))
  }
}

/** Runs a masto subscription in the background, keeping what arrives. */
function collect(sub: mastodon.streaming.Subscription) {
  const events: mastodon.streaming.Event[] = []
  const state: { error: unknown } = { error: null }
  const done = (async () => {
    try {
      for await (const e of sub) events.push(e)
    } catch (err) {
      state.error = err
    }
  })()
  return {
    events,
    state,
    done,
    find<E extends mastodon.streaming.Event['event']>(event: E, pred: (e: mastodon.streaming.EventRegistry[E]) => boolean, ms?: number) {
      return until(`${event} event`, () => events.find((e) => e.event === event && pred(e as mastodon.streaming.EventRegistry[E])) as mastodon.streaming.EventRegistry[E] | undefined, ms)
    },
  }
}

/** Waits until the server holds a subscription `stream` for the account. */
function subscribed(origin: string, accountKey: string | null, stream: string[], count = 1) {
  const server = h.fed.streaming.get(new URL(origin).host)!
  return until(`subscription ${stream.join(',')}`, () => {
    const n = server.subscriptions().filter((s) => s.accountKey === accountKey && JSON.stringify(s.stream) === JSON.stringify(stream)).length
    return n >= count
  })
}

/** A raw WebSocket that records frames. */
async function raw(url: string, protocols?: string | string[], headers?: Record<string, string>) {
  const ws = new WebSocket(url, protocols, { headers })
  const frames: Frame[] = []
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    ws,
    frames,
    send: (msg: unknown) => ws.send(JSON.stringify(msg)),
    find: (what: string, pred: (f: Frame) => boolean, ms?: number) => until(what, () => frames.find(pred), ms),
  }
}

/** Status code of a refused upgrade. */
function refusedWith(url: string, protocols?: string | string[]): Promise<{ status: number; message: string | undefined }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols)
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, message: res.headers['x-error-message'] as string | undefined })
      res.resume()
      ws.terminate()
    })
    ws.on('open', () => {
      ws.close()
      reject(new Error('upgrade unexpectedly accepted'))
    })
    ws.on('error', () => {})
  })
}

const payloadOf = (f: Frame) => JSON.parse(f.payload!) as Record<string, unknown>

beforeAll(async () => {
  h = await startTestFediverse()
  hostA = new URL(h.a).host
  hostB = new URL(h.b).host
})

afterAll(async () => {
  await h?.close()
})

describe('streaming with masto.js', () => {
  it('streams followed accounts’ posts on the user stream, with the viewer instance’s ids', async () => {
    const client = h.streaming(h.a, await h.token(h.a, 'alice'))
    const home = collect(client.user.subscribe())
    await subscribed(h.a, keyA('alice'), ['user'])

    const carol = await h.client(h.a, 'carol')
    const posted = await carol.v1.statuses.create({ status: 'carol says hello to the stream' })
    const update = await home.find('update', (e) => e.payload.id === posted.id)
    expect(update.stream).toEqual(['user'])
    expect(update.payload.account.acct).toBe('carol')
    expect(update.payload.content).toContain('carol says hello to the stream')
    expect(update.payload.id).toMatch(SNOWFLAKE)

    // A post on the other instance arrives on A with A's ids.
    const frank = await h.client(h.b, 'frank')
    const remote = await frank.v1.statuses.create({ status: 'frank writes from the second town' })
    expect(remote.id).toMatch(ULID)
    const fromB = await home.find('update', (e) => e.payload.content.includes('frank writes from the second town'))
    expect(fromB.payload.id).toMatch(SNOWFLAKE)
    expect(fromB.payload.id).toBe(h.fed.instances.get(hostA)!.statusId(h.fed.instances.get(hostB)!.statusKeyById(remote.id)!))
    expect(fromB.payload.account.acct).toBe(`frank@${hostB}`)
    expect(fromB.payload.account.id).toMatch(SNOWFLAKE)

    // Someone alice does not follow stays out of her home stream.
    const stranger = await h.client(h.a, 'bob')
    await (await h.client(h.a, 'alice')).v1.accounts.$select((await stranger.v1.accounts.verifyCredentials()).id).unfollow()
    await stranger.v1.statuses.create({ status: 'bob is unfollowed now' })
    const sync = await carol.v1.statuses.create({ status: 'carol sync after bob' })
    await home.find('update', (e) => e.payload.id === sync.id)
    expect(home.events.some((e) => e.event === 'update' && e.payload.content.includes('bob is unfollowed now'))).toBe(false)
    await (await h.client(h.a, 'alice')).v1.accounts.$select((await stranger.v1.accounts.verifyCredentials()).id).follow()

    client.close()
    await home.done
    expect(home.state.error).toBeNull()
  })

  it('serializes for a viewer on instance B with B’s ULID-like ids', async () => {
    const client = h.streaming(h.b, await h.token(h.b, 'frank'))
    const home = collect(client.user.subscribe())
    await subscribed(h.b, keyB('frank'), ['user'])
    const alice = await h.client(h.a, 'alice')
    const posted = await alice.v1.statuses.create({ status: 'alice greets the second town' })
    const update = await home.find('update', (e) => e.payload.content.includes('alice greets the second town'))
    expect(update.payload.id).toMatch(ULID)
    expect(update.payload.id).not.toBe(posted.id)
    expect(update.payload.account.id).toMatch(ULID)
    expect(update.payload.account.acct).toBe(`alice@${hostA}`)
    client.close()
  })

  it('public:local carries local public posts only; public:remote the others; no reblogs', async () => {
    const client = h.streaming(h.a, await h.token(h.a, 'bob'))
    const local = collect(client.public.local.subscribe())
    const remote = collect(client.public.remote.subscribe())
    await subscribed(h.a, keyA('bob'), ['public:local'])
    await subscribed(h.a, keyA('bob'), ['public:remote'])

    const frank = await h.client(h.b, 'frank')
    const carol = await h.client(h.a, 'carol')
    await frank.v1.statuses.create({ status: 'remote public post for the local stream test' })
    const unlisted = await carol.v1.statuses.create({ status: 'carol unlisted aside', visibility: 'unlisted' })
    await carol.v1.statuses.$select(unlisted.id).reblog()
    const mine = await carol.v1.statuses.create({ status: 'local public post for the local stream test' })

    const got = await local.find('update', (e) => e.payload.id === mine.id)
    expect(got.stream).toEqual(['public:local'])
    expect(local.events.filter((e) => e.event === 'update')).toHaveLength(1)
    const far = await remote.find('update', (e) => e.payload.content.includes('remote public post for the local stream test'))
    expect(far.stream).toEqual(['public:remote'])
    expect(far.payload.account.acct).toBe(`frank@${hostB}`)
    expect(remote.events.some((e) => e.event === 'update' && e.payload.id === mine.id)).toBe(false)
    client.close()
  })

  it('hashtag streams match tags case-insensitively and echo the tag as subscribed', async () => {
    const client = h.streaming(h.a, await h.token(h.a, 'dave'))
    const tag = collect(client.hashtag.subscribe({ tag: 'Caturday' }))
    const tagLocal = collect(client.hashtag.local.subscribe({ tag: 'caturday' }))
    await subscribed(h.a, keyA('dave'), ['hashtag', 'Caturday'])
    await subscribed(h.a, keyA('dave'), ['hashtag:local', 'caturday'])

    const frank = await h.client(h.b, 'frank')
    const bob = await h.client(h.a, 'bob')
    await bob.v1.statuses.create({ status: 'no tag in this one' })
    const remote = await frank.v1.statuses.create({ status: 'remote cat #caturday' })
    const local = await bob.v1.statuses.create({ status: 'my cat #CATURDAY' })

    const first = await tag.find('update', (e) => e.payload.content.includes('remote cat'))
    expect(first.stream).toEqual(['hashtag', 'Caturday'])
    expect(first.payload.id).not.toBe(remote.id)
    await tag.find('update', (e) => e.payload.id === local.id)
    const onlyLocal = await tagLocal.find('update', (e) => e.payload.id === local.id)
    expect(onlyLocal.stream).toEqual(['hashtag:local', 'caturday'])
    expect(tagLocal.events.filter((e) => e.event === 'update')).toHaveLength(1)
    expect(tag.events.filter((e) => e.event === 'update')).toHaveLength(2)
    client.close()
  })

  it('sends status.update after an edit and delete with the bare id', async () => {
    const client = h.streaming(h.a, await h.token(h.a, 'alice'))
    const home = collect(client.user.subscribe())
    const pub = collect(client.public.subscribe())
    await subscribed(h.a, keyA('alice'), ['user'])
    await subscribed(h.a, keyA('alice'), ['public'])

    const carol = await h.client(h.a, 'carol')
    const s = await carol.v1.statuses.create({ status: 'first draft' })
    await home.find('update', (e) => e.payload.id === s.id)
    await carol.v1.statuses.$select(s.id).update({ status: 'second draft' })
    const edited = await home.find('status.update', (e) => e.payload.id === s.id)
    expect(edited.payload.content).toContain('second draft')
    expect(edited.payload.editedAt).not.toBeNull()
    await pub.find('status.update', (e) => e.payload.id === s.id)

    await carol.v1.statuses.$select(s.id).remove()
    const del = await home.find('delete', (e) => e.payload === s.id)
    expect(del.stream).toEqual(['user'])
    const pubDel = await pub.find('delete', (e) => e.payload === s.id)
    expect(pubDel.stream).toEqual(['public'])
    client.close()
  })

  it('delete reaches instance B with B’s id, as a bare string', async () => {
    const sock = await raw(wsUrl(h.b, '?stream=user'), await h.token(h.b, 'grace'))
    await subscribed(h.b, keyB('grace'), ['user'])
    const alice = await h.client(h.a, 'alice')
    const s = await alice.v1.statuses.create({ status: 'soon gone from everywhere' })
    const upd = await sock.find('update', (f) => f.event === 'update' && f.payload!.includes('soon gone from everywhere'))
    const idOnB = payloadOf(upd).id as string
    expect(idOnB).toMatch(ULID)
    await alice.v1.statuses.$select(s.id).remove()
    const del = await sock.find('delete', (f) => f.event === 'delete')
    expect(del).toEqual({ stream: ['user'], event: 'delete', payload: idOnB })
    sock.ws.close()
  })

  it('sends notifications on user and user:notification, for favourites and remote mentions', async () => {
    const aliceToken = await h.token(h.a, 'alice')
    const client = h.streaming(h.a, aliceToken)
    const user = collect(client.user.subscribe())
    const notes = collect(client.user.notification.subscribe())
    await subscribed(h.a, keyA('alice'), ['user'])
    await subscribed(h.a, keyA('alice'), ['user:notification'])

    const alice = createRestAPIClient({ url: h.a, accessToken: aliceToken })
    const s = await alice.v1.statuses.create({ status: 'please favourite me' })
    const bob = await h.client(h.a, 'bob')
    await bob.v1.statuses.$select(s.id).favourite()
    const fav = await user.find('notification', (e) => e.payload.type === 'favourite' && e.payload.status?.id === s.id)
    expect(fav.stream).toEqual(['user'])
    expect(fav.payload.account.acct).toBe('bob')
    const fav2 = await notes.find('notification', (e) => e.payload.type === 'favourite' && e.payload.status?.id === s.id)
    expect(fav2.stream).toEqual(['user:notification'])
    expect(fav2.payload.id).toBe(fav.payload.id)
    expect(notes.events.every((e) => e.event === 'notification')).toBe(true)

    const frank = await h.client(h.b, 'frank')
    await frank.v1.statuses.create({ status: `hey @alice@${hostA} from afar` })
    const mention = await user.find('notification', (e) => e.payload.type === 'mention' && e.payload.account.acct === `frank@${hostB}`)
    expect(mention.payload.id).toMatch(SNOWFLAKE)
    expect(mention.payload.status?.id).toMatch(SNOWFLAKE)
    expect(mention.payload.groupKey).toBe(`ungrouped-${mention.payload.id}`)
    client.close()
  })

  it('sends conversation events on direct to every participant', async () => {
    const aliceClient = h.streaming(h.a, await h.token(h.a, 'alice'))
    const bobClient = h.streaming(h.a, await h.token(h.a, 'bob'))
    const aliceDirect = collect(aliceClient.direct.subscribe())
    const bobDirect = collect(bobClient.direct.subscribe())
    await subscribed(h.a, keyA('alice'), ['direct'])
    await subscribed(h.a, keyA('bob'), ['direct'])

    const bob = await h.client(h.a, 'bob')
    await bob.v1.statuses.create({ status: 'public, not a conversation' })
    const dm = await bob.v1.statuses.create({ status: '@alice just between us', visibility: 'direct' })
    const forAlice = await aliceDirect.find('conversation', (e) => e.payload.lastStatus?.id === dm.id)
    expect(forAlice.stream).toEqual(['direct'])
    expect(forAlice.payload.unread).toBe(true)
    expect(forAlice.payload.accounts.map((a) => a.acct)).toEqual(['bob'])
    const forBob = await bobDirect.find('conversation', (e) => e.payload.lastStatus?.id === dm.id)
    expect(forBob.payload.unread).toBe(false)
    expect(forBob.payload.accounts.map((a) => a.acct)).toEqual(['alice'])
    expect(forBob.payload.id).toBe(forAlice.payload.id)
    expect(aliceDirect.events.filter((e) => e.event === 'conversation')).toHaveLength(1)

    await bob.v1.statuses.$select(dm.id).remove()
    await aliceDirect.find('delete', (e) => e.payload === dm.id)
    aliceClient.close()
    bobClient.close()
  })

  it('streams a list to its owner only', async () => {
    const aliceToken = await h.token(h.a, 'alice')
    const alice = createRestAPIClient({ url: h.a, accessToken: aliceToken })
    const list = await alice.v1.lists.create({ title: 'Photographers' })
    const carolId = (await alice.v1.accounts.lookup({ acct: 'carol' })).id
    await alice.v1.lists.$select(list.id).accounts.create({ accountIds: [carolId] })

    const client = h.streaming(h.a, aliceToken)
    const stream = collect(client.list.subscribe({ list: list.id }))
    await subscribed(h.a, keyA('alice'), ['list', list.id])
    await (await h.client(h.a, 'bob')).v1.statuses.create({ status: 'bob is not on the list' })
    const s = await (await h.client(h.a, 'carol')).v1.statuses.create({ status: 'carol on the list' })
    const got = await stream.find('update', (e) => e.payload.id === s.id)
    expect(got.stream).toEqual(['list', list.id])
    expect(stream.events.filter((e) => e.event === 'update')).toHaveLength(1)
    client.close()

    const bobSock = await raw(wsUrl(h.a), await h.token(h.a, 'bob'))
    bobSock.send({ type: 'subscribe', stream: 'list', list: list.id })
    expect(await bobSock.find('error frame', (f) => 'error' in f)).toEqual({ error: 'Not authorized to stream this list', status: 401 })
    bobSock.ws.close()
  })

  it('keeps muted and blocked authors off public streams', async () => {
    const erinToken = await h.token(h.a, 'erin')
    const erin = createRestAPIClient({ url: h.a, accessToken: erinToken })
    const carolId = (await erin.v1.accounts.lookup({ acct: 'carol' })).id
    const daveId = (await erin.v1.accounts.lookup({ acct: 'dave' })).id
    await erin.v1.accounts.$select(carolId).mute()
    await erin.v1.accounts.$select(daveId).block()
    const client = h.streaming(h.a, erinToken)
    const pub = collect(client.public.local.subscribe())
    await subscribed(h.a, keyA('erin'), ['public:local'])
    await (await h.client(h.a, 'carol')).v1.statuses.create({ status: 'muted carol speaks' })
    await (await h.client(h.a, 'dave')).v1.statuses.create({ status: 'blocked dave speaks' })
    const ok = await (await h.client(h.a, 'bob')).v1.statuses.create({ status: 'bob speaks to erin' })
    await pub.find('update', (e) => e.payload.id === ok.id)
    expect(pub.events.filter((e) => e.event === 'update').map((e) => e.payload.id)).toEqual([ok.id])
    client.close()
  })

  it('unsubscribe stops a stream while the others go on', async () => {
    const sock = await raw(wsUrl(h.a), await h.token(h.a, 'alice'))
    sock.send({ type: 'subscribe', stream: 'user' })
    sock.send({ type: 'subscribe', stream: 'hashtag', tag: 'knitting' })
    await subscribed(h.a, keyA('alice'), ['hashtag', 'knitting'])
    const bob = await h.client(h.a, 'bob')
    const one = await bob.v1.statuses.create({ status: 'scarf #knitting' })
    await sock.find('hashtag frame', (f) => f.stream?.[0] === 'hashtag' && payloadOf(f).id === one.id)
    await sock.find('user frame', (f) => f.stream?.[0] === 'user' && f.event === 'update' && payloadOf(f).id === one.id)

    sock.send({ type: 'unsubscribe', stream: 'hashtag', tag: 'knitting' })
    await until('unsubscribed', () => !h.fed.streaming.get(hostA)!.subscriptions().some((s) => s.stream[0] === 'hashtag' && s.stream[1] === 'knitting'))
    const two = await bob.v1.statuses.create({ status: 'socks #knitting' })
    await sock.find('user frame', (f) => f.stream?.[0] === 'user' && f.event === 'update' && payloadOf(f).id === two.id)
    expect(sock.frames.filter((f) => f.stream?.[0] === 'hashtag')).toHaveLength(1)
    sock.ws.close()
  })

  it('reconnects after the server drops the socket', async () => {
    const client = h.streaming(h.a, await h.token(h.a, 'carol'))
    const home = collect(client.user.subscribe())
    await subscribed(h.a, keyA('carol'), ['user'])
    const res = await h.control(h.a, '/streaming/drop', { username: 'carol' })
    expect(await res.json()).toEqual({ dropped: 1 })
    expect(h.fed.streaming.get(hostA)!.subscriptions().some((s) => s.accountKey === keyA('carol'))).toBe(false)
    // masto waits ~1 s, reconnects and subscribes again.
    await subscribed(h.a, keyA('carol'), ['user'])
    const alice = await h.client(h.a, 'alice')
    const s = await alice.v1.statuses.create({ status: 'after the reconnect' })
    await home.find('update', (e) => e.payload.id === s.id)
    expect(home.state.error).toBeNull()
    client.close()
  })
})

describe('streaming protocol', () => {
  it('accepts the token as a query parameter, with the initial stream from the URL', async () => {
    const token = await h.token(h.a, 'bob')
    const sock = await raw(wsUrl(h.a, `?access_token=${token}&stream=hashtag&tag=Bread`))
    expect(sock.ws.protocol).toBe('')
    await subscribed(h.a, keyA('bob'), ['hashtag', 'Bread'])
    const s = await (await h.client(h.a, 'carol')).v1.statuses.create({ status: 'sourdough #bread' })
    const f = await sock.find('update', (x) => x.event === 'update')
    expect(f.stream).toEqual(['hashtag', 'Bread'])
    expect(typeof f.payload).toBe('string')
    expect(payloadOf(f).id).toBe(s.id)
    sock.ws.close()
  })

  it('accepts the token as the subprotocol and echoes it (ws and the global WebSocket)', async () => {
    const token = await h.token(h.a, 'alice')
    const sock = await raw(wsUrl(h.a, '?stream=user'), token)
    expect(sock.ws.protocol).toBe(token)
    await subscribed(h.a, keyA('alice'), ['user'])
    sock.ws.close()

    const native = new globalThis.WebSocket(wsUrl(h.a), [token])
    await new Promise((resolve, reject) => {
      native.addEventListener('open', resolve)
      native.addEventListener('error', reject)
    })
    expect(native.protocol).toBe(token)
    native.close()
  })

  it('accepts Authorization: Bearer', async () => {
    const token = await h.token(h.a, 'carol')
    const sock = await raw(wsUrl(h.a, '?stream=user:notification'), undefined, { authorization: `Bearer ${token}` })
    await subscribed(h.a, keyA('carol'), ['user:notification'])
    sock.ws.close()
  })

  it('refuses unknown and revoked tokens with 401', async () => {
    expect(await refusedWith(wsUrl(h.a, '?access_token=nope&stream=user'))).toEqual({ status: 401, message: 'Invalid access token' })
    expect((await refusedWith(wsUrl(h.a), 'bogus-token')).status).toBe(401)
    const token = await h.token(h.a, 'bob')
    await h.control(h.a, '/revoke', { token })
    expect((await refusedWith(wsUrl(h.a, `?access_token=${token}`))).status).toBe(401)
    // A token of instance B means nothing to A.
    expect((await refusedWith(wsUrl(h.a), await h.token(h.b, 'frank'))).status).toBe(401)
  })

  it('closes a socket whose token gets revoked', async () => {
    const token = await h.token(h.a, 'dave')
    const sock = await raw(wsUrl(h.a, '?stream=public'), token)
    await subscribed(h.a, keyA('dave'), ['public'])
    const closed = new Promise((r) => sock.ws.once('close', r))
    await h.control(h.a, '/revoke', { token })
    await (await h.client(h.a, 'bob')).v1.statuses.create({ status: 'anyone listening?' })
    await closed
  })

  it('answers bad subscriptions with error frames', async () => {
    const sock = await raw(wsUrl(h.a), await h.token(h.a, 'alice'))
    sock.send({ type: 'subscribe', stream: 'nope' })
    expect(await sock.find('unknown', (f) => 'error' in f)).toEqual({ error: 'Unknown stream type', status: 400 })
    sock.send({ type: 'subscribe', stream: 'hashtag' })
    expect(await sock.find('missing tag', (f) => f.error === 'Missing tag name parameter')).toEqual({ error: 'Missing tag name parameter', status: 400 })
    sock.send({ type: 'subscribe', stream: 'list' })
    expect(await sock.find('missing list', (f) => f.error === 'Missing list name parameter')).toEqual({ error: 'Missing list name parameter', status: 400 })
    sock.send({ type: 'subscribe', stream: 'list', list: '12345' })
    expect(await sock.find('foreign list', (f) => f.status === 401)).toEqual({ error: 'Not authorized to stream this list', status: 401 })
    sock.ws.close()

    // An unknown initial stream in the URL is answered the same way.
    const viaUrl = await raw(wsUrl(h.a, '?stream=everything'), await h.token(h.a, 'alice'))
    expect(await viaUrl.find('unknown', (f) => 'error' in f)).toEqual({ error: 'Unknown stream type', status: 400 })
    viaUrl.ws.close()
  })

  it('lets a socket without a token stream public timelines only', async () => {
    const sock = await raw(wsUrl(h.a, '?stream=public'))
    await subscribed(h.a, null, ['public'])
    sock.send({ type: 'subscribe', stream: 'user' })
    expect(await sock.find('error', (f) => 'error' in f)).toEqual({ error: 'Missing access token', status: 401 })
    const s = await (await h.client(h.a, 'bob')).v1.statuses.create({ status: 'hello, anonymous' })
    const f = await sock.find('update', (x) => x.event === 'update' && payloadOf(x).id === s.id)
    const p = payloadOf(f)
    expect(p).not.toHaveProperty('favourited')
    sock.ws.close()
  })

  it('refuses the upgrade with 404 when streaming is switched off', async () => {
    const token = await h.token(h.a, 'alice')
    await h.control(h.a, '/features', { streaming: false })
    try {
      expect((await refusedWith(wsUrl(h.a, '?stream=user'), token)).status).toBe(404)
    } finally {
      await h.control(h.a, '/features', { streaming: true })
    }
    const sock = await raw(wsUrl(h.a, '?stream=user'), token)
    sock.ws.close()
    expect((await refusedWith(`${h.a.replace(/^http/, 'ws')}/api/v1/other`, token)).status).toBe(404)
  })

  it('applies injected faults to the upgrade request', async () => {
    const token = await h.token(h.a, 'alice')
    await h.control(h.a, '/faults', { path: '/api/v1/streaming', exact: true, status: 502 })
    expect((await refusedWith(wsUrl(h.a), token)).status).toBe(502)
    const sock = await raw(wsUrl(h.a), token)
    sock.ws.close()
    await new Promise((r) => sock.ws.once('close', r))
    const log = (await (await h.control(h.a, '/log?path=/api/v1/streaming', undefined, 'GET')).json()) as { requests: { status: number; tokenKind: string }[] }
    expect(log.requests.slice(-2).map((r) => r.status)).toEqual([502, 101])
    expect(log.requests.at(-1)!.tokenKind).toBe('user')
  })

  it('counts and drops connections, and closes them all on reset', async () => {
    const server = h.fed.streaming.get(hostA)!
    // Sockets closed by earlier tests finish their closing handshakes.
    await until('earlier sockets closed', () => server.connectionCount() === 0)
    const one = await raw(wsUrl(h.a, '?stream=user'), await h.token(h.a, 'erin'))
    const two = await raw(wsUrl(h.a, '?stream=public'))
    await until('two more connections', () => server.connectionCount() === 2)
    const state = (await (await h.control(h.a, '/state', undefined, 'GET')).json()) as { streamingConnections: number }
    expect(state.streamingConnections).toBe(2)

    const dropped = new Promise<number>((r) => one.ws.once('close', (code) => r(code)))
    expect(server.drop(keyA('erin'))).toBe(1)
    expect(await dropped).toBe(1006)

    const restarted = new Promise<number>((r) => two.ws.once('close', (code) => r(code)))
    await h.control(h.a, '/reset')
    expect(await restarted).toBe(1012)
    expect(server.connectionCount()).toBe(0)

    // The new world streams to new sockets.
    const sock = await raw(wsUrl(h.a, '?stream=user'), await h.token(h.a, 'alice'))
    await subscribed(h.a, keyA('alice'), ['user'])
    const s = await (await h.client(h.a, 'bob')).v1.statuses.create({ status: 'after the reset' })
    const f = await sock.find('update', (x) => x.event === 'update')
    expect(payloadOf(f).id).toBe(s.id)
    sock.ws.close()
  })
})
