// The seed: deterministic, rich enough to show every kind of status and
// notification, fast enough to rebuild on every reset; and the generated
// files it points at (avatars, emoji, media, cards) served by routes/files.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestFediverse, type TestFediverse } from './harness.ts'
import { MockInstance } from './instance.ts'
import type { NotificationType, StatusRecord } from './model.ts'
import { DEMO_PASSWORD, seedDiagnostics, seedWorld } from './seed.ts'
import { World } from './world.ts'

const NOW = Date.UTC(2026, 10, 20, 12)
const HOST_A = 'localhost:4180'
const HOST_B = 'localhost:4181'

function build(withB = true, now = NOW) {
  const world = new World()
  const a = new MockInstance(
    { host: HOST_A, origin: `http://${HOST_A}`, title: 'Demo Social', description: '', idFormat: 'snowflake', controls: false, rateLimit: 300 },
    world,
  )
  const b = new MockInstance(
    { host: HOST_B, origin: `http://${HOST_B}`, title: 'Second Town', description: '', idFormat: 'ulid', controls: false, rateLimit: 300 },
    world,
  )
  world.origins.set(a.host, a.origin)
  if (withB) world.origins.set(b.host, b.origin)
  seedWorld(world, withB ? [a, b] : [a], now)
  return { world, a, b }
}

/** Everything the seed decides, in a comparable form. */
function snapshot(world: World) {
  return JSON.stringify({
    accounts: [...world.accounts.values()],
    statuses: world.statusOrder.map((s) => ({ ...s, poll: s.poll ? { ...s.poll, votes: [...s.poll.votes] } : null })),
    follows: [...world.follows].map(([k, v]) => [k, [...v]]),
    requests: [...world.followRequests].map(([k, v]) => [k, [...v]]),
    notifications: world.notifications,
    media: [...world.media.values()],
    favourites: world.favourites,
    bookmarks: world.bookmarks,
    lists: [...world.lists.values()].map((l) => ({ ...l, memberKeys: [...l.memberKeys] })),
    markers: [...world.markers],
    emojis: world.customEmojis,
  })
}

const alice = `alice@${HOST_A}`

