// Deterministic seed data for the mock fediverse: two weeks of life on two
// small servers, written through World methods so notifications, counts and
// conversations arise exactly as they do at run time.
//
// Who's who (every password is DEMO_PASSWORD; people are in seed-data.ts):
//   A "Demo Social" (snowflake ids): alice (the demo account, "Alice Demo"),
//     bob, carol, dave (bot), erin (locked), oscar (moved to oscar@B),
//     yuki (custom emoji in name, verified link fields), rick (muted by alice)
//   B "Second Town" (ULID-like ids): frank, grace (admin), heidi, oscar (new
//     home of oscar@A), kenji, sanne, bookclub (group), promo (suspended spam)
//   Without instance B only the A people and their posts are seeded.
//
// Relationships:
//   - alice follows everyone except rick (muted, with notifications), promo
//     (blocked) and oscar@A (she moved with him to oscar@B). She has the bell
//     on for carol, so carol's public posts give her `status` notifications.
//   - alice is NOT locked. erin is: bob and carol were approved; alice, frank
//     and heidi have PENDING requests to erin (alice sees "requested" on erin's
//     profile; erin has three follow requests and follow_request notifications).
//   - alice's followers: bob, carol, erin, yuki, rick, frank, grace, oscar@B,
//     and (recently, so grouped as new followers) kenji, sanne, heidi.
//   - Lists of alice: "Photography" (replies: list), "Garden & kitchen"
//     (replies: followed), "Bots & feeds" (replies: none, exclusive: dave and
//     bookclub stay out of her home timeline).
//   - Markers of alice: home a little down her home timeline, notifications a
//     few notifications back, so both have unread items.
//
// Everything is relative to `now`; randomness comes from one fixed-seed PRNG.

import { CARD_HEIGHT, CARD_WIDTH, cardBlurhash, mediaBlurhash } from './art.ts'
import { prng } from './ids.ts'
import type { MockInstance } from './instance.ts'
import type { CardRecord, MediaType, QuoteState, Visibility } from './model.ts'
import { EMOJIS, EVERYDAY, PEOPLE, type Side } from './seed-data.ts'
import { ApiFailure, type World } from './world.ts'

/** Sign-up dates count back from this day. */
const ACCOUNT_EPOCH = Date.UTC(2026, 0, 1)

export const DEMO_PASSWORD = 'mastodon-demo'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

interface MediaSpec {
  type: MediaType
  description: string | null
  width?: number
  height?: number
  focus?: { x: number; y: number }
}

interface CardSpec {
  url: string
  title: string
  description: string
  provider: string
  author?: string
  /** Name of a generated image under /system/cards/ on the author's instance. */
  image?: string
  type?: CardRecord['type']
}

interface PostSpec {
  name?: string
  by: string
  at: number
  text: string
  visibility?: Visibility
  cw?: string
  sensitive?: boolean
  lang?: string
  replyTo?: string
  quote?: string
  quoteState?: QuoteState
  media?: MediaSpec[]
  card?: CardSpec
  poll?: { options: string[]; expiresIn: number; multiple?: boolean; hideTotals?: boolean }
}

interface SeedEvent {
  at: number
  seq: number
  label: string
  run: () => boolean | void
}

/** What the last seedWorld() left out (tests assert nothing is lost when both instances run). */
export const seedDiagnostics: { skipped: string[]; failed: string[] } = { skipped: [], failed: [] }

class Seeder {
  readonly world: World
  readonly now: number
  readonly inst: Partial<Record<Side, MockInstance>>
  readonly rnd: () => number
  /** slug -> account key */
  readonly keys = new Map<string, string>()
  /** post name -> status key (filled while events run) */
  readonly refs = new Map<string, string>()
  readonly posts: PostSpec[] = []
  /** Posts deleted in the story, never engaged with. */
  readonly doomed = new Set<string>()
  private readonly events: SeedEvent[] = []
  private seq = 0

  constructor(world: World, instances: MockInstance[], now: number) {
    this.world = world
    this.now = now
    this.inst = { A: instances[0], B: instances[1] }
    this.rnd = prng(0x5eed_2026)
  }

  ago(days: number, hours = 0, minutes = 0): number {
    return this.now - days * DAY - hours * HOUR - minutes * MIN
  }

  has(slug: string): boolean {
    return this.keys.has(slug)
  }

  key(slug: string): string {
    const k = this.keys.get(slug)
    if (!k) throw new Error(`seed: no account ${slug}`)
    return k
  }

  sideOf(slug: string): Side {
    return PEOPLE.find((p) => p.slug === slug)!.side
  }

  /** Replaces the placeholders of seed-data.ts; null when one names something absent. */
  resolve(text: string, authorSide: Side): string | null {
    let missing = false
    const out = text.replace(/\{(@[a-zA-Z]+|host:[AB]|origin:[AB]|title:[AB])\}/g, (_m, what: string) => {
      if (what.startsWith('@')) {
        const slug = what.slice(1)
        const spec = PEOPLE.find((p) => p.slug === slug)
        const inst = spec ? this.inst[spec.side] : undefined
        if (!spec || !inst || !this.has(slug)) {
          missing = true
          return ''
        }
        return spec.side === authorSide ? `@${spec.username}` : `@${spec.username}@${inst.host}`
      }
      const [kind, side] = what.split(':') as ['host' | 'origin' | 'title', Side]
      const inst = this.inst[side]
      if (!inst) {
        missing = true
        return ''
      }
      return kind === 'host' ? inst.host : kind === 'origin' ? inst.origin : inst.opts.title
    })
    return missing ? null : out
  }

  at(at: number, label: string, run: () => boolean | void): void {
    this.events.push({ at: Math.min(at, this.now), seq: this.seq++, label, run })
  }

  // --- accounts -------------------------------------------------------------

  addPeople(): void {
    for (const p of PEOPLE) {
      const inst = this.inst[p.side]
      if (!inst) continue
      const note = this.resolve(p.note, p.side) ?? 'Sound recordist. Field recordings of rain, birds and trains. 🎧'
      const a = this.world.addAccount({
        home: inst.host,
        username: p.username,
        displayName: p.displayName,
        note,
        fields: (p.fields ?? []).map((f) => ({
          name: f.name,
          value: f.value,
          verifiedAt: f.verified ? Math.floor((this.now - (p.ageDays / 3) * DAY) / 1000) * 1000 : null,
        })),
        bot: p.bot ?? false,
        locked: p.locked ?? false,
        group: p.group ?? false,
        discoverable: p.discoverable ?? true,
        // Accounts date from a fixed day, so their ids are the same after every
        // reset and on every run (Mastodon account ids never change).
        createdAt: ACCOUNT_EPOCH - p.ageDays * DAY,
        password: DEMO_PASSWORD,
        email: `${p.username}@${inst.host.split(':')[0]}.example`,
        hue: p.hue,
        movedToKey: null,
        suspended: p.suspended ?? false,
      })
      this.keys.set(p.slug, a.key)
    }
    for (const e of EMOJIS) {
      const inst = this.inst[e.side]
      if (inst) this.world.customEmojis.push({ shortcode: e.shortcode, home: inst.host, category: e.category, hue: e.hue })
    }
  }

  follow(from: string, to: string, at: number, opts: { notify?: boolean } = {}): void {
    this.at(at, `follow ${from}->${to}`, () => {
      if (!this.has(from) || !this.has(to)) return false
      this.world.follow(this.key(from), this.key(to), opts)
    })
  }

  // --- statuses -------------------------------------------------------------

  post(spec: PostSpec): string {
    const name = spec.name ?? `post${this.posts.length}`
    const full = { ...spec, name }
    this.posts.push(full)
    this.at(spec.at, `post ${name}`, () => this.runPost(full))
    return name
  }

