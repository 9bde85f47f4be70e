// A stand-in for masto's createRestAPIClient, for tests of code that talks to an account's
// server through masto. Use it with
//   vi.mock('masto', () => import('../helpers/masto'))
// and say what each server answers to verify_credentials with `fakeProfiles.set(...)`.
// Every client remembers the props it was created with (`propsOf(client)`), so tests can
// check which origin and token a request would have used.

import { vi } from 'vitest'
import type { mastodon } from 'masto'

/** The part of masto's (camelCased) Account that the accounts store reads. */
export type Profile = Pick<mastodon.v1.Account, 'id' | 'username' | 'acct' | 'displayName' | 'avatar' | 'avatarStatic' | 'url'>

export interface ClientProps {
  readonly url: string
  readonly accessToken?: string
  readonly timeout?: number
}

/** Shaped like masto's MastoHttpError as far as the app looks at it. */
export class FakeHttpError extends Error {
  override readonly name = 'MastoHttpError'
  readonly statusCode: number
  constructor(statusCode: number, message = `HTTP ${statusCode}`) {
    super(message)
    this.statusCode = statusCode
  }
}

const answers = new Map<string, Profile | Error>()
const requests = new Map<string, number>()

/** What a server answers to GET /api/v1/accounts/verify_credentials for one token. */
export const fakeProfiles = {
  set(origin: string, token: string, answer: Profile | Error): void {
    answers.set(`${origin} ${token}`, answer)
  },
  /** How many times verify_credentials was asked for with this token. */
  requests(origin: string, token: string): number {
    return requests.get(`${origin} ${token}`) ?? 0
  },
  clear(): void {
    answers.clear()
    requests.clear()
  },
}

const props = new WeakMap<object, ClientProps>()

export function propsOf(client: mastodon.rest.Client): ClientProps | undefined {
  return props.get(client)
}

/** An unknown token gets 401, like a real server. */
export const createRestAPIClient = vi.fn((clientProps: ClientProps): mastodon.rest.Client => {
  const verifyCredentials = vi.fn(async () => {
    const id = `${clientProps.url} ${clientProps.accessToken ?? ''}`
    requests.set(id, (requests.get(id) ?? 0) + 1)
    const answer = answers.get(id) ?? new FakeHttpError(401, 'The access token is invalid')
    if (answer instanceof Error) throw answer
    return answer
  })
  const client = { v1: { accounts: { verifyCredentials } } }
  props.set(client, clientProps)
  return client as unknown as mastodon.rest.Client
})

// Profiles in the shape masto returns (camelCase), taken from the Mastodon API fixtures
// (account.credential.json, account.local.json) and trimmed to what the app reads.

export const trwnh: Profile = {
  id: '14715',
  username: 'trwnh',
  acct: 'trwnh',
  displayName: 'infinite love ⴳ',
  url: 'https://mastodon.social/@trwnh',
  avatar: 'https://files.mastodon.social/accounts/avatars/000/014/715/original/34aa222f4ae2e0a9.png',
  avatarStatic: 'https://files.mastodon.social/accounts/avatars/000/014/715/original/34aa222f4ae2e0a9.png',
}

export const gargron: Profile = {
  id: '1',
  username: 'Gargron',
  acct: 'Gargron',
  displayName: 'Eugen',
  url: 'https://mastodon.social/@Gargron',
  avatar: 'https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg',
  avatarStatic: 'https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg',
}

/** Same id as gargron, on another server: a different person. */
export const fossAdmin: Profile = {
  id: '1',
  username: 'admin',
  acct: 'admin',
  displayName: 'Fosstodon Admin',
  url: 'https://fosstodon.org/@admin',
  avatar: 'https://cdn.fosstodon.org/accounts/avatars/000/000/001/original/admin.png',
  avatarStatic: 'https://cdn.fosstodon.org/accounts/avatars/000/000/001/original/admin.png',
}
