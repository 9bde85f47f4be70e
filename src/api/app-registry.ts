// Registered OAuth apps, one per instance + redirect URI, kept in localStorage
// so we register once and reuse it (as Mastodon asks clients to do).

import type { AppCredentials } from './oauth'

const STORAGE_KEY = 'deckodon:apps:v1'

type Registry = Record<string, AppCredentials>

const keyOf = (origin: string, redirectUri: string) => `${origin}|${redirectUri}`

function isCredentials(value: unknown): value is AppCredentials {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return ['origin', 'redirectUri', 'scopes', 'clientId', 'clientSecret'].every((k) => typeof v[k] === 'string')
}

function read(storage: Storage): Registry {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}')
    if (!parsed || typeof parsed !== 'object') return {}
    return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([, v]) => isCredentials(v))) as Registry
  } catch {
    return {}
  }
}

export function findApp(origin: string, redirectUri: string, storage: Storage = localStorage): AppCredentials | null {
  return read(storage)[keyOf(origin, redirectUri)] ?? null
}

/** The app an account's token was issued to (needed to revoke it). */
export function findAppByClientId(origin: string, clientId: string, storage: Storage = localStorage): AppCredentials | null {
  return Object.values(read(storage)).find((a) => a.origin === origin && a.clientId === clientId) ?? null
}

export function saveApp(app: AppCredentials, storage: Storage = localStorage): void {
  const registry = read(storage)
  const key = keyOf(app.origin, app.redirectUri)
  const replaced = registry[key]
  // Tokens issued to the replaced registration still need its secret to be revoked at sign-out
  // (findAppByClientId); keep it under a key findApp never asks for.
  if (replaced && replaced.clientId !== app.clientId) registry[`${replaced.origin}|replaced:${replaced.clientId}`] = replaced
  registry[key] = app
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(registry))
  } catch {
    // Storage full or disabled: sign-in still works, the app is registered again next time.
  }
}

export function forgetApp(origin: string, redirectUri: string, storage: Storage = localStorage): void {
  const registry = read(storage)
  delete registry[keyOf(origin, redirectUri)]
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(registry))
  } catch {
    // ignore: see saveApp
  }
}
