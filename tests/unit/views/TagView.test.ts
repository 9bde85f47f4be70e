// A hashtag's view and the followed hashtags list, as one account: following and featuring
// change at once and go back with the server's words when it refuses; what a server lacks
// is not offered.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import App from '@/App.vue'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts } from '../helpers/accounts'
import { fakeClient, notFound, routeCalls, type LoggedRequest, type Pages } from '../helpers/column-fakes'
import { FakeHttpError } from '../helpers/masto'
import { useDeckStore } from '@/stores/deck'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.restoreAllMocks()
})

const day = (uses: number, accounts: number) => ({ day: '0', uses: String(uses), accounts: String(accounts) })
const tag = (name: string, extra: Partial<mastodon.v1.Tag> = {}): mastodon.v1.Tag => ({
  id: '1',
  name,
  url: `https://localhost:4180/tags/${name}`,
  history: [day(3, 2), day(1, 1), day(0, 0)],
  following: false,
  featuring: false,
  ...extra,
})

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

async function mountAt(path: string, answers: Record<string, Pages>) {
  const app = createTestApp({ locale: 'en' })
  seedAccounts([alice], alice.key)
  const log: LoggedRequest[] = []
  routeCalls({ [alice.key]: fakeClient(alice.key, log, answers) })
  await app.router.push(path)
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, log }
}

