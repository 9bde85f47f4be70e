import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { saveApp } from '@/api/app-registry'
import { REQUEST_TIMEOUT_MS, dropClient } from '@/api/clients'
import type { AppCredentials } from '@/api/oauth'
import { ACCOUNTS_SCHEMA_VERSION, ACCOUNTS_STORAGE_KEY, parseAccountsDocument, serializeAccounts } from '@/stores/accounts-storage'
import { UnknownAccountError, useAccountsStore } from '@/stores/accounts'
import { useEntitiesStore } from '@/stores/entities'
import type { mastodon } from 'masto'
import { jsonResponse, stubFetch } from '../helpers/fetch'
import { FakeHttpError, createRestAPIClient, fakeProfiles, fossAdmin, gargron, propsOf, trwnh, type ClientProps, type Profile } from '../helpers/masto'
import { formFields, sentRequests } from '../helpers/oauth-server'
import { recentSearches, rememberSearch } from '@/search/recent-searches'

vi.mock('masto', () => import('../helpers/masto'))
const streaming = vi.hoisted(() => ({ closed: [] as string[] }))
vi.mock('@/api/streaming', () => ({ closeStreaming: (key: string) => streaming.closed.push(key) }))

const SOCIAL = 'https://mastodon.social'
const FOSS = 'https://fosstodon.org'
const REDIRECT = 'http://localhost:3000/oauth/callback'

const socialApp: AppCredentials = {
  origin: SOCIAL,
  redirectUri: REDIRECT,
  scopes: 'read write follow push profile',
  clientId: 'social-client',
  clientSecret: 'social-secret',
}
const fossApp: AppCredentials = { ...socialApp, origin: FOSS, clientId: 'foss-client', clientSecret: 'foss-secret' }

// Keys of the fixture accounts.
const TRWNH = 'mastodon.social|14715'
const GARGRON = 'mastodon.social|1'
const FOSS_ADMIN = 'fosstodon.org|1'

type Store = ReturnType<typeof useAccountsStore>

/** A fresh page load of the app (in the current tab): a new Pinia, accounts read from storage. */
function loadApp(): Store {
  setActivePinia(createPinia())
  const store = useAccountsStore()
  store.init()
  return store
}

async function signIn(store: Store, app: AppCredentials, profile: Profile, token: string) {
  fakeProfiles.set(app.origin, token, profile)
  return store.completeSignIn(app, { accessToken: token, scope: app.scopes })
}

function stored() {
  return parseAccountsDocument(localStorage.getItem(ACCOUNTS_STORAGE_KEY)).document.accounts
}

function storageEventFromAnotherTab(): void {
  window.dispatchEvent(new StorageEvent('storage', { key: ACCOUNTS_STORAGE_KEY, storageArea: localStorage }))
}

/**
 * Another browser tab: the same localStorage, its own sessionStorage. `run` swaps this tab's
 * sessionStorage in for the duration of `fn`.
 */
class Tab {
  private session: [string, string][] = []

  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    const mine = entries(sessionStorage)
    sessionStorage.clear()
    for (const [k, v] of this.session) sessionStorage.setItem(k, v)
    try {
      return await fn()
    } finally {
      this.session = entries(sessionStorage)
      sessionStorage.clear()
      for (const [k, v] of mine) sessionStorage.setItem(k, v)
    }
  }
}

function entries(storage: Storage): [string, string][] {
  return Array.from({ length: storage.length }, (_, i) => {
    const key = storage.key(i)!
    return [key, storage.getItem(key)!]
  })
}

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

beforeEach(() => {
  createRestAPIClient.mockClear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.clear()
  sessionStorage.clear()
  fakeProfiles.clear()
  for (const key of [TRWNH, GARGRON, FOSS_ADMIN]) dropClient(key)
})