  private runPost(spec: PostSpec & { name: string }): boolean {
    if (!this.has(spec.by)) return false
    const side = this.sideOf(spec.by)
    const inst = this.inst[side]!
    let text = spec.text
    let lang = spec.lang
    const prefix = /^(nl|de|ja):/.exec(text)
    if (prefix) {
      lang = prefix[1]
      text = text.slice(prefix[0].length)
    }
    const resolved = this.resolve(text, side)
    if (resolved === null) return false
    const replyKey = spec.replyTo ? this.refs.get(spec.replyTo) : null
    const quoteKey = spec.quote ? this.refs.get(spec.quote) : null
    if (replyKey === undefined || quoteKey === undefined) return false
    const author = this.key(spec.by)
    const mediaKeys = (spec.media ?? []).map((m) => this.addMedia(author, inst, m, spec.at))
    const cardUrl = spec.card ? this.resolve(spec.card.url, side) : null
    const card = spec.card && cardUrl ? this.card({ ...spec.card, url: cardUrl }, inst) : null
    const s = this.world.post(author, {
      text: resolved,
      visibility: spec.visibility,
      spoilerText: spec.cw,
      sensitive: spec.sensitive ?? (spec.cw ? true : undefined),
      language: lang ?? 'en',
      inReplyToKey: replyKey,
      quoteKey,
      quoteState: spec.quoteState,
      mediaKeys,
      poll: spec.poll ?? null,
      card,
      applicationName: PEOPLE.find((p) => p.slug === spec.by)!.app,
      at: spec.at,
    })
    this.refs.set(spec.name, s.key)
    return true
  }

  private addMedia(ownerKey: string, inst: MockInstance, m: MediaSpec, at: number): string {
    const key = this.world.nextKey('media')
    const createdAt = at - 2 * MIN
    const dims =
      m.type === 'video' || m.type === 'gifv'
        ? { width: 480, height: 270 }
        : m.type === 'audio'
          ? { width: 640, height: 360 }
          : { width: m.width ?? 1600, height: m.height ?? 1200 }
    const mime = m.type === 'image' ? 'image/svg+xml' : m.type === 'audio' ? 'audio/wav' : 'video/webm'
    const id = inst.ids.media.idFor(key, createdAt)
    const ext = mime === 'image/svg+xml' ? 'svg' : mime.split('/')[1]!
    this.world.media.set(key, {
      key,
      ownerKey,
      home: inst.host,
      type: m.type,
      createdAt,
      description: m.description,
      blurhash: mediaBlurhash({ key, type: m.type, description: m.description, ...dims }),
      focus: m.focus ?? null,
      ...dims,
      path: `/system/media/${id}/original.${ext}`,
      mime,
      bytes: null,
      processingUntil: 0,
      statusKey: null,
    })
    return key
  }

  private card(c: CardSpec, inst: MockInstance): CardRecord {
    return {
      url: c.url,
      title: c.title,
      description: c.description,
      type: c.type ?? 'link',
      providerName: c.provider,
      authorName: c.author ?? '',
      image: c.image ? `${inst.origin}/system/cards/${c.image}.svg` : null,
      blurhash: c.image ? cardBlurhash(c.image) : null,
      width: c.image ? CARD_WIDTH : 0,
      height: c.image ? CARD_HEIGHT : 0,
    }
  }

  private withStatus(label: string, at: number, slug: string, name: string, fn: (account: string, status: string) => void): void {
    this.at(at, `${label} ${slug} ${name}`, () => {
      const status = this.refs.get(name)
      if (!this.has(slug) || !status) return false
      fn(this.key(slug), status)
    })
  }

  fav(slug: string, name: string, at: number): void {
    this.withStatus('favourite', at, slug, name, (a, s) => this.world.favourite(a, s, at))
  }

  boost(slug: string, name: string, at: number): void {
    this.withStatus('reblog', at, slug, name, (a, s) => {
      this.world.reblog(a, s, 'public', at)
    })
  }

  bookmark(slug: string, name: string, at: number): void {
    this.withStatus('bookmark', at, slug, name, (a, s) => this.world.bookmark(a, s))
  }

  vote(slug: string, name: string, choices: number[], at: number): void {
    this.withStatus('vote', at, slug, name, (a, s) => {
      this.world.vote(a, s, choices)
    })
  }

  edit(name: string, at: number, changes: { text?: string; spoilerText?: string; sensitive?: boolean }): void {
    this.at(at, `edit ${name}`, () => {
      const status = this.refs.get(name)
      if (!status) return false
      const s = this.world.status(status)
      const text = changes.text === undefined ? undefined : this.resolve(changes.text, this.sideOf(PEOPLE.find((p) => this.keys.get(p.slug) === s.authorKey)!.slug))
      if (text === null) return false
      this.world.edit(status, { ...changes, text }, at)
    })
  }

  remove(name: string, at: number): void {
    this.doomed.add(name)
    this.at(at, `delete ${name}`, () => {
      const status = this.refs.get(name)
      if (!status) return false
      this.world.deleteStatus(status)
    })
  }

  run(): void {
    this.events.sort((a, b) => a.at - b.at || a.seq - b.seq)
    for (const e of this.events) {
      this.world.fixedNow = e.at
      try {
        if (e.run() === false) seedDiagnostics.skipped.push(e.label)
      } catch (err) {
        if (!(err instanceof ApiFailure)) throw err
        seedDiagnostics.failed.push(`${e.label}: ${err.message}`)
      }
    }
  }

  pick<T>(items: T[]): T {
    return items[Math.floor(this.rnd() * items.length)]!
  }
}

export function seedWorld(world: World, instances: MockInstance[], now: number): void {
  seedDiagnostics.skipped = []
  seedDiagnostics.failed = []
  if (!instances[0]) return
  const s = new Seeder(world, instances, now)
  world.fixedNow = now - 15 * DAY
  s.addPeople()
  relationships(s)
  story(s)
  everyday(s)
  weatherBot(s)
  engagement(s)
  s.run()
  world.fixedNow = now
  world.notifyEndedPolls()
  finishing(s)
  world.fixedNow = null
}

// --- relationships -----------------------------------------------------------

const FOLLOWS: Record<string, string[]> = {
  alice: ['bob', 'dave', 'yuki', 'frank', 'grace', 'heidi', 'kenji', 'sanne', 'bookclub', 'oscarA'],
  bob: ['alice', 'carol', 'dave', 'erin', 'yuki', 'sanne', 'frank', 'grace'],
  carol: ['alice', 'bob', 'yuki', 'kenji', 'frank', 'erin', 'oscarA'],
  erin: ['alice', 'bob', 'carol', 'heidi'],
  oscarA: ['alice', 'carol', 'frank'],
  yuki: ['alice', 'carol', 'kenji', 'sanne', 'grace', 'rick'],
  rick: ['alice', 'bob', 'grace', 'frank', 'yuki'],
  frank: ['alice', 'grace', 'heidi', 'kenji', 'carol', 'bob'],
  grace: ['alice', 'frank', 'heidi', 'sanne', 'bookclub', 'yuki'],
  heidi: ['grace', 'frank', 'bookclub', 'sanne', 'carol'],
  kenji: ['yuki', 'frank', 'carol', 'grace', 'bookclub'],
  sanne: ['bob', 'heidi', 'grace', 'yuki'],
  oscarB: ['carol', 'frank', 'grace'],
  // promo (spam, suspended) has no relationships left but alice's block.
}

