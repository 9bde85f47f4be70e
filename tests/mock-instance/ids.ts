// Local ids for one instance. Mastodon ids are opaque strings; instance A uses
// Snowflake-like decimal strings (as Mastodon does), instance B uses ULID-like
// base32 strings, so a client can never get away with comparing ids as numbers.
// Ids are derived from creation time, so within one instance and one kind,
// sorting ids matches sorting by time (as in Mastodon).

export type IdFormat = 'snowflake' | 'ulid'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function encodeBase32(value: number, length: number): string {
  let out = ''
  let v = value
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[v % 32] + out
    v = Math.floor(v / 32)
  }
  return out
}

export class IdSpace {
  readonly format: IdFormat
  private readonly byKey = new Map<string, string>()
  private readonly byId = new Map<string, string>()
  private readonly lastPerMs = new Map<number, number>()

  constructor(format: IdFormat) {
    this.format = format
  }

  /** The local id of `key`, created from `createdAt` on first use. */
  idFor(key: string, createdAt: number): string {
    const existing = this.byKey.get(key)
    if (existing) return existing
    const ms = Math.floor(createdAt)
    const seq = (this.lastPerMs.get(ms) ?? -1) + 1
    this.lastPerMs.set(ms, seq)
    const id =
      this.format === 'snowflake'
        ? ((BigInt(ms) << 16n) | BigInt(seq)).toString()
        : encodeBase32(ms, 10) + encodeBase32(seq, 4) + encodeBase32(hash32(key), 7) + encodeBase32(hash32(key + '#') % 33554432, 5)
    this.byKey.set(key, id)
    this.byId.set(id, key)
    return id
  }

  existingId(key: string): string | undefined {
    return this.byKey.get(key)
  }

  keyFor(id: string): string | undefined {
    return this.byId.get(id)
  }

  /** Orders two ids of this space: negative when a is older than b. */
  compare(a: string, b: string): number {
    if (this.format === 'snowflake') {
      const x = parseBig(a)
      const y = parseBig(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
    return a < b ? -1 : a > b ? 1 : 0
  }
}

function parseBig(s: string): bigint {
  return /^\d+$/.test(s) ? BigInt(s) : -1n
}

export function hash32(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** Deterministic PRNG (mulberry32) so the seed is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomToken(bytes = 32): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url')
}
