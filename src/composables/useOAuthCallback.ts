// Finishes a sign-in on our callback route: checks `state`, exchanges the code
// (with the PKCE verifier), asks who signed in and stores the account. Any
// failure leaves the stored accounts exactly as they were.

import { readonly, shallowRef } from 'vue'
import { OAuthError, type OAuthErrorKind } from '@/api/oauth'
import { forgetApp } from '@/api/app-registry'
import { takeCallbackParams } from '@/api/oauth-callback'
import { takePending } from '@/api/pending-sign-in'
import { exchangeCode } from '@/api/oauth'
import type { StoredAccount } from '@/stores/accounts-storage'
import { useAccountsStore } from '@/stores/accounts'
import { useDeckStore } from '@/stores/deck'
import { starterColumns } from '@/timeline/starter-deck'

/** How long the starter deck waits to learn the server's size before it goes without. */
const SERVER_SIZE_WAIT_MS = 3000

export type CallbackFailure =
  /** No parameters: the page was opened or reloaded directly. */
  | { readonly reason: 'missing' }
  /** state missing, unknown, already used or expired: possibly forged. */
  | { readonly reason: 'state' }
  /** The person pressed Deny on the consent page. */
  | { readonly reason: 'denied'; readonly host: string }
  /** The server sent another error instead of a code. */
  | { readonly reason: 'server-error'; readonly host: string; readonly description: string | null }
  | { readonly reason: 'exchange'; readonly host: string; readonly kind: OAuthErrorKind }
  /** The token worked for nothing: verify_credentials failed. */
  | { readonly reason: 'profile'; readonly host: string }

export type CallbackState =
  | { readonly status: 'working' }
  | { readonly status: 'done'; readonly account: StoredAccount }
  | { readonly status: 'failed'; readonly failure: CallbackFailure; readonly origin: string | null }

export function useOAuthCallback() {
  const state = shallowRef<CallbackState>({ status: 'working' })
  const accounts = useAccountsStore()

  /** The first account on a fresh device gets a starter deck rather than an empty one. */
  async function addStarterDeck(accountKey: string): Promise<void> {
    const deck = useDeckStore()
    deck.init()
    if (deck.readOnly || deck.decks.some((d) => d.columns.length > 0)) return
    const activeUsers = await Promise.race([
      accounts.call(accountKey, (c) => c.v2.instance.fetch()).then(
        (instance) => instance.usage?.users?.activeMonth ?? null,
        () => null,
      ),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), SERVER_SIZE_WAIT_MS)),
    ])
    // Columns added meanwhile (another tab) win: the starter deck never adds to a deck.
    deck.init()
    if (deck.decks.some((d) => d.columns.length > 0)) return
    for (const column of starterColumns(accountKey, typeof activeUsers === 'number' ? activeUsers : null)) deck.addColumn(column)
  }

  async function run(): Promise<CallbackState> {
    const params = takeCallbackParams()
    const fail = (failure: CallbackFailure, origin: string | null = null): CallbackState =>
      (state.value = { status: 'failed', failure, origin })
    if (!params || (!params.code && !params.error)) return fail({ reason: 'missing' })
    const pending = params.state ? takePending(params.state) : null
    if (!pending) return fail({ reason: 'state' })
    const { app } = pending
    const host = new URL(app.origin).host
    if (params.error === 'access_denied') return fail({ reason: 'denied', host }, app.origin)
    if (params.error || !params.code) return fail({ reason: 'server-error', host, description: params.errorDescription ?? params.error }, app.origin)
    let grant
    try {
      grant = await exchangeCode(app, params.code, pending.codeVerifier)
    } catch (error) {
      const kind = error instanceof OAuthError ? error.kind : 'network'
      // The server forgot our app: register afresh on the next attempt.
      if (kind === 'invalid-client') forgetApp(app.origin, app.redirectUri)
      return fail({ reason: 'exchange', host, kind }, app.origin)
    }
    const firstOnDevice = accounts.accounts.length === 0
    let account: StoredAccount
    try {
      account = await accounts.completeSignIn(app, grant)
    } catch {
      return fail({ reason: 'profile', host }, app.origin)
    }
    if (firstOnDevice) await addStarterDeck(account.key)
    return (state.value = { status: 'done', account })
  }

  return { state: readonly(state), run }
}