function relationships(s: Seeder): void {
  let t = s.ago(14, 12)
  for (const [from, tos] of Object.entries(FOLLOWS)) {
    for (const to of tos) {
      if (to === 'erin') continue
      s.follow(from, to, (t += 3 * MIN))
    }
  }
  // The bell: every public post of carol notifies alice.
  s.follow('alice', 'carol', s.ago(14, 11), { notify: true })
  // erin is locked: two approved followers, three pending requests.
  for (const [who, asked, approved] of [
    ['bob', s.ago(13, 20), s.ago(13, 18)],
    ['carol', s.ago(12, 9), s.ago(12, 2)],
  ] as const) {
    s.follow(who, 'erin', asked)
    s.at(approved, `approve ${who}`, () => {
      if (!s.has('erin') || !s.has(who)) return false
      s.world.authorizeFollow(s.key('erin'), s.key(who))
    })
  }
  s.follow('alice', 'erin', s.ago(3, 2))
  s.follow('frank', 'erin', s.ago(1, 4))
  s.follow('heidi', 'erin', s.ago(0, 5))
  // New followers of alice, recent enough to show up as one group today.
  s.follow('kenji', 'alice', s.ago(2, 5))
  s.follow('sanne', 'alice', s.ago(0, 3, 12))
  s.follow('heidi', 'alice', s.ago(0, 0, 38))
  // alice blocks the spam account (later suspended by grace) and mutes rick.
  s.at(s.ago(9, 4), 'block promo', () => {
    if (!s.has('promo')) return false
    s.world.block(s.key('alice'), s.key('promo'))
  })
  s.at(s.ago(6, 2), 'mute rick', () => s.world.mute(s.key('alice'), s.key('rick'), true, 0))
  // oscar moves from Demo Social to Second Town; his followers move with him.
  s.at(s.ago(5, 3), 'oscar moves', () => {
    if (!s.has('oscarB')) return false
    const from = s.key('oscarA')
    const to = s.key('oscarB')
    s.world.account(from).movedToKey = to
    for (const f of s.world.followers(from)) {
      s.world.unfollow(f, from)
      s.world.follow(f, to)
    }
  })
  s.follow('oscarB', 'alice', s.ago(5, 2))
}

// --- the story: every kind of status and notification ------------------------

const IMG = (description: string | null, width = 1600, height = 1200, focus?: { x: number; y: number }): MediaSpec => ({
  type: 'image',
  description,
  width,
  height,
  focus,
})

