// One mock Mastodon server: its host, its local id spaces, OAuth apps and
// tokens, request log and injected faults. The canonical data lives in World.

import { IdSpace, type IdFormat } from './ids.ts'
import type { MediaType } from './model.ts'
import type { World } from './world.ts'

export interface AppRecord {
  id: string
  name: string
  website: string | null
  clientId: string
  clientSecret: string
  redirectUris: string[]
  scopes: string[]
  createdAt: number
}

export interface TokenRecord {
  token: string
  clientId: string
  accountKey: string | null
  scopes: string[]
  createdAt: number
  revokedAt: number | null
}

export interface AuthCodeRecord {
  code: string
  clientId: string
  accountKey: string
  redirectUri: string
  scopes: string[]
  codeChallenge: string | null
  codeChallengeMethod: string | null
  expiresAt: number
  usedAt: number | null
}

export interface Fault {
  id: number
  /** Matches when the request path starts with this (or equals it, with exact). */
  path: string
  exact: boolean
  method: string | null
  remaining: number
  /**
   * nocors: answer normally but without CORS headers, as a server that refuses web apps.
   * hang-after / reset-after: do the request fully (a post is stored and streamed), then
   * never answer / drop the connection, as when a network fails on the way back.
   */
  kind: FaultKind
  status: number
  body: unknown
  headers: Record<string, string>
  delayMs: number
}

export const FAULT_KINDS = ['status', 'hang', 'malformed', 'reset', 'delay', 'nocors', 'hang-after', 'reset-after'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

/** What an Idempotency-Key (per account) stands for: the post made, or the one scheduled. */
export interface IdempotentResult {
  kind: 'status' | 'scheduled'
  key: string
  at: number
}

/**
 * Ms an upload stays "processing" (v2 answers 202, GET 206, posts refuse it). Images are
 * processed at once, as on Mastodon; tests change these through /__control/media-processing.
 */
export const DEFAULT_MEDIA_PROCESSING_MS: Readonly<Record<MediaType, number>> = { image: 0, gifv: 1000, video: 1000, audio: 1000, unknown: 0 }

export interface LoggedRequest {
  at: number
  method: string
  path: string
  query: string
  accountKey: string | null
  tokenKind: 'none' | 'user' | 'app' | 'invalid' | 'revoked'
  origin: string | null
  idempotencyKey: string | null
  status: number
}

export interface OAuthEvent {
  at: number
  type: 'app_created' | 'authorized' | 'denied' | 'token' | 'token_error' | 'revoked'
  clientId: string | null
  accountKey: string | null
  pkce: boolean
  detail: string
}

export interface InstanceFeatures {
  streaming: boolean
  translation: boolean
  groupedNotifications: boolean
}

export interface InstanceOptions {
  host: string
  origin: string
  title: string
  description: string
  idFormat: IdFormat
  controls: boolean
  /** Requests per 5 minutes before 429, per token or per IP. */
  rateLimit: number
}

export type IdKind =
  | 'status'
  | 'account'
  | 'notification'
  | 'media'
  | 'list'
  | 'fav'
  | 'bookmark'
  | 'conversation'
  | 'poll'
  | 'app'
  | 'filter'
  | 'report'
  | 'tag'
  | 'scheduled'

export class MockInstance {
  readonly opts: InstanceOptions
  readonly world: World
  readonly ids: Record<IdKind, IdSpace>
  readonly apps = new Map<string, AppRecord>()
  readonly tokens = new Map<string, TokenRecord>()
  readonly codes = new Map<string, AuthCodeRecord>()
  readonly idempotency = new Map<string, IdempotentResult>()
  readonly log: LoggedRequest[] = []
  readonly oauthLog: OAuthEvent[] = []
  faults: Fault[] = []
  private faultSeq = 0
  readonly rateBuckets = new Map<string, { start: number; count: number }>()
  features: InstanceFeatures = { streaming: true, translation: true, groupedNotifications: true }
  mediaProcessingMs: Record<MediaType, number> = { ...DEFAULT_MEDIA_PROCESSING_MS }

  constructor(opts: InstanceOptions, world: World) {
    this.opts = opts
    this.world = world
    const space = () => new IdSpace(opts.idFormat)
    this.ids = {
      status: space(),
      account: space(),
      notification: space(),
      media: space(),
      list: space(),
      fav: space(),
      bookmark: space(),
      conversation: space(),
      poll: space(),
      app: space(),
      filter: space(),
      report: space(),
      tag: space(),
      scheduled: space(),
    }
  }

  get host(): string {
    return this.opts.host
  }

  get origin(): string {
    return this.opts.origin
  }

  get streamingUrl(): string {
    return this.opts.origin.replace(/^http/, 'ws')
  }

  addFault(f: Omit<Fault, 'id'>): Fault {
    this.faultSeq += 1
    const fault = { ...f, id: this.faultSeq }
    this.faults.push(fault)
    return fault
  }

  /** Takes one use of the first fault matching this request, if any. */
  takeFault(method: string, path: string): Fault | null {
    for (const f of this.faults) {
      if (f.remaining <= 0) continue
      if (f.method && f.method !== method) continue
      if (f.exact ? path !== f.path : !path.startsWith(f.path)) continue
      f.remaining -= 1
      this.faults = this.faults.filter((x) => x.remaining > 0)
      return f
    }
    return null
  }

  /** Local id of an account on this instance. */
  accountId(key: string): string {
    const a = this.world.accounts.get(key)
    return this.ids.account.idFor(key, a?.createdAt ?? 0)
  }

  statusId(key: string): string {
    const s = this.world.statuses.get(key)
    return this.ids.status.idFor(key, s?.createdAt ?? 0)
  }

  accountKeyById(id: string): string | undefined {
    return this.ids.account.keyFor(id)
  }

  statusKeyById(id: string): string | undefined {
    return this.ids.status.keyFor(id)
  }
}
