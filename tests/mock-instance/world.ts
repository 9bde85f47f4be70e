// The shared state of the mock fediverse and every action that changes it.
// REST handlers, the seed and the test controls all go through these methods,
// so notifications and streaming events arise the same way in all cases.

import { EventEmitter } from 'node:events'
import type {
  AccountRecord,
  ActRecord,
  CardRecord,
  CustomEmojiRecord,
  ListRecord,
  MarkerRecord,
  MediaRecord,
  NotificationRecord,
  NotificationType,
  PollInput,
  PollRecord,
  QuotePolicy,
  QuoteState,
  ScheduledStatusRecord,
  StatusRecord,
  Visibility,
} from './model.ts'
import { extractMentions, extractTags, formatStatusHtml } from './text.ts'

export interface WorldEvents {
  'status.created': [StatusRecord]
  'status.updated': [StatusRecord]
  'status.deleted': [StatusRecord]
  notification: [NotificationRecord]
  'filters.changed': [string]
}

export interface PostInput {
  text: string
  visibility?: Visibility
  spoilerText?: string
  sensitive?: boolean
  language?: string | null
  inReplyToKey?: string | null
  quoteKey?: string | null
  quoteState?: QuoteState
  /** Who may quote it; `public` when not given. Private and direct posts are always `nobody`. */
  quotePolicy?: QuotePolicy
  mediaKeys?: string[]
  poll?: PollInput | null
  card?: CardRecord | null
  applicationName?: string | null
  at?: number
}

/** A hashtag featured on a profile (FeaturedTag); `name` keeps the case it was featured with. */
export interface FeaturedTagRecord {
  readonly key: string
  readonly accountKey: string
  readonly name: string
  readonly createdAt: number
}

export class ApiFailure extends Error {
  readonly status: number
  readonly details?: Record<string, { error: string; description: string }[]>
  constructor(status: number, message: string, details?: ApiFailure['details']) {
    super(message)
    this.status = status
    this.details = details
  }
}

export class World extends EventEmitter<WorldEvents> {
  /** host -> origin (e.g. "localhost:4180" -> "http://localhost:4180") */
  readonly origins = new Map<string, string>()
  readonly accounts = new Map<string, AccountRecord>()
  readonly statuses = new Map<string, StatusRecord>()
  /** All statuses in creation order (oldest first). */
  readonly statusOrder: StatusRecord[] = []
  readonly media = new Map<string, MediaRecord>()
  readonly notifications: NotificationRecord[] = []
  readonly follows = new Map<string, Set<string>>()
  readonly followRequests = new Map<string, Set<string>>() // target -> requesters
  readonly notifyOnPost = new Map<string, Set<string>>() // follower -> followees with bell on
  readonly blocks = new Map<string, Set<string>>()
  readonly mutes = new Map<string, Map<string, { notifications: boolean; expiresAt: number | null }>>()
  readonly favourites: ActRecord[] = []
  readonly bookmarks: ActRecord[] = []
  readonly pins = new Map<string, Set<string>>()
  readonly mutedConversations = new Map<string, Set<string>>()
  readonly lists = new Map<string, ListRecord>()
  readonly markers = new Map<string, Record<string, MarkerRecord>>()
  readonly customEmojis: CustomEmojiRecord[] = []
  readonly unreadConversations = new Map<string, Set<string>>() // account -> conversation keys
  readonly removedConversations = new Map<string, Set<string>>()
  readonly followedTags = new Map<string, Set<string>>()
  /** When each tag was followed, by `${account} ${tag}` (followed_tags pages by it). */
  readonly tagFollowedAt = new Map<string, number>()
  /** Followed accounts whose boosts the follower hides (follow with reblogs=false). */
  readonly hiddenReblogs = new Map<string, Set<string>>()
  /** Private notes: author -> target -> comment. */
  readonly notes = new Map<string, Map<string, string>>()
  /** Accounts each account features on its profile (endorsements), in the order pinned. */
  readonly endorsements = new Map<string, Set<string>>()
  /** Whole domains each account blocks. */
  readonly domainBlocks = new Map<string, Set<string>>()
  /** Follow suggestions each account dismissed (DELETE /api/v1/suggestions/:id). */
  readonly dismissedSuggestions = new Map<string, Set<string>>()
  /** Hashtags each account features on its profile, in the order featured. */
  readonly featuredTags = new Map<string, FeaturedTagRecord[]>()
  /** Posts waiting for their time, by key (see scheduled.ts). */
  readonly scheduled = new Map<string, ScheduledStatusRecord>()
  /**
   * Test-only patches merged into serialized entities (hostile payloads for
   * the security suite): by status key, account key; history and translation
   * bodies replace what the mock would compute.
   */
  readonly overrides = {
    statuses: new Map<string, Record<string, unknown>>(),
    accounts: new Map<string, Record<string, unknown>>(),
    history: new Map<string, unknown[]>(),
    translations: new Map<string, Record<string, unknown>>(),
  }
  private seq = 0
  private lastTime = 0
  /** While set, `post` emits no `status.created` (see postQuietly). */
  private quiet = false
  /** When set, used instead of the wall clock (the seed writes history). */
  fixedNow: number | null = null