describe('signing in', () => {
  it('adds the account, makes it current and keeps it for the next visit', async () => {
    const store = loadApp()
    const account = await signIn(store, socialApp, trwnh, 'token-trwnh')

    expect(createRestAPIClient).toHaveBeenCalledWith(expect.objectContaining({ url: SOCIAL, accessToken: 'token-trwnh' }))
    expect(account).toMatchObject({
      key: TRWNH,
      origin: SOCIAL,
      host: 'mastodon.social',
      id: '14715',
      username: 'trwnh',
      displayName: 'infinite love ⴳ',
      avatar: trwnh.avatar,
      url: 'https://mastodon.social/@trwnh',
      token: 'token-trwnh',
      scope: socialApp.scopes,
      clientId: 'social-client',
      needsReauth: false,
    })
    expect(store.accounts).toEqual([account])
    expect(store.current).toEqual(account)

    const reloaded = loadApp()
    expect(reloaded.accounts).toEqual([account])
    expect(reloaded.current?.key).toBe(TRWNH)
  })

  it('updates the token of an account signed in again, without a duplicate', async () => {
    const store = loadApp()
    const first = await signIn(store, socialApp, trwnh, 'token-old')
    store.markNeedsReauth(TRWNH)
    expect(store.current?.needsReauth).toBe(true)

    await signIn(store, socialApp, { ...trwnh, displayName: 'renamed' }, 'token-new')

    expect(store.accounts).toHaveLength(1)
    expect(store.current).toMatchObject({ key: TRWNH, token: 'token-new', displayName: 'renamed', needsReauth: false, addedAt: first.addedAt })
    expect(stored()).toHaveLength(1)
    expect(stored()[0]?.token).toBe('token-new')
  })

  it('keeps two accounts on one instance and one on another side by side', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    await signIn(store, fossApp, fossAdmin, 'token-foss')

    // gargron and the fosstodon admin share the id "1" on different servers.
    expect(store.accounts.map((a) => a.key)).toEqual([TRWNH, GARGRON, FOSS_ADMIN])
    expect(store.accounts.map((a) => a.token)).toEqual(['token-trwnh', 'token-gargron', 'token-foss'])
    expect(store.byKey(FOSS_ADMIN)).toMatchObject({ origin: FOSS, host: 'fosstodon.org', username: 'admin' })
    expect(store.currentKey).toBe(FOSS_ADMIN)
    expect(stored().map((a) => a.key)).toEqual([TRWNH, GARGRON, FOSS_ADMIN])
  })

  it('adds nothing when the server will not say who the token belongs to', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await expect(store.completeSignIn(fossApp, { accessToken: 'unknown-token', scope: 'read' })).rejects.toMatchObject({ statusCode: 401 })
    expect(store.accounts.map((a) => a.key)).toEqual([TRWNH])
    expect(store.currentKey).toBe(TRWNH)
  })
})

