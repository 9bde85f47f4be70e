// What a draft is: everything the user typed and chose, kept until the server confirms the
// post. Drafts are stored as they are (IndexedDB, src/stores/drafts.ts), so every field is
// plain data; media files not yet uploaded are kept as Blobs so a reload can upload them.

import type { mastodon } from 'masto'

export type DraftVisibility = 'public' | 'unlisted' | 'private' | 'direct'
/** Who may quote the post (Mastodon 4.5); the server's default when absent. */
export type DraftQuotePolicy = 'public' | 'followers' | 'nobody'

/** Where a draft's media item is on its way to the server. */
export type DraftMediaState = 'local' | 'uploading' | 'processing' | 'ready' | 'failed'

export interface DraftMedia {
  /** Stable within the draft (the key for lists, and for the upload in flight). */
  readonly localId: string
  /** The server's attachment id, once uploaded. */
  readonly remoteId: string | null
  readonly state: DraftMediaState
  /** The file, until the server has it (kept so a reload can upload it again). */
  readonly file: Blob | null
  readonly fileName: string
  readonly mimeType: string
  readonly size: number
  /** Alt text. */
  readonly description: string
  /** Focal point, -1…1 each way (Mastodon's `focus`), the centre when absent. */
  readonly focus: { readonly x: number; readonly y: number } | null
  /** The server's preview URL once it has one (http(s) only, checked where shown). */
  readonly previewUrl: string | null
  /** Upload progress 0…1 while uploading. */
  readonly progress: number
  /** Why the upload failed, as a message key with values, when it did. */
  readonly error: string | null
  /** The description or focus changed since the server last saw them. */
  readonly dirty: boolean
}

export interface DraftPoll {
  readonly options: readonly string[]
  /** Seconds. */
  readonly expiresIn: number
  readonly multiple: boolean
  readonly hideTotals: boolean
}

/** One post of a draft: a draft is one post, or a thread of several posted in a chain. */
export interface DraftPost {
  /** Stable within the draft. */
  readonly localId: string
  readonly text: string
  readonly spoilerText: string
  /** The content warning field is open (its text is sent, and counted, only then). */
  readonly cwEnabled: boolean
  readonly sensitive: boolean
  readonly media: readonly DraftMedia[]
  readonly poll: DraftPoll | null
  /** Sent as the Idempotency-Key of this post's publish; stays the same across retries. */
  readonly idempotencyKey: string
  /** Set once the server confirmed this post (a thread resumes after the posts already made). */
  readonly postedId: string | null
}

/** The status a draft answers, quotes or edits, as much as the composer shows of it. */
export interface DraftTarget {
  readonly id: string
  readonly url: string | null
  /** `user@host` of its author, for the "replying to" line. */
  readonly acct: string
  readonly displayName: string
  /** A short plain-text excerpt (never HTML). */
  readonly excerpt: string
}

export interface Draft {
  readonly id: string
  /** The account that posts it ("host|accountId"). */
  readonly accountKey: string
  readonly createdAt: number
  readonly updatedAt: number
  readonly posts: readonly DraftPost[]
  readonly visibility: DraftVisibility
  readonly quotePolicy: DraftQuotePolicy | null
  /** ISO 639-1 code. */
  readonly language: string
  readonly inReplyTo: DraftTarget | null
  readonly quoteOf: DraftTarget | null
  /** Editing this published status (its id) instead of posting a new one. */
  readonly editOf: string | null
  /** Editing this scheduled status (its id) instead of posting a new one. */
  readonly scheduledId: string | null
  /** ISO 8601 time to publish at; null to publish now. */
  readonly scheduledAt: string | null
}

/** The masto entity a successful publish returns. */
export type Published = mastodon.v1.Status | mastodon.v1.ScheduledStatus