  now(): number {
    const t = this.fixedNow ?? Date.now()
    this.lastTime = Math.max(t, this.lastTime + 1)
    return this.lastTime
  }

  /** The current time without advancing it: the seed's fixed time while it writes history. */
  clock(): number {
    return this.fixedNow ?? Date.now()
  }

  nextKey(prefix: string): string {
    this.seq += 1
    return `${prefix}:${this.seq}`
  }

  origin(host: string): string {
    return this.origins.get(host) ?? `https://${host}`
  }

  // --- accounts -----------------------------------------------------------

  addAccount(a: Omit<AccountRecord, 'key'>): AccountRecord {
    const key = `${a.username}@${a.home}`
    const record: AccountRecord = { ...a, key }
    this.accounts.set(key, record)
    return record
  }

  account(key: string): AccountRecord {
    const a = this.accounts.get(key)
    if (!a) throw new ApiFailure(404, 'Record not found')
    return a
  }

  accountUrl(a: AccountRecord): string {
    return `${this.origin(a.home)}/@${a.username}`
  }

  findAccountByHandle(handle: string, defaultHost: string): AccountRecord | undefined {
    const clean = handle.replace(/^@/, '')
    const [user, host] = clean.includes('@') ? clean.split('@', 2) : [clean, defaultHost]
    for (const a of this.accounts.values()) {
      if (a.username.toLowerCase() === user!.toLowerCase() && a.home === host) return a
    }
    return undefined
  }

  isFollowing(follower: string, followee: string): boolean {
    return this.follows.get(follower)?.has(followee) ?? false
  }

  isBlocking(a: string, b: string): boolean {
    return this.blocks.get(a)?.has(b) ?? false
  }

  isMuting(a: string, b: string): boolean {
    const m = this.mutes.get(a)?.get(b)
    if (!m) return false
    if (m.expiresAt !== null && m.expiresAt < Date.now()) return false
    return true
  }

  followers(key: string): string[] {
    const out: string[] = []
    for (const [follower, set] of this.follows) if (set.has(key)) out.push(follower)
    return out
  }

  follow(followerKey: string, targetKey: string, opts: { notify?: boolean; reblogs?: boolean } = {}): void {
    if (followerKey === targetKey) throw new ApiFailure(403, 'This action is not allowed')
    const target = this.account(targetKey)
    if (this.isBlocking(targetKey, followerKey) || this.isBlocking(followerKey, targetKey)) {
      throw new ApiFailure(403, 'This action is not allowed')
    }
    if (opts.reblogs !== undefined) {
      const hidden = this.hiddenReblogs.get(followerKey) ?? new Set()
      if (opts.reblogs) hidden.delete(targetKey)
      else hidden.add(targetKey)
      this.hiddenReblogs.set(followerKey, hidden)
    }
    if (opts.notify !== undefined) {
      const set = this.notifyOnPost.get(followerKey) ?? new Set()
      if (opts.notify) set.add(targetKey)
      else set.delete(targetKey)
      this.notifyOnPost.set(followerKey, set)
    }
    if (this.isFollowing(followerKey, targetKey)) return
    if (target.locked) {
      const reqs = this.followRequests.get(targetKey) ?? new Set()
      if (!reqs.has(followerKey)) {
        reqs.add(followerKey)
        this.followRequests.set(targetKey, reqs)
        this.notify(targetKey, 'follow_request', followerKey, null)
      }
      return
    }
    this.addFollow(followerKey, targetKey)
    this.notify(targetKey, 'follow', followerKey, null)
  }

