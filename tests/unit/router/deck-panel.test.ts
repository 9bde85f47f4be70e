// Threads, profiles and hashtags are nested routes of the deck: they open in a panel beside
// the columns (which stay mounted), survive a reload, move focus into the panel and back to
// what opened it, and close with the button or Escape.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import App from '@/App.vue'
import { routes } from '@/router'
import { useDeckStore } from '@/stores/deck'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts, storedAccount } from '../helpers/accounts'
import { fakeClient, routeCalls } from '../helpers/column-fakes'

vi.mock('@/components/column/ColumnTimeline.vue', async () => ({ default: (await import('../components/deck/column-stub')).ColumnTimelineStub }))

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const frank = storedAccount({ username: 'frank', id: '7', host: 'localhost:4181', displayName: 'Frank' })

function stubWidth(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow && query.includes('max-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
}

async function mountApp(path: string, options: { accounts?: boolean; narrow?: boolean } = {}) {
  stubWidth(options.narrow ?? false)
  const app = createTestApp({ locale: 'en' })
  if (options.accounts !== false) {
    seedAccounts([alice, frank], alice.key)
    useDeckStore().init()
    useDeckStore().addColumn({ type: 'home', accountKey: frank.key, params: {} })
    // Nothing answers: the views wait, which is all these tests need of them.
    routeCalls({ [alice.key]: fakeClient(alice.key, [], {}), [frank.key]: fakeClient(frank.key, [], {}) })
  }
  await app.router.push(path)
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, router: app.router }
}

describe('the deck routes', () => {
  it('nests the thread, profile, scheduled posts, hashtag, search, explore, profile editing and followed hashtags under the deck, loaded on demand', () => {
    const deck = routes.find((r) => r.name === 'deck')!
    expect(deck.path).toBe('/')
    expect(deck.children?.map((c) => [c.name, c.path])).toEqual([
      ['status', '/@:acct/:statusId'],
      ['profile', '/@:acct'],
      ['scheduled', '/scheduled'],
      ['tag', '/tags/:tag'],
      ['search', '/search'],
      ['explore', '/explore'],
      ['link-posts', '/explore/link'],
      ['edit-profile', '/profile/edit'],
      ['followed-tags', '/followed-tags'],
    ])
    // A function, not a component: the views stay out of the deck's chunk.
    for (const child of deck.children ?? []) expect(typeof child.component).toBe('function')
    expect(routes.some((r) => r.name === 'status' || r.name === 'profile' || r.name === 'tag')).toBe(false)
  })

  it('resolves a deep link with its account to the deck plus the thread', async () => {
    const { router } = await mountApp('/')
    const to = router.resolve('/@frank@localhost:4181/115?as=frank@localhost:4181')
    expect(to.name).toBe('status')
    expect(to.matched.map((r) => r.name)).toEqual(['deck', 'status'])
    expect(to.params).toEqual({ acct: 'frank@localhost:4181', statusId: '115' })
    expect(to.query).toEqual({ as: 'frank@localhost:4181' })
    expect(router.resolve({ name: 'profile', params: { acct: 'frank@localhost:4181' }, query: { as: 'alice@localhost:4180' } }).fullPath).toBe(
      '/@frank@localhost:4181?as=alice@localhost:4180',
    )
  })
})

