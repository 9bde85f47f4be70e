// Starts a sign-in: checks the instance, registers (or reuses) our OAuth app,
// prepares state + PKCE, and sends the browser to the server's consent page.

import { onScopeDispose, readonly, shallowRef } from 'vue'
import { InstanceLookupError, lookupInstance, type InstanceLookupErrorKind } from '@/api/instance'
import { summarizeInstance, type InstanceSummary } from '@/api/instance-summary'
import { normalizeInstanceInput, type InstanceInputProblem } from '@/api/normalize-instance'
import { findApp, saveApp } from '@/api/app-registry'
import {
  OAuthError,
  authorizeUrl,
  codeChallengeFor,
  fetchAuthServerInfo,
  isAppKnown,
  randomUrlSafe,
  registerApp,
  scopesFor,
  type AppCredentials,
  type OAuthErrorKind,
} from '@/api/oauth'
import { savePending } from '@/api/pending-sign-in'

export const CLIENT_NAME = 'Deckodon'

export type SignInState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking'; readonly host: string }
  /** Instance found; registering the app and preparing the redirect. */
  | { readonly status: 'redirecting'; readonly summary: InstanceSummary }
  | { readonly status: 'invalid'; readonly problem: InstanceInputProblem; readonly input: string }
  | { readonly status: 'failed'; readonly host: string; readonly kind: InstanceLookupErrorKind; readonly httpStatus: number | null }
  | { readonly status: 'oauth-failed'; readonly host: string; readonly kind: OAuthErrorKind; readonly httpStatus: number | null }

/** Where the server sends people back: our callback route, under the build's base path. */
export function redirectUri(): string {
  return new URL(`${import.meta.env.BASE_URL}oauth/callback`, window.location.origin).href
}

async function appFor(origin: string, scopes: string): Promise<AppCredentials> {
  const uri = redirectUri()
  const known = findApp(origin, uri)
  // Reuse the registration unless it lacks a scope we now want or the server forgot it.
  const covers = (have: string, want: string) => want.split(' ').every((s) => have.split(' ').includes(s))
  if (known && covers(known.scopes, scopes) && (await isAppKnown(known))) return known
  const app = await registerApp(origin, uri, scopes, CLIENT_NAME, new URL(import.meta.env.BASE_URL, window.location.origin).href)
  saveApp(app)
  return app
}

export interface SignInOptions {
  /** Re-authorising this account (kept with the pending sign-in). */
  readonly reauthKey?: string | null
  readonly lang?: string
  /** Replaced in tests; the default leaves the page for the consent screen. */
  readonly navigate?: (url: string) => void
}

export function useSignIn() {
  const state = shallowRef<SignInState>({ status: 'idle' })
  let running: AbortController | null = null

  async function signIn(input: string, options: SignInOptions = {}): Promise<void> {
    running?.abort()
    const normalized = normalizeInstanceInput(input)
    if (!normalized.ok) {
      state.value = { status: 'invalid', problem: normalized.problem, input: input.trim() }
      return
    }
    const controller = new AbortController()
    running = controller
    const { origin, host } = normalized
    state.value = { status: 'checking', host }
    try {
      const instance = await lookupInstance(origin, { signal: controller.signal })
      if (controller.signal.aborted) return
      state.value = { status: 'redirecting', summary: summarizeInstance(instance) }
      const info = await fetchAuthServerInfo(origin)
      const app = await appFor(origin, scopesFor(info))
      const verifier = info.pkce ? randomUrlSafe(48) : null
      const challenge = verifier ? await codeChallengeFor(verifier) : null
      const stateParam = randomUrlSafe(24)
      if (controller.signal.aborted) return
      savePending({ state: stateParam, codeVerifier: verifier, app, startedAt: Date.now(), reauthKey: options.reauthKey ?? null })
      const url = authorizeUrl({ app, state: stateParam, codeChallenge: challenge, lang: options.lang })
      ;(options.navigate ?? ((u: string) => window.location.assign(u)))(url)
    } catch (error) {
      if (controller.signal.aborted) return
      if (error instanceof InstanceLookupError) {
        state.value = { status: 'failed', host, kind: error.kind, httpStatus: error.status }
      } else if (error instanceof OAuthError) {
        state.value = { status: 'oauth-failed', host, kind: error.kind, httpStatus: error.status }
      } else {
        state.value = { status: 'failed', host, kind: 'unreachable', httpStatus: null }
      }
    } finally {
      if (running === controller) running = null
    }
  }

  onScopeDispose(() => running?.abort())

  return { state: readonly(state), signIn }
}
