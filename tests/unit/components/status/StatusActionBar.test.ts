import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import type { mastodon } from 'masto'
import { dropClient } from '@/api/clients'
import { clearResolutions } from '@/api/resolve-status'
import StatusActionBar from '@/components/status/StatusActionBar.vue'
import StatusCard from '@/components/status/StatusCard.vue'
import { useEntitiesStore } from '@/stores/entities'
import { alice, seedAccounts, storedAccount } from '../../helpers/accounts'
import { FakeHttpError, carolOnA, carolPost, deferred, relationship, server } from '../../helpers/fake-interactions-server'
import { createTestApp, resetDocument } from '../../helpers/test-app'

vi.mock('masto', () => import('../../helpers/fake-interactions-server'))
const composeFromStatus = vi.fn(async () => {})
vi.mock('@/composables/compose-entry', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  composeFromStatus: (...args: unknown[]) => composeFromStatus(...(args as [])),
}))

enableAutoUnmount(afterEach)

const frank = storedAccount({ username: 'frank', id: 'f-1', host: 'localhost:4181', displayName: 'Frank' })

function mountBar(status: mastodon.v1.Status, accountKey = alice.key) {
  const app = createTestApp()
  seedAccounts([alice, frank], alice.key)
  const wrapper = mount(StatusActionBar, { props: { status, accountKey }, global: app.global, attachTo: document.body })
  return { wrapper, entities: useEntitiesStore() }
}

const button = (wrapper: VueWrapper, name: RegExp) => {
  const found = wrapper.findAll('button').find((b) => name.test(b.attributes('aria-label') ?? b.text()))
  if (!found) throw new Error(`No button ${name}`)
  return found
}
const menuItem = (wrapper: VueWrapper, name: RegExp): DOMWrapper<HTMLElement> => {
  const found = wrapper.findAll<HTMLElement>('[role="menuitem"]').find((item) => name.test(item.text()))
  if (!found) throw new Error(`No menu item ${name}: ${wrapper.findAll('[role="menuitem"]').map((i) => i.text())}`)
  return found
}
const focused = () => document.activeElement as HTMLElement | null

beforeEach(() => {
  resetDocument()
  server.reset()
  clearResolutions()
  for (const a of [alice, frank]) dropClient(a.key)
})