function story(s: Seeder): void {
  const a = s.ago.bind(s)

  // alice's introduction (pinned), welcomed by both servers.
  s.post({
    name: 'intro',
    by: 'alice',
    at: a(13, 19),
    text:
      "Hello fediverse! 👋 I'm Alice, the demo account of Demo Social.\n\n" +
      'Things to try: follow someone on Second Town ({@grace} is the admin there), vote in a poll, boost a photo, or reply to this post. ' +
      'Everything here is made up, so go wild. #introduction #demo',
  })
  s.post({ name: 'intro-bob', by: 'bob', at: a(13, 18), replyTo: 'intro', text: '{@alice} Welcome! The allotment crowd is over here 🌱' })
  s.post({ name: 'intro-grace', by: 'grace', at: a(13, 15), replyTo: 'intro', text: '{@alice} Welcome from next door! :ablobwave:' })
  s.post({ by: 'alice', at: a(13, 14), replyTo: 'intro-grace', text: '{@grace} Thank you! Your server has the best custom emoji.' })

  // Tomatoes (pinned): two described images with focus points; many favourites on one day.
  s.post({
    name: 'tomatoes',
    by: 'alice',
    at: a(4, 6),
    text: "First tomatoes of the season from the greenhouse! 🍅 The yellow ones are 'Golden Sunrise', the red ones a mystery variety from the seed swap. #gardening #photography",
    media: [
      IMG('Close-up of ripe red and yellow tomatoes on the vine in a small greenhouse garden, green leaves around them', 1600, 1200, { x: 0.2, y: -0.1 }),
      IMG('A wooden raised garden bed with tomato plants tied to bamboo canes and orange marigold flowers in front', 1200, 1600, { x: 0, y: 0.3 }),
    ],
  })
  for (const [who, m] of [
    ['bob', 20],
    ['carol', 40],
    ['frank', 60],
    ['yuki', 90],
    ['kenji', 180],
    ['sanne', 195],
    ['grace', 240],
    ['rick', 250],
  ] as const) {
    s.fav(who, 'tomatoes', a(4, 6) + m * MIN)
  }
  s.boost('carol', 'tomatoes', a(4, 5, 10))
  s.boost('sanne', 'tomatoes', a(4, 2, 40))
  s.post({ name: 'tomatoes-sanne', by: 'sanne', at: a(4, 4), replyTo: 'tomatoes', text: '{@alice} Prachtig! Are the yellow ones sweet?' })
  s.post({ by: 'alice', at: a(4, 3, 30), replyTo: 'tomatoes-sanne', text: '{@sanne} Very! Like little apricots. I saved seeds for you.' })

  // A self-thread (head pinned).
  s.post({
    name: 'thread1',
    by: 'alice',
    at: a(2, 4),
    text: '🧵 Five things I wish I had known when I joined the fediverse (1/4)\n\n1. Your server is your neighbourhood, not a walled garden: you can follow anyone on any server. #fediverse',
  })
  s.post({
    name: 'thread2',
    by: 'alice',
    at: a(2, 3, 58),
    replyTo: 'thread1',
    text: "2. Hashtags are how people find you. There's no algorithm, so #hashtags and boosts do the work.\n3. Content warnings are a kindness, not censorship. (2/4)",
  })
  s.post({
    name: 'thread3',
    by: 'alice',
    at: a(2, 3, 56),
    replyTo: 'thread2',
    text: "4. Alt text on images makes the whole place better. Write it like you're describing the photo to a friend on the phone. (3/4)",
  })
  s.post({ by: 'alice', at: a(2, 3, 54), replyTo: 'thread3', text: '5. Favourites are a quiet thank-you, boosts are sharing. Both are lovely! Fin. (4/4) #demo' })
  s.post({ by: 'frank', at: a(2, 3), replyTo: 'thread1', text: '{@alice} Number 4 should be number 1 😄' })

  // alice's poll (expired): she gets a `poll` notification as its author.
  s.post({
    name: 'alice-poll',
    by: 'alice',
    at: a(3, 1),
    text: 'Garden poll! What should I plant next to the tomatoes next year? #gardening',
    poll: { options: ['Basil 🌿', 'Marigolds', 'Nasturtiums', 'Nothing, tomatoes deserve personal space'], expiresIn: 86_400 },
  })
  for (const [who, choice, m] of [
    ['bob', 0, 15],
    ['carol', 1, 40],
    ['sanne', 1, 70],
    ['frank', 2, 130],
    ['kenji', 0, 300],
    ['yuki', 1, 420],
    ['heidi', 3, 600],
    ['grace', 1, 900],
  ] as const) {
    s.vote(who, 'alice-poll', [choice], a(3, 1) + m * MIN)
  }

  s.post({
    by: 'alice',
    at: a(1, 8),
    visibility: 'private',
    text: "Followers-only garden confession: I bought supermarket basil, repotted it, and I'm going to pretend I grew it.",
  })
  s.post({
    by: 'alice',
    at: a(0, 20),
    visibility: 'unlisted',
    text: "Unlisted post: it shows on my profile and in my followers' home timelines, but not on the public timelines. #demo",
  })

  // Quoted by others (quote notifications; one quoter is muted), then a quote of a quote.
  s.post({
    name: 'hottake',
    by: 'alice',
    at: a(1, 2),
    text: "Unpopular opinion (sorry {@rick}, stealing your format): the best feature of this place is the chronological timeline. I read, I'm caught up, I close the app. #fediverse",
  })
  s.post({
    name: 'hottake-grace',
    by: 'grace',
    at: a(1, 1),
    quote: 'hottake',
    text: "This is exactly why I run a server. Being 'done' with a timeline is a feature. #fediverse",
  })
  s.post({ by: 'rick', at: a(0, 23, 30), quote: 'hottake', text: 'Finally someone gets it. (Also: hot take stolen, I want royalties 🔥)' })
  s.post({ by: 'yuki', at: a(0, 22), quote: 'hottake', text: 'Agreed! And no engagement bait either :blobcat:' })
  s.post({ by: 'bob', at: a(0, 19), quote: 'hottake-grace', text: 'This whole chain of quotes is wholesome. #fediverse' })
  s.fav('grace', 'hottake', a(1, 1, 10))
  s.fav('frank', 'hottake', a(1, 0, 40))

  // grace's announcement, quoted by alice, then edited: alice gets `quoted_update`.
  s.post({
    name: 'announce',
    by: 'grace',
    at: a(2, 2),
    text: "📢 Second Town news: quote posts are enabled on our server! Quote a post with the quote button; authors choose who may quote them. Details: {origin:B}/about #secondtown #fediverse",
    card: { url: '{origin:B}/about', title: 'About Second Town', description: 'A small, friendly Mastodon server. Rules, moderators and how to join.', provider: 'Second Town' },
  })
  s.post({ name: 'alice-quotes', by: 'alice', at: a(2, 1), quote: 'announce', text: 'Quote posts! Trying them out right now 👇' })
  s.edit('announce', a(1, 5), {
    text: "📢 Second Town news: quote posts are enabled on our server! Quote a post with the quote button; authors choose who may quote them. Details: {origin:B}/about\n\n(Update: works with posts from Demo Social too!) #secondtown #fediverse",
  })

  // Edited twice.
  s.post({ name: 'tulips-q', by: 'alice', at: a(5, 3), text: 'Does anyone know a good place for tulip bulbs in Rotterdam?' })
  s.edit('tulips-q', a(5, 2, 55), { text: 'Does anyone know a good place to buy tulip bulbs in Rotterdam? #gardening' })
  s.edit('tulips-q', a(5, 2, 45), { text: 'Does anyone know a good place to buy tulip bulbs in Rotterdam? Asking for my balcony 🌷 #gardening' })
  s.post({
    by: 'sanne',
    at: a(5, 2),
    replyTo: 'tulips-q',
    text: 'nl:{@alice} Probeer de markt op zaterdag op de Binnenrotte! Goede bollen, goede prijzen. 🌷',
  })

  // A typo, deleted and posted again.
  s.post({ name: 'typo', by: 'alice', at: a(6, 1), text: 'Coffee number tree :coffee:' })
  s.remove('typo', a(6, 0, 58))
  s.post({ by: 'alice', at: a(6, 0, 57), text: 'Coffee number three. Three. I can type, honestly :coffee:' })

  // Content warning, mentioning the group (which boosts it).
  s.post({
    name: 'alice-cw',
    by: 'alice',
    at: a(1, 3),
    cw: 'Book club spoilers: The Left Hand of Darkness, ch. 1–5',
    text: "{@bookclub} Genly's chapters are so much more unreliable than I expected. And the folk tales in between! Who else loved the Handdara chapter? #bookclub",
  })

  s.post({
    name: 'alice-link',
    by: 'alice',
    at: a(0, 9),
    text: 'This finally explained companion planting in a way that made sense to me: https://gardening-weekly.example/2026/11/companion-planting-tomatoes #gardening',
    card: {
      url: 'https://gardening-weekly.example/2026/11/companion-planting-tomatoes',
      title: 'Companion planting: what actually works with tomatoes',
      description: 'Basil, marigolds and nasturtiums: we grew them side by side for three summers and measured what happened.',
      provider: 'Gardening Weekly',
      author: 'Marieke Jansen',
      image: 'companion-planting-tomatoes',
    },
  })
  s.post({ by: 'alice', at: a(0, 0, 50), text: 'Heads up for anyone trying the demo: everything resets when the server restarts, so break things freely! #demo' })
  s.post({ by: 'alice', at: a(0, 0, 12), text: "Coffee #2 of the day :coffee: and then back to weeding. The dandelions think they've won." })

  // --- direct messages -------------------------------------------------------
  s.post({ name: 'dm-frank1', by: 'frank', at: a(3, 5), visibility: 'direct', text: "{@alice} Hey! Are you coming to game night on Tuesday? We're playing Wingspan 🐦" })
  s.post({ name: 'dm-frank2', by: 'alice', at: a(3, 4, 40), visibility: 'direct', replyTo: 'dm-frank1', text: "{@frank} Yes! I'll bring snacks. Can I bring a friend?" })
  s.post({
    name: 'dm-frank3',
    by: 'frank',
    at: a(3, 4),
    visibility: 'direct',
    replyTo: 'dm-frank2',
    text: '{@alice} Of course, the more the merrier. Tell them to bring a pencil for the score sheet ✏️',
  })
  s.post({
    name: 'dm-frank4',
    by: 'frank',
    at: a(0, 1, 30),
    visibility: 'direct',
    replyTo: 'dm-frank3',
    text: '{@alice} Reminder: game night moved to Wednesday this week! Same place, 19:30.',
  })
  s.post({ name: 'dm-bob1', by: 'alice', at: a(1, 6), visibility: 'direct', text: "{@bob} Do you still have spare leek seedlings? I'd trade you a jar of plum jam 🫙" })
  s.post({ name: 'dm-bob2', by: 'bob', at: a(1, 5, 30), visibility: 'direct', replyTo: 'dm-bob1', text: '{@alice} Deal! Come by the allotment on Saturday morning.' })
  s.post({ by: 'alice', at: a(1, 5, 20), visibility: 'direct', replyTo: 'dm-bob2', text: '{@bob} See you there ☺️' })
  s.post({
    name: 'dm-party1',
    by: 'alice',
    at: a(2, 9),
    visibility: 'direct',
    text: "{@erin} {@carol} Surprise party for Bob's birthday on Saturday! Shh 🤫 I'll bring the cake.",
  })
  s.post({ name: 'dm-party2', by: 'carol', at: a(2, 8, 30), visibility: 'direct', replyTo: 'dm-party1', text: "{@alice} {@erin} I'm in! I'll bring the camera 📷" })
  s.post({ by: 'erin', at: a(2, 8), visibility: 'direct', replyTo: 'dm-party2', text: "{@alice} {@carol} Count me in. I'll knit a party hat." })

  // --- a long thread across both servers --------------------------------------
  const g = a(2, 10)
  s.post({
    name: 'g0',
    by: 'grace',
    at: g,
    text: 'Question for everyone on Second Town and beyond: what made you stay on the fediverse after the first week? #fediverse',
  })
  const reply = (name: string, by: string, minutes: number, to: string, text: string, extra: Partial<PostSpec> = {}) =>
    s.post({ name, by, at: g + minutes * MIN, replyTo: to, text, ...extra })
  reply('g1', 'alice', 12, 'g0', "{@grace} The people. I came for the tech and stayed because {@bob} kept replying to my garden posts 🌱")
  reply('g2', 'bob', 25, 'g1', '{@alice} {@grace} Guilty as charged. Your tomatoes deserve an audience.')
  reply('g3', 'frank', 31, 'g0', '{@grace} Following hashtags. I follow #astronomy and my home timeline is 80% nebulae now.')
  reply('g4', 'kenji', 44, 'g3', '{@frank} Same with #ramen. Dangerous after midnight.')
  reply('g5', 'heidi', 58, 'g0', "{@grace} No algorithm shouting at me. I read everything in order and then I'm *done*. Herrlich.")
  reply('g6', 'carol', 70, 'g5', "{@heidi} Being done! Such an underrated feeling.")
  reply('g7', 'rick', 81, 'g0', "{@grace} Nothing, I'm only here to complain about the lack of quote posts. Oh wait.")
  reply('g8', 'grace', 86, 'g7', '{@rick} We have quote posts now, Rick 😄')
  reply('g9', 'sanne', 97, 'g0', '{@grace} De rust. And the custom emoji :stroopwafel:', { lang: 'nl' })
  reply('g10', 'yuki', 110, 'g1', '{@alice} Also the alt text culture! I learned so much about describing my drawings.')
  reply('g11', 'alice', 118, 'g10', '{@yuki} Yes!! Alt text everywhere is the best norm we have.')
  reply('g12', 'oscarB', 131, 'g0', '{@grace} Field recordings actually get listeners here 🎧')
  reply('g13', 'kenji', 140, 'g4', '{@frank} 夜中のラーメンの写真は禁止にすべき。', { lang: 'ja' })
  reply('g14', 'grace', 170, 'g0', 'Thank you all, this thread made my day :ablobwave: #fediverse')
  for (const [who, name, m] of [
    ['alice', 'g0', 15],
    ['frank', 'g1', 30],
    ['grace', 'g1', 35],
    ['grace', 'g5', 60],
    ['alice', 'g5', 65],
    ['heidi', 'g6', 80],
    ['alice', 'g14', 175],
  ] as const) {
    s.fav(who, name, g + m * MIN)
  }
  s.boost('frank', 'g0', g + 20 * MIN)
  s.bookmark('alice', 'g0', g + 16 * MIN)

  // --- frank: a photo alice boosts and frank then edits (`update`), video, polls, cards
  s.post({
    name: 'orion',
    by: 'frank',
    at: a(2, 23),
    text: 'Orion rising over the dunes at Scheveningen last night. 30 × 20 s exposures, stacked. Cold fingers, happy heart. #astronomy #photography',
    media: [IMG('Long-exposure photo of the Orion constellation rising over dark dunes, thousands of faint stars and a pale band of the Milky Way', 1600, 1067, { x: 0, y: -0.2 })],
  })
  s.boost('alice', 'orion', a(2, 22))
  s.boost('kenji', 'orion', a(2, 20))
  s.fav('alice', 'orion', a(2, 22))
  s.edit('orion', a(1, 20), {
    text: 'Orion rising over the dunes at Scheveningen on Tuesday night. 30 × 20 s exposures, stacked in Siril. Cold fingers, happy heart. #astronomy #photography',
  })
  s.post({
    name: 'moon-video',
    by: 'frank',
    at: a(0, 7),
    text: 'Timelapse: the moon rising over the Maas last night 🌕 #astronomy',
    media: [{ type: 'video', description: 'Timelapse video of a bright full moon rising into a purple dusk sky over the river' }],
  })
  s.post({
    name: 'frank-poll',
    by: 'frank',
    at: a(4, 3),
    text: 'Game night poll: which evening works best for the next few weeks? #boardgames',
    poll: { options: ['Tuesday', 'Wednesday', 'Friday', 'Every night :ablobwave:'], expiresIn: 86_400 },
  })
  for (const [who, choice, m] of [
    ['alice', 1, 50],
    ['grace', 0, 70],
    ['heidi', 1, 200],
    ['kenji', 2, 260],
    ['oscarB', 3, 400],
    ['sanne', 1, 700],
  ] as const) {
    s.vote(who, 'frank-poll', [choice], a(4, 3) + m * MIN)
  }
  s.post({
    name: 'nebula-card',
    by: 'frank',
    at: a(6, 5),
    text: 'My best shot of the Orion Nebula so far, full resolution in the gallery: https://stargazers-gallery.example/frank/orion-nebula-2026 #astronomy',
    card: {
      url: 'https://stargazers-gallery.example/frank/orion-nebula-2026',
      title: 'Orion Nebula (M42), 120 × 30 s',
      description: 'Taken with an 8" Dobsonian and a borrowed tracking mount.',
      provider: 'Stargazers Gallery',
      author: 'Frank Osei',
      image: 'orion-nebula-stars',
      type: 'photo',
    },
  })

  // --- quotes in every state ---------------------------------------------------
  s.post({
    name: 'library',
    by: 'erin',
    at: a(4, 1),
    text: "Idea for every library: a 'blind date with a book' shelf. Wrapped books, a few keywords on the paper, no titles. Ours emptied in two days! #books",
  })
  s.post({ by: 'frank', at: a(3, 6), quote: 'library', quoteState: 'pending', text: 'Stealing this idea for the game night shelf 👇' })
  s.post({
    name: 'grant-private',
    by: 'erin',
    at: a(2, 20),
    visibility: 'private',
    text: "Followers-only: we might get the grant for the new children's reading room. Fingers crossed, don't tell anyone yet!",
  })
  s.post({
    by: 'erin',
    at: a(0, 18),
    quote: 'grant-private',
    text: "Following up on my followers-only post: WE GOT THE GRANT! 🎉 The new children's reading room opens in spring. #books",
  })
  s.post({
    name: 'harbour',
    by: 'carol',
    at: a(3, 12),
    text: 'Harbour at dusk, from the Maasboulevard. #photography',
    media: [IMG('Container harbour at sunset, cranes silhouetted against an orange sky reflected in the water', 1920, 1080, { x: 0.4, y: 0.1 })],
  })
  s.post({ by: 'rick', at: a(3, 2), quote: 'harbour', quoteState: 'revoked', text: 'Nice photo but the horizon is crooked 🔥' })
  s.boost('alice', 'harbour', a(3, 11))
  s.fav('alice', 'harbour', a(3, 11))
  s.post({
    name: 'ui',
    by: 'yuki',
    at: a(2, 16),
    text: 'Working on a new settings screen. Spot the difference between v1 and v2? #design',
    media: [
      IMG('Screenshot mockup of a settings screen with a sidebar and a bar chart, version one', 1440, 900),
      IMG('Screenshot mockup of the same settings screen, version two, with bigger buttons and more contrast', 1440, 900),
    ],
  })
  s.post({ by: 'rick', at: a(2, 14), quote: 'ui', quoteState: 'rejected', text: 'Hot take: this button should be beige.' })
  s.post({
    name: 'kuchen',
    by: 'heidi',
    at: a(3, 10),
    text: 'de:Pflaumenkuchen nach Omas Rezept. Der Teig ist dünn, die Pflaumen sind viele. 🍰',
    media: [IMG('A tray of plum cake fresh from the oven, purple plum halves in neat rows on a thin golden baking crust', 1600, 1200)],
  })
  s.post({ by: 'kenji', at: a(3, 9), quote: 'kuchen', text: 'This looks incredible. Recipe please?' })
  s.remove('kuchen', a(3, 1))

  // --- carol: photos (alice has the bell on), four images, a CW'd sensitive one
  s.post({
    name: 'night-train',
    by: 'carol',
    at: a(5, 22),
    text: 'The night train to Vienna waiting at Rotterdam Centraal. Blue hour, wet platforms, sleeper cars humming. #photography #trains',
    media: [IMG('A blue night train with lit windows standing at a rainy station platform at dusk', 1600, 1067)],
  })
  s.post({
    name: 'autumn',
    by: 'carol',
    at: a(1, 10),
    text: 'Autumn walk in Het Park: four frames. #photography',
    media: [
      IMG('Tall autumn trees with orange and red leaves along a park path', 1200, 1600, { x: 0, y: -0.3 }),
      IMG('A grey heron standing still at the edge of a pond', 1600, 1200, { x: -0.4, y: 0 }),
      IMG('A wooden rowing boat on a misty lake', 1600, 1200),
      IMG('Fallen leaves on a park bench in orange, brown and yellow: autumn in the park', 1600, 1200),
    ],
  })
  s.post({
    name: 'spider',
    by: 'carol',
    at: a(6, 9),
    cw: 'spider (macro photo)',
    text: 'Found this beauty in the greenhouse. Garden spider, completely harmless. #photography #macro',
    media: [IMG('Macro photo of a garden spider with a cross pattern on its back, sitting in its web covered in dew', 1600, 1600)],
  })
  s.post({
    name: 'rail-card',
    by: 'carol',
    at: a(7, 3),
    text: 'Sleeper trains are back in a big way this winter https://rail-today.example/2026/11/night-trains-winter-routes #trains',
    card: {
      url: 'https://rail-today.example/2026/11/night-trains-winter-routes',
      title: "Night trains are back: Europe's sleeper routes for winter",
      description: 'From Amsterdam to Vienna, Brussels to Prague: every overnight connection running this season.',
      provider: 'Rail Today',
      image: 'night-train-sleeper-routes',
    },
  })
  s.post({ by: 'carol', at: a(2, 7), visibility: 'private', text: 'Followers-only: proofs from the wedding shoot are done. Sending them tomorrow, I need a nap first.' })
  s.post({ name: 'fog', by: 'carol', at: a(0, 0, 5), text: 'Fog is back! Out with the camera before it lifts 🌫️ #photography' })

  // --- bob: bread, a sensitive image without CW, an expired multiple-choice poll
  s.post({
    name: 'bread',
    by: 'bob',
    at: a(5, 8),
    text: 'Sunday sourdough: 80% hydration, 15% rye, and an ear you could hang a coat on. #baking',
    media: [IMG('A round sourdough loaf with a deep golden crust and a tall ear, on a wooden board dusted with flour', 1600, 1200, { x: 0, y: 0.1 })],
  })
  s.post({
    by: 'bob',
    at: a(5, 7, 50),
    replyTo: 'bread',
    text: 'And the crumb shot, because people always ask. #baking',
    media: [IMG('Cross-section of the sourdough loaf showing an open, airy crumb with large irregular holes', 1600, 1200)],
  })
  s.boost('alice', 'bread', a(5, 7))
  s.post({
    name: 'compost-pic',
    by: 'bob',
    at: a(3, 20),
    sensitive: true,
    text: "Compost check: it's alive. Very alive. #compost",
    media: [IMG('Close-up of dark garden compost full of worms and vegetable scraps', 1600, 1200)],
  })
  s.post({
    name: 'starter-card',
    by: 'bob',
    at: a(8, 2),
    text: 'Wrote up everything I know about keeping a sourdough starter alive: https://bobbakes.example/sourdough-starter-faq #baking',
    card: {
      url: 'https://bobbakes.example/sourdough-starter-faq',
      title: 'The sourdough starter FAQ',
      description: 'Feeding schedules, hooch, holidays and what to do when it smells like nail polish.',
      provider: "Bob's Bakes",
      author: 'Bob Okafor',
      image: 'sourdough-starter-faq',
    },
  })
  s.post({
    name: 'compost-poll',
    by: 'bob',
    at: a(8, 5),
    text: 'What goes in your compost? Pick all that apply. #compost #gardening',
    poll: { options: ['Coffee grounds', 'Eggshells', 'Cardboard', 'Citrus peel', 'Whatever the worms want'], expiresIn: 86_400, multiple: true },
  })
  for (const [who, choices, m] of [
    ['alice', [0, 2], 30],
    ['carol', [0, 1], 90],
    ['sanne', [0, 1, 2], 120],
    ['erin', [4], 300],
    ['frank', [0, 3], 500],
  ] as const) {
    s.vote(who, 'compost-poll', [...choices], a(8, 5) + m * MIN)
  }
  s.post({
    by: 'bob',
    at: a(0, 0, 25),
    text: 'Allotment update: frost on the cabbages this morning, but they look smug about it. #gardening',
    media: [IMG('Frost-covered cabbages in a vegetable garden bed in early morning light', 1600, 1200)],
  })

  // --- yuki: caturday, gifv, an edited post that gained a CW, an open emoji poll
  s.post({
    name: 'caturday1',
    by: 'yuki',
    at: a(12, 10),
    text: '#caturday drawing: the cat who sits on the keyboard. :blobcat_heart:',
    media: [IMG('Illustration of a grey cat sleeping on a laptop keyboard', 1080, 1350)],
  })
  s.post({
    name: 'caturday2',
    by: 'yuki',
    at: a(5, 10),
    text: "It's #caturday! This week: a very round cat on a very small cushion. :blobcat:",
    media: [IMG('Digital illustration of a chubby orange cat sitting on a cushion that is far too small, by a sunny window', 1200, 1200, { x: -0.1, y: 0.2 })],
  })
  s.post({
    name: 'gif',
    by: 'yuki',
    at: a(1, 14),
    text: 'Me when the build passes on the first try :party_parrot:',
    media: [{ type: 'gifv', description: 'Looping animation of a bright moon gliding across a purple and orange gradient sky' }],
  })
  s.post({
    name: 'finale',
    by: 'yuki',
    at: a(1, 20),
    text: "Thoughts on the Cat Detective finale: I cannot believe they let the villain get away with the tuna.",
  })
  s.edit('finale', a(1, 19, 40), { spoilerText: 'Cat Detective season 3 finale spoilers', sensitive: true })
  s.boost('carol', 'finale', a(1, 19, 50))
  s.post({
    name: 'cat-poll',
    by: 'yuki',
    at: a(0, 2),
    text: 'Vote for the next #caturday theme!',
    poll: { options: [':blobcat: Sleepy cats', ':blobcat_heart: Cats in love', ':party_parrot: Cats vs parrots', 'Just draw a dog'], expiresIn: 3 * 86_400 },
  })
  for (const [who, choice, m] of [
    ['carol', 0, 10],
    ['bob', 2, 25],
    ['rick', 3, 40],
  ] as const) {
    s.vote(who, 'cat-poll', [choice], a(0, 2) + m * MIN)
  }

  // --- kenji: no-alt-text photo, Japanese, open multiple poll alice voted in, card
  s.post({
    name: 'ramen',
    by: 'kenji',
    at: a(2, 12),
    text: "Tonight's bowl. Miso, corn, butter. I regret nothing. #ramen",
    media: [IMG(null, 1200, 1200)],
  })
  s.post({
    name: 'shibuya',
    by: 'kenji',
    at: a(6, 14),
    text: 'ja:渋谷の夜。雨上がりのネオンがきれいだった。 #photography',
    media: [IMG('Rainy Tokyo street at night with neon signs reflected on the wet asphalt', 1600, 1067)],
  })
  s.post({
    name: 'switch-poll',
    by: 'kenji',
    at: a(0, 10),
    text: 'Which keyboard switches have you tried? Pick all that apply! #keyboards',
    poll: { options: ['Linear 🔴', 'Tactile 🟤', 'Clicky 🔵', 'Topre', 'Only laptop keyboards'], expiresIn: 7 * 86_400, multiple: true },
  })
  s.vote('alice', 'switch-poll', [1, 4], a(0, 9))
  s.vote('yuki', 'switch-poll', [0, 1], a(0, 8))
  s.vote('frank', 'switch-poll', [2], a(0, 6))
  s.post({
    name: 'ramen-card',
    by: 'kenji',
    at: a(4, 10),
    text: 'Updated my Rotterdam ramen guide with three new places: https://kenji.example/ramen-log/rotterdam-guide #ramen',
    card: {
      url: 'https://kenji.example/ramen-log/rotterdam-guide',
      title: 'The (opinionated) ramen guide to Rotterdam',
      description: 'Twelve bowls, ranked. Includes a map and a strong opinion about soft-boiled eggs.',
      provider: "Kenji's Ramen Log",
      author: 'Kenji Takahashi',
      image: 'ramen-guide-rotterdam-bowl',
    },
  })

  // --- heidi: German, an open poll for the group, a CW, a card without image
  s.post({
    name: 'book-poll',
    by: 'heidi',
    at: a(0, 6),
    lang: 'de',
    text: 'Book Club: Welches Buch lesen wir im Dezember? / Which book for December? {@bookclub} #bookclub',
    poll: { options: ['Piranesi', 'The Dispossessed', 'Klara and the Sun', 'Mal was auf Deutsch!'], expiresIn: 3 * 86_400 },
  })
  s.vote('grace', 'book-poll', [1], a(0, 5, 30))
  s.vote('kenji', 'book-poll', [0], a(0, 4))
  s.post({
    name: 'shelf',
    by: 'heidi',
    at: a(7, 4),
    text: 'My reading corner is finally finished! #books',
    media: [IMG('Wall of bookshelves filled with colourful books, a reading chair and a lamp', 1600, 1067)],
  })
  s.post({
    name: 'bike-card',
    by: 'heidi',
    at: a(9, 3),
    text: 'de:Lesenswert: https://rad-und-stadt.example/2026/warum-radwege #fahrrad',
    card: {
      url: 'https://rad-und-stadt.example/2026/warum-radwege',
      title: 'Warum wir mehr geschützte Radwege brauchen',
      description: 'Eine Stadt, die fürs Rad gebaut ist, ist eine Stadt für alle.',
      provider: 'Rad & Stadt',
    },
  })
  s.post({
    by: 'heidi',
    at: a(1, 1),
    cw: 'Left Hand of Darkness, ch. 6–10 spoilers',
    text: '{@bookclub} The ice crossing chapters are the best thing Le Guin ever wrote, and I will hear no arguments. #bookclub',
  })

  // --- sanne: three images in Dutch, a coffee photo
  s.post({
    name: 'tulip-fields',
    by: 'sanne',
    at: a(3, 16),
    text: 'nl:Vorig voorjaar in de Bollenstreek. Ik kan niet wachten tot april! #tuinieren',
    media: [
      IMG('Field of red and yellow tulips in long straight rows under a blue sky', 1600, 1067),
      IMG('Close-up of a pink tulip flower with raindrops', 1200, 1600),
      IMG('A windmill beside a canal at sunset', 1600, 1067),
    ],
  })
  s.boost('alice', 'tulip-fields', a(3, 15))
  s.post({
    by: 'sanne',
    at: a(0, 4),
    text: 'nl:Koffie met een verse stroopwafel op de markt :stroopwafel:',
    media: [IMG('A cup of coffee with a stroopwafel resting on top of the mug on a café table', 1200, 1200)],
  })

  // --- oscar: moves servers, posts audio
  s.post({ by: 'oscarA', at: a(5, 3, 5), text: "I'm moving to Second Town! New account: {@oscarB}. See you there 🎧" })
  s.post({
    name: 'rain-audio',
    by: 'oscarB',
    at: a(4, 7),
    text: 'Field recording: rain on the greenhouse roof at the allotment. Headphones recommended 🎧 #fieldrecording',
    media: [{ type: 'audio', description: 'Field recording: steady rain drumming on a glass greenhouse roof, with distant thunder' }],
  })
  s.boost('alice', 'rain-audio', a(4, 6))
  s.post({
    name: 'dawn-audio',
    by: 'oscarB',
    at: a(0, 15),
    text: 'Dawn chorus in the Kralingse Bos, 5:12 this morning. Robins, blackbirds and a very loud wren. #fieldrecording #soundscape',
    media: [{ type: 'audio', description: 'Birdsong recorded at dawn: a robin, several blackbirds and a wren' }],
  })

  // --- grace: a long-running open poll (hidden totals), a card with image
  s.post({
    name: 'birthday-poll',
    by: 'grace',
    at: a(0, 4),
    text: 'Second Town turns one next month 🎂 How should we celebrate? #secondtown',
    poll: { options: ['Custom emoji contest', 'Community zine', 'Server sticker pack', 'Just a cake :stroopwafel:'], expiresIn: 30 * 86_400, hideTotals: true },
  })
  s.vote('frank', 'birthday-poll', [0], a(0, 3))
  s.vote('heidi', 'birthday-poll', [1], a(0, 2, 30))
  s.post({
    name: 'release-card',
    by: 'grace',
    at: a(10, 2),
    text: 'Release notes for our server upgrade, including quote posts and better moderation tools: https://fediverse-dev.example/blog/release-notes-dashboard #secondtown',
    card: {
      url: 'https://fediverse-dev.example/blog/release-notes-dashboard',
      title: 'Release notes: quote posts, better moderation tools and a new dashboard',
      description: 'Everything that changed in this release, with screenshots.',
      provider: 'Fediverse Dev Blog',
      image: 'release-notes-dashboard-screenshot',
    },
  })

  // --- alice's other engagement ------------------------------------------------
  for (const [name, m] of [
    ['starter-card', a(8, 1)],
    ['rail-card', a(7, 2)],
    ['ramen-card', a(4, 9)],
    ['moon-video', a(0, 6, 30)],
    ['ui', a(2, 15)],
    ['rain-audio', a(4, 6, 30)],
  ] as const) {
    s.bookmark('alice', name, m)
  }
  for (const [name, m] of [
    ['night-train', a(5, 21)],
    ['autumn', a(1, 9)],
    ['caturday2', a(5, 9)],
    ['gif', a(1, 13)],
    ['bread', a(5, 7)],
    ['tulip-fields', a(3, 15)],
    ['shelf', a(7, 3)],
    ['announce', a(2, 1, 30)],
    ['moon-video', a(0, 6, 30)],
    ['library', a(4, 0, 30)],
  ] as const) {
    s.fav('alice', name, m)
  }
}