  private addFollow(followerKey: string, targetKey: string): void {
    const set = this.follows.get(followerKey) ?? new Set()
    set.add(targetKey)
    this.follows.set(followerKey, set)
  }

  unfollow(followerKey: string, targetKey: string): void {
    this.endorsements.get(followerKey)?.delete(targetKey)
    this.hiddenReblogs.get(followerKey)?.delete(targetKey)
    this.follows.get(followerKey)?.delete(targetKey)
    this.followRequests.get(targetKey)?.delete(followerKey)
    this.notifyOnPost.get(followerKey)?.delete(targetKey)
  }

  authorizeFollow(targetKey: string, requesterKey: string): void {
    const reqs = this.followRequests.get(targetKey)
    if (!reqs?.has(requesterKey)) throw new ApiFailure(404, 'Record not found')
    reqs.delete(requesterKey)
    this.addFollow(requesterKey, targetKey)
  }

  rejectFollow(targetKey: string, requesterKey: string): void {
    const reqs = this.followRequests.get(targetKey)
    if (!reqs?.has(requesterKey)) throw new ApiFailure(404, 'Record not found')
    reqs.delete(requesterKey)
  }

  block(a: string, b: string): void {
    const set = this.blocks.get(a) ?? new Set()
    set.add(b)
    this.blocks.set(a, set)
    this.unfollow(a, b)
    this.unfollow(b, a)
  }

  /** Whether `a` blocks the whole domain `b`'s account lives on. */
  isDomainBlocking(a: string, b: string): boolean {
    const home = this.accounts.get(b)?.home
    return home !== undefined && (this.domainBlocks.get(a)?.has(home.toLowerCase()) ?? false)
  }

  unblock(a: string, b: string): void {
    this.blocks.get(a)?.delete(b)
  }

  mute(a: string, b: string, notifications = true, duration = 0): void {
    const map = this.mutes.get(a) ?? new Map()
    map.set(b, { notifications, expiresAt: duration > 0 ? Date.now() + duration * 1000 : null })
    this.mutes.set(a, map)
  }

  unmute(a: string, b: string): void {
    this.mutes.get(a)?.delete(b)
  }

  // --- statuses -----------------------------------------------------------

  status(key: string): StatusRecord {
    const s = this.statuses.get(key)
    if (!s || s.deletedAt !== null) throw new ApiFailure(404, 'Record not found')
    return s
  }

  /** True when `viewer` (null: logged out) may see `s`. */
  canSee(viewer: string | null, s: StatusRecord): boolean {
    if (s.deletedAt !== null) return false
    const author = this.accounts.get(s.authorKey)
    if (!author || author.suspended) return false
    if (viewer === s.authorKey) return true
    if (viewer && this.isBlocking(s.authorKey, viewer)) return false
    if (s.reblogOfKey) {
      const orig = this.statuses.get(s.reblogOfKey)
      if (!orig || !this.canSee(viewer, orig)) return false
    }
    switch (s.visibility) {
      case 'public':
      case 'unlisted':
        return true
      case 'private':
        return viewer !== null && (this.isFollowing(viewer, s.authorKey) || s.mentionKeys.includes(viewer))
      case 'direct':
        return viewer !== null && s.mentionKeys.includes(viewer)
    }
  }