describe('seedWorld', () => {
  const { world, a } = build()
  const live = world.statusOrder.filter((s) => s.deletedAt === null)
  const originals = live.filter((s) => !s.reblogOfKey)
  const authorHome = (s: StatusRecord) => world.account(s.authorKey).home

  it('is deterministic for the same now, and loses nothing when both instances run', () => {
    expect(snapshot(build().world)).toBe(snapshot(world))
    expect(seedDiagnostics).toEqual({ skipped: [], failed: [] })
    expect(world.fixedNow).toBeNull()
  })

  it('moves with now: every time is relative to it', () => {
    const later = build(true, NOW + 86_400_000).world
    expect(later.statusOrder.map((s) => s.createdAt - 86_400_000)).toEqual(world.statusOrder.map((s) => s.createdAt))
    expect(later.statusOrder.map((s) => s.text)).toEqual(world.statusOrder.map((s) => s.text))
  })

  it('is fast enough to rebuild on every reset', () => {
    build()
    const runs = [0, 1, 2].map(() => {
      const t = performance.now()
      build()
      return performance.now() - t
    })
    const best = Math.min(...runs)
    console.info(`seedWorld: ${runs.map((r) => r.toFixed(1)).join(' / ')} ms`)
    expect(best).toBeLessThan(300)
  })

  it('has several hundred statuses over two weeks, the newest within the last hour', () => {
    expect(world.statusOrder.length).toBeGreaterThanOrEqual(400)
    const times = world.statusOrder.map((s) => s.createdAt)
    expect(Math.min(...times)).toBeGreaterThan(NOW - 15 * 86_400_000)
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW)
    expect(live.filter((s) => s.createdAt > NOW - 3_600_000).length).toBeGreaterThanOrEqual(5)
    const authors = new Set(originals.map((s) => s.authorKey))
    expect(authors.size).toBeGreaterThanOrEqual(14)
  })

  it('has the accounts tests and the demo rely on', () => {
    const byHandle = (h: string) => world.accounts.get(h)!
    expect(world.accounts.size).toBeGreaterThanOrEqual(10)
    expect(world.accounts.size).toBeLessThanOrEqual(16)
    for (const u of ['alice', 'bob', 'carol', 'dave', 'erin']) expect(byHandle(`${u}@${HOST_A}`)).toBeTruthy()
    for (const u of ['frank', 'grace', 'heidi']) expect(byHandle(`${u}@${HOST_B}`)).toBeTruthy()
    expect(byHandle(alice)).toMatchObject({ displayName: 'Alice Demo', locked: false, bot: false })
    expect(byHandle(`dave@${HOST_A}`).bot).toBe(true)
    expect(byHandle(`erin@${HOST_A}`).locked).toBe(true)
    expect(byHandle(`oscar@${HOST_A}`).movedToKey).toBe(`oscar@${HOST_B}`)
    const all = [...world.accounts.values()]
    expect(all.every((x) => x.password === DEMO_PASSWORD)).toBe(true)
    expect(all.some((x) => x.suspended && x.home === HOST_B)).toBe(true)
    expect(all.some((x) => x.group)).toBe(true)
    expect(all.some((x) => /:\w+:/.test(x.displayName))).toBe(true)
    expect(all.some((x) => x.displayName.length > 50)).toBe(true)
    const verified = all.flatMap((x) => x.fields).filter((f) => f.verifiedAt !== null)
    expect(verified.length).toBeGreaterThan(0)
    expect(verified.every((f) => /^https?:\/\//.test(f.value))).toBe(true)
  })

  it('gives alice followers, followees (not everyone), a mute, a block and a pending request to erin', () => {
    const following = world.follows.get(alice)!
    const others = [...world.accounts.keys()].filter((k) => k !== alice)
    expect(following.size).toBeGreaterThan(others.length / 2)
    expect(following.size).toBeLessThan(others.length)
    expect(world.followers(alice).length).toBeGreaterThanOrEqual(8)
    expect(world.followRequests.get(`erin@${HOST_A}`)).toContain(alice)
    expect(world.isMuting(alice, `rick@${HOST_A}`)).toBe(true)
    expect(world.blocks.get(alice)?.size).toBe(1)
    expect(world.notifyOnPost.get(alice)?.size).toBe(1)
  })

  it('gives alice a notification of every type the world produces, favourites grouped on one status', () => {
    const mine = world.notifications.filter((n) => n.recipientKey === alice)
    const types = new Set(mine.map((n) => n.type))
    const expected: NotificationType[] = ['mention', 'status', 'reblog', 'follow', 'favourite', 'poll', 'update', 'quote', 'quoted_update']
    for (const t of expected) expect(types, t).toContain(t)
    expect(world.notifications.some((n) => n.recipientKey === `erin@${HOST_A}` && n.type === 'follow_request')).toBe(true)
    const favsByStatus = new Map<string, number>()
    for (const n of mine) if (n.type === 'favourite') favsByStatus.set(n.statusKey!, (favsByStatus.get(n.statusKey!) ?? 0) + 1)
    expect(Math.max(...favsByStatus.values())).toBeGreaterThanOrEqual(5)
    // Nothing from the muted or blocked accounts after the mute/block.
    expect(mine.some((n) => n.fromKey.startsWith('promo@'))).toBe(false)
  })

  it('has media of every type, described, with blurhash and focus, several per post, sensitive ones', () => {
    const media = [...world.media.values()]
    for (const t of ['image', 'gifv', 'video', 'audio']) expect(media.some((m) => m.type === t), t).toBe(true)
    expect(media.every((m) => m.statusKey !== null && m.processingUntil === 0 && m.bytes === null)).toBe(true)
    expect(media.filter((m) => m.type === 'image').every((m) => m.mime === 'image/svg+xml' && /^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{36}$/.test(m.blurhash!))).toBe(true)
    expect(media.some((m) => m.focus !== null)).toBe(true)
    expect(media.some((m) => m.type === 'image' && m.description === null)).toBe(true)
    expect(media.find((m) => m.type === 'audio')!.mime).toBe('audio/wav')
    expect(originals.some((s) => s.mediaKeys.length === 4)).toBe(true)
    expect(originals.some((s) => s.mediaKeys.length > 0 && s.sensitive && s.spoilerText === '')).toBe(true)
    expect(originals.some((s) => s.mediaKeys.length > 0 && s.sensitive && s.spoilerText !== '')).toBe(true)
  })

  it('has open and expired polls, single and multiple, voted by alice, with custom emoji', () => {
    const polls = originals.filter((s) => s.poll).map((s) => s.poll!)
    expect(polls.some((p) => p.expiresAt! > NOW && !p.multiple)).toBe(true)
    expect(polls.some((p) => p.expiresAt! > NOW && p.multiple)).toBe(true)
    expect(polls.some((p) => p.expiresAt! <= NOW && p.multiple)).toBe(true)
    expect(polls.some((p) => p.expiresAt! <= NOW && p.votes.has(alice))).toBe(true)
    expect(polls.some((p) => p.expiresAt! > NOW && p.votes.has(alice))).toBe(true)
    expect(polls.some((p) => p.expiresAt! > NOW && !p.votes.has(alice))).toBe(true)
    expect(polls.some((p) => p.hideTotals)).toBe(true)
    expect(polls.some((p) => p.options.some((o) => /:\w+:/.test(o)))).toBe(true)
  })

  it('has quotes in several states, and a quote of a quote', () => {
    const quotes = world.statusOrder.filter((s) => s.quote)
    const states = new Set(quotes.map((s) => s.quote!.state))
    for (const st of ['accepted', 'pending', 'revoked', 'rejected', 'deleted']) expect(states, st).toContain(st)
    expect(quotes.some((q) => world.statuses.get(q.quote!.statusKey)?.quote)).toBe(true)
    // One quotes a followers-only post: unauthorized for people who don't follow its author.
    expect(quotes.some((q) => world.statuses.get(q.quote!.statusKey)!.visibility === 'private')).toBe(true)
  })

  it('has edits (some twice), CWs, every visibility, languages, cards and custom emoji', () => {
    expect(originals.some((s) => s.versions.length >= 3)).toBe(true)
    expect(originals.filter((s) => s.editedAt !== null).length).toBeGreaterThanOrEqual(3)
    expect(originals.filter((s) => s.spoilerText !== '').length).toBeGreaterThanOrEqual(4)
    for (const v of ['public', 'unlisted', 'private', 'direct']) expect(originals.some((s) => s.visibility === v), v).toBe(true)
    for (const l of ['en', 'nl', 'de', 'ja']) expect(originals.some((s) => s.language === l), l).toBe(true)
    const cards = originals.filter((s) => s.card).map((s) => s.card!)
    expect(cards.some((c) => c.image === null)).toBe(true)
    expect(cards.some((c) => c.image !== null && c.blurhash !== null)).toBe(true)
    const emojiUse = originals.filter((s) => world.customEmojis.some((e) => e.home === s.home && s.text.includes(`:${e.shortcode}:`)))
    expect(new Set(emojiUse.map((s) => s.home)).size).toBe(2)
    expect(world.statusOrder.some((s) => s.deletedAt !== null && !s.reblogOfKey)).toBe(true)
    expect(live.some((s) => s.reblogOfKey && authorHome(s) !== authorHome(world.statuses.get(s.reblogOfKey)!))).toBe(true)
    expect(originals.some((s) => s.mentionKeys.some((k) => world.account(k).home !== s.home))).toBe(true)
  })

  it('has a long thread across both instances and a direct conversation of alice', () => {
    const children = new Map<string, StatusRecord[]>()
    for (const s of originals) if (s.inReplyToKey) children.set(s.inReplyToKey, [...(children.get(s.inReplyToKey) ?? []), s])
    const descendants = (key: string): StatusRecord[] => (children.get(key) ?? []).flatMap((c) => [c, ...descendants(c.key)])
    const long = originals.filter((s) => !s.inReplyToKey && descendants(s.key).length >= 10)
    expect(long.some((root) => new Set([root, ...descendants(root.key)].map(authorHome)).size === 2)).toBe(true)
    const dms = originals.filter((s) => s.visibility === 'direct' && (s.authorKey === alice || s.mentionKeys.includes(alice)))
    expect(new Set(dms.map((s) => world.conversationKey(s))).size).toBeGreaterThanOrEqual(2)
    expect(world.unreadConversations.get(alice)?.size).toBe(1)
  })

  it('gives alice pins, bookmarks, favourites, lists and markers that resolve', () => {
    expect(world.pins.get(alice)?.size).toBe(3)
    expect(world.bookmarks.filter((b) => b.accountKey === alice).length).toBeGreaterThanOrEqual(5)
    expect(world.favourites.filter((f) => f.accountKey === alice).length).toBeGreaterThanOrEqual(10)
    const lists = [...world.lists.values()].filter((l) => l.ownerKey === alice)
    expect(lists).toHaveLength(3)
    expect(new Set(lists.map((l) => l.repliesPolicy)).size).toBe(3)
    expect(lists.filter((l) => l.exclusive)).toHaveLength(1)
    expect(lists.every((l) => l.memberKeys.size > 0 && [...l.memberKeys].every((m) => world.isFollowing(alice, m)))).toBe(true)
    const markers = world.markers.get(alice)!
    expect(markers.home).toBeUndefined()
    const note = world.notifications.find((n) => n.key === a.ids.notification.keyFor(markers.notifications!.lastReadId))!
    expect(note.recipientKey).toBe(alice)
    expect(world.notifications.filter((n) => n.recipientKey === alice && n.createdAt > note.createdAt).length).toBeGreaterThan(0)
  })

  it('links nowhere outside the mock fediverse but .example hosts', () => {
    const texts = [
      ...world.statusOrder.flatMap((s) => [s.text, s.card?.url ?? '', s.card?.image ?? '']),
      ...[...world.accounts.values()].flatMap((x) => [x.note, ...x.fields.map((f) => f.value)]),
    ]
    const hosts = texts.flatMap((t) => [...t.matchAll(/https?:\/\/([^/\s:]+(?::\d+)?)/g)].map((m) => m[1]!))
    expect(hosts.length).toBeGreaterThan(10)
    for (const h of hosts) expect(h === HOST_A || h === HOST_B || /\.example$/.test(h), h).toBe(true)
  })

  it('seeds instance A alone when B is absent', () => {
    const only = build(false).world
    expect(seedDiagnostics.failed).toEqual([])
    expect([...only.accounts.values()].every((x) => x.home === HOST_A)).toBe(true)
    expect(only.statusOrder.length).toBeGreaterThan(200)
    expect(only.statusOrder.every((s) => !s.text.includes(HOST_B))).toBe(true)
  })
})

/** A strict little XML well-formedness check (what the files serve is simple XML: tags, attributes, text). */
function xmlProblem(xml: string): string | null {
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/
  const stack: string[] = []
  let roots = 0
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex
    const m = token.exec(xml)
    if (!m) return `unexpected markup at ${at}: ${xml.slice(at, at + 40)}`
    const [, close, name, attrs, selfClosing, text] = m
    if (text !== undefined) {
      if (entity.test(text)) return `bad entity in text at ${at}`
      if (stack.length === 0 && text.trim()) return 'text outside the root'
      continue
    }
    if (attrs && entity.test(attrs)) return `bad entity in attributes of <${name}>`
    const names = [...(attrs ?? '').matchAll(/([\w:.-]+)=/g)].map((x) => x[1])
    if (new Set(names).size !== names.length) return `duplicate attribute on <${name}>`
    if (close) {
      if (stack.pop() !== name) return `mismatched </${name}>`
    } else {
      if (stack.length === 0 && ++roots > 1) return 'more than one root'
      if (!selfClosing) stack.push(name!)
    }
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : roots === 1 ? null : 'no root'
}

describe('files', () => {
  let h: TestFediverse

  beforeAll(async () => {
    h = await startTestFediverse()
  })
  afterAll(() => h.close())

  const mediaUrl = (origin: string, type: string, file: string) => {
    const host = new URL(origin).host
    const m = [...h.fed.world.media.values()].find((x) => x.type === type && x.home === host)!
    const id = h.fed.instances.get(host)!.ids.media.idFor(m.key, m.createdAt)
    return `${origin}/system/media/${id}/${file}`
  }

  async function svg(url: string): Promise<string> {
    const res = await fetch(url)
    expect(res.status, url).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const text = await res.text()
    expect(text.startsWith('<svg')).toBe(true)
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(text).not.toMatch(/<script|on\w+=|javascript:|href="http/i)
    expect(xmlProblem(text)).toBeNull()
    return text
  }

  it('serves avatars, headers, custom emoji and the thumbnail as well-formed SVG', async () => {
    expect(await svg(`${h.a}/system/avatars/alice.svg`)).toContain('>AD<')
    await svg(`${h.b}/system/avatars/kenji.svg`)
    await svg(`${h.b}/system/avatars/promo.svg`)
    await svg(`${h.a}/system/headers/alice.svg`)
    await svg(`${h.a}/system/emoji/blobcat.svg`)
    await svg(`${h.b}/system/emoji/stroopwafel.svg`)
    await svg(`${h.a}/system/thumbnail.svg`)
    await svg(`${h.a}/system/cards/companion-planting-tomatoes.svg`)
    expect((await fetch(`${h.a}/system/avatars/nobody.svg`)).status).toBe(404)
    expect((await fetch(`${h.a}/system/emoji/stroopwafel.svg`)).status).toBe(404) // B's emoji, not A's
  })

  it('serves seeded images in both sizes with their aspect ratio', async () => {
    const original = await svg(mediaUrl(h.a, 'image', 'original.svg'))
    const small = await svg(mediaUrl(h.a, 'image', 'small.svg'))
    const dims = (s: string) => /width="(\d+)" height="(\d+)"/.exec(s)!.slice(1).map(Number)
    const [w, hgt] = dims(original)
    const [sw, sh] = dims(small)
    expect(Math.abs(w! / hgt! - sw! / sh!)).toBeLessThan(0.02)
    expect(sw).toBeLessThanOrEqual(640)
    await svg(mediaUrl(h.b, 'audio', 'small.svg'))
    expect((await fetch(`${h.a}/system/media/999/original.svg`)).status).toBe(404)
  })

  it('serves seeded audio as a WAV tone and video as WebM, with ranges', async () => {
    const res = await fetch(mediaUrl(h.b, 'audio', 'original.wav'))
    expect(res.headers.get('content-type')).toBe('audio/wav')
    const wav = Buffer.from(await res.arrayBuffer())
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF')
    expect(wav.subarray(8, 16).toString('ascii')).toBe('WAVEfmt ')
    expect(wav.readUInt16LE(20)).toBe(1) // PCM
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8)
    const video = await fetch(mediaUrl(h.b, 'video', 'original.webm'))
    expect(video.headers.get('content-type')).toBe('video/webm')
    expect(Buffer.from(await video.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))
    const part = await fetch(mediaUrl(h.b, 'audio', 'original.wav'), { headers: { range: 'bytes=0-99' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${wav.length}`)
    expect((await part.arrayBuffer()).byteLength).toBe(100)
  })

  it('serves uploaded media as uploaded', async () => {
    const host = new URL(h.a).host
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    h.fed.world.media.set('media:upload-test', {
      key: 'media:upload-test',
      ownerKey: alice.replace(HOST_A, host),
      home: host,
      type: 'image',
      createdAt: Date.now(),
      description: null,
      blurhash: null,
      focus: null,
      width: 10,
      height: 10,
      path: '',
      mime: 'image/png',
      bytes,
      processingUntil: 0,
      statusKey: null,
    })
    const id = h.fed.instances.get(host)!.ids.media.idFor('media:upload-test', Date.now())
    const res = await fetch(`${h.a}/system/media/${id}/original.png`)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes)
  })
})