describe('the current account', () => {
  it('is remembered per tab, with the last used account for a new tab', async () => {
    const tab1 = loadApp()
    await signIn(tab1, socialApp, trwnh, 'token-trwnh')
    await signIn(tab1, socialApp, gargron, 'token-gargron')
    expect(tab1.currentKey).toBe(GARGRON)

    // A new tab starts with the account used last anywhere, then goes its own way.
    const tab2 = new Tab()
    await tab2.run(() => {
      const store = loadApp()
      expect(store.currentKey).toBe(GARGRON)
      store.switchTo(TRWNH)
    })

    // Reloading the first tab keeps its own account, not the one tab 2 picked.
    expect(loadApp().currentKey).toBe(GARGRON)
    // Yet another new tab starts with the account used last (in tab 2).
    await new Tab().run(() => expect(loadApp().currentKey).toBe(TRWNH))
  })

  it('stays the same for a tab that never switched when another tab switches', async () => {
    const setup = loadApp()
    await signIn(setup, socialApp, trwnh, 'token-trwnh')
    await signIn(setup, socialApp, gargron, 'token-gargron')

    const tab1 = new Tab()
    const tab2 = new Tab()
    await tab1.run(() => expect(loadApp().currentKey).toBe(GARGRON))
    await tab2.run(() => loadApp().switchTo(TRWNH))
    // Tab 1 is reloaded: it was showing gargron and still does.
    await tab1.run(() => expect(loadApp().currentKey).toBe(GARGRON))
  })

  it('falls back to the first account when the remembered one is gone', async () => {
    localStorage.setItem(ACCOUNTS_STORAGE_KEY, serializeAccounts([]))
    const store = loadApp()
    expect(store.currentKey).toBeNull()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    await store.signOut(GARGRON)
    expect(loadApp().currentKey).toBe(TRWNH)
  })

  it('forgets what a signed-out account searched for, and keeps the others’ searches', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    rememberSearch(GARGRON, 'tomatoes')
    rememberSearch(TRWNH, 'tulips')
    await store.signOut(GARGRON)
    expect(recentSearches(GARGRON)).toEqual([])
    expect(recentSearches(TRWNH)).toEqual(['tulips'])
  })

  it('cannot be switched to an account that is not signed in', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    expect(() => store.switchTo('mastodon.social|999')).toThrow(UnknownAccountError)
    expect(store.currentKey).toBe(TRWNH)
  })
})

describe('changes made in another tab', () => {
  it('show up here without a reload, and this tab keeps its current account', async () => {
    const here = loadApp()
    await signIn(here, socialApp, trwnh, 'token-trwnh')
    await signIn(here, socialApp, gargron, 'token-gargron')
    here.switchTo(TRWNH)

    await new Tab().run(async () => {
      const there = loadApp()
      await signIn(there, fossApp, fossAdmin, 'token-foss')
      expect(there.currentKey).toBe(FOSS_ADMIN)
    })
    storageEventFromAnotherTab()

    expect(here.accounts.map((a) => a.key)).toEqual([TRWNH, GARGRON, FOSS_ADMIN])
    expect(here.currentKey).toBe(TRWNH)
  })

  it('move this tab to another account when its current one was signed out there', async () => {
    const here = loadApp()
    await signIn(here, socialApp, trwnh, 'token-trwnh')
    await signIn(here, socialApp, gargron, 'token-gargron')
    here.switchTo(GARGRON)

    await new Tab().run(async () => {
      await loadApp().signOut(GARGRON)
    })
    storageEventFromAnotherTab()

    expect(here.accounts.map((a) => a.key)).toEqual([TRWNH])
    expect(here.currentKey).toBe(TRWNH)
    expect(here.current?.username).toBe('trwnh')
  })

  it('leave this tab on its account even where sessionStorage is unavailable', async () => {
    const unavailable = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    vi.stubGlobal('sessionStorage', { getItem: unavailable, setItem: unavailable, removeItem: unavailable, clear: unavailable, key: unavailable, length: 0 })
    const here = loadApp()
    await signIn(here, socialApp, trwnh, 'token-trwnh')
    await signIn(here, socialApp, gargron, 'token-gargron')
    here.switchTo(TRWNH)

    // The other tab's sign-in makes its account the last used one.
    await signIn(loadApp(), fossApp, fossAdmin, 'token-foss')
    storageEventFromAnotherTab()

    expect(here.accounts.map((a) => a.key)).toEqual([TRWNH, GARGRON, FOSS_ADMIN])
    expect(here.currentKey).toBe(TRWNH)
  })

  it('show a token another tab found revoked', async () => {
    const here = loadApp()
    await signIn(here, socialApp, trwnh, 'token-trwnh')
    await new Tab().run(() => loadApp().markNeedsReauth(TRWNH))
    expect(here.current?.needsReauth).toBe(false)
    storageEventFromAnotherTab()
    expect(here.current?.needsReauth).toBe(true)
  })
})