  /** Whether `s` belongs in `viewer`'s home feed. */
  inHomeOf(viewer: string, s: StatusRecord): boolean {
    if (!this.canSee(viewer, s)) return false
    if (this.isBlocking(viewer, s.authorKey) || this.isMuting(viewer, s.authorKey)) return false
    if (s.reblogOfKey) {
      const orig = this.statuses.get(s.reblogOfKey)
      if (!orig || this.isBlocking(viewer, orig.authorKey) || this.isMuting(viewer, orig.authorKey)) return false
      if (orig.authorKey === viewer) return false
    }
    const own = s.authorKey === viewer
    if (!own && !this.isFollowing(viewer, s.authorKey)) {
      return s.visibility === 'direct' && s.mentionKeys.includes(viewer)
    }
    if (s.inReplyToKey) {
      const parent = this.statuses.get(s.inReplyToKey)
      const to = parent?.authorKey
      if (to && to !== viewer && to !== s.authorKey && !own && !this.isFollowing(viewer, to)) return false
    }
    return true
  }

  private renderContent(text: string, home: string): string {
    return formatStatusHtml(
      text,
      (handle) => {
        const a = this.findAccountByHandle(handle, home)
        return a ? { username: a.username, url: this.accountUrl(a) } : null
      },
      (tag) => `${this.origin(home)}/tags/${encodeURIComponent(tag)}`,
    )
  }

  private mentionKeysFor(text: string, home: string, extra: string[]): string[] {
    const keys = new Set<string>()
    for (const handle of extractMentions(text)) {
      const a = this.findAccountByHandle(handle, home)
      if (a) keys.add(a.key)
    }
    for (const k of extra) keys.add(k)
    return [...keys]
  }

  /**
   * Posts as `post` does (order, ids, media, notifications) but without the
   * `status.created` event: test data in bulk (the controls' bulk-statuses), so
   * connected clients get no streaming traffic for it.
   */
  postQuietly(authorKey: string, input: PostInput): StatusRecord {
    this.quiet = true
    try {
      return this.post(authorKey, input)
    } finally {
      this.quiet = false
    }
  }

  post(authorKey: string, input: PostInput): StatusRecord {
    const author = this.account(authorKey)
    const createdAt = input.at ?? this.now()
    const parent = input.inReplyToKey ? this.status(input.inReplyToKey) : null
    const quoted = input.quoteKey ? this.status(input.quoteKey) : null
    // Replies mention the parent's author (Mastodon prepends the handle client-side;
    // servers still record the mention).
    const implicit = parent && parent.authorKey !== authorKey ? [parent.authorKey] : []
    const visibility = input.visibility ?? 'public'
    const s: StatusRecord = {
      key: this.nextKey('status'),
      authorKey,
      home: author.home,
      createdAt,
      visibility,
      sensitive: input.sensitive ?? Boolean(input.spoilerText),
      spoilerText: input.spoilerText ?? '',
      text: input.text,
      content: this.renderContent(input.text, author.home),
      language: input.language === undefined ? 'en' : input.language,
      inReplyToKey: parent?.key ?? null,
      reblogOfKey: null,
      quote: quoted ? { statusKey: quoted.key, state: input.quoteState ?? 'accepted' } : null,
      // Mastodon downgrades the policy of posts that are not distributed to `nobody`.
      quotePolicy: visibility === 'private' || visibility === 'direct' ? 'nobody' : (input.quotePolicy ?? 'public'),
      mediaKeys: input.mediaKeys ?? [],
      poll: input.poll ? this.newPoll(input.poll, createdAt) : null,
      card: input.card ?? null,
      tags: extractTags(input.text),
      mentionKeys: this.mentionKeysFor(input.text, author.home, implicit),
      editedAt: null,
      versions: [],
      applicationName: input.applicationName ?? 'Web',
      deletedAt: null,
    }
    for (const mk of s.mediaKeys) {
      const m = this.media.get(mk)
      if (m) m.statusKey = s.key
    }
    this.insertStatus(s)
    for (const m of s.mentionKeys) {
      if (m !== authorKey) this.notify(m, 'mention', authorKey, s.key, createdAt)
    }
    if (quoted && quoted.authorKey !== authorKey) this.notify(quoted.authorKey, 'quote', authorKey, s.key, createdAt)
    // As Mastodon's FeedInsertWorker: every post but DMs and replies to others.
    if (visibility !== 'direct' && !(parent && parent.authorKey !== authorKey)) {
      for (const [follower, set] of this.notifyOnPost) {
        if (set.has(authorKey) && !s.mentionKeys.includes(follower)) this.notify(follower, 'status', authorKey, s.key, createdAt)
      }
    }
    if (visibility === 'direct') {
      for (const p of [authorKey, ...s.mentionKeys]) {
        const conv = this.conversationKey(s)
        this.removedConversations.get(p)?.delete(conv)
        if (p !== authorKey) {
          const set = this.unreadConversations.get(p) ?? new Set()
          set.add(conv)
          this.unreadConversations.set(p, set)
        }
      }
    }
    if (!this.quiet) this.emit('status.created', s)
    return s
  }

