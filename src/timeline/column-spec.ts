// What a deck column is: a timeline of one type, bound to one signed-in account.
// Shared by the deck store (layout, persistence) and the column components (content).

/** Every kind of column, in the order the picker offers them. */
export const COLUMN_TYPES = [
  'home',
  'notifications',
  'mentions',
  'local',
  'federated',
  'hashtag',
  'list',
  'profile',
  'bookmarks',
  'favourites',
  'conversations',
  'trending',
  'thread',
] as const

export type ColumnType = (typeof COLUMN_TYPES)[number]

export interface ColumnParams {
  /** federated: only statuses from other servers. */
  readonly remoteOnly?: boolean
  /** hashtag: the main tag (without '#'), plus any/all/none and local-only. */
  readonly tag?: string
  readonly any?: readonly string[]
  readonly all?: readonly string[]
  readonly none?: readonly string[]
  readonly localOnly?: boolean
  /** list: the list's id on the account's server, and its title for the header. */
  readonly listId?: string
  readonly listTitle?: string
  /** profile: `user@host` as the account's server knows it, and which posts. */
  readonly acct?: string
  readonly profileTab?: 'posts' | 'replies' | 'media'
  /** thread: a status id on the account's server. */
  readonly statusId?: string
}

export interface ColumnSpec {
  /** Stable id of the column within its deck. */
  readonly id: string
  readonly type: ColumnType
  /** The account whose token and server the column uses ("host|accountId"). */
  readonly accountKey: string
  readonly params: ColumnParams
  /** Width in CSS pixels. */
  readonly width: number
  readonly collapsed: boolean
}

export const COLUMN_WIDTH = { min: 280, default: 380, max: 720 } as const
