// The thread, profile and hashtag views as they load inside the deck's panel: as the
// account their link names (?as=user@host), else the tab's current account, each request
// through that account's own client; the thread's post marked and scrolled into view.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import App from '@/App.vue'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts, storedAccount } from '../helpers/accounts'
import { fakeClient, notFound, routeCalls, type LoggedRequest } from '../helpers/column-fakes'
import { statusFixture, accountFixture } from '../components/status/status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const frank = storedAccount({ username: 'frank', id: '7', host: 'localhost:4181', displayName: 'Frank' })

function withId(status: mastodon.v1.Status, id: string, content: string): mastodon.v1.Status {
  return { ...status, id, content: `<p>${content}</p>`, reblog: null, quote: null, card: null, poll: null, mediaAttachments: [] }
}

const base = statusFixture('status.media.image.json')
const root = withId(base, 'b-1', 'the root on B')
const focus = withId(base, 'b-2', 'the post the link is about')
const reply = withId(base, 'b-3', 'a reply')

async function mountAt(path: string, answers: Record<string, Record<string, unknown[]>> = {}) {
  const app = createTestApp({ locale: 'en' })
  seedAccounts([alice, frank], alice.key)
  const log: LoggedRequest[] = []
  routeCalls({
    [alice.key]: fakeClient(alice.key, log, answers[alice.key] ?? {}),
    [frank.key]: fakeClient(frank.key, log, answers[frank.key] ?? {}),
  })
  const scrolled: Element[] = []
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this)
  })
  await app.router.push(path)
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, log, scrolled, router: app.router }
}

// jsdom has no scrollIntoView; the views call it when it is there.
Element.prototype.scrollIntoView ??= function scrollIntoView() {}

describe('StatusView in the panel', () => {
  it('loads the thread as the account the link names, from that account only, and marks the post', async () => {
    const { wrapper, log, scrolled } = await mountAt('/@frank@localhost:4181/b-2?as=frank@localhost:4181', {
      [frank.key]: { 'status:b-2': [focus], 'context:b-2': [{ ancestors: [root], descendants: [reply] }] },
    })
    expect(log.map((r) => [r.account, r.endpoint])).toEqual([
      [frank.key, 'status:b-2'],
      [frank.key, 'context:b-2'],
    ])
    const items = wrapper.findAll('aside .status-list__item')
    expect(items.map((i) => i.get('.status__content').text())).toEqual(['the root on B', 'the post the link is about', 'a reply'])
    const marked = wrapper.findAll('.status-list__item--focus')
    expect(marked).toHaveLength(1)
    expect(marked[0]!.text()).toContain('the post the link is about')
    expect(scrolled).toContain(marked[0]!.element)
  })

  it('links inside the thread open as the same account', async () => {
    const { wrapper } = await mountAt('/@frank@localhost:4181/b-2?as=frank@localhost:4181', {
      [frank.key]: { 'status:b-2': [focus], 'context:b-2': [{ ancestors: [], descendants: [reply] }] },
    })
    const time = wrapper.findAll('aside .status__time')[1]!
    expect(time.attributes('href')).toBe('/@mastodonpy_test@localhost:3000/b-3?as=frank@localhost:4181')
    expect(wrapper.get('aside .author').attributes('href')).toBe('/@mastodonpy_test@localhost:3000?as=frank@localhost:4181')
  })

  it('uses the tab\'s current account when the link names none', async () => {
    const { log } = await mountAt('/@x/a-1', {
      [alice.key]: { 'status:a-1': [withId(base, 'a-1', 'on A')], 'context:a-1': [{ ancestors: [], descendants: [] }] },
    })
    expect(log.map((r) => r.account)).toEqual([alice.key, alice.key])
  })

  it('says when the post cannot be found', async () => {
    const { wrapper } = await mountAt('/@x/nope?as=frank@localhost:4181', { [frank.key]: { 'status:nope': [notFound()] } })
    expect(wrapper.get('aside [role="alert"]').text()).toContain('could not be found')
  })
})

describe('ProfileView in the panel', () => {
  it('looks up a handle on its own server by username, as the account the link names', async () => {
    const profile = accountFixture('account.local.json')
    const { wrapper, log } = await mountAt('/@frank@localhost:4181?as=frank@localhost:4181', {
      [frank.key]: { lookup: [profile], [`account-statuses:${profile.id}`]: [[focus]] },
    })
    expect(log[0]).toMatchObject({ account: frank.key, endpoint: 'lookup', params: { acct: 'frank' } })
    expect(log.every((r) => r.account === frank.key)).toBe(true)
    expect(wrapper.get('aside .profile__name').text()).not.toBe('')
    // The same fake page answers the pinned posts and the posts.
    expect(wrapper.findAll('aside h3').map((h) => h.text())).toEqual(['Pinned', 'Posts'])
    expect(wrapper.findAll('aside .status-list__item')).toHaveLength(2)
  })

  it('looks up a handle on another server with its domain', async () => {
    const profile = accountFixture('account.remote.json')
    const { log } = await mountAt('/@someone@elsewhere.example?as=alice@localhost:4180', {
      [alice.key]: { lookup: [profile], [`account-statuses:${profile.id}`]: [[]] },
    })
    expect(log[0]).toMatchObject({ account: alice.key, endpoint: 'lookup', params: { acct: 'someone@elsewhere.example' } })
  })
})

describe('TagView in the panel', () => {
  it('loads the hashtag from the server of the account the link names', async () => {
    const { wrapper, log } = await mountAt('/tags/caturday?as=frank@localhost:4181', {
      [frank.key]: { 'tag:caturday': [[focus]] },
    })
    expect(log.map((r) => r.endpoint)).toContain('tag:caturday')
    expect(log.every((r) => r.account === frank.key)).toBe(true)
    expect(wrapper.get('aside h2').text()).toBe('#caturday')
    expect(wrapper.findAll('aside .status-list__item')).toHaveLength(1)
  })
})