  private newPoll(poll: PollInput, createdAt: number): PollRecord {
    return {
      key: this.nextKey('poll'),
      createdAt,
      expiresAt: createdAt + poll.expiresIn * 1000,
      multiple: poll.multiple ?? false,
      hideTotals: poll.hideTotals ?? false,
      options: poll.options,
      votes: new Map(),
    }
  }

  /** Whether a new post (or `editing`) may take this attachment: on no other post, scheduled or not. */
  isMediaFree(mediaKey: string, editing: string | null = null): boolean {
    const m = this.media.get(mediaKey)
    if (!m || (m.statusKey !== null && m.statusKey !== editing)) return false
    for (const r of this.scheduled.values()) if (r.mediaKeys.includes(mediaKey)) return false
    return true
  }

  private insertStatus(s: StatusRecord): void {
    this.statuses.set(s.key, s)
    // Keep creation order even when the seed writes statuses out of order.
    let i = this.statusOrder.length
    while (i > 0 && this.statusOrder[i - 1]!.createdAt > s.createdAt) i--
    this.statusOrder.splice(i, 0, s)
  }

  reblog(accountKey: string, statusKey: string, visibility: Visibility = 'public', at?: number): StatusRecord {
    const orig = this.status(statusKey)
    const target = orig.reblogOfKey ? this.status(orig.reblogOfKey) : orig
    if (target.visibility === 'private' || target.visibility === 'direct') {
      if (target.authorKey !== accountKey || target.visibility === 'direct') throw new ApiFailure(403, 'This action is not allowed')
    }
    const existing = this.findReblog(accountKey, target.key)
    if (existing) return existing
    const account = this.account(accountKey)
    const createdAt = at ?? this.now()
    const s: StatusRecord = {
      key: this.nextKey('status'),
      authorKey: accountKey,
      home: account.home,
      createdAt,
      visibility,
      sensitive: false,
      spoilerText: '',
      text: '',
      content: '',
      language: null,
      inReplyToKey: null,
      reblogOfKey: target.key,
      quote: null,
      quotePolicy: 'nobody',
      mediaKeys: [],
      poll: null,
      card: null,
      tags: [],
      mentionKeys: [],
      editedAt: null,
      versions: [],
      applicationName: null,
      deletedAt: null,
    }
    this.insertStatus(s)
    if (target.authorKey !== accountKey) this.notify(target.authorKey, 'reblog', accountKey, target.key, createdAt)
    this.emit('status.created', s)
    return s
  }

  findReblog(accountKey: string, statusKey: string): StatusRecord | undefined {
    return this.statusOrder.find((s) => s.reblogOfKey === statusKey && s.authorKey === accountKey && s.deletedAt === null)
  }

  unreblog(accountKey: string, statusKey: string): void {
    const r = this.findReblog(accountKey, statusKey)
    if (r) this.deleteStatus(r.key)
  }