describe('call', () => {
  it("gives the function a client with that account's own server and token", async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, fossApp, fossAdmin, 'token-foss')
    createRestAPIClient.mockClear()

    const seen: (ClientProps | undefined)[] = []
    const result = await store.call(TRWNH, async (client) => {
      seen.push(propsOf(client))
      return 'result'
    })
    await store.call(FOSS_ADMIN, async (client) => {
      seen.push(propsOf(client))
    })

    expect(result).toBe('result')
    expect(seen).toEqual([
      { url: SOCIAL, accessToken: 'token-trwnh', timeout: REQUEST_TIMEOUT_MS },
      { url: FOSS, accessToken: 'token-foss', timeout: REQUEST_TIMEOUT_MS },
    ])
    expect(createRestAPIClient.mock.calls.map(([props]) => props)).toEqual(seen)
  })

  it('uses the new token after the account signed in again', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-old')
    await store.call(TRWNH, async () => undefined)
    await signIn(store, socialApp, trwnh, 'token-new')

    let token: string | undefined
    await store.call(TRWNH, async (client) => {
      token = propsOf(client)?.accessToken
    })
    expect(token).toBe('token-new')
  })

  it('refuses an account that is not signed in, without calling the function', async () => {
    const store = loadApp()
    const fn = vi.fn(async () => undefined)
    await expect(store.call('mastodon.social|999', fn)).rejects.toBeInstanceOf(UnknownAccountError)
    expect(fn).not.toHaveBeenCalled()
  })

  it('marks only that account as needing sign-in again on a 401, and passes the error on', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    await signIn(store, fossApp, fossAdmin, 'token-foss')

    const unauthorized = new FakeHttpError(401, 'The access token was revoked')
    await expect(
      store.call(GARGRON, async () => {
        throw unauthorized
      }),
    ).rejects.toBe(unauthorized)

    expect(store.accounts.map((a) => [a.key, a.needsReauth])).toEqual([
      [TRWNH, false],
      [GARGRON, true],
      [FOSS_ADMIN, false],
    ])
    expect(store.needingReauth.map((a) => a.key)).toEqual([GARGRON])
    expect(stored().find((a) => a.key === GARGRON)?.needsReauth).toBe(true)
    expect(store.byKey(GARGRON)?.token).toBe('token-gargron')
  })

  it.each([
    ['a 403', new FakeHttpError(403)],
    ['a 500', new FakeHttpError(500)],
    ['a network failure', new TypeError('Failed to fetch')],
  ])('marks nothing on %s, and passes the error on', async (_what, failure) => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await expect(
      store.call(TRWNH, async () => {
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(store.current?.needsReauth).toBe(false)
    expect(store.needingReauth).toEqual([])
  })

  it('does not mark an account that signed in again while the failed request was under way', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-old')
    const response = deferred<never>()
    const request = store.call(TRWNH, () => response.promise)
    await vi.waitFor(() => expect(createRestAPIClient).toHaveBeenCalledTimes(2))

    await signIn(store, socialApp, trwnh, 'token-new')
    response.reject(new FakeHttpError(401))

    await expect(request).rejects.toMatchObject({ statusCode: 401 })
    expect(store.current).toMatchObject({ token: 'token-new', needsReauth: false })
  })
})

