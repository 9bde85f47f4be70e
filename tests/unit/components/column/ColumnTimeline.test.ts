import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import ColumnTimeline from '@/components/column/ColumnTimeline.vue'
import { BURST_LIMIT } from '@/composables/useColumnFeed'
import type { ColumnParams, ColumnSpec, ColumnType } from '@/timeline/column-spec'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, bob, seedAccounts } from '../../helpers/accounts'
import { fixture } from '../status/status-fixtures'
import { fakeClient, notFound, routeCalls, serverError, type LoggedRequest, type Pages } from '../../helpers/column-fakes'
import { fakeStreamingClient, type FakeStreamingClient } from '../../helpers/streaming'

// Columns stream through the account's streaming client: a fake one per test.
const streaming = vi.hoisted(() => ({ current: null as FakeStreamingClient | null }))
vi.mock('@/api/streaming', () => ({
  streamingClientFor: async () => streaming.current?.client ?? null,
  connectionState: () => 'open',
  closeStreaming: () => {},
  retireStreaming: async () => {},
}))

const timeline = () => fixture<mastodon.v1.Status[]>('statuses.timeline.json')

/** `count` distinct statuses with ids that are not numbers in order. */
function statuses(prefix: string, count: number): mastodon.v1.Status[] {
  const base = timeline()[0]!
  return Array.from({ length: count }, (_, i) => ({ ...base, id: `${prefix}-${i}`, reblog: null, filtered: [] }))
}

function column(type: ColumnType, params: ColumnParams = {}, accountKey = alice.key): ColumnSpec {
  return { id: `col-${type}`, type, accountKey, params, width: 380, collapsed: false }
}

let log: LoggedRequest[]

function setup(answers: Record<string, Pages>, bobAnswers: Record<string, Pages> = {}) {
  const app = createTestApp()
  seedAccounts([alice, bob], bob.key)
  log = []
  const call = routeCalls({
    [alice.key]: fakeClient(alice.key, log, answers),
    [bob.key]: fakeClient(bob.key, log, bobAnswers),
  })
  return { app, call }
}

const mounted: Array<{ unmount(): void }> = []

async function mountColumn(spec: ColumnSpec, app: ReturnType<typeof createTestApp>) {
  const wrapper = mount(ColumnTimeline, { props: { column: spec }, global: app.global, attachTo: document.body })
  mounted.push(wrapper)
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  resetDocument()
  streaming.current = fakeStreamingClient()
})
afterEach(() => {
  // Nothing of a column (timers, observers, streams) outlives its test.
  for (const wrapper of mounted.splice(0)) {
    try {
      wrapper.unmount()
    } catch {
      // Already unmounted by the test.
    }
  }
  vi.restoreAllMocks()
})

