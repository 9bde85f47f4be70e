// The account a thread, profile or hashtag view acts as. Status ids (and what a server
// knows) belong to one server, so a link carries the signed-in account it was made for in
// its query, `?as=user@host` — a handle, never a token. On load the handle is matched
// against the accounts signed in on this browser; a link without it opens as the tab's
// current account. Views reload when the account changes, so another account's data never
// stays on screen.

import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useRoute } from 'vue-router'
import { useAccountsStore } from '@/stores/accounts'
import { viewAsHandle, type StoredAccount } from '@/stores/accounts-storage'

// Re-exported: links everywhere build their `?as=` with it.
export { viewAsHandle }

/** The query parameter that names the account a link opens as. */
export const VIEW_AS_QUERY = 'as'

export interface ViewAccount {
  key: string
  origin: string
  host: string
  /** `user@host`, as the `?as=` query carries it. */
  handle: string
}

export type ViewAccountState =
  | { kind: 'ready'; account: ViewAccount }
  /** Nobody is signed in on this browser. */
  | { kind: 'signed-out' }
  /** The link names an account (`handle`) that is not signed in here (any more). */
  | { kind: 'missing'; handle: string }

/** Normalises a `?as=` value: leading @ dropped, lower case (usernames and hosts compare without case). */
function normaliseHandle(value: string): string {
  return value.trim().replace(/^@/, '').toLowerCase()
}

/** The signed-in account a `user@host` handle names, if any. */
export function findSignedIn(accounts: readonly StoredAccount[], handle: string): StoredAccount | undefined {
  const wanted = normaliseHandle(handle)
  if (!wanted) return undefined
  return accounts.find((a) => viewAsHandle(a).toLowerCase() === wanted)
}

function toViewAccount(a: StoredAccount): ViewAccount {
  return { key: a.key, origin: a.origin, host: a.host, handle: viewAsHandle(a) }
}

/** The `?as=` query as one string, or null when absent or empty. */
export function viewAsQuery(query: Record<string, unknown>): string | null {
  const raw = query[VIEW_AS_QUERY]
  const value = Array.isArray(raw) ? raw[0] : raw
  return typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/^@/, '') : null
}

export function resolveViewAccount(
  accounts: readonly StoredAccount[],
  current: StoredAccount | null,
  as: string | null,
): ViewAccountState {
  if (as !== null) {
    const named = findSignedIn(accounts, as)
    if (named) return { kind: 'ready', account: toViewAccount(named) }
    return accounts.length === 0 ? { kind: 'signed-out' } : { kind: 'missing', handle: as }
  }
  return current ? { kind: 'ready', account: toViewAccount(current) } : { kind: 'signed-out' }
}

/** Who the current route's view acts as, from its `?as=` query (or the tab's current account). */
export function useViewAccountState(): ComputedRef<ViewAccountState> {
  const accounts = useAccountsStore()
  const route = useRoute()
  return computed(() => resolveViewAccount(accounts.accounts, accounts.current, viewAsQuery(route.query)))
}

/** The account the current route's view acts as; null when there is none to act as. */
export function useViewAccount(): ComputedRef<ViewAccount | null> {
  const state = useViewAccountState()
  return computed(() => (state.value.kind === 'ready' ? state.value.account : null))
}

/**
 * The `?as=` handle for links shown as the account with this key (a column's or a view's
 * account); null when that account is not signed in, so the link opens as the current one.
 */
export function useLinkAs(accountKey: MaybeRefOrGetter<string | null | undefined>): ComputedRef<string | null> {
  const accounts = useAccountsStore()
  return computed(() => {
    const key = toValue(accountKey)
    const account = key ? accounts.byKey(key) : undefined
    return account ? viewAsHandle(account) : null
  })
}