  /**
   * @param changes what changes; `poll` replaces the poll (votes start over when its
   *   options or `multiple` change, as on Mastodon), null removes it; `pollOptions`
   *   renames the options of the poll there is.
   */
  edit(
    statusKey: string,
    changes: {
      text?: string
      spoilerText?: string
      sensitive?: boolean
      language?: string
      mediaKeys?: string[]
      pollOptions?: string[]
      poll?: PollInput | null
      quotePolicy?: QuotePolicy
    },
    at?: number,
  ): StatusRecord {
    const s = this.status(statusKey)
    const editedAt = at ?? this.now()
    if (s.versions.length === 0) {
      s.versions.push(this.versionOf(s, s.createdAt))
    }
    if (changes.text !== undefined) {
      s.text = changes.text
      s.content = this.renderContent(changes.text, s.home)
      s.tags = extractTags(changes.text)
      const parentAuthor = s.inReplyToKey ? this.statuses.get(s.inReplyToKey)?.authorKey : undefined
      const implicit = parentAuthor && parentAuthor !== s.authorKey ? [parentAuthor] : []
      s.mentionKeys = this.mentionKeysFor(changes.text, s.home, implicit)
    }
    if (changes.spoilerText !== undefined) s.spoilerText = changes.spoilerText
    if (changes.sensitive !== undefined) s.sensitive = changes.sensitive
    if (changes.language !== undefined) s.language = changes.language
    if (changes.mediaKeys !== undefined) {
      // Attachments taken off are free again (Mastodon keeps them for a redraft).
      for (const k of s.mediaKeys) {
        const m = this.media.get(k)
        if (m && !changes.mediaKeys.includes(k)) m.statusKey = null
      }
      for (const k of changes.mediaKeys) {
        const m = this.media.get(k)
        if (m) m.statusKey = s.key
      }
      s.mediaKeys = changes.mediaKeys
    }
    if (changes.pollOptions !== undefined && s.poll) {
      s.poll.options = changes.pollOptions
      s.poll.votes.clear()
    }
    if (changes.poll === null) s.poll = null
    else if (changes.poll) {
      const before = s.poll
      const next = this.newPoll(changes.poll, editedAt)
      // The same poll, so the same id; its votes only count while the question stays the same.
      const same = before !== null && before.multiple === next.multiple && before.options.join('\n') === next.options.join('\n')
      s.poll = before ? { ...next, key: before.key, createdAt: before.createdAt, votes: same ? before.votes : new Map() } : next
    }
    if (changes.quotePolicy !== undefined) s.quotePolicy = s.visibility === 'private' || s.visibility === 'direct' ? 'nobody' : changes.quotePolicy
    s.editedAt = editedAt
    s.versions.push(this.versionOf(s, editedAt))
    // The current version is the last entry; versions holds the whole history.
    const notified = new Set<string>()
    for (const r of this.statusOrder) {
      if (r.reblogOfKey === s.key && r.deletedAt === null && !notified.has(r.authorKey)) {
        notified.add(r.authorKey)
        this.notify(r.authorKey, 'update', s.authorKey, s.key, editedAt)
      }
    }
    for (const q of this.statusOrder) {
      if (q.quote?.statusKey === s.key && q.deletedAt === null && q.authorKey !== s.authorKey && !notified.has(q.authorKey)) {
        notified.add(q.authorKey)
        this.notify(q.authorKey, 'quoted_update', s.authorKey, s.key, editedAt)
      }
    }
    this.emit('status.updated', s)
    return s
  }

  private versionOf(s: StatusRecord, at: number) {
    return {
      at,
      text: s.text,
      content: s.content,
      spoilerText: s.spoilerText,
      sensitive: s.sensitive,
      mediaKeys: [...s.mediaKeys],
      pollOptions: s.poll ? [...s.poll.options] : null,
    }
  }

  deleteStatus(statusKey: string): StatusRecord {
    const s = this.status(statusKey)
    s.deletedAt = this.now()
    // Reblogs of a deleted status disappear with it, as on Mastodon.
    for (const r of this.statusOrder) {
      if (r.reblogOfKey === s.key && r.deletedAt === null) {
        r.deletedAt = s.deletedAt
        this.emit('status.deleted', r)
      }
      if (r.quote?.statusKey === s.key) r.quote.state = 'deleted'
    }
    this.emit('status.deleted', s)
    return s
  }

  conversationKey(s: StatusRecord): string {
    // Conversations group direct messages by thread root.
    let root = s
    const seen = new Set<string>()
    while (root.inReplyToKey && !seen.has(root.key)) {
      seen.add(root.key)
      const p = this.statuses.get(root.inReplyToKey)
      if (!p) break
      root = p
    }
    return `conv:${root.key}`
  }