// --- everyday posts ------------------------------------------------------------

function everyday(s: Seeder): void {
  for (const [slug, lines] of Object.entries(EVERYDAY)) {
    const n = lines.length
    lines.forEach((line, i) => {
      // Spread over two weeks, denser towards now; oscar@A only before his move, promo before suspension.
      let span = 14 * DAY
      let end = s.now - 20 * MIN
      if (slug === 'oscarA') {
        span = 8 * DAY
        end = s.ago(6)
      } else if (slug === 'promo') {
        span = 2 * DAY
        end = s.ago(9, 6)
      }
      const u = (i + 0.3 + s.rnd() * 0.4) / n
      const at = Math.round(end - span * (1 - u) ** 1.4) - Math.floor(s.rnd() * 40) * MIN
      let text = line
      let visibility: Visibility = 'public'
      const mark = /^([~!])/.exec(text)
      if (mark) {
        visibility = mark[1] === '~' ? 'unlisted' : 'private'
        text = text.slice(1)
      }
      s.post({ name: `day-${slug}-${i}`, by: slug, at, text, visibility })
    })
  }
}

// --- the weather bot --------------------------------------------------------------

/** Icon, label and the range of the chance of rain (%). */
const CONDITIONS: [string, string, number, number][] = [
  ['☀️', 'Sunny', 0, 10],
  ['🌤️', 'Mostly sunny', 0, 20],
  ['⛅', 'Partly cloudy', 10, 30],
  ['☁️', 'Overcast', 20, 40],
  ['🌦️', 'Showers', 50, 80],
  ['🌧️', 'Rain', 80, 100],
  ['🌫️', 'Fog', 10, 20],
  ['💨', 'Windy', 10, 40],
]
const WIND = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']

