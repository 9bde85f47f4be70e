// Explore as one account: trending posts, hashtags and links, one tab at a time, paged by
// offset; the posts sharing a link; what a server without trends shows.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import App from '@/App.vue'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts } from '../helpers/accounts'
import { fakeClient, notFound, routeCalls, type LoggedRequest, type Pages } from '../helpers/column-fakes'
import { fixture, statusFixture } from '../components/status/status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.restoreAllMocks()
})

const trendingTags = fixture<mastodon.v1.Tag[]>('tags.trending.json')
const link = fixture<mastodon.v1.TrendLink>('preview-card.trends-link.json')

async function mountAt(path: string, answers: Record<string, Pages>) {
  const app = createTestApp({ locale: 'en' })
  seedAccounts([alice], alice.key)
  const log: LoggedRequest[] = []
  routeCalls({ [alice.key]: fakeClient(alice.key, log, answers) })
  await app.router.push(path)
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, log, router: app.router }
}

describe('Explore', () => {
  it('opens on trending posts, and each tab loads when it is chosen', async () => {
    const post = statusFixture('status.media.image.json')
    const { wrapper, log, router } = await mountAt('/explore', { trends: [[post]], 'trends-tags': [trendingTags] })
    expect(wrapper.get('aside h2').text()).toBe('Explore')
    expect(wrapper.get('aside [aria-current="page"]').text()).toBe('Posts')
    expect(wrapper.findAll('aside .status-list__item')).toHaveLength(1)
    expect(log.map((r) => r.endpoint)).toEqual(['trends'])
    await wrapper.findAll('aside .panel-tabs__tab').find((a) => a.text() === 'Hashtags')!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.tab).toBe('tags')
    expect(log.map((r) => r.endpoint)).toEqual(['trends', 'trends-tags'])
  })

  it('shows each trending hashtag with its week, linking to it as the same account', async () => {
    const { wrapper } = await mountAt('/explore?tab=tags', { 'trends-tags': [trendingTags] })
    const rows = wrapper.findAll('aside .trend-list__row')
    expect(rows).toHaveLength(trendingTags.length)
    const first = trendingTags[0]!
    const week = first.history!.slice(0, 7)
    const posts = week.reduce((sum, d) => sum + Number(d.uses), 0)
    expect(rows[0]!.get('.trend-list__meta').text()).toContain(`${posts} posts by`)
    expect(rows[0]!.get('a').attributes('href')).toBe(`/tags/${first.name}?as=alice@localhost:4180`)
    expect(rows[0]!.find('svg.tag-sparkline').exists()).toBe(true)
  })

  it('asks for the next hashtags from where the list ends', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...trendingTags[0]!, name: `tag${i}` }))
    const { wrapper, log } = await mountAt('/explore?tab=tags', { 'trends-tags': [ten] })
    await wrapper.findAll('aside button').find((b) => b.text() === 'Show more hashtags')!.trigger('click')
    await flushPromises()
    expect(log.map((r) => r.params)).toEqual([
      { offset: 0, limit: 10 },
      { offset: 10, limit: 10 },
    ])
  })

  it('shows trending links as cards with a way to the posts that share each', async () => {
    const { wrapper } = await mountAt('/explore?tab=links', { 'trends-links': [[link]] })
    expect(wrapper.get('aside .trend-links__item').text()).toContain(link.title)
    const posts = wrapper.findAll('aside .trend-links__item a').find((a) => a.text() === 'Posts with this link')!
    const href = new URL(posts.attributes('href')!, 'http://app.test')
    expect([href.pathname, href.searchParams.get('url'), href.searchParams.get('as')]).toEqual(['/explore/link', link.url, 'alice@localhost:4180'])
  })

  it('says when the server shares no trends', async () => {
    const { wrapper } = await mountAt('/explore?tab=links', { 'trends-links': [notFound()] })
    expect(wrapper.get('aside .view-empty').text()).toBe('localhost:4180 does not share what is trending.')
  })
})

describe('posts sharing a link', () => {
  it('lists them as the account, and says when the server does not show them', async () => {
    const post = statusFixture('status.card.json')
    const url = `/explore/link?url=${encodeURIComponent(link.url)}`
    const { wrapper, log } = await mountAt(url, { link: [[post]] })
    expect(log[0]).toMatchObject({ account: alice.key, endpoint: 'link', params: { url: link.url } })
    expect(wrapper.findAll('aside .status-list__item')).toHaveLength(1)
    wrapper.unmount()
    const lacking = await mountAt(url, { link: [notFound()] })
    expect(lacking.wrapper.get('aside .view-empty').text()).toBe('localhost:4180 does not show the posts that share this link.')
  })
})

describe('people to follow', () => {
  const person = (id: string, name: string, locked = false) => ({ ...fixture<mastodon.v1.Account>('account.local.json'), id, displayName: name, locked })
  const relationship = (id: string, change: Partial<mastodon.v1.Relationship>) => ({ id, following: false, requested: false, ...change })

  it('says why each is suggested, follows one, and asks for a locked one', async () => {
    const { wrapper, log } = await mountAt('/explore?tab=people', {
      'suggestions-v2': [[
        { source: 'past_interactions', sources: ['friends_of_friends'], account: person('1', 'Ann') },
        { source: 'global', sources: ['most_followed'], account: person('2', 'Ben', true) },
      ]],
      'follow:1': [relationship('1', { following: true })],
      'follow:2': [relationship('2', { requested: true })],
    })
    const rows = wrapper.findAll('aside .suggestion')
    expect(rows.map((r) => r.get('.trend-list__meta').text())).toEqual(['Followed by people you follow', 'Popular on localhost:4180'])
    await rows[0]!.get('button').trigger('click')
    await rows[1]!.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('aside .suggestion').map((r) => r.get('button').text())).toEqual(['Unfollow', 'Cancel request'])
    expect(log.filter((r) => r.endpoint.startsWith('follow:')).map((r) => r.endpoint)).toEqual(['follow:1', 'follow:2'])
  })

  it('dismisses one on the server and says so; puts it back when the server refuses', async () => {
    const { wrapper, log } = await mountAt('/explore?tab=people', {
      'suggestions-v2': [[{ source: 'global', sources: ['most_followed'], account: person('1', 'Ann') }, { source: 'global', sources: [], account: person('2', 'Ben') }]],
      'suggestion-remove:1': [{}],
      'suggestion-remove:2': [notFound()],
    })
    await wrapper.get('aside button[aria-label="Not interested in Ann"]').trigger('click')
    await flushPromises()
    expect(log.map((r) => r.endpoint)).toContain('suggestion-remove:1')
    expect(wrapper.get('.suggestion__notice').text()).toBe('Ann will not be suggested again.')
    await wrapper.get('aside button[aria-label="Not interested in Ben"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('aside .suggestion')).toHaveLength(1)
    expect(wrapper.find('aside [role="alert"]').exists()).toBe(true)
  })

  it('falls back to v1 suggestions where v2 is missing', async () => {
    const { wrapper } = await mountAt('/explore?tab=people', { 'suggestions-v2': [notFound()], 'suggestions-v1': [[person('1', 'Ann')]] })
    expect(wrapper.findAll('aside .suggestion')).toHaveLength(1)
  })
})