describe('the panel beside the deck', () => {
  it('shows the deck and the panel for a deep link, as the account the link names', async () => {
    const { wrapper } = await mountApp('/@frank@localhost:4181/115?as=frank@localhost:4181')
    expect(wrapper.find('section.deck-column').exists()).toBe(true)
    const panel = wrapper.get('aside')
    const heading = panel.get('h2')
    expect(panel.attributes('aria-labelledby')).toBe(heading.attributes('id'))
    expect(heading.text()).toBe('Post')
    expect(panel.text()).toContain('Seen as @frank@localhost:4181')
    expect(panel.get('button').text()).toContain('Close')
    expect(document.title).toBe('Post · Deckodon')
  })

  it('names a profile and a hashtag in its heading', async () => {
    const { wrapper, router } = await mountApp('/@bob@localhost:4180?as=alice@localhost:4180')
    expect(wrapper.get('aside h2').text()).toBe('Profile of @bob@localhost:4180')
    await router.push('/tags/caturday')
    await flushPromises()
    expect(wrapper.get('aside h2').text()).toBe('#caturday')
    expect(wrapper.get('aside').text()).toContain('Seen as @alice@localhost:4180')
  })

  it('keeps the deck and its columns mounted while the panel opens, changes and closes', async () => {
    const { wrapper, router } = await mountApp('/')
    const deck = wrapper.get('section.deck').element
    const column = wrapper.get('section.deck-column').element
    expect(wrapper.find('aside').exists()).toBe(false)
    for (const path of ['/@x/1', '/@x/2?as=frank@localhost:4181', '/@bob', '/tags/cats', '/']) {
      await router.push(path)
      await flushPromises()
      expect(wrapper.get('section.deck').element).toBe(deck)
      expect(wrapper.get('section.deck-column').element).toBe(column)
    }
    expect(wrapper.find('aside').exists()).toBe(false)
  })

  it('moves focus to the panel heading on open and back to what opened it on close', async () => {
    const { wrapper, router } = await mountApp('/')
    const add = wrapper.findAll('button').find((b) => b.text() === 'Add column')!
    ;(add.element as HTMLElement).focus()
    await router.push('/@x/1?as=frank@localhost:4181')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('aside h2').element)

    // Following a link inside the panel keeps the original opener.
    await router.push('/@bob?as=frank@localhost:4181')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('aside h2').element)

    await wrapper.get('aside .deck-panel__close').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/')
    expect(wrapper.find('aside').exists()).toBe(false)
    expect(document.activeElement).toBe(add.element)
  })

  it('focuses the panel heading when another page navigates to a deep link', async () => {
    const { wrapper, router } = await mountApp('/settings')
    await router.push('/@x/1?as=frank@localhost:4181')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('aside h2').element)
  })

  it('remembers a clicked deck link as the opener even when the browser does not focus it', async () => {
    const { wrapper, router } = await mountApp('/')
    const link = document.createElement('a')
    link.href = '/@x/1'
    link.addEventListener('click', (event) => event.preventDefault())
    wrapper.get('section.deck-column').element.append(link)
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    await router.push('/@x/1')
    await flushPromises()
    await router.push('/')
    await flushPromises()
    expect(document.activeElement).toBe(link)
  })

  it('focuses the column around the opener on close when the link itself is gone', async () => {
    const { wrapper, router } = await mountApp('/')
    const body = wrapper.get('.deck-column__body').element as HTMLElement
    const link = document.createElement('a')
    link.href = '/@x/1'
    link.addEventListener('click', (event) => event.preventDefault())
    body.append(link)
    link.focus()
    await router.push('/@x/1')
    await flushPromises()
    link.remove()
    await router.push('/')
    await flushPromises()
    expect(document.activeElement).toBe(body)
  })

  it('focuses the deck heading on close when the opener is gone', async () => {
    const { wrapper, router } = await mountApp('/')
    await router.push('/@x/1')
    await flushPromises()
    await wrapper.get('aside .deck-panel__close').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('#deck-title').element)
  })

  it('closes with Escape from inside the panel, but not from a dialog in it', async () => {
    const { wrapper, router } = await mountApp('/@x/1')
    const panel = wrapper.get('aside')
    const dialog = document.createElement('dialog')
    const inside = document.createElement('button')
    dialog.append(inside)
    panel.element.append(dialog)
    inside.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }))
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('status')

    await panel.get('h2').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('deck')
    expect(wrapper.find('aside').exists()).toBe(false)
  })

  it('asks to sign in inside the panel when nobody is signed in', async () => {
    const { wrapper } = await mountApp('/@frank@localhost:4181/115?as=frank@localhost:4181', { accounts: false })
    const panel = wrapper.get('aside')
    expect(panel.get('h2').text()).toBe('Post')
    expect(panel.text()).toContain('Sign in to see posts')
    expect(panel.get('a').attributes('href')).toBe('/sign-in')
    expect(wrapper.get('section.deck').text()).toContain('No columns yet')
  })

  it('says so when the account a link names is not signed in, and offers one that is', async () => {
    const { wrapper, router } = await mountApp('/@bob@localhost:4180/115?as=carol@localhost:4180')
    const panel = wrapper.get('aside')
    expect(panel.text()).toContain('This link opens as @carol@localhost:4180, who is not signed in on this browser.')
    expect(panel.find('.status-list').exists()).toBe(false)
    expect(panel.get('a').attributes('href')).toBe('/sign-in')
    // A post id means something only on its server: Alice is on the same one.
    const open = panel.findAll('button').find((b) => b.text() === 'Open as @alice@localhost:4180')!
    await open.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/@bob@localhost:4180/115?as=alice@localhost:4180')
    expect(wrapper.get('aside').text()).toContain('Seen as @alice@localhost:4180')
    expect(document.activeElement).toBe(wrapper.get('aside h2').element)
  })

  it('offers no other account for a post on a server where none is signed in', async () => {
    const { wrapper } = await mountApp('/@x/115?as=someone@elsewhere.example')
    expect(wrapper.get('aside').text()).toContain('@someone@elsewhere.example')
    expect(wrapper.get('aside').findAll('button').map((b) => b.text())).toEqual([expect.stringContaining('Close')])
  })

  it('covers the deck on a narrow screen, which is inert underneath, with a way back', async () => {
    const { wrapper, router } = await mountApp('/@x/1', { narrow: true })
    expect(wrapper.get('section.deck').attributes('inert')).toBeDefined()
    expect(wrapper.get('aside').classes()).toContain('deck-panel--narrow')
    expect(wrapper.get('aside .deck-panel__close').text()).toContain('Back to the deck')
    await wrapper.get('aside .deck-panel__close').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('deck')
    expect(wrapper.get('section.deck').attributes('inert')).toBeUndefined()
  })
})
