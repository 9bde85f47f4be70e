// The canonical records of the mock fediverse. Every instance sees the same
// world; each one exposes it with its own local ids (see ids.ts), as real
// federated servers expose remote accounts and statuses under their own ids.

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct'
export type QuoteState = 'pending' | 'accepted' | 'rejected' | 'revoked' | 'deleted' | 'unauthorized'
/** Who may quote a post (Mastodon 4.5's `quote_approval_policy`); private and direct posts are always `nobody`. */
export type QuotePolicy = 'public' | 'followers' | 'nobody'
export type MediaType = 'image' | 'gifv' | 'video' | 'audio' | 'unknown'
export type NotificationType =
  | 'mention'
  | 'status'
  | 'reblog'
  | 'follow'
  | 'follow_request'
  | 'favourite'
  | 'poll'
  | 'update'
  | 'quote'
  | 'quoted_update'
  | 'admin.sign_up'

export interface FieldRecord {
  name: string
  /** Plain text; rendered to HTML (links) when serialised. */
  value: string
  verifiedAt: number | null
}

export interface AccountRecord {
  /** Canonical handle, `username@host`. */
  key: string
  home: string
  username: string
  displayName: string
  /** Plain-text bio; rendered to HTML when serialised. */
  note: string
  fields: FieldRecord[]
  bot: boolean
  locked: boolean
  group: boolean
  discoverable: boolean
  createdAt: number
  password: string
  email: string
  hue: number
  movedToKey: string | null
  suspended: boolean
  /** Pictures uploaded through update_credentials (else the drawn ones are served). */
  avatarUpload?: UploadedImage
  headerUpload?: UploadedImage
  /** "Hide your social graph" (source.hide_collections). */
  hideCollections?: boolean
}

export interface UploadedImage {
  readonly bytes: Uint8Array
  readonly mime: string
  /** Grows with each upload, so every new picture has a new URL (as Mastodon's are). */
  readonly version: number
}

export interface MediaRecord {
  key: string
  ownerKey: string
  home: string
  type: MediaType
  createdAt: number
  description: string | null
  blurhash: string | null
  focus: { x: number; y: number } | null
  width: number
  height: number
  /** Path on the home instance where the file is served. */
  path: string
  mime: string
  /** Uploaded bytes, when uploaded through the API. */
  bytes: Uint8Array | null
  /** Until this time the attachment is "processing" (url null, 206/202). */
  processingUntil: number
  statusKey: string | null
}

export interface PollRecord {
  key: string
  createdAt: number
  expiresAt: number | null
  multiple: boolean
  hideTotals: boolean
  options: string[]
  /** accountKey -> chosen option indexes */
  votes: Map<string, number[]>
}

export interface CardRecord {
  url: string
  title: string
  description: string
  type: 'link' | 'photo' | 'video'
  providerName: string
  authorName: string
  image: string | null
  blurhash: string | null
  width: number
  height: number
}

export interface StatusVersion {
  at: number
  text: string
  content: string
  spoilerText: string
  sensitive: boolean
  mediaKeys: string[]
  pollOptions: string[] | null
}

export interface StatusRecord {
  key: string
  authorKey: string
  home: string
  createdAt: number
  visibility: Visibility
  sensitive: boolean
  spoilerText: string
  /** Source text as typed (GET /statuses/:id/source). */
  text: string
  /** HTML as the author's server rendered it. */
  content: string
  language: string | null
  inReplyToKey: string | null
  reblogOfKey: string | null
  quote: { statusKey: string; state: QuoteState } | null
  quotePolicy: QuotePolicy
  mediaKeys: string[]
  poll: PollRecord | null
  card: CardRecord | null
  tags: string[]
  mentionKeys: string[]
  editedAt: number | null
  /** Every version, oldest first, including the current one; empty until the first edit. */
  versions: StatusVersion[]
  applicationName: string | null
  deletedAt: number | null
}

/** A poll as a post asks for it: `expiresIn` seconds from when it is published. */
export interface PollInput {
  options: string[]
  expiresIn: number
  multiple?: boolean
  hideTotals?: boolean
}

/**
 * A post waiting for its time (Mastodon's ScheduledStatus). `params` are kept as the
 * request gave them, as Mastodon keeps them, and are checked again when it is published.
 */
export interface ScheduledStatusRecord {
  key: string
  ownerKey: string
  /** The instance it was scheduled on (its ids are that instance's). */
  home: string
  createdAt: number
  scheduledAt: number
  params: {
    text: string
    spoilerText: string | null
    visibility: Visibility | null
    sensitive: boolean | null
    language: string | null
    inReplyToKey: string | null
    quoteKey: string | null
    quotePolicy: QuotePolicy | null
    poll: PollInput | null
  }
  /** Attachments held for it: no other post can take them meanwhile. */
  mediaKeys: string[]
  applicationName: string | null
}

export interface NotificationRecord {
  key: string
  recipientKey: string
  type: NotificationType
  fromKey: string
  statusKey: string | null
  createdAt: number
  dismissed: boolean
}

export interface ListRecord {
  key: string
  ownerKey: string
  createdAt: number
  title: string
  repliesPolicy: 'followed' | 'list' | 'none'
  exclusive: boolean
  memberKeys: Set<string>
}

export interface MarkerRecord {
  lastReadId: string
  version: number
  updatedAt: number
}

/** A dated record used for favourites and bookmarks, paginated by its own id. */
export interface ActRecord {
  key: string
  accountKey: string
  statusKey: string
  createdAt: number
}

export interface CustomEmojiRecord {
  shortcode: string
  home: string
  category: string | null
  hue: number
}
