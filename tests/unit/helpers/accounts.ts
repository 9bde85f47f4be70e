// Seeds signed-in accounts the way the app finds them: the stored accounts document in
// localStorage, read by the real accounts store's init().

import { useAccountsStore } from '@/stores/accounts'
import { ACCOUNTS_STORAGE_KEY, serializeAccounts, type StoredAccount } from '@/stores/accounts-storage'
import { accountKey } from '@/api/account-key'

export function storedAccount(overrides: Partial<StoredAccount> & Pick<StoredAccount, 'username'>): StoredAccount {
  const host = overrides.host ?? 'localhost:4180'
  const id = overrides.id ?? overrides.username
  const origin = overrides.origin ?? `http://${host}`
  return {
    key: accountKey(host, id),
    origin,
    host,
    id,
    displayName: overrides.username.charAt(0).toUpperCase() + overrides.username.slice(1),
    avatar: `${origin}/avatars/${id}.png`,
    avatarStatic: `${origin}/avatars/${id}-static.png`,
    url: `${origin}/@${overrides.username}`,
    token: `token-${id}`,
    scope: 'read write follow push',
    clientId: 'client-1',
    addedAt: 1,
    needsReauth: false,
    ...overrides,
  }
}

export const alice = storedAccount({ username: 'alice', id: '1', displayName: 'Alice Demo' })
export const bob = storedAccount({ username: 'bob', id: '2', displayName: 'Bob Builder' })
export const carol = storedAccount({
  username: 'carol',
  id: 'c-9',
  host: 'localhost:4181',
  displayName: 'Carol on Second Town',
  needsReauth: true,
})

/**
 * Writes the accounts (and which one this tab uses) to storage, then loads them into the
 * accounts store of the active Pinia. Call after createTestApp().
 */
export function seedAccounts(accounts: readonly StoredAccount[], currentKey?: string) {
  sessionStorage.clear()
  localStorage.setItem(ACCOUNTS_STORAGE_KEY, serializeAccounts(accounts))
  const store = useAccountsStore()
  store.init()
  if (currentKey) store.switchTo(currentKey)
  return store
}