describe('signing out', () => {
  it('revokes the token with its app and forgets only that account', async () => {
    const fetch = stubFetch(() => jsonResponse({}))
    saveApp(socialApp)
    saveApp(fossApp)
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, fossApp, fossAdmin, 'token-foss')
    await signIn(store, socialApp, gargron, 'token-gargron')
    expect(store.currentKey).toBe(GARGRON)

    expect(await store.signOut(GARGRON)).toEqual({ revoked: true })

    const requests = sentRequests(fetch)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).toBe(`${SOCIAL}/oauth/revoke`)
    expect(requests[0]?.method).toBe('POST')
    expect(requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(formFields(requests[0]?.body ?? null)).toEqual({ client_id: 'social-client', client_secret: 'social-secret', token: 'token-gargron' })

    expect(store.accounts.map((a) => a.key)).toEqual([TRWNH, FOSS_ADMIN])
    expect(stored().map((a) => a.key)).toEqual([TRWNH, FOSS_ADMIN])
    expect(store.currentKey).not.toBeNull()
    expect(store.currentKey).not.toBe(GARGRON)
    expect(loadApp().currentKey).toBe(store.currentKey)
  })

  it('revokes with the app the token was issued to, found by its client id', async () => {
    const fetch = stubFetch(() => jsonResponse({}))
    // The same instance, used from a second copy of the client under another path.
    const subpathApp: AppCredentials = {
      ...socialApp,
      redirectUri: 'http://localhost:3000/client/oauth/callback',
      clientId: 'subpath-client',
      clientSecret: 'subpath-secret',
    }
    saveApp(subpathApp)
    saveApp(socialApp)
    const store = loadApp()
    await signIn(store, subpathApp, trwnh, 'token-trwnh')

    await store.signOut(TRWNH)
    expect(formFields(sentRequests(fetch)[0]?.body ?? null)).toMatchObject({ client_id: 'subpath-client', client_secret: 'subpath-secret' })
  })

  it('still revokes a token whose app was registered again since (e.g. new scopes)', async () => {
    const fetch = stubFetch(() => jsonResponse({}))
    saveApp(socialApp)
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    // A later sign-in on the same instance registered the app afresh.
    saveApp({ ...socialApp, scopes: 'read write follow push', clientId: 'social-client-2', clientSecret: 'social-secret-2' })

    expect(await store.signOut(TRWNH)).toEqual({ revoked: true })
    expect(formFields(sentRequests(fetch)[0]?.body ?? null)).toEqual({ client_id: 'social-client', client_secret: 'social-secret', token: 'token-trwnh' })
  })

  it("closes the account's streaming connection and forgets its statuses, and only that account's", async () => {
    stubFetch(() => jsonResponse({}))
    saveApp(socialApp)
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    const entities = useEntitiesStore()
    const status = { id: 's1', reblog: null } as unknown as mastodon.v1.Status
    entities.putStatus(TRWNH, status)
    entities.putStatus(GARGRON, status)
    streaming.closed.length = 0
    await store.signOut(TRWNH)
    expect(streaming.closed).toEqual([TRWNH])
    expect(entities.status(TRWNH, 's1')).toBeUndefined()
    expect(entities.status(GARGRON, 's1')).toBeDefined()
  })

  it('leaves the current account alone when another one signs out', async () => {
    stubFetch(() => jsonResponse({}))
    saveApp(socialApp)
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    await store.signOut(TRWNH)
    expect(store.currentKey).toBe(GARGRON)
  })

  it.each([
    ['the server fails', () => jsonResponse({ error: 'boom' }, 500)],
    ['the server cannot be reached', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('still forgets the account when %s, and says the token was not revoked', async (_what, answer) => {
    stubFetch(answer)
    saveApp(socialApp)
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')

    expect(await store.signOut(GARGRON)).toEqual({ revoked: false })
    expect(store.accounts.map((a) => a.key)).toEqual([TRWNH])
    expect(stored().map((a) => a.key)).toEqual([TRWNH])
    expect(store.currentKey).toBe(TRWNH)
  })

  it('forgets the account without a request when its app is unknown here', async () => {
    const fetch = stubFetch(() => jsonResponse({}))
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    expect(await store.signOut(TRWNH)).toEqual({ revoked: false })
    expect(fetch).not.toHaveBeenCalled()
    expect(store.accounts).toEqual([])
    expect(store.current).toBeNull()
  })

  it('does nothing for an account that is not signed in', async () => {
    const fetch = stubFetch(() => jsonResponse({}))
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    expect(await store.signOut('mastodon.social|999')).toEqual({ revoked: false })
    expect(fetch).not.toHaveBeenCalled()
    expect(store.accounts.map((a) => a.key)).toEqual([TRWNH])
  })

  it('stops using the signed-out token for calls', async () => {
    stubFetch(() => jsonResponse({}))
    saveApp(socialApp)
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await store.signOut(TRWNH)
    await expect(store.call(TRWNH, async () => undefined)).rejects.toBeInstanceOf(UnknownAccountError)
  })
})

describe('accounts written by a newer release', () => {
  const newerDocument = JSON.stringify({
    version: ACCOUNTS_SCHEMA_VERSION + 1,
    accounts: [
      {
        key: TRWNH,
        origin: SOCIAL,
        host: 'mastodon.social',
        id: '14715',
        username: 'trwnh',
        displayName: 'infinite love ⴳ',
        avatar: trwnh.avatar,
        avatarStatic: trwnh.avatarStatic,
        url: trwnh.url,
        token: 'token-trwnh',
        scope: 'read',
        clientId: 'social-client',
        addedAt: 1,
        needsReauth: false,
        someFutureField: { kept: true },
      },
    ],
  })

  it('are used, but never overwritten', async () => {
    stubFetch(() => jsonResponse({}))
    saveApp(socialApp)
    localStorage.setItem(ACCOUNTS_STORAGE_KEY, newerDocument)
    const store = loadApp()
    expect(store.readOnly).toBe(true)
    expect(store.current?.username).toBe('trwnh')

    await signIn(store, fossApp, fossAdmin, 'token-foss')
    await store.call(TRWNH, async () => {
      throw new FakeHttpError(401)
    }).catch(() => undefined)
    await store.signOut(FOSS_ADMIN)

    expect(localStorage.getItem(ACCOUNTS_STORAGE_KEY)).toBe(newerDocument)
  })

  it('are not read-only when written by this release', async () => {
    localStorage.setItem(ACCOUNTS_STORAGE_KEY, serializeAccounts([]))
    const store = loadApp()
    expect(store.readOnly).toBe(false)
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    expect(stored().map((a) => a.key)).toEqual([TRWNH])
  })
})

describe('refreshProfiles', () => {
  it('updates names and avatars, marks revoked tokens and leaves failures alone', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    await signIn(store, socialApp, gargron, 'token-gargron')
    await signIn(store, fossApp, fossAdmin, 'token-foss')

    fakeProfiles.set(SOCIAL, 'token-trwnh', { ...trwnh, displayName: 'new name', avatar: 'https://files.mastodon.social/new.png' })
    fakeProfiles.set(SOCIAL, 'token-gargron', new FakeHttpError(401, 'The access token was revoked'))
    fakeProfiles.set(FOSS, 'token-foss', new TypeError('Failed to fetch'))
    await store.refreshProfiles()

    expect(store.byKey(TRWNH)).toMatchObject({ displayName: 'new name', avatar: 'https://files.mastodon.social/new.png', needsReauth: false })
    expect(store.byKey(GARGRON)).toMatchObject({ displayName: 'Eugen', needsReauth: true })
    expect(store.byKey(FOSS_ADMIN)).toMatchObject({ displayName: 'Fosstodon Admin', needsReauth: false })
    expect(stored().find((a) => a.key === TRWNH)?.displayName).toBe('new name')
    expect(stored().find((a) => a.key === GARGRON)?.needsReauth).toBe(true)
  })

  it('does not ask again for accounts already waiting to sign in again', async () => {
    const store = loadApp()
    await signIn(store, socialApp, trwnh, 'token-trwnh')
    store.markNeedsReauth(TRWNH)
    const before = fakeProfiles.requests(SOCIAL, 'token-trwnh')
    await store.refreshProfiles()
    expect(fakeProfiles.requests(SOCIAL, 'token-trwnh')).toBe(before)
  })
})
