// Signed-in accounts: any number, across instances, persisted locally and kept
// in step across tabs. Which account is "current" is per tab. Every API call
// for an account goes through `call(key, …)`, which uses that account's own
// client and turns a 401 into a visible "sign in again" state for that
// account only.

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { dropClient, isUnauthorized, restClientFor } from '@/api/clients'
import { findAppByClientId } from '@/api/app-registry'
import { revokeToken, type AppCredentials, type TokenGrant } from '@/api/oauth'
import { closeStreaming } from '@/api/streaming'
import { accountKey } from '@/api/account-key'
import { forgetSearches } from '@/search/recent-searches'
import {
  ACCOUNTS_STORAGE_KEY,
  parseAccountsDocument,
  serializeAccounts,
  type StoredAccount,
} from './accounts-storage'

const CURRENT_KEY = 'deckodon:current-account'
const LAST_USED_KEY = 'deckodon:last-account'

export class UnknownAccountError extends Error {
  override readonly name = 'UnknownAccountError'
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key)
  } catch {
    return null
  }
}

function safeSet(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key)
    else storage.setItem(key, value)
  } catch {
    // Private mode or a full quota: the app keeps working for this session.
  }
}

export const useAccountsStore = defineStore('accounts', () => {
  const accounts = shallowRef<readonly StoredAccount[]>([])
  const currentKey = ref<string | null>(null)
  /** A newer release wrote the stored document; do not overwrite it. */
  const readOnly = ref(false)

  const current = computed(() => accounts.value.find((a) => a.key === currentKey.value) ?? null)
  const needingReauth = computed(() => accounts.value.filter((a) => a.needsReauth))

  function byKey(key: string): StoredAccount | undefined {
    return accounts.value.find((a) => a.key === key)
  }

  /** Takes a new list; accounts no longer in it lose their connections (and, as the entity store watches, their statuses). */
  function setAccounts(next: readonly StoredAccount[]): void {
    const gone = accounts.value.filter((a) => !next.some((n) => n.key === a.key))
    accounts.value = next
    for (const account of gone) {
      dropClient(account.key)
      closeStreaming(account.key)
    }
  }

  function load(): void {
    const result = parseAccountsDocument(safeGet(localStorage, ACCOUNTS_STORAGE_KEY))
    readOnly.value = result.kind === 'newer'
    setAccounts(result.document.accounts)
    const preferred = safeGet(sessionStorage, CURRENT_KEY) ?? safeGet(localStorage, LAST_USED_KEY)
    currentKey.value = accounts.value.some((a) => a.key === preferred) ? preferred : (accounts.value[0]?.key ?? null)
  }

  function persist(next: readonly StoredAccount[]): void {
    setAccounts(next)
    if (!readOnly.value) safeSet(localStorage, ACCOUNTS_STORAGE_KEY, serializeAccounts(next))
    if (currentKey.value && !next.some((a) => a.key === currentKey.value)) switchTo(next[0]?.key ?? null)
  }

  function patch(key: string, change: Partial<StoredAccount>): void {
    const existing = byKey(key)
    if (!existing) return
    persist(accounts.value.map((a) => (a.key === key ? { ...a, ...change } : a)))
  }

  function switchTo(key: string | null): void {
    if (key !== null && !byKey(key)) throw new UnknownAccountError(key)
    currentKey.value = key
    safeSet(sessionStorage, CURRENT_KEY, key)
    safeSet(localStorage, LAST_USED_KEY, key)
  }

  /** Other tabs changed the stored accounts: take them over without a reload. */
  function onStorage(event: StorageEvent): void {
    if (event.key !== ACCOUNTS_STORAGE_KEY && event.key !== null) return
    const keep = currentKey.value
    load()
    if (keep && byKey(keep)) currentKey.value = keep
  }

  let listening = false
  function init(): void {
    load()
    // Pin this tab to its account now: a reload must not pick up what another tab used last.
    if (currentKey.value !== null) safeSet(sessionStorage, CURRENT_KEY, currentKey.value)
    if (!listening && typeof window !== 'undefined') {
      window.addEventListener('storage', onStorage)
      listening = true
    }
  }

  /**
   * Runs `fn` with the account's own client. A 401 marks that account (and only
   * that account) as needing to sign in again; the error is re-thrown.
   */
  async function call<T>(key: string, fn: (client: mastodon.rest.Client) => Promise<T>): Promise<T> {
    const account = byKey(key)
    if (!account) throw new UnknownAccountError(key)
    const client = await restClientFor(account)
    try {
      return await fn(client)
    } catch (error) {
      if (isUnauthorized(error) && byKey(key)?.token === account.token) patch(key, { needsReauth: true })
      throw error
    }
  }

  function toStored(app: AppCredentials, grant: TokenGrant, me: mastodon.v1.Account, addedAt: number): StoredAccount {
    const host = new URL(app.origin).host
    return {
      key: accountKey(host, me.id),
      origin: app.origin,
      host,
      id: me.id,
      username: me.username,
      displayName: me.displayName,
      avatar: me.avatar,
      avatarStatic: me.avatarStatic,
      url: me.url,
      token: grant.accessToken,
      scope: grant.scope,
      clientId: app.clientId,
      addedAt,
      needsReauth: false,
    }
  }

  /**
   * Finishes a sign-in: asks the server who the token belongs to, then adds the
   * account, or updates its token when it was signed in already (no duplicates).
   */
  async function completeSignIn(app: AppCredentials, grant: TokenGrant): Promise<StoredAccount> {
    const { createRestAPIClient } = await import('masto')
    const client = createRestAPIClient({ url: app.origin, accessToken: grant.accessToken, timeout: 30_000 })
    const me = await client.v1.accounts.verifyCredentials()
    const fresh = toStored(app, grant, me, Date.now())
    const existing = byKey(fresh.key)
    const stored = existing ? { ...fresh, addedAt: existing.addedAt } : fresh
    dropClient(stored.key)
    persist(existing ? accounts.value.map((a) => (a.key === stored.key ? stored : a)) : [...accounts.value, stored])
    switchTo(stored.key)
    return stored
  }

  /** Keeps the name and avatar the server now gives the account (after a refresh or an edit). */
  function rememberProfile(key: string, me: mastodon.v1.Account): void {
    const { displayName, avatar, avatarStatic, url, username } = me
    patch(key, { displayName, avatar, avatarStatic, url, username })
  }

  /** Refreshes names and avatars; finds revoked tokens (401) early. */
  async function refreshProfiles(): Promise<void> {
    await Promise.all(
      accounts.value
        .filter((a) => !a.needsReauth)
        .map(async (a) => {
          try {
            rememberProfile(a.key, await call(a.key, (c) => c.v1.accounts.verifyCredentials()))
          } catch {
            // 401 already marked the account; other failures (offline, 5xx) change nothing.
          }
        }),
    )
  }

  /**
   * Signs out: revokes the token on the server, then forgets the account here.
   * Other accounts are untouched. Resolves to whether the server confirmed.
   */
  async function signOut(key: string): Promise<{ revoked: boolean }> {
    const account = byKey(key)
    if (!account) return { revoked: false }
    let revoked = false
    const app = findAppByClientId(account.origin, account.clientId)
    if (app) {
      try {
        await revokeToken(app, account.token)
        revoked = true
      } catch {
        revoked = false
      }
    }
    dropClient(key)
    persist(accounts.value.filter((a) => a.key !== key))
    // What the account searched for goes with it.
    forgetSearches(key)
    return { revoked }
  }

  return {
    accounts,
    currentKey,
    current,
    needingReauth,
    readOnly,
    init,
    byKey,
    switchTo,
    call,
    completeSignIn,
    refreshProfiles,
    rememberProfile,
    signOut,
    markNeedsReauth: (key: string) => patch(key, { needsReauth: true }),
  }
})