function weatherBot(s: Seeder): void {
  const top = Math.floor(s.now / HOUR) * HOUR
  const times: number[] = []
  for (let h = 0; h < 48; h++) times.push(top - h * HOUR)
  for (let h = 48 + 4 - ((top / HOUR) % 4); h < 14 * 24; h += 4) times.push(top - h * HOUR)
  for (const at of times.reverse()) {
    const local = new Date(at + HOUR) // Rotterdam in winter: UTC+1
    const hour = local.getUTCHours()
    const temp = Math.round(7 + 4 * Math.sin(((hour - 9) / 24) * 2 * Math.PI) + (s.rnd() - 0.5) * 4)
    const [icon, label, low, high] = s.pick(CONDITIONS)
    const wind = `${s.pick(WIND)} ${label === 'Windy' ? 6 + Math.floor(s.rnd() * 3) : 1 + Math.floor(s.rnd() * 5)} Bft`
    const rain = Math.round((low + s.rnd() * (high - low)) / 10) * 10
    const daily = hour === 8 ? '\n\nGood morning, Rotterdam! ' + (rain > 50 ? 'Take an umbrella ☂️' : 'Looks like a decent day.') : ''
    s.post({
      name: `weather-${at}`,
      by: 'dave',
      at,
      visibility: 'unlisted',
      text: `${icon} Rotterdam, ${String(hour).padStart(2, '0')}:00: ${label}\nTemperature: ${temp} °C (feels like ${temp - 2} °C)\nWind: ${wind} · Rain: ${rain}%${daily}\n#weather #rotterdam`,
    })
  }
}