  favourite(accountKey: string, statusKey: string, at?: number): void {
    const s = this.status(statusKey)
    if (this.favourites.some((f) => f.accountKey === accountKey && f.statusKey === s.key)) return
    const createdAt = at ?? this.now()
    this.favourites.push({ key: this.nextKey('fav'), accountKey, statusKey: s.key, createdAt })
    if (s.authorKey !== accountKey) this.notify(s.authorKey, 'favourite', accountKey, s.key, createdAt)
  }

  unfavourite(accountKey: string, statusKey: string): void {
    const i = this.favourites.findIndex((f) => f.accountKey === accountKey && f.statusKey === statusKey)
    if (i >= 0) this.favourites.splice(i, 1)
  }

  isFavourited(accountKey: string, statusKey: string): boolean {
    return this.favourites.some((f) => f.accountKey === accountKey && f.statusKey === statusKey)
  }

  bookmark(accountKey: string, statusKey: string): void {
    this.status(statusKey)
    if (this.isBookmarked(accountKey, statusKey)) return
    this.bookmarks.push({ key: this.nextKey('bookmark'), accountKey, statusKey, createdAt: this.now() })
  }

  unbookmark(accountKey: string, statusKey: string): void {
    const i = this.bookmarks.findIndex((f) => f.accountKey === accountKey && f.statusKey === statusKey)
    if (i >= 0) this.bookmarks.splice(i, 1)
  }

  isBookmarked(accountKey: string, statusKey: string): boolean {
    return this.bookmarks.some((f) => f.accountKey === accountKey && f.statusKey === statusKey)
  }

  vote(accountKey: string, statusKey: string, choices: number[]): PollRecord {
    const s = this.status(statusKey)
    const poll = s.poll
    if (!poll) throw new ApiFailure(404, 'Record not found')
    if (poll.expiresAt !== null && poll.expiresAt < this.clock()) {
      throw new ApiFailure(422, 'Validation failed: The poll has already ended')
    }
    if (poll.votes.has(accountKey)) throw new ApiFailure(422, 'Validation failed: You have already voted on this poll')
    if (choices.length === 0 || choices.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length)) {
      throw new ApiFailure(422, 'Validation failed: Choices is invalid')
    }
    if (!poll.multiple && choices.length > 1) throw new ApiFailure(422, 'Validation failed: Choices is invalid')
    poll.votes.set(accountKey, [...new Set(choices)])
    return poll
  }

  // --- notifications ------------------------------------------------------

  notify(recipientKey: string, type: NotificationType, fromKey: string, statusKey: string | null, at?: number): NotificationRecord | null {
    const recipient = this.accounts.get(recipientKey)
    if (!recipient) return null
    if (this.isBlocking(recipientKey, fromKey)) return null
    const mute = this.mutes.get(recipientKey)?.get(fromKey)
    if (mute?.notifications && this.isMuting(recipientKey, fromKey)) return null
    if (statusKey && this.mutedConversations.get(recipientKey)?.has(this.threadRoot(statusKey))) return null
    const n: NotificationRecord = {
      key: this.nextKey('notification'),
      recipientKey,
      type,
      fromKey,
      statusKey,
      createdAt: at ?? this.now(),
      dismissed: false,
    }
    let i = this.notifications.length
    while (i > 0 && this.notifications[i - 1]!.createdAt > n.createdAt) i--
    this.notifications.splice(i, 0, n)
    this.emit('notification', n)
    return n
  }

  threadRoot(statusKey: string): string {
    let s = this.statuses.get(statusKey)
    const seen = new Set<string>()
    while (s?.inReplyToKey && !seen.has(s.key)) {
      seen.add(s.key)
      const p = this.statuses.get(s.inReplyToKey)
      if (!p) break
      s = p
    }
    return s?.key ?? statusKey
  }

  /** Expire polls whose end has passed and tell voters and the author. */
  notifyEndedPolls(): void {
    const now = this.clock()
    for (const s of this.statusOrder) {
      const p = s.poll
      if (!p || p.expiresAt === null || p.expiresAt > now || s.deletedAt !== null) continue
      if (this.notifications.some((n) => n.type === 'poll' && n.statusKey === s.key)) continue
      for (const voter of [s.authorKey, ...p.votes.keys()]) this.notify(voter, 'poll', s.authorKey, s.key, p.expiresAt)
    }
  }
}