describe('ColumnTimeline sources', () => {
  const cases: Array<[ColumnType, ColumnParams, string, unknown]> = [
    ['home', {}, 'home', { limit: 20 }],
    ['local', {}, 'public', { limit: 20, local: true }],
    ['federated', { remoteOnly: true }, 'public', { limit: 20, remote: true }],
    ['federated', {}, 'public', { limit: 20 }],
    ['hashtag', { tag: 'cats', any: ['dogs'], all: ['pets'], none: ['nsfw'], localOnly: true }, 'tag:cats', { limit: 20, local: true, any: ['dogs'], all: ['pets'], none: ['nsfw'] }],
    ['hashtag', { tag: '#cats', any: [] }, 'tag:cats', { limit: 20 }],
    ['list', { listId: 'L1' }, 'list:L1', { limit: 20 }],
    ['bookmarks', {}, 'bookmarks', { limit: 20 }],
    ['favourites', {}, 'favourites', { limit: 20 }],
    ['mentions', {}, 'notifications-v1', { limit: 20, types: ['mention'] }],
    ['trending', {}, 'trends', { limit: 20, offset: 0 }],
  ]

  it.each(cases)('%s %j asks %s with the column account only', async (type, params, endpoint, expected) => {
    const { app, call } = setup({ [endpoint]: [statuses('s', 2)] })
    const wrapper = await mountColumn(column(type, params), app)
    expect(log[0]).toMatchObject({ account: alice.key, endpoint, params: expected })
    expect(log.every((r) => r.account === alice.key)).toBe(true)
    expect(call.mock.calls.every(([key]) => key === alice.key)).toBe(true)
    if (type !== 'mentions') expect(wrapper.findAll('.status-list__item')).toHaveLength(2)
  })

  it('shows mentions as their statuses', async () => {
    const mention = fixture<mastodon.v1.Notification>('notification.mention.json')
    const { app } = setup({ 'notifications-v1': [[mention]] })
    const wrapper = await mountColumn(column('mentions'), app)
    expect(wrapper.findAll('.status-list__item')).toHaveLength(1)
  })

  it('uses the column account, not the tab current account', async () => {
    const { app } = setup({}, { home: [statuses('b', 3)] })
    const wrapper = await mountColumn(column('home', {}, bob.key), app)
    expect(log.length).toBeGreaterThan(0)
    expect(log.every((r) => r.account === bob.key)).toBe(true)
    expect(wrapper.findAll('.status-list__item')).toHaveLength(3)
  })

  it('once live, catches up through REST with what is newer than its newest status, without repeats', async () => {
    const { app } = setup({ home: [statuses('h', 2)] })
    const wrapper = await mountColumn(column('home'), app)
    const catchUp = log.filter((r) => (r.params as { sinceId?: string }).sinceId !== undefined)
    expect(catchUp).toEqual([{ account: alice.key, endpoint: 'home', params: { limit: 40, sinceId: 'h-0' }, page: 0 }])
    // The fake answers the catch-up with the same two statuses: shown once each.
    expect(wrapper.findAll('.status-list__item')).toHaveLength(2)
    wrapper.unmount()
  })

  it('looks a profile up once and asks for the chosen tab', async () => {
    const { app } = setup({ lookup: [{ id: 'acc-7' }], 'account-statuses:acc-7': [statuses('p', 2), statuses('q', 1)] })
    const wrapper = await mountColumn(column('profile', { acct: 'bob@b.example', profileTab: 'media' }), app)
    expect(log[0]).toMatchObject({ endpoint: 'lookup', params: { acct: 'bob@b.example' } })
    expect(log[1]).toMatchObject({ endpoint: 'account-statuses:acc-7', params: { excludeReplies: false, onlyMedia: true } })
    await wrapper.find('.column-timeline__more').trigger('click')
    await flushPromises()
    expect(log.filter((r) => r.endpoint === 'lookup')).toHaveLength(1)
    expect(wrapper.findAll('.status-list__item')).toHaveLength(3)
  })

  it('falls back to a resolving search when lookup does not know the profile', async () => {
    const { app } = setup({ lookup: [notFound()], search: [{ accounts: [{ id: 'acc-9' }], statuses: [], hashtags: [] }], 'account-statuses:acc-9': [statuses('p', 1)] })
    await mountColumn(column('profile', { acct: 'carol@c.example' }), app)
    expect(log.find((r) => r.endpoint === 'search')?.params).toMatchObject({ q: '@carol@c.example', resolve: true, type: 'accounts' })
    expect(log.at(-1)).toMatchObject({ endpoint: 'account-statuses:acc-9', params: { excludeReplies: true, onlyMedia: false } })
  })

  it('shows a thread: ancestors, the status, descendants, with the status in focus', async () => {
    const [a, s, d] = statuses('t', 3)
    const { app } = setup({ 'status:t-1': [s], 'context:t-1': [{ ancestors: [a], descendants: [d] }] })
    const wrapper = await mountColumn(column('thread', { statusId: 't-1' }), app)
    expect(wrapper.findAll('.status-list__item')).toHaveLength(3)
    expect(wrapper.find('.status-list__item--focus').exists()).toBe(true)
    expect(wrapper.find('.column-timeline__more').exists()).toBe(false)
  })

  it('shows conversations with participants and the last status', async () => {
    const conversations = fixture<mastodon.v1.Conversation[]>('conversations.json')
    const { app } = setup({ conversations: [conversations] })
    const wrapper = await mountColumn(column('conversations'), app)
    expect(wrapper.findAll('.conversation')).toHaveLength(conversations.length)
    expect(wrapper.find('.conversation__participant').exists()).toBe(true)
  })
})

