import { afterEach, describe, expect, it } from 'vitest'
import { findApp, findAppByClientId, forgetApp, saveApp } from '@/api/app-registry'
import type { AppCredentials } from '@/api/oauth'

const REDIRECT = 'https://deck.example/oauth/callback'
const SUBPATH_REDIRECT = 'https://deck.example/client/oauth/callback'

function app(origin: string, clientId: string, redirectUri = REDIRECT): AppCredentials {
  return { origin, redirectUri, scopes: 'read write follow push', clientId, clientSecret: `${clientId}-secret` }
}

const social = app('https://mastodon.social', 'social-id')
const fosstodon = app('https://fosstodon.org', 'foss-id')

afterEach(() => localStorage.clear())

/** Whatever key the registry uses, its one localStorage entry. */
function storedKey(): string {
  saveApp(social)
  const key = localStorage.key(0)
  if (key === null) throw new Error('the registry wrote nothing')
  localStorage.clear()
  return key
}

describe('the app registry', () => {
  it('finds a saved app by instance and redirect URI, also after a reload', () => {
    saveApp(social)
    expect(findApp('https://mastodon.social', REDIRECT)).toEqual(social)
    expect(localStorage.length).toBe(1)
  })

  it('finds nothing for another instance or another redirect URI', () => {
    saveApp(social)
    expect(findApp('https://fosstodon.org', REDIRECT)).toBeNull()
    expect(findApp('https://mastodon.social', SUBPATH_REDIRECT)).toBeNull()
  })

  it('keeps one app per instance, side by side', () => {
    saveApp(social)
    saveApp(fosstodon)
    expect(findApp('https://mastodon.social', REDIRECT)?.clientId).toBe('social-id')
    expect(findApp('https://fosstodon.org', REDIRECT)?.clientId).toBe('foss-id')
  })

  it('replaces the app of an instance when it registers again', () => {
    saveApp(social)
    saveApp(app('https://mastodon.social', 'new-id'))
    expect(findApp('https://mastodon.social', REDIRECT)?.clientId).toBe('new-id')
  })

  it('still finds a replaced registration by client id, for revoking its tokens', () => {
    saveApp(social)
    saveApp(app('https://mastodon.social', 'new-id'))
    expect(findAppByClientId('https://mastodon.social', 'social-id')).toEqual(social)
    expect(findAppByClientId('https://mastodon.social', 'new-id')?.clientId).toBe('new-id')
    forgetApp('https://mastodon.social', REDIRECT)
    expect(findApp('https://mastodon.social', REDIRECT)).toBeNull()
  })

  it('finds the app a token was issued to by its client id, on that instance only', () => {
    saveApp(social)
    saveApp(app('https://mastodon.social', 'subpath-id', SUBPATH_REDIRECT))
    saveApp(fosstodon)
    expect(findAppByClientId('https://mastodon.social', 'subpath-id')?.redirectUri).toBe(SUBPATH_REDIRECT)
    expect(findAppByClientId('https://mastodon.social', 'social-id')).toEqual(social)
    expect(findAppByClientId('https://fosstodon.org', 'social-id')).toBeNull()
  })

  it('forgets one app and keeps the others', () => {
    saveApp(social)
    saveApp(fosstodon)
    forgetApp('https://mastodon.social', REDIRECT)
    expect(findApp('https://mastodon.social', REDIRECT)).toBeNull()
    expect(findAppByClientId('https://mastodon.social', 'social-id')).toBeNull()
    expect(findApp('https://fosstodon.org', REDIRECT)).toEqual(fosstodon)
  })

  it.each(['{not json', 'null', '[1, 2]', '"text"', '42'])('treats corrupt storage (%s) as empty and can save again', (raw) => {
    const key = storedKey()
    localStorage.setItem(key, raw)
    expect(findApp('https://mastodon.social', REDIRECT)).toBeNull()
    expect(findAppByClientId('https://mastodon.social', 'social-id')).toBeNull()
    saveApp(social)
    expect(findApp('https://mastodon.social', REDIRECT)).toEqual(social)
  })

  it('ignores entries that are not complete credentials, keeping the good ones', () => {
    saveApp(social)
    saveApp(fosstodon)
    const key = localStorage.key(0)!
    const stored = JSON.parse(localStorage.getItem(key)!) as Record<string, Record<string, unknown>>
    for (const entry of Object.values(stored)) if (entry.clientId === 'social-id') delete entry.clientSecret
    localStorage.setItem(key, JSON.stringify(stored))

    expect(findApp('https://mastodon.social', REDIRECT)).toBeNull()
    expect(findAppByClientId('https://mastodon.social', 'social-id')).toBeNull()
    expect(findApp('https://fosstodon.org', REDIRECT)).toEqual(fosstodon)
  })

  it('does not throw when storage refuses writes', () => {
    const full: Storage = {
      length: 0,
      clear: () => undefined,
      getItem: () => null,
      key: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      },
    }
    expect(() => saveApp(social, full)).not.toThrow()
    expect(() => forgetApp(social.origin, social.redirectUri, full)).not.toThrow()
    expect(findApp(social.origin, social.redirectUri, full)).toBeNull()
  })
})