afterEach(() => {
  vi.unstubAllGlobals()
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('StatusActionBar: the buttons', () => {
  it('offers reply, boost, favourite, bookmark and more, with counts and pressed states', () => {
    const { wrapper } = mountBar(carolPost({ favourited: true, favouritesCount: 1234, reblogsCount: 2 }))
    const group = wrapper.get('[role="group"]')
    expect(group.attributes('aria-label')).toBe('Post actions')
    const names = group.findAll('button').map((b) => b.attributes('aria-label'))
    expect(names).toEqual(['Reply', 'Boost, 2 boosts', 'Favourite, 1,234 favourites', 'Bookmark', 'More actions'])
    expect(button(wrapper, /^Favourite/).attributes('aria-pressed')).toBe('true')
    expect(button(wrapper, /^Favourite/).text()).toBe('1,234')
    expect(button(wrapper, /^Boost/).attributes('aria-pressed')).toBe('false')
    expect(button(wrapper, /^Boost/).attributes('aria-haspopup')).toBe('menu')
    expect(button(wrapper, /^Bookmark/).attributes('aria-pressed')).toBe('false')
  })

  it('shows nothing for an account that is not signed in', () => {
    const { wrapper } = mountBar(carolPost(), 'elsewhere.example|9')
    expect(wrapper.find('[role="group"]').exists()).toBe(false)
  })

  it('favourites at once, then shows the server’s count', async () => {
    const { wrapper } = mountBar(carolPost())
    const answer = deferred<mastodon.v1.Status>()
    server.respond = () => answer.promise
    await button(wrapper, /^Favourite/).trigger('click')
    const favourite = button(wrapper, /^Favourite/)
    expect(favourite.attributes('aria-pressed')).toBe('true')
    expect(favourite.attributes('aria-busy')).toBe('true')
    expect(favourite.text()).toBe('4')
    // A second press while it is on its way does nothing.
    await favourite.trigger('click')
    answer.resolve(carolPost({ favourited: true, favouritesCount: 7 }))
    await flushPromises()
    expect(button(wrapper, /^Favourite/).text()).toBe('7')
    expect(button(wrapper, /^Favourite/).attributes('aria-busy')).toBeUndefined()
    expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/statuses/100/favourite'])
  })

  it('rolls back and shows the error next to the status when the server fails', async () => {
    const { wrapper } = mountBar(carolPost())
    server.respond = () => {
      throw new FakeHttpError(500)
    }
    await button(wrapper, /^Favourite/).trigger('click')
    await flushPromises()
    const favourite = button(wrapper, /^Favourite/)
    expect(favourite.attributes('aria-pressed')).toBe('false')
    expect(favourite.text()).toBe('3')
    expect(favourite.attributes('aria-busy')).toBeUndefined()
    expect(wrapper.get('[role="alert"]').text()).toBe('localhost:4180 is having trouble right now. Try again later.')
    await button(wrapper, /^Dismiss/).trigger('click')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('bookmarks as a toggle', async () => {
    const { wrapper } = mountBar(carolPost())
    server.respond = () => carolPost({ bookmarked: true })
    await button(wrapper, /^Bookmark/).trigger('click')
    await flushPromises()
    expect(button(wrapper, /^Bookmark/).attributes('aria-pressed')).toBe('true')
    expect(server.calls[0]!.path).toBe('/api/v1/statuses/100/bookmark')
  })
})

describe('StatusActionBar: boost', () => {
  it('offers the visibilities in a menu; the choice boosts with it; pressed again, it undoes the boost', async () => {
    const { wrapper } = mountBar(carolPost())
    await button(wrapper, /^Boost/).trigger('click')
    const menu = wrapper.get('[role="menu"]')
    expect(menu.attributes('aria-label')).toBe('Boost with visibility')
    expect(button(wrapper, /^Boost/).attributes('aria-expanded')).toBe('true')
    expect(menu.findAll('[role="menuitem"]').map((i) => i.text())).toEqual(['Boost publicly', 'Boost as quiet public', 'Boost to followers only'])
    expect(focused()?.textContent?.trim()).toBe('Boost publicly')

    server.respond = (call) =>
      call.path.endsWith('/unreblog')
        ? carolPost({ reblogged: false, reblogsCount: 1 })
        : carolPost({ id: '300', visibility: 'unlisted', reblog: carolPost({ reblogged: true, reblogsCount: 2 }) })
    await menuItem(wrapper, /quiet public/).trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(focused()).toBe(button(wrapper, /^Boost/).element)
    expect(server.calls[0]).toMatchObject({ path: '/api/v1/statuses/100/reblog', params: { visibility: 'unlisted' } })
    expect(button(wrapper, /^Boost/).attributes()).toMatchObject({ 'aria-pressed': 'true', 'aria-label': 'Boost, 2 boosts' })
    expect(button(wrapper, /^Boost/).attributes('aria-haspopup')).toBeUndefined()

    await button(wrapper, /^Boost/).trigger('click')
    await flushPromises()
    expect(server.calls[1]!.path).toBe('/api/v1/statuses/100/unreblog')
    expect(button(wrapper, /^Boost/).attributes('aria-pressed')).toBe('false')
  })

  it('cannot boost a private mention, and says why', async () => {
    const { wrapper } = mountBar(carolPost({ visibility: 'direct' }))
    const boost = button(wrapper, /^Boost/)
    expect(boost.attributes('aria-disabled')).toBe('true')
    const hint = document.getElementById(boost.attributes('aria-describedby')!)
    expect(hint?.textContent).toBe('Private mentions cannot be boosted.')
    await boost.trigger('click')
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe('Private mentions cannot be boosted.')
    expect(server.calls).toHaveLength(0)
  })
})

describe('StatusActionBar: the More menu', () => {
  // The menu's code loads on first use (in the app, as the pointer or focus reaches More);
  // loaded once here, so each test's flushPromises() sees it open.
  beforeAll(async () => {
    await import('@/components/status/StatusMoreMenu.vue')
  })

  function answerRelationships(flags: Partial<mastodon.v1.Relationship> = {}) {
    server.respond = (call) => {
      if (call.path === '/api/v1/accounts/relationships') return [relationship('3', flags)]
      if (call.path === '/api/v1/accounts/3/follow') return relationship('3', { following: true })
      if (call.path === '/api/v1/accounts/3/block') return relationship('3', { blocking: true })
      throw new FakeHttpError(404)
    }
  }

  it('opens on the first item, moves with the arrows, and Escape closes it with focus back on More', async () => {
    answerRelationships()
    const { wrapper } = mountBar(carolPost())
    const more = button(wrapper, /^More actions/)
    await more.trigger('click')
    await flushPromises()
    const menu = wrapper.get('[role="menu"]')
    expect(more.attributes('aria-expanded')).toBe('true')
    expect(more.attributes('aria-controls')).toBe(menu.attributes('id'))
    const items = menu.findAll('[role="menuitem"]').map((i) => i.text())
    expect(items).toEqual([
      'Copy link',
      'Open the original on localhost:4180',
      'Quote',
      'Follow @carol@localhost:4180',
      'Mute @carol@localhost:4180',
      'Block @carol@localhost:4180',
      'Act as @frank@localhost:4181',
    ])
    expect(focused()?.textContent?.trim()).toBe('Copy link')
    await menu.trigger('keydown', { key: 'ArrowDown' })
    expect(focused()?.textContent?.trim()).toBe('Open the original on localhost:4180')
    await menu.trigger('keydown', { key: 'ArrowUp' })
    await menu.trigger('keydown', { key: 'ArrowUp' })
    expect(focused()?.textContent?.trim()).toBe('Act as @frank@localhost:4181')
    await menu.trigger('keydown', { key: 'Home' })
    expect(focused()?.textContent?.trim()).toBe('Copy link')
    await menu.trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(focused()).toBe(more.element)
    expect(server.calls.filter((c) => c.path === '/api/v1/accounts/relationships')).toHaveLength(1)
  })

  it('closes an open menu on a click elsewhere on the page, and only while one is open listens for it', async () => {
    answerRelationships()
    const listen = vi.spyOn(document, 'addEventListener')
    const { wrapper } = mountBar(carolPost())
    const pointerListeners = () => listen.mock.calls.filter(([type]) => type === 'pointerdown').length
    expect(pointerListeners()).toBe(0)
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="menu"]').exists()).toBe(true)
    expect(pointerListeners()).toBe(1)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await flushPromises()
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
  })

  it('a closed bar listens to nothing; a menu opened by keyboard closes, and stops listening, when the card shows another status', async () => {
    answerRelationships()
    const listen = vi.spyOn(document, 'addEventListener')
    const unlisten = vi.spyOn(document, 'removeEventListener')
    const { wrapper } = mountBar(carolPost())
    expect(listen.mock.calls.filter(([type]) => type === 'pointerdown')).toHaveLength(0)
    await button(wrapper, /^More actions/).trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()
    expect(wrapper.find('[role="menu"]').exists()).toBe(true)
    await wrapper.setProps({ status: carolPost({ id: '101' }) })
    await flushPromises()
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
    expect(unlisten.mock.calls.filter(([type]) => type === 'pointerdown').length).toBeGreaterThan(0)
    // And opens again with the mouse.
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="menu"]').exists()).toBe(true)
  })

  it('opens the original safely, in a new tab', async () => {
    answerRelationships()
    const { wrapper } = mountBar(carolPost({ url: 'javascript:alert(1)', uri: 'http://localhost:4180/users/carol/statuses/100' }))
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    const link = menuItem(wrapper, /Open the original/)
    expect(link.attributes()).toMatchObject({
      href: 'http://localhost:4180/users/carol/statuses/100',
      target: '_blank',
      rel: 'nofollow noopener noreferrer',
    })
  })

  it('follows the author, shown by the loaded relationship', async () => {
    answerRelationships()
    const { wrapper } = mountBar(carolPost())
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    await menuItem(wrapper, /^Follow @carol/).trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('You now follow @carol@localhost:4180.')
    await button(wrapper, /^More actions/).trigger('click')
    expect(menuItem(wrapper, /^Unfollow @carol/).exists()).toBe(true)
  })

  it('asks before blocking; cancel sends nothing; confirm blocks', async () => {
    answerRelationships()
    const { wrapper } = mountBar(carolPost())
    const more = button(wrapper, /^More actions/)
    await more.trigger('click')
    await flushPromises()
    await menuItem(wrapper, /^Block/).trigger('click')
    const question = wrapper.get('.actions__confirm')
    expect(question.attributes('role')).toBe('group')
    expect(focused()).toBe(question.element)
    expect(question.text()).toContain('Block @carol@localhost:4180?')
    await button(wrapper, /^Cancel$/).trigger('click')
    expect(wrapper.find('.actions__confirm').exists()).toBe(false)
    expect(focused()).toBe(more.element)
    expect(server.calls.some((c) => c.path.endsWith('/block'))).toBe(false)

    await more.trigger('click')
    await menuItem(wrapper, /^Block/).trigger('click')
    await button(wrapper, /^Block$/).trigger('click')
    await flushPromises()
    expect(server.calls.filter((c) => c.path === '/api/v1/accounts/3/block')).toHaveLength(1)
    expect(wrapper.get('[role="status"]').text()).toBe('@carol@localhost:4180 is blocked.')
  })

  it('deletes an own post after asking, and it leaves the store', async () => {
    const own = carolPost({ account: { ...carolPost().account, id: alice.id, acct: 'alice' } })
    const { wrapper, entities } = mountBar(own)
    server.respond = () => own
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    const items = wrapper.findAll('[role="menuitem"]').map((i) => i.text())
    expect(items).toContain('Delete post')
    expect(items.some((i) => /Follow|Mute|Block/.test(i))).toBe(false)
    await menuItem(wrapper, /^Delete post/).trigger('click')
    expect(wrapper.get('.actions__confirm').text()).toContain('Delete this post? This cannot be undone.')
    await button(wrapper, /^Delete$/).trigger('click')
    await flushPromises()
    expect(server.calls).toEqual([expect.objectContaining({ method: 'DELETE', path: '/api/v1/statuses/100' })])
    expect(entities.isDeleted(alice.key, '100')).toBe(true)
  })

  it('copies the link and says so', async () => {
    answerRelationships()
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { wrapper } = mountBar(carolPost())
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    await menuItem(wrapper, /^Copy link/).trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('http://localhost:4180/@carol/100')
    expect(wrapper.get('[role="status"]').text()).toBe('Link copied.')
  })

  it('acts as another signed-in account from a second level, and Left goes back', async () => {
    const onB = carolPost({ id: 'B100' })
    server.respond = (call) => {
      if (call.path === '/api/v1/accounts/relationships') return [relationship('3')]
      if (call.path === '/api/v2/search') return { accounts: [], hashtags: [], statuses: [onB] }
      if (call.path === '/api/v1/statuses/B100/favourite') return { ...onB, favourited: true }
      throw new FakeHttpError(404)
    }
    const { wrapper, entities } = mountBar(carolPost())
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    const actAs = menuItem(wrapper, /^Act as @frank/)
    expect(actAs.attributes('aria-haspopup')).toBe('menu')
    actAs.element.focus()
    await actAs.trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    const menu = wrapper.get('[role="menu"]')
    expect(menu.attributes('aria-label')).toBe('Actions as @frank@localhost:4181')
    expect(menu.findAll('[role="menuitem"]').map((i) => i.text())).toEqual([
      'Back',
      'Favourite as @frank@localhost:4181',
      'Boost as @frank@localhost:4181',
      'Bookmark as @frank@localhost:4181',
      'Follow @carol@localhost:4180 as @frank@localhost:4181',
    ])
    expect(focused()?.textContent?.trim()).toBe('Back')
    await menu.trigger('keydown', { key: 'ArrowLeft' })
    await flushPromises()
    expect(focused()?.textContent?.trim()).toBe('Act as @frank@localhost:4181')

    await menuItem(wrapper, /^Act as @frank/).trigger('click')
    await flushPromises()
    await menuItem(wrapper, /^Favourite as @frank/).trigger('click')
    await flushPromises()
    expect(server.calls.filter((c) => c.path !== '/api/v1/accounts/relationships').map((c) => [c.token, c.path])).toEqual([
      [frank.token, '/api/v2/search'],
      [frank.token, '/api/v1/statuses/B100/favourite'],
    ])
    expect(wrapper.get('[role="status"]').text()).toBe('Favourited as @frank@localhost:4181')
    expect(entities.status(frank.key, 'B100')?.favourited).toBe(true)
    // Alice's own button is untouched.
    expect(button(wrapper, /^Favourite/).attributes('aria-pressed')).toBe('false')
  })

  it('says when the other server cannot find the post', async () => {
    server.respond = (call) => {
      if (call.path === '/api/v1/accounts/relationships') return [relationship('3')]
      return { accounts: [], hashtags: [], statuses: [] }
    }
    const { wrapper } = mountBar(carolPost())
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    await menuItem(wrapper, /^Act as @frank/).trigger('click')
    await flushPromises()
    await menuItem(wrapper, /^Bookmark as @frank/).trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('This post could not be found on localhost:4181.')
  })
})

describe('StatusCard with the action bar', () => {
  it('shows the bar under a top-level card, for the boosted post of a boost, and keeps the counts', async () => {
    const app = createTestApp()
    seedAccounts([alice, frank], alice.key)
    const boost = carolPost({ id: '300', reblog: carolPost({ favouritesCount: 5 }) })
    const wrapper = mount(StatusCard, { props: { status: boost, accountKey: alice.key }, global: app.global, attachTo: document.body })
    expect(wrapper.find('ul.counts').exists()).toBe(true)
    expect(button(wrapper, /^Favourite/).attributes('aria-label')).toBe('Favourite, 5 favourites')
    server.respond = () => carolPost({ favourited: true, favouritesCount: 6 })
    await button(wrapper, /^Favourite/).trigger('click')
    await flushPromises()
    expect(server.calls[0]!.path).toBe('/api/v1/statuses/100/favourite')
  })
})

describe('StatusActionBar: writing', () => {
  beforeEach(() => composeFromStatus.mockClear())
  function answerRelationships() {
    server.respond = (call) => (call.path === '/api/v1/accounts/relationships' ? [relationship('3')] : undefined)
  }

  it('Reply opens the composer for the post, as the card’s account', async () => {
    const post = carolPost()
    const { wrapper } = mountBar(post)
    await button(wrapper, /^Reply$/).trigger('click')
    expect(composeFromStatus).toHaveBeenCalledWith('reply', post, alice.key)
  })

  it('Quote sits in More for a post its policy lets the reader quote', async () => {
    answerRelationships()
    const post = carolPost()
    const { wrapper } = mountBar(post)
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    const quote = wrapper.findAll('[role="menuitem"]').find((i) => i.text() === 'Quote')!
    await quote.trigger('click')
    expect(composeFromStatus).toHaveBeenCalledWith('quote', post, alice.key)
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
  })

  it('a post nobody may quote offers no Quote', async () => {
    answerRelationships()
    const post = carolPost({ quoteApproval: { automatic: [], manual: [], currentUser: 'denied' } } as Partial<mastodon.v1.Status>)
    const { wrapper } = mountBar(post)
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[role="menuitem"]').map((i) => i.text())).not.toContain('Quote')
  })

  it('one’s own post can be edited, or deleted and redrafted after a question', async () => {
    const own = carolPost({ account: carolOnA({ id: alice.id, username: alice.username, acct: alice.username }) })
    const { wrapper } = mountBar(own)
    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    const items = wrapper.findAll('[role="menuitem"]')
    expect(items.map((i) => i.text())).toEqual(expect.arrayContaining(['Edit', 'Delete and redraft', 'Delete post']))
    await items.find((i) => i.text() === 'Edit')!.trigger('click')
    expect(composeFromStatus).toHaveBeenLastCalledWith('edit', own, alice.key)

    await button(wrapper, /^More actions/).trigger('click')
    await flushPromises()
    await wrapper.findAll('[role="menuitem"]').find((i) => i.text() === 'Delete and redraft')!.trigger('click')
    expect(composeFromStatus).not.toHaveBeenCalledWith('redraft', own, alice.key)
    expect(wrapper.text()).toContain('Delete this post and open it as a new draft?')
    await wrapper.findAll('button').find((b) => b.text() === 'Delete and redraft')!.trigger('click')
    expect(composeFromStatus).toHaveBeenLastCalledWith('redraft', own, alice.key)
  })
})