describe('ColumnTimeline paging', () => {
  it('follows the paginator for the next page and drops repeats, in server order', async () => {
    const first = statuses('x', 3)
    const second = [first[2]!, ...statuses('y', 2)]
    const { app } = setup({ bookmarks: [first, second, []] })
    const wrapper = await mountColumn(column('bookmarks'), app)
    await wrapper.find('.column-timeline__more').trigger('click')
    await flushPromises()
    expect(log.map((r) => r.page)).toEqual([0, 1])
    // The next page came from the paginator (Link), not from a max_id of the last status.
    expect(log[1]!.params).toEqual({ limit: 20 })
    const ids = wrapper.findAll('.status-list__item').length
    expect(ids).toBe(5)
    await wrapper.find('.column-timeline__more').trigger('click')
    await flushPromises()
    expect(wrapper.find('.column-timeline__more').exists()).toBe(false)
    expect(wrapper.text()).toContain('You have reached the end.')
  })

  it('does not load twice when asked again while loading', async () => {
    const { app } = setup({ home: [statuses('x', 3), statuses('y', 3)] })
    const wrapper = await mountColumn(column('home'), app)
    const button = wrapper.find('.column-timeline__more')
    void button.trigger('click')
    void button.trigger('click')
    await flushPromises()
    const paging = log.filter((r) => (r.params as { sinceId?: string }).sinceId === undefined)
    expect(paging.map((r) => r.page)).toEqual([0, 1])
  })

  it('pages trending statuses by offset', async () => {
    const { app } = setup({ trends: [statuses('t', 20)] })
    const wrapper = await mountColumn(column('trending'), app)
    await wrapper.find('.column-timeline__more').trigger('click')
    await flushPromises()
    expect(log.slice(0, 2).map((r) => r.params)).toEqual([{ limit: 20, offset: 0 }, { limit: 20, offset: 20 }])
  })
})

