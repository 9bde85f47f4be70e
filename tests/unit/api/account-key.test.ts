import { describe, expect, it } from 'vitest'
import { accountKey, hostOfAccountKey } from '@/api/account-key'

describe('account keys', () => {
  it('keys an account by server and id', () => {
    expect(accountKey('mastodon.social', '14715')).toBe('mastodon.social|14715')
    expect(accountKey('localhost:4180', '1')).toBe('localhost:4180|1')
    expect(accountKey('mastodon.social', '1')).not.toBe(accountKey('fosstodon.org', '1'))
  })

  it('gives back the server of a key, port and all', () => {
    expect(hostOfAccountKey(accountKey('localhost:4180', '01HQ-uuid'))).toBe('localhost:4180')
    expect(hostOfAccountKey('mastodon.social|14715')).toBe('mastodon.social')
  })
})
