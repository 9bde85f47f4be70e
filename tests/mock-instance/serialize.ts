// Entities as one instance shows them to one viewer: local ids, `acct`
// relative to the instance, and the viewer's own flags (favourited, voted …).
// Shapes follow the Mastodon 4.5 entities in ../shared/fixtures/mastodon-api.

import type { MockInstance } from './instance.ts'
import type {
  AccountRecord,
  CustomEmojiRecord,
  ListRecord,
  MediaRecord,
  NotificationRecord,
  PollRecord,
  ScheduledStatusRecord,
  StatusRecord,
  StatusVersion,
} from './model.ts'
import { quoteApproval } from './quote-policy.ts'
import { escapeHtml, formatPlainHtml } from './text.ts'
import type { World } from './world.ts'

export type Json = Record<string, unknown>

const IMAGE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }

/** An account's avatar or header: the uploaded picture where there is one, else the drawn one. */
export function pictureUrl(origin: string, a: AccountRecord, kind: 'avatar' | 'header'): string {
  const upload = kind === 'avatar' ? a.avatarUpload : a.headerUpload
  if (!upload) return `${origin}/system/${kind}s/${a.username}.svg`
  return `${origin}/system/accounts/${kind}s/${a.username}/${upload.version}.${IMAGE_EXTENSIONS[upload.mime] ?? 'png'}`
}

/**
 * Deep-merges a test patch into a serialized entity: objects merge by key,
 * arrays of objects merge element by element, anything else is replaced.
 */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    if (!Array.isArray(base)) return patch
    const out = [...base]
    patch.forEach((p, i) => (out[i] = i < base.length ? mergePatch(base[i], p) : p))
    return out
  }
  if (patch && typeof patch === 'object') {
    if (!base || typeof base !== 'object' || Array.isArray(base)) return patch
    const out: Json = { ...(base as Json) }
    for (const [k, v] of Object.entries(patch as Json)) out[k] = mergePatch(out[k], v)
    return out
  }
  return patch
}

const iso = (ms: number) => new Date(ms).toISOString()
const day = (ms: number) => iso(ms).slice(0, 10)

export class View {
  readonly inst: MockInstance
  readonly world: World
  readonly viewer: string | null
  private readonly instances: Map<string, MockInstance>

  constructor(inst: MockInstance, viewer: string | null, instances: Map<string, MockInstance>) {
    this.inst = inst
    this.world = inst.world
    this.viewer = viewer
    this.instances = instances
  }

  private homeOf(host: string): MockInstance {
    return this.instances.get(host) ?? this.inst
  }

  acct(a: AccountRecord): string {
    return a.home === this.inst.host ? a.username : `${a.username}@${a.home}`
  }

  emojis(text: string, home: string): Json[] {
    const codes = new Set([...text.matchAll(/:([a-zA-Z0-9_]+):/g)].map((m) => m[1]!))
    return this.world.customEmojis
      .filter((e) => e.home === home && codes.has(e.shortcode))
      .map((e) => this.customEmoji(e))
  }

  customEmoji(e: CustomEmojiRecord): Json {
    const url = `${this.world.origin(e.home)}/system/emoji/${e.shortcode}.svg`
    return { shortcode: e.shortcode, url, static_url: url, visible_in_picker: true, category: e.category }
  }