describe('ColumnTimeline states', () => {
  it('says when there is nothing yet', async () => {
    const { app } = setup({ home: [[]] })
    const wrapper = await mountColumn(column('home'), app)
    expect(wrapper.text()).toContain('Nothing here yet. Follow people')
  })

  it('says nothing here yet for a hashtag with its tag', async () => {
    const { app } = setup({ 'tag:cats': [[]] })
    const wrapper = await mountColumn(column('hashtag', { tag: 'cats' }), app)
    expect(wrapper.text()).toContain('#cats')
  })

  it('shows an error with retry, and retry loads the first page', async () => {
    const { app } = setup({ home: [serverError()] })
    const wrapper = await mountColumn(column('home'), app)
    expect(wrapper.find('[role="alert"]').exists()).toBe(true)
    expect(log).toHaveLength(1)
    await wrapper.find('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(log).toHaveLength(2)
    expect(log[1]!.page).toBe(0)
  })

  it('after a failed next page, retry resumes without duplicates', async () => {
    const first = statuses('x', 3)
    const more = statuses('y', 2)
    // Each new paginator starts at the first page again: the fake's pages restart too.
    const { app } = setup({ home: [first, serverError()] })
    const wrapper = await mountColumn(column('home'), app)
    await wrapper.find('.column-timeline__more').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(true)
    // The server recovers.
    const store = (await import('@/stores/accounts')).useAccountsStore()
    const recovered = fakeClient(alice.key, log, { home: [first, more] })
    const call = async (_key: string, fn: (c: mastodon.rest.Client) => Promise<unknown>) => fn(recovered)
    vi.spyOn(store, 'call').mockImplementation(call as typeof store.call)
    await wrapper.find('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.status-list__item')).toHaveLength(5)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})

describe('ColumnTimeline live', () => {
  const frame = () => new Promise((resolve) => setTimeout(resolve, 300))

  it('shows Live, and puts a streamed status on top when the reader is at the top', async () => {
    const { app } = setup({ home: [statuses('h', 2)] })
    const wrapper = await mountColumn(column('home'), app)
    expect(wrapper.find('.column-timeline__live').text()).toBe('Live')
    const sub = streaming.current!.last('user')!
    sub.push({ stream: ['user'], event: 'update', payload: statuses('new', 1)[0]! })
    sub.push({ stream: ['user'], event: 'update', payload: statuses('h', 1)[0]! })
    await frame()
    await flushPromises()
    expect(wrapper.findAll('.status-list__item')).toHaveLength(3)
    expect(wrapper.find('.status-list__item').html()).toContain('new-0')
    expect(wrapper.find('.column-timeline__new').exists()).toBe(false)
    wrapper.unmount()
  })

  it('gathers streamed statuses behind "N new posts" when scrolled down', async () => {
    const { app } = setup({ home: [statuses('h', 2)] })
    const wrapper = await mountColumn(column('home'), app)
    const scroller = wrapper.element.parentElement!
    Object.defineProperty(scroller, 'scrollTop', { value: 500, writable: true, configurable: true })
    const sub = streaming.current!.last('user')!
    sub.push({ stream: ['user'], event: 'update', payload: statuses('new', 1)[0]! })
    await frame()
    await flushPromises()
    expect(wrapper.findAll('.status-list__item')).toHaveLength(2)
    expect(wrapper.find('.column-timeline__new').text()).toBe('1 new post')
    await wrapper.find('.column-timeline__new').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.status-list__item')).toHaveLength(3)
    expect(wrapper.find('.status-list__item').html()).toContain('new-0')
    expect(scroller.scrollTop).toBe(0)
    expect(wrapper.find('.column-timeline__new').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows what waited once the reader scrolls back to the top', async () => {
    const { app } = setup({ home: [statuses('h', 2)] })
    const wrapper = await mountColumn(column('home'), app)
    const scroller = wrapper.element.parentElement!
    Object.defineProperty(scroller, 'scrollTop', { value: 500, writable: true, configurable: true })
    streaming.current!.last('user')!.push({ stream: ['user'], event: 'update', payload: statuses('new', 1)[0]! })
    await frame()
    await flushPromises()
    expect(wrapper.find('.column-timeline__new').exists()).toBe(true)
    scroller.scrollTop = 0
    scroller.dispatchEvent(new Event('scroll'))
    await flushPromises()
    expect(wrapper.find('.column-timeline__new').exists()).toBe(false)
    expect(wrapper.find('.status-list__item').html()).toContain('new-0')
  })

  it('in a burst, new posts wait behind the button even at the top, and keep their order', async () => {
    const { app } = setup({ home: [statuses('h', 2)] })
    const wrapper = await mountColumn(column('home'), app)
    const sub = streaming.current!.last('user')!
    const burst = statuses('b', BURST_LIMIT + 3)
    for (const s of burst.slice(0, BURST_LIMIT)) sub.push({ stream: ['user'], event: 'update', payload: s })
    await frame()
    await flushPromises()
    // The first ones went on top; from then on the column is busy.
    expect(wrapper.find('.column-timeline__new').exists()).toBe(false)
    for (const s of burst.slice(BURST_LIMIT)) sub.push({ stream: ['user'], event: 'update', payload: s })
    await frame()
    await flushPromises()
    expect(wrapper.find('.column-timeline__new').text()).toBe('3 new posts')
    await wrapper.find('.column-timeline__new').trigger('click')
    await flushPromises()
    const shown = wrapper.findAll('.status-list__item').map((i) => /b-(\d+)/.exec(i.html())?.[0])
    expect(shown.slice(0, 4)).toEqual(['b-12', 'b-11', 'b-10', 'b-9'])
  })

  it('removes a deleted status and replaces an edited one', async () => {
    const [a, b] = statuses('h', 2)
    const { app } = setup({ home: [[a, b]] })
    const wrapper = await mountColumn(column('home'), app)
    const sub = streaming.current!.last('user')!
    sub.push({ stream: ['user'], event: 'delete', payload: a!.id })
    sub.push({ stream: ['user'], event: 'status.update', payload: { ...b!, content: '<p>Edited words</p>' } })
    await frame()
    await flushPromises()
    expect(wrapper.findAll('.status-list__item')).toHaveLength(1)
    expect(wrapper.find('.status-list__item').text()).toContain('Edited words')
    wrapper.unmount()
  })

  it("an edit or delete streamed to one column shows in the account's other columns, not in another account's", async () => {
    const [a, b] = statuses('h', 2)
    const { app } = setup({ home: [[a, b]], bookmarks: [[a, b]] }, { bookmarks: [[a, b]] })
    const home = await mountColumn(column('home'), app)
    const bookmarks = await mountColumn({ ...column('bookmarks'), id: 'col-bm' }, app)
    const bobs = await mountColumn({ ...column('bookmarks', {}, bob.key), id: 'col-bob' }, app)
    const sub = streaming.current!.last('user')!
    sub.push({ stream: ['user'], event: 'status.update', payload: { ...b!, content: '<p>Edited words</p>' } })
    sub.push({ stream: ['user'], event: 'delete', payload: a!.id })
    await frame()
    await flushPromises()
    expect(bookmarks.findAll('.status-list__item')).toHaveLength(1)
    expect(bookmarks.text()).toContain('Edited words')
    expect(bobs.findAll('.status-list__item')).toHaveLength(2)
    expect(bobs.text()).not.toContain('Edited words')
    for (const w of [home, bookmarks, bobs]) w.unmount()
  })

  it('shows no live state for columns without a stream', async () => {
    const { app } = setup({ bookmarks: [statuses('b', 1)] })
    const wrapper = await mountColumn(column('bookmarks'), app)
    expect(wrapper.find('.column-timeline__live').exists()).toBe(false)
    expect(streaming.current!.subscriptions).toHaveLength(0)
    wrapper.unmount()
  })
})