const button = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], text: string) => {
  const found = wrapper.findAll('aside button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button "${text}" in: ${wrapper.findAll('aside button').map((b) => b.text()).join(' | ')}`)
  return found
}

describe('a hashtag view', () => {
  it('tells the week’s use of the tag', async () => {
    const { wrapper } = await mountAt('/tags/astronomy', { 'tag-info:astronomy': [tag('astronomy')] })
    expect(wrapper.get('.tag-header__usage').text()).toBe('4 posts by 3 people in the past 7 days')
  })

  it('follows at once, and keeps what the server answers', async () => {
    const answer = deferred<mastodon.v1.Tag>()
    const { wrapper, log } = await mountAt('/tags/astronomy', {
      'tag-info:astronomy': [tag('astronomy')],
      'tag-follow:astronomy': [answer.promise],
    })
    await button(wrapper, 'Follow #astronomy').trigger('click')
    expect(button(wrapper, 'Unfollow #astronomy').attributes('disabled')).toBeDefined()
    answer.resolve(tag('astronomy', { following: true }))
    await flushPromises()
    expect(button(wrapper, 'Unfollow #astronomy').attributes('disabled')).toBeUndefined()
    expect(log.filter((r) => r.endpoint === 'tag-follow:astronomy')).toHaveLength(1)
  })

  it('puts the button back and shows the server’s words when following fails', async () => {
    const { wrapper } = await mountAt('/tags/astronomy', {
      'tag-info:astronomy': [tag('astronomy')],
      'tag-follow:astronomy': [new FakeHttpError(422, 'Validation failed: Tag is invalid')],
    })
    await button(wrapper, 'Follow #astronomy').trigger('click')
    await flushPromises()
    expect(button(wrapper, 'Follow #astronomy').exists()).toBe(true)
    const alert = wrapper.get('aside .tag-header [role="alert"]').text()
    expect(alert).toContain('did not accept this request')
    expect(alert).toContain('Validation failed: Tag is invalid')
  })

  it('features by name where the server says whether it is featured (Mastodon 4.4+)', async () => {
    const { wrapper, log } = await mountAt('/tags/astronomy', {
      'tag-info:astronomy': [tag('astronomy')],
      'tag-feature:astronomy': [tag('astronomy', { featuring: true })],
    })
    await button(wrapper, 'Feature on my profile').trigger('click')
    await flushPromises()
    expect(button(wrapper, 'Remove from my profile').exists()).toBe(true)
    expect(log.map((r) => r.endpoint)).not.toContain('featured-tags')
  })

  it('features by id on older servers, finding the feature among the account’s', async () => {
    const featured = { id: '77', name: 'Astronomy', url: 'x', statusesCount: 1, lastStatusAt: null }
    const { wrapper, log } = await mountAt('/tags/astronomy', {
      'tag-info:astronomy': [tag('astronomy', { featuring: undefined })],
      'featured-tags': [[featured]],
      'featured-tags-remove:77': [{}],
    })
    await button(wrapper, 'Remove from my profile').trigger('click')
    await flushPromises()
    expect(log.map((r) => r.endpoint)).toContain('featured-tags-remove:77')
    expect(button(wrapper, 'Feature on my profile').exists()).toBe(true)
  })

  it('offers neither following nor featuring where the server has neither, and still shows the posts', async () => {
    const { wrapper } = await mountAt('/tags/astronomy', {
      'tag-info:astronomy': [notFound()],
      'featured-tags': [notFound()],
      'tag:astronomy': [[]],
    })
    const texts = wrapper.findAll('aside button').map((b) => b.text())
    expect(texts).toContain('Add as column')
    expect(texts.some((t) => /Follow|Feature/.test(t))).toBe(false)
    expect(wrapper.get('aside .view-empty').text()).toContain('No posts with #astronomy')
  })

  it('adds the tag as a column of the account once', async () => {
    const { wrapper } = await mountAt('/tags/astronomy', { 'tag-info:astronomy': [tag('astronomy')] })
    await button(wrapper, 'Add as column').trigger('click')
    const deck = useDeckStore()
    expect(deck.columns.filter((c) => c.type === 'hashtag')).toMatchObject([{ accountKey: alice.key, params: { tag: 'astronomy' } }])
    expect(wrapper.get('.tag-header__notice').text()).toBe('#astronomy is now a column in your deck.')
    await button(wrapper, 'Add as column').trigger('click')
    expect(deck.columns.filter((c) => c.type === 'hashtag')).toHaveLength(1)
    expect(wrapper.get('.tag-header__notice').text()).toBe('#astronomy is already a column in your deck.')
  })
})

describe('the followed hashtags', () => {
  it('lists them page by page and unfollows one, which can be followed again', async () => {
    const firstPage = Array.from({ length: 40 }, (_, i) => tag(`tag${i}`, { following: true }))
    const { wrapper, log } = await mountAt('/followed-tags', {
      'followed-tags': [firstPage, [tag('last', { following: true })]],
      'tag-unfollow:tag0': [tag('tag0')],
      'tag-follow:tag0': [tag('tag0', { following: true })],
    })
    expect(wrapper.findAll('.followed-tags__row')).toHaveLength(40)
    await button(wrapper, 'Show more hashtags').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.followed-tags__row')).toHaveLength(41)
    expect(wrapper.findAll('aside button').some((b) => b.text() === 'Show more hashtags')).toBe(false)
    await button(wrapper, 'Unfollow #tag0').trigger('click')
    await flushPromises()
    expect(wrapper.get('.followed-tags__notice').text()).toBe('You no longer follow #tag0.')
    await button(wrapper, 'Follow #tag0').trigger('click')
    await flushPromises()
    expect(button(wrapper, 'Unfollow #tag0').exists()).toBe(true)
    expect(log.filter((r) => r.endpoint === 'followed-tags').map((r) => r.page)).toEqual([0, 1])
    expect(wrapper.get('.followed-tags__name').attributes('href')).toBe('/tags/tag0?as=alice@localhost:4180')
  })

  it('explains an empty list, and says when the server does not offer following hashtags', async () => {
    const empty = await mountAt('/followed-tags', { 'followed-tags': [[]] })
    expect(empty.wrapper.get('aside .view-empty').text()).toContain('You follow no hashtags yet')
    empty.wrapper.unmount()
    const lacking = await mountAt('/followed-tags', { 'followed-tags': [notFound()] })
    expect(lacking.wrapper.get('aside .view-empty').text()).toBe('localhost:4180 does not offer following hashtags.')
  })
})