  account(a: AccountRecord): Json {
    const origin = this.world.origin(a.home)
    const statuses = this.world.statusOrder.filter((s) => s.authorKey === a.key && s.deletedAt === null)
    const last = statuses.at(-1)
    const moved = a.movedToKey ? this.world.accounts.get(a.movedToKey) : undefined
    const fieldText = a.fields.map((f) => `${f.name} ${f.value}`).join(' ')
    const out: Json = {
      id: this.inst.accountId(a.key),
      username: a.username,
      acct: this.acct(a),
      display_name: a.suspended ? '' : a.displayName,
      locked: a.locked,
      bot: a.bot,
      discoverable: a.discoverable,
      indexable: a.discoverable,
      group: a.group,
      created_at: iso(Math.floor(a.createdAt / 86_400_000) * 86_400_000),
      note: a.suspended ? '' : formatPlainHtml(a.note, true),
      url: `${origin}/@${a.username}`,
      uri: `${origin}/users/${a.username}`,
      avatar: pictureUrl(origin, a, 'avatar'),
      avatar_static: pictureUrl(origin, a, 'avatar'),
      avatar_description: '',
      header: pictureUrl(origin, a, 'header'),
      header_static: pictureUrl(origin, a, 'header'),
      header_description: '',
      followers_count: this.world.followers(a.key).length,
      following_count: this.world.follows.get(a.key)?.size ?? 0,
      statuses_count: statuses.filter((s) => !s.reblogOfKey).length,
      last_status_at: last ? day(last.createdAt) : null,
      hide_collections: false,
      noindex: !a.discoverable,
      emojis: a.suspended ? [] : this.emojis(`${a.displayName} ${a.note} ${fieldText}`, a.home),
      roles: [],
      fields: a.suspended
        ? []
        : a.fields.map((f) => ({
            name: f.name,
            value: formatPlainHtml(f.value, false),
            verified_at: f.verifiedAt ? iso(f.verifiedAt) : null,
          })),
    }
    if (a.suspended) out.suspended = true
    if (moved) out.moved = this.account(moved)
    const patch = this.world.overrides.accounts.get(a.key)
    return patch ? (mergePatch(out, patch) as Json) : out
  }

  credentialAccount(a: AccountRecord): Json {
    const base = this.account(a)
    return {
      ...base,
      source: {
        privacy: 'public',
        sensitive: false,
        language: 'en',
        note: a.note,
        fields: a.fields.map((f) => ({ name: f.name, value: f.value, verified_at: f.verifiedAt ? iso(f.verifiedAt) : null })),
        follow_requests_count: this.world.followRequests.get(a.key)?.size ?? 0,
        hide_collections: a.hideCollections ?? false,
        discoverable: a.discoverable,
        indexable: a.discoverable,
        attribution_domains: [],
      },
      role: { id: '-99', name: '', permissions: '65536', color: '', highlighted: false },
    }
  }

  relationship(target: AccountRecord): Json {
    const v = this.viewer ?? ''
    const w = this.world
    const mute = w.mutes.get(v)?.get(target.key)
    return {
      id: this.inst.accountId(target.key),
      following: w.isFollowing(v, target.key),
      showing_reblogs: w.isFollowing(v, target.key) && !(w.hiddenReblogs.get(v)?.has(target.key) ?? false),
      notifying: w.notifyOnPost.get(v)?.has(target.key) ?? false,
      languages: null,
      followed_by: w.isFollowing(target.key, v),
      blocking: w.isBlocking(v, target.key),
      blocked_by: w.isBlocking(target.key, v),
      muting: w.isMuting(v, target.key),
      muting_notifications: Boolean(mute?.notifications) && w.isMuting(v, target.key),
      muting_expires_at: mute?.expiresAt ? iso(mute.expiresAt) : null,
      requested: w.followRequests.get(target.key)?.has(v) ?? false,
      requested_by: w.followRequests.get(v)?.has(target.key) ?? false,
      domain_blocking: w.isDomainBlocking(v, target.key),
      endorsed: w.endorsements.get(v)?.has(target.key) ?? false,
      note: w.notes.get(v)?.get(target.key) ?? '',
    }
  }

  media(m: MediaRecord): Json {
    const origin = this.world.origin(m.home)
    const homeId = this.homeOf(m.home).ids.media.idFor(m.key, m.createdAt)
    const processing = m.processingUntil > Date.now()
    const base = `${origin}/system/media/${homeId}`
    const ext = m.mime === 'image/svg+xml' ? 'svg' : (m.mime.split('/')[1] ?? 'bin')
    const remote = m.home !== this.inst.host
    const meta: Json = {
      original: { width: m.width, height: m.height, size: `${m.width}x${m.height}`, aspect: m.width / m.height },
      small: {
        width: Math.round(m.width / 2),
        height: Math.round(m.height / 2),
        size: `${Math.round(m.width / 2)}x${Math.round(m.height / 2)}`,
        aspect: m.width / m.height,
      },
    }
    if (m.focus) meta.focus = m.focus
    if (m.type === 'video' || m.type === 'gifv' || m.type === 'audio') {
      ;(meta.original as Json).duration = 5.76
      if (m.type !== 'audio') (meta.original as Json).frame_rate = '25/1'
    }
    return {
      id: this.inst.ids.media.idFor(m.key, m.createdAt),
      type: m.type,
      url: processing ? null : `${base}/original.${ext}`,
      preview_url: `${base}/small.svg`,
      remote_url: remote ? `${base}/original.${ext}` : null,
      preview_remote_url: null,
      text_url: null,
      meta,
      description: m.description,
      blurhash: m.blurhash,
    }
  }

