// The signed-in accounts as stored in localStorage: a versioned document, so a
// later release can migrate what an earlier one wrote, and a tab running an
// older release never overwrites what a newer one wrote.

export interface StoredAccount {
  /** `${host}|${id}`: server plus the account's (opaque) id. */
  readonly key: string
  readonly origin: string
  readonly host: string
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly avatar: string
  readonly avatarStatic: string
  readonly url: string
  readonly token: string
  readonly scope: string
  /** The OAuth app the token was issued to (its secret is in the app registry). */
  readonly clientId: string
  readonly addedAt: number
  /** The server rejected the token (401): the account must be authorised again. */
  readonly needsReauth: boolean
}

export const ACCOUNTS_STORAGE_KEY = 'deckodon:accounts'
export const ACCOUNTS_SCHEMA_VERSION = 1

export interface AccountsDocument {
  readonly version: typeof ACCOUNTS_SCHEMA_VERSION
  readonly accounts: readonly StoredAccount[]
}

export type ReadResult =
  | { readonly kind: 'ok'; readonly document: AccountsDocument }
  /** Written by a newer release: use what we can read, but never write over it. */
  | { readonly kind: 'newer'; readonly document: AccountsDocument }

const STRING_FIELDS = ['key', 'origin', 'host', 'id', 'username', 'displayName', 'avatar', 'avatarStatic', 'url', 'token', 'scope', 'clientId'] as const

function toAccount(value: unknown): StoredAccount | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  if (!STRING_FIELDS.every((f) => typeof v[f] === 'string')) return null
  return {
    ...(v as unknown as StoredAccount),
    addedAt: typeof v.addedAt === 'number' ? v.addedAt : 0,
    needsReauth: v.needsReauth === true,
  }
}

/**
 * Migrations from each older version to the next. Version 1 is the first
 * schema; a change to StoredAccount adds an entry here (1 -> 2 …) and a test.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {}

export function parseAccountsDocument(raw: string | null): ReadResult {
  const empty: AccountsDocument = { version: ACCOUNTS_SCHEMA_VERSION, accounts: [] }
  if (!raw) return { kind: 'ok', document: empty }
  let doc: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'ok', document: empty }
    doc = parsed as Record<string, unknown>
  } catch {
    return { kind: 'ok', document: empty }
  }
  let version = typeof doc.version === 'number' ? doc.version : 0
  while (version < ACCOUNTS_SCHEMA_VERSION && MIGRATIONS[version]) {
    doc = MIGRATIONS[version]!(doc)
    version += 1
  }
  const accounts = Array.isArray(doc.accounts) ? doc.accounts.map(toAccount).filter((a): a is StoredAccount => a !== null) : []
  const unique = [...new Map(accounts.map((a) => [a.key, a])).values()]
  const document: AccountsDocument = { version: ACCOUNTS_SCHEMA_VERSION, accounts: unique }
  // Older documents without a migration are read field by field (best effort).
  if (version > ACCOUNTS_SCHEMA_VERSION) return { kind: 'newer', document }
  return { kind: 'ok', document }
}

export function serializeAccounts(accounts: readonly StoredAccount[]): string {
  const document: AccountsDocument = { version: ACCOUNTS_SCHEMA_VERSION, accounts }
  return JSON.stringify(document)
}

/** `@user@host`, the handle people recognise across servers. */
/** `user@host` for the `?as=` query of links (no leading @). */
export function viewAsHandle(account: Pick<StoredAccount, 'username' | 'host'>): string {
  return `${account.username}@${account.host}`
}

export function handleOf(account: Pick<StoredAccount, 'username' | 'host'>): string {
  return `@${account.username}@${account.host}`
}