// --- favourites and boosts between everyone ------------------------------------

const CHATTER: Record<string, string[]> = {
  en: [
    'Love this!',
    'Ha, same here.',
    'This made my day 😄',
    'Oh, I needed to read this today.',
    "Couldn't agree more.",
    'Wait, really? Tell me more!',
    "You're not alone in this!",
    '100% this.',
    'Okay, now I want to try it too.',
    'Saving this for later.',
    'Adding this to my list!',
    'Haha, I feel seen.',
  ],
  nl: ['Wat mooi!', 'Haha, herkenbaar.', 'Helemaal mee eens.', 'Oh, leuk!'],
  de: ['Wie schön!', 'Haha, kenne ich.', 'Genau so!', 'Oh, toll!'],
  ja: ['いいですね！', 'わかる〜', '素敵！', 'それな。'],
}
const THANKS: Record<string, string[]> = {
  en: ['Thank you! 😊', 'Right?!', 'Haha, thanks!', 'Glad it resonated 💜'],
  nl: ['Dankjewel! 😊', 'Haha, toch?!'],
  de: ['Danke dir! 😊', 'Eben!'],
  ja: ['ありがとう！😊', 'でしょ？'],
}
const SPEAKS: Record<string, string> = { sanne: 'nl', heidi: 'de', kenji: 'ja', yuki: 'ja' }