  poll(s: StatusRecord, p: PollRecord): Json {
    const counts = p.options.map(() => 0)
    for (const choices of p.votes.values()) for (const c of choices) counts[c] = (counts[c] ?? 0) + 1
    const expired = p.expiresAt !== null && p.expiresAt <= Date.now()
    const own = this.viewer ? p.votes.get(this.viewer) : undefined
    const hide = p.hideTotals && !expired && s.authorKey !== this.viewer
    const out: Json = {
      id: this.inst.ids.poll.idFor(p.key, p.createdAt),
      expires_at: p.expiresAt === null ? null : iso(p.expiresAt),
      expired,
      multiple: p.multiple,
      votes_count: counts.reduce((a, b) => a + b, 0),
      voters_count: p.votes.size,
      options: p.options.map((title, i) => ({ title, votes_count: hide ? null : counts[i] })),
      emojis: this.emojis(p.options.join(' '), s.home),
    }
    if (this.viewer) {
      out.voted = own !== undefined || s.authorKey === this.viewer
      out.own_votes = own ?? []
    }
    return out
  }

  private counts(s: StatusRecord): Json {
    const w = this.world
    let replies = 0
    let reblogs = 0
    let quotes = 0
    for (const o of w.statusOrder) {
      if (o.deletedAt !== null) continue
      if (o.inReplyToKey === s.key) replies++
      if (o.reblogOfKey === s.key) reblogs++
      if (o.quote?.statusKey === s.key && o.quote.state === 'accepted') quotes++
    }
    const favourites = w.favourites.filter((f) => f.statusKey === s.key).length
    return { replies_count: replies, reblogs_count: reblogs, favourites_count: favourites, quotes_count: quotes }
  }

  statusUrl(s: StatusRecord): { url: string; uri: string } {
    const author = this.world.account(s.authorKey)
    const origin = this.world.origin(s.home)
    const homeId = this.homeOf(s.home).statusId(s.key)
    return {
      url: s.reblogOfKey ? `${origin}/users/${author.username}/statuses/${homeId}/activity` : `${origin}/@${author.username}/${homeId}`,
      uri: `${origin}/users/${author.username}/statuses/${homeId}${s.reblogOfKey ? '/activity' : ''}`,
    }
  }

