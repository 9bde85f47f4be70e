// Fake masto clients for column tests: every list() returns a paginator-like object that
// yields the given pages in order (as masto follows Link headers), and every request is
// logged with the client's account and the params it was asked with.

import { vi } from 'vitest'
import type { mastodon } from 'masto'
import { FakeHttpError } from './masto'
import { useAccountsStore } from '@/stores/accounts'

export interface LoggedRequest {
  readonly account: string
  readonly endpoint: string
  readonly params: unknown
  /** 0 for the first page, 1 for the next (a followed Link), ... */
  readonly page: number
}

export type Pages = readonly (readonly unknown[] | unknown | Error)[]

export function fakeClient(account: string, log: LoggedRequest[], answers: Record<string, Pages>): mastodon.rest.Client {
  function paginator(endpoint: string, params: unknown) {
    const pages = answers[endpoint] ?? [[]]
    async function* values() {
      for (let page = 0; page < pages.length; page++) {
        log.push({ account, endpoint, params, page })
        const answer = pages[page]
        if (answer instanceof Error) throw answer
        yield answer
      }
    }
    return {
      values,
      [Symbol.asyncIterator]: values,
      then(ok: (v: unknown) => unknown, fail?: (e: unknown) => unknown) {
        return values().next().then((r) => ok(r.value), fail)
      },
    }
  }
  const list = (endpoint: string) => vi.fn((params?: unknown) => paginator(endpoint, params))
  // Each call takes the next answer; the last one keeps answering.
  const calls = new Map<string, number>()
  const fetcher = (endpoint: string) =>
    vi.fn(async (params?: unknown) => {
      log.push({ account, endpoint, params, page: 0 })
      const list = answers[endpoint] ?? [null]
      const n = calls.get(endpoint) ?? 0
      calls.set(endpoint, n + 1)
      const answer = list[Math.min(n, list.length - 1)]
      if (answer instanceof Error) throw answer
      return answer
    })
  const client = {
    v1: {
      timelines: {
        home: { list: list('home') },
        public: { list: list('public') },
        tag: { $select: (tag: string) => ({ list: list(`tag:${tag}`) }) },
        list: { $select: (id: string) => ({ list: list(`list:${id}`) }) },
        link: { list: list('link') },
      },
      accounts: {
        lookup: fetcher('lookup'),
        verifyCredentials: fetcher('verify-credentials'),
        updateCredentials: fetcher('update-credentials'),
        $select: (id: string) => ({
          statuses: { list: list(`account-statuses:${id}`) },
          follow: fetcher(`follow:${id}`),
          unfollow: fetcher(`unfollow:${id}`),
          mute: fetcher(`mute:${id}`),
          unmute: fetcher(`unmute:${id}`),
          block: fetcher(`block:${id}`),
          unblock: fetcher(`unblock:${id}`),
          pin: fetcher(`pin:${id}`),
          unpin: fetcher(`unpin:${id}`),
          note: { create: fetcher(`note:${id}`) },
          followers: { list: list(`followers:${id}`) },
          following: { list: list(`following:${id}`) },
        }),
        relationships: { fetch: fetcher('relationships') },
        familiarFollowers: { fetch: fetcher('familiar-followers') },
      },
      bookmarks: { list: list('bookmarks') },
      favourites: { list: list('favourites') },
      conversations: { list: list('conversations') },
      trends: { statuses: { list: list('trends') }, tags: { list: list('trends-tags') }, links: { list: list('trends-links') } },
      tags: {
        $select: (name: string) => ({
          fetch: fetcher(`tag-info:${name}`),
          follow: fetcher(`tag-follow:${name}`),
          unfollow: fetcher(`tag-unfollow:${name}`),
          feature: fetcher(`tag-feature:${name}`),
          unfeature: fetcher(`tag-unfeature:${name}`),
        }),
      },
      followedTags: { list: list('followed-tags') },
      domainBlocks: { create: fetcher('domain-block'), remove: fetcher('domain-unblock') },
      featuredTags: {
        list: list('featured-tags'),
        create: fetcher('featured-tags-create'),
        $select: (id: string) => ({ remove: fetcher(`featured-tags-remove:${id}`) }),
      },
      notifications: { list: list('notifications-v1') },
      suggestions: { list: list('suggestions-v1'), $select: (id: string) => ({ remove: fetcher(`suggestion-remove:${id}`) }) },
      statuses: {
        $select: (id: string) => ({ fetch: fetcher(`status:${id}`), context: { fetch: fetcher(`context:${id}`) } }),
      },
    },
    v2: {
      notifications: { list: list('notifications-v2') },
      search: { list: fetcher('search') },
      suggestions: { list: list('suggestions-v2') },
    },
  }
  return client as unknown as mastodon.rest.Client
}

/** Routes the accounts store's call() to a fake client per account key. */
export function routeCalls(clients: Record<string, mastodon.rest.Client>) {
  const store = useAccountsStore()
  const call = async (key: string, fn: (c: mastodon.rest.Client) => Promise<unknown>) => {
    const client = clients[key]
    if (!client) throw new Error(`no client for ${key}`)
    return fn(client)
  }
  return vi.spyOn(store, 'call').mockImplementation(call as typeof store.call)
}

export const notFound = () => new FakeHttpError(404, 'Not found')
export const serverError = () => new FakeHttpError(503, 'Unavailable')