const ENGAGERS = ['alice', 'bob', 'carol', 'erin', 'yuki', 'rick', 'frank', 'grace', 'heidi', 'oscarB', 'kenji', 'sanne']

function engagement(s: Seeder): void {
  const followsOf = (slug: string) => FOLLOWS[slug] ?? []
  for (const p of [...s.posts]) {
    const name = p.name!
    if (s.doomed.has(name) || p.by === 'dave' || p.by === 'promo' || p.by === 'bookclub') continue
    const vis = p.visibility ?? 'public'
    if (vis !== 'public' && vis !== 'unlisted') continue
    if (p.text.includes('{@bookclub}')) s.boost('bookclub', name, p.at + 2 * MIN)
    if (p.replyTo) continue
    const room = s.now - 30_000 - p.at
    if (room < 2 * MIN) continue
    const span = Math.min(8 * HOUR, room - 2 * MIN)
    const when = () => p.at + MIN + Math.floor(s.rnd() ** 2 * span)
    const others = ENGAGERS.filter((x) => x !== p.by)
    const favs = p.by === 'alice' ? 2 + Math.floor(s.rnd() * 5) : Math.floor(s.rnd() ** 1.5 * 6)
    const chosen = new Set<string>()
    for (let i = 0; i < favs; i++) chosen.add(s.pick(others))
    for (const who of chosen) if (who !== 'alice' || followsOf('alice').includes(p.by)) s.fav(who, name, when())
    if (followsOf('alice').includes(p.by) && s.rnd() < 0.22) s.fav('alice', name, when())
    if (s.rnd() < (p.by === 'alice' ? 0.5 : 0.16)) {
      const booster = s.pick(others.filter((x) => x !== 'erin'))
      if (booster !== 'alice' || followsOf('alice').includes(p.by)) s.boost(booster, name, when())
    }
    // Small talk: a reply, sometimes answered.
    if (name.startsWith('day-') && s.rnd() < 0.3 && room > 30 * MIN) {
      const lang = /^(nl|de|ja):/.exec(p.text)?.[1] ?? 'en'
      const replier = s.pick(others.filter((x) => x !== 'erin' && (x !== 'alice' || followsOf('alice').includes(p.by))))
      const rLang = SPEAKS[replier] === lang ? lang : 'en'
      const at = Math.min(when(), s.now - 20 * MIN)
      if (at <= p.at) continue
      const re = s.post({ name: `re-${name}`, by: replier, at, replyTo: name, lang: rLang, text: `{@${p.by}} ${s.pick(CHATTER[rLang]!)}` })
      if (s.rnd() < 0.45) {
        const tLang = SPEAKS[p.by] === rLang || rLang === 'en' ? rLang : 'en'
        s.post({ by: p.by, at: Math.min(at + 5 * MIN + Math.floor(s.rnd() * 90) * MIN, s.now - MIN), replyTo: re, lang: tLang, text: `{@${replier}} ${s.pick(THANKS[tLang]!)}` })
      }
    }
  }
}

// --- lists, pins, markers, read state ----------------------------------------------

function finishing(s: Seeder): void {
  const w = s.world
  const alice = s.key('alice')
  const keyOf = (name: string) => s.refs.get(name)
  // Pinned: the introduction, the tomatoes and the start of the thread.
  w.pins.set(alice, new Set(['intro', 'tomatoes', 'thread1'].map(keyOf).filter((k): k is string => Boolean(k))))

  // Her profile features the tag she posts with most.
  w.featuredTags.set(alice, [{ key: `${alice}:gardening:seed`, accountKey: alice, name: 'Gardening', createdAt: s.ago(12, 2) }])

  const lists: [string, 'followed' | 'list' | 'none', boolean, string[]][] = [
    ['Photography 📷', 'list', false, ['carol', 'yuki', 'kenji']],
    ['Garden & kitchen', 'followed', false, ['bob', 'sanne', 'heidi']],
    ['Bots & feeds', 'none', true, ['dave', 'bookclub']],
  ]
  lists.forEach(([title, repliesPolicy, exclusive, members], i) => {
    const key = w.nextKey('list')
    w.lists.set(key, {
      key,
      ownerKey: alice,
      createdAt: s.ago(12, 1) + i * MIN,
      title,
      repliesPolicy,
      exclusive,
      memberKeys: new Set(members.filter((m) => s.has(m)).map((m) => s.key(m))),
    })
  })

  // alice has read her conversations with bob and about the party, not frank's latest.
  for (const name of ['dm-bob1', 'dm-party1']) {
    const k = keyOf(name)
    if (k) w.unreadConversations.get(alice)?.delete(w.conversationKey(w.status(k)))
  }

  // Markers: a few notifications back. None for home: a home column opens at the top until
  // the reader (or another client, in a test) saves a position.
  const a = s.inst.A!
  const notes = w.notifications.filter((n) => n.recipientKey === alice && !n.dismissed).reverse()
  const noteMark = notes[Math.min(5, notes.length - 1)]
  const markers: Record<string, { lastReadId: string; version: number; updatedAt: number }> = {}
  if (noteMark) {
    markers.notifications = { lastReadId: a.ids.notification.idFor(noteMark.key, noteMark.createdAt), version: 287, updatedAt: s.ago(0, 0, 35) }
  }
  w.markers.set(alice, markers)
}