  /** @param depth quotes nest one level; deeper ones become ShallowQuotes */
  status(s: StatusRecord, depth = 0): Json {
    const w = this.world
    const author = w.account(s.authorKey)
    const v = this.viewer
    const parent = s.inReplyToKey ? w.statuses.get(s.inReplyToKey) : undefined
    const { url, uri } = this.statusUrl(s)
    const reblogOf = s.reblogOfKey ? w.statuses.get(s.reblogOfKey) : undefined
    const quoteContent = s.quote ? this.quoteInline(s) : ''
    const out: Json = {
      id: this.inst.statusId(s.key),
      created_at: iso(s.createdAt),
      in_reply_to_id: parent ? this.inst.statusId(parent.key) : null,
      in_reply_to_account_id: parent ? this.inst.accountId(parent.authorKey) : null,
      sensitive: s.sensitive,
      spoiler_text: s.spoilerText,
      visibility: s.visibility,
      language: s.language,
      uri,
      url,
      ...this.counts(s),
      edited_at: s.editedAt === null ? null : iso(s.editedAt),
      content: quoteContent + s.content,
      filtered: [],
      reblog: reblogOf ? this.status(reblogOf, depth) : null,
      application: s.applicationName && s.home === this.inst.host ? { name: s.applicationName, website: null } : null,
      account: this.account(author),
      media_attachments: s.mediaKeys.map((k) => w.media.get(k)).filter((m): m is MediaRecord => Boolean(m)).map((m) => this.media(m)),
      mentions: s.mentionKeys
        .map((k) => w.accounts.get(k))
        .filter((a): a is AccountRecord => Boolean(a))
        .map((a) => ({ id: this.inst.accountId(a.key), username: a.username, url: w.accountUrl(a), acct: this.acct(a) })),
      tags: s.tags.map((t) => ({ name: t, url: `${this.inst.origin}/tags/${encodeURIComponent(t)}` })),
      emojis: this.emojis(`${s.text} ${s.spoilerText}`, s.home),
      quote: null,
      card: s.card
        ? {
            url: s.card.url,
            title: s.card.title,
            description: s.card.description,
            language: 'en',
            type: s.card.type,
            author_name: s.card.authorName,
            author_url: '',
            authors: [],
            provider_name: s.card.providerName,
            provider_url: '',
            html: '',
            width: s.card.width,
            height: s.card.height,
            image: s.card.image,
            image_description: '',
            embed_url: '',
            blurhash: s.card.blurhash,
            published_at: null,
          }
        : null,
      poll: s.poll ? this.poll(s, s.poll) : null,
      // Of the boosted post for a boost, as Mastodon serialises `object.proper`.
      quote_approval: quoteApproval(w, reblogOf ?? s, v),
    }
    if (s.quote) out.quote = this.quote(s, depth)
    if (v) {
      out.favourited = w.isFavourited(v, s.key)
      out.reblogged = Boolean(w.findReblog(v, s.key))
      out.muted = w.mutedConversations.get(v)?.has(w.threadRoot(s.key)) ?? false
      out.bookmarked = w.isBookmarked(v, s.key)
      if (s.authorKey === v) out.pinned = w.pins.get(v)?.has(s.key) ?? false
    }
    const patch = w.overrides.statuses.get(s.key)
    return patch ? (mergePatch(out, patch) as Json) : out
  }

  private quoteInline(s: StatusRecord): string {
    const q = s.quote ? this.world.statuses.get(s.quote.statusKey) : undefined
    if (!q) return ''
    const { url } = this.statusUrl(q)
    return `<p class="quote-inline">RE: <a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">${escapeHtml(url)}</a></p>`
  }

  private quote(s: StatusRecord, depth: number): Json {
    const q = s.quote!
    const quoted = this.world.statuses.get(q.statusKey)
    let state: string = q.state
    if (!quoted || quoted.deletedAt !== null) state = 'deleted'
    else if (state === 'accepted' && !this.world.canSee(this.viewer, quoted)) state = 'unauthorized'
    if (state !== 'accepted' || !quoted) return { state, quoted_status: null }
    if (depth >= 1) return { state, quoted_status_id: this.inst.statusId(quoted.key) }
    return { state, quoted_status: this.status(quoted, depth + 1) }
  }

  /** ScheduledStatus: `params` as the request gave them, ids as this instance shows them. */
  scheduledStatus(r: ScheduledStatusRecord): Json {
    const p = r.params
    const statusId = (key: string | null) => (key && this.world.statuses.has(key) ? this.inst.statusId(key) : null)
    return {
      id: this.inst.ids.scheduled.idFor(r.key, r.createdAt),
      scheduled_at: iso(r.scheduledAt),
      params: {
        text: p.text,
        poll: p.poll
          ? { options: p.poll.options, expires_in: String(p.poll.expiresIn), multiple: p.poll.multiple ?? false, hide_totals: p.poll.hideTotals ?? false }
          : null,
        media_ids: r.mediaKeys.length ? r.mediaKeys.map((k) => this.inst.ids.media.idFor(k, this.world.media.get(k)?.createdAt ?? 0)) : null,
        sensitive: p.sensitive,
        visibility: p.visibility,
        language: p.language,
        spoiler_text: p.spoilerText,
        in_reply_to_id: statusId(p.inReplyToKey),
        quoted_status_id: statusId(p.quoteKey),
        quote_approval_policy: p.quotePolicy,
        allowed_mentions: null,
        idempotency: null,
        scheduled_at: null,
        with_rate_limit: false,
      },
      media_attachments: r.mediaKeys
        .map((k) => this.world.media.get(k))
        .filter((m): m is MediaRecord => Boolean(m))
        .map((m) => this.media(m)),
    }
  }

