import { describe, expect, it } from 'vitest'
import {
  ACCOUNTS_SCHEMA_VERSION,
  handleOf,
  parseAccountsDocument,
  serializeAccounts,
  type StoredAccount,
} from '@/stores/accounts-storage'
import { accountKey } from '@/api/account-key'

function account(host: string, id: string, overrides: Partial<StoredAccount> = {}): StoredAccount {
  return {
    key: accountKey(host, id),
    origin: `https://${host}`,
    host,
    id,
    username: `user${id}`,
    displayName: `User ${id}`,
    avatar: `https://${host}/avatars/${id}.png`,
    avatarStatic: `https://${host}/avatars/${id}.png`,
    url: `https://${host}/@user${id}`,
    token: `token-${host}-${id}`,
    scope: 'read write follow push',
    clientId: `client-${host}`,
    addedAt: 1_700_000_000_000,
    needsReauth: false,
    ...overrides,
  }
}

const alice = account('mastodon.social', '14715')
const bob = account('mastodon.social', '1')
const carol = account('fosstodon.org', '1')

const doc = (accounts: unknown, version: unknown = ACCOUNTS_SCHEMA_VERSION) => JSON.stringify({ version, accounts })

describe('parseAccountsDocument', () => {
  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['broken JSON', '{"version": 1, "accou'],
    ['JSON null', 'null'],
    ['an array', JSON.stringify([alice])],
    ['a string', '"accounts"'],
    ['a number', '1'],
    ['accounts that are not a list', doc({ 0: alice })],
    ['no accounts field', JSON.stringify({ version: 1 })],
  ])('reads %s as no accounts', (_what, raw) => {
    expect(parseAccountsDocument(raw)).toEqual({ kind: 'ok', document: { version: ACCOUNTS_SCHEMA_VERSION, accounts: [] } })
  })

  it('drops entries that are not accounts and keeps the rest', () => {
    const { token: _token, ...withoutToken } = bob
    const result = parseAccountsDocument(
      doc([null, 'alice', 42, [], alice, withoutToken, { ...carol, id: 1 }, { ...carol, origin: null }, account('example.net', '7')]),
    )
    expect(result.kind).toBe('ok')
    expect(result.document.accounts.map((a) => a.key)).toEqual([alice.key, 'example.net|7'])
  })

  it('fills in a missing date and reads anything but true as not needing sign-in again', () => {
    const { addedAt: _addedAt, ...noDate } = alice
    const result = parseAccountsDocument(doc([{ ...noDate, needsReauth: 'yes' }, { ...carol, needsReauth: true }]))
    expect(result.document.accounts[0]).toMatchObject({ addedAt: 0, needsReauth: false })
    expect(result.document.accounts[1]).toMatchObject({ needsReauth: true })
  })

  it('collapses two entries for the same account into one', () => {
    const result = parseAccountsDocument(doc([alice, carol, { ...alice, token: 'newer-token' }]))
    expect(result.document.accounts.map((a) => a.key)).toEqual([alice.key, carol.key])
  })

  it('keeps the same id on two servers as two accounts', () => {
    const result = parseAccountsDocument(doc([bob, carol]))
    expect(result.document.accounts).toHaveLength(2)
  })

  it('reads a document from a newer release but marks it as not ours to write', () => {
    const result = parseAccountsDocument(doc([{ ...alice, pronouns: 'they/them' }, carol], ACCOUNTS_SCHEMA_VERSION + 1))
    expect(result.kind).toBe('newer')
    expect(result.document.accounts.map((a) => a.key)).toEqual([alice.key, carol.key])
    expect(result.document.accounts[0]?.token).toBe(alice.token)
  })

  it('reads a document without a version as ours, field by field', () => {
    const result = parseAccountsDocument(JSON.stringify({ accounts: [alice] }))
    expect(result).toEqual({ kind: 'ok', document: { version: ACCOUNTS_SCHEMA_VERSION, accounts: [alice] } })
  })
})

describe('serializeAccounts', () => {
  it('round-trips through parseAccountsDocument unchanged', () => {
    const accounts = [alice, { ...bob, needsReauth: true }, carol]
    const raw = serializeAccounts(accounts)
    expect(JSON.parse(raw)).toMatchObject({ version: ACCOUNTS_SCHEMA_VERSION })
    expect(parseAccountsDocument(raw)).toEqual({ kind: 'ok', document: { version: ACCOUNTS_SCHEMA_VERSION, accounts } })
  })

  it('writes an empty list as an empty document', () => {
    expect(parseAccountsDocument(serializeAccounts([])).document.accounts).toEqual([])
  })
})

describe('account names', () => {
  it('shows the full @user@server handle', () => {
    expect(handleOf({ username: 'trwnh', host: 'mastodon.social' })).toBe('@trwnh@mastodon.social')
  })
})
