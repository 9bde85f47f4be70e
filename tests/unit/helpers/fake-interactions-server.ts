// A stand-in for masto's createRestAPIClient for the interaction tests: every request a
// status action, a relationship action or a search makes is recorded with the origin and
// token of the client it went out on, and answered by the test's `respond` function (which
// may hold the answer back, to look at the optimistic state in between). Use it with
//   vi.mock('masto', () => import('../helpers/fake-interactions-server'))

import { vi } from 'vitest'
import type { mastodon } from 'masto'
import { camelizeKeys } from '@/api/camelize'
import { FakeHttpError } from './masto'
import { readProjectFile } from './read-file'

export { FakeHttpError }

export interface SentCall {
  readonly origin: string
  readonly token: string
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly path: string
  readonly params: unknown
}

type Responder = (call: SentCall) => unknown

export const server = {
  calls: [] as SentCall[],
  respond: ((call: SentCall) => {
    throw new FakeHttpError(404, `No answer for ${call.method} ${call.path}`)
  }) as Responder,
  reset(): void {
    server.calls.length = 0
    server.respond = (call) => {
      throw new FakeHttpError(404, `No answer for ${call.method} ${call.path}`)
    }
  },
}

/** An answer the test gives later: `await` the call, check the state, then `resolve`/`reject`. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

interface ClientProps {
  readonly url: string
  readonly accessToken?: string
}

function buildClient(props: ClientProps): mastodon.rest.Client {
  const send = (method: SentCall['method'], path: string, params?: unknown) => {
    const call: SentCall = { origin: props.url, token: props.accessToken ?? '', method, path, params }
    server.calls.push(call)
    return Promise.resolve().then(() => server.respond(call))
  }
  const status = (id: string) => {
    const base = `/api/v1/statuses/${id}`
    return {
      favourite: () => send('POST', `${base}/favourite`),
      unfavourite: () => send('POST', `${base}/unfavourite`),
      reblog: (params?: unknown) => send('POST', `${base}/reblog`, params),
      unreblog: () => send('POST', `${base}/unreblog`),
      bookmark: () => send('POST', `${base}/bookmark`),
      unbookmark: () => send('POST', `${base}/unbookmark`),
      remove: () => send('DELETE', base),
    }
  }
  const account = (id: string) => {
    const base = `/api/v1/accounts/${id}`
    return {
      follow: () => send('POST', `${base}/follow`),
      unfollow: () => send('POST', `${base}/unfollow`),
      mute: () => send('POST', `${base}/mute`),
      unmute: () => send('POST', `${base}/unmute`),
      block: () => send('POST', `${base}/block`),
      unblock: () => send('POST', `${base}/unblock`),
    }
  }
  const client = {
    v1: {
      statuses: { $select: status },
      accounts: {
        $select: account,
        relationships: { fetch: (params: unknown) => send('GET', '/api/v1/accounts/relationships', params) },
      },
    },
    v2: { search: { list: (params: unknown) => send('GET', '/api/v2/search', params) } },
  }
  return client as unknown as mastodon.rest.Client
}

export const createRestAPIClient = vi.fn((props: ClientProps) => buildClient(props))

/** A relationship as Mastodon sends it (camelCased), with the given flags. */
export function relationship(id: string, flags: Partial<mastodon.v1.Relationship> = {}): mastodon.v1.Relationship {
  return {
    id,
    following: false,
    showingReblogs: false,
    notifying: false,
    languages: [],
    followedBy: false,
    blocking: false,
    blockedBy: false,
    muting: false,
    mutingNotifications: false,
    requested: false,
    requestedBy: false,
    domainBlocking: false,
    endorsed: false,
    note: '',
    ...flags,
  }
}

/** Carol on instance A (localhost:4180), as alice (same server) sees her. */
export function carolOnA(overrides: Partial<mastodon.v1.Account> = {}): mastodon.v1.Account {
  const base = camelizeKeys(JSON.parse(readProjectFile('tests/fixtures/mastodon-api/account.local.json'))) as mastodon.v1.Account
  return {
    ...base,
    id: '3',
    username: 'carol',
    acct: 'carol',
    url: 'http://localhost:4180/@carol',
    uri: 'http://localhost:4180/users/carol',
    ...overrides,
  } as mastodon.v1.Account
}

/** A public post by carol on instance A, as alice sees it, with her flags and counts. */
export function carolPost(overrides: Partial<mastodon.v1.Status> = {}): mastodon.v1.Status {
  const base = camelizeKeys(JSON.parse(readProjectFile('tests/fixtures/mastodon-api/status.media.image.json'))) as mastodon.v1.Status
  return {
    ...base,
    id: '100',
    uri: 'http://localhost:4180/users/carol/statuses/100',
    url: 'http://localhost:4180/@carol/100',
    visibility: 'public',
    account: carolOnA(),
    reblog: null,
    favourited: false,
    favouritesCount: 3,
    reblogged: false,
    reblogsCount: 1,
    bookmarked: false,
    ...overrides,
  }
}