  statusVersion(s: StatusRecord, version: StatusVersion): Json {
    return {
      content: version.content,
      spoiler_text: version.spoilerText,
      sensitive: version.sensitive,
      created_at: iso(version.at),
      account: this.account(this.world.account(s.authorKey)),
      poll: version.pollOptions ? { options: version.pollOptions.map((title) => ({ title })) } : null,
      media_attachments: version.mediaKeys
        .map((k) => this.world.media.get(k))
        .filter((m): m is MediaRecord => Boolean(m))
        .map((m) => this.media(m)),
      emojis: this.emojis(`${version.text} ${version.spoilerText}`, s.home),
    }
  }

  notificationId(n: NotificationRecord): string {
    return this.inst.ids.notification.idFor(n.key, n.createdAt)
  }

  groupKey(n: NotificationRecord): string {
    if ((n.type === 'favourite' || n.type === 'reblog') && n.statusKey) {
      return `${n.type}-${this.inst.statusId(n.statusKey)}-${Math.floor(n.createdAt / 86_400_000)}`
    }
    if (n.type === 'follow') return `follow-${Math.floor(n.createdAt / 86_400_000)}`
    return `ungrouped-${this.notificationId(n)}`
  }

  notification(n: NotificationRecord): Json {
    const from = this.world.account(n.fromKey)
    const status = n.statusKey ? this.world.statuses.get(n.statusKey) : undefined
    const out: Json = {
      id: this.notificationId(n),
      type: n.type,
      created_at: iso(n.createdAt),
      group_key: this.groupKey(n),
      account: this.account(from),
    }
    if (status && status.deletedAt === null) out.status = this.status(status)
    return out
  }

  /** Conversation entity for the viewer: the other participants and the last status. */
  conversation(convKey: string, last: StatusRecord): Json {
    const w = this.world
    const participants = new Set([last.authorKey, ...last.mentionKeys])
    const root = w.statuses.get(convKey.replace(/^conv:/, ''))
    const at = root?.createdAt ?? last.createdAt
    return {
      id: this.inst.ids.conversation.idFor(convKey, at),
      unread: this.viewer ? (w.unreadConversations.get(this.viewer)?.has(convKey) ?? false) : false,
      accounts: [...participants]
        .filter((k) => k !== this.viewer)
        .map((k) => w.accounts.get(k))
        .filter((a): a is AccountRecord => Boolean(a))
        .map((a) => this.account(a)),
      last_status: this.status(last),
    }
  }

  list(l: ListRecord): Json {
    return {
      id: this.inst.ids.list.idFor(l.key, l.createdAt),
      title: l.title,
      replies_policy: l.repliesPolicy,
      exclusive: l.exclusive,
    }
  }

  tag(name: string): Json {
    const uses = this.world.statusOrder.filter((s) => s.deletedAt === null && s.tags.includes(name))
    const history = []
    const today = Math.floor(Date.now() / 86_400_000)
    for (let d = 0; d < 7; d++) {
      const onDay = uses.filter((s) => Math.floor(s.createdAt / 86_400_000) === today - d)
      history.push({
        day: String((today - d) * 86_400),
        uses: String(onDay.length),
        accounts: String(new Set(onDay.map((s) => s.authorKey)).size),
      })
    }
    const out: Json = {
      id: this.inst.ids.tag.idFor(`tag:${name}`, 0),
      name,
      url: `${this.inst.origin}/tags/${encodeURIComponent(name)}`,
      history,
    }
    if (this.viewer) {
      out.following = false
      out.featuring = false
    }
    return out
  }
}
