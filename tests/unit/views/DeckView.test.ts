import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import DeckView from '@/views/DeckView.vue'
import { useDeckStore } from '@/stores/deck'
import { DECK_STORAGE_KEY } from '@/stores/deck-storage'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts, storedAccount } from '../helpers/accounts'

vi.mock('@/components/column/ColumnTimeline.vue', async () => ({ default: (await import('../components/deck/column-stub')).ColumnTimelineStub }))

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.unstubAllGlobals()
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

function mountDeck(options: { accounts?: boolean; columns?: number; narrow?: boolean } = {}) {
  stubWidth(options.narrow ?? false)
  const app = createTestApp({ locale: 'en' })
  if (options.accounts !== false) seedAccounts([alice, frank], alice.key)
  const deck = useDeckStore()
  deck.init()
  const types = ['home', 'notifications', 'local'] as const
  for (let i = 0; i < (options.columns ?? 0); i++) deck.addColumn({ type: types[i % 3]!, accountKey: i % 2 ? frank.key : alice.key, params: {} })
  const wrapper = mount(DeckView, { global: app.global, attachTo: document.body })
  return { wrapper, deck }
}

describe('DeckView', () => {
  it('is a region labelled "Deck" by its heading', () => {
    const { wrapper } = mountDeck({ accounts: false })
    const region = wrapper.get('section')
    const heading = wrapper.get(`#${region.attributes('aria-labelledby')}`)
    expect(heading.element.tagName).toBe('H1')
    expect(heading.text()).toBe('Deck')
  })

  it('explains the empty deck and links to sign-in when nobody is signed in', () => {
    const { wrapper } = mountDeck({ accounts: false })
    expect(wrapper.get('h2').text()).toBe('No columns yet')
    expect(wrapper.text()).toContain('Sign in with your Mastodon account first')
    const link = wrapper.get('a')
    expect(link.text()).toBe('Sign in to get started')
    expect(link.attributes('href')).toBe('/sign-in')
    expect(wrapper.text()).not.toContain('Add column')
  })

  it('offers to add a column when the deck is empty', () => {
    const { wrapper } = mountDeck()
    expect(wrapper.text()).toContain('No columns yet')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Add column')).toBe(true)
  })

  it('shows the columns side by side, in order, each a region with its account', () => {
    const { wrapper } = mountDeck({ columns: 3 })
    const columns = wrapper.findAll('section.deck-column')
    expect(columns.map((c) => c.get('h2').text())).toEqual(['Home', 'Notifications', 'Local'])
    expect(columns.map((c) => c.get('.deck-column__account').text())).toEqual(['@alice@localhost:4180', '@frank@localhost:4181', '@alice@localhost:4180'])
    expect(wrapper.findAll('[data-test="timeline"]')).toHaveLength(3)
    expect(wrapper.findAll('[role="separator"]')).toHaveLength(3)
  })

  it('opens the add dialog, adds the column, and gives focus back to the button', async () => {
    const { wrapper, deck } = mountDeck()
    const add = wrapper.findAll('button').find((b) => b.text() === 'Add column')!
    await add.trigger('click')
    // The dialog loads on first use.
    await vi.waitFor(() => expect(wrapper.find('dialog').exists()).toBe(true))
    await flushPromises()
    await wrapper.findAll('dialog input[name="account"]')[1]!.setValue(true)
    await wrapper.get('dialog select').setValue('trending')
    await wrapper.get('dialog form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(document.activeElement).toBe(add.element)
    expect(deck.columns.map((c) => [c.type, c.accountKey])).toEqual([['trending', frank.key]])
    expect(wrapper.get('section.deck-column h2').text()).toBe('Trending')
    expect(JSON.parse(localStorage.getItem(DECK_STORAGE_KEY)!).decks[0].columns).toHaveLength(1)
  })

  it('moves a column with its buttons and keeps the focus on the button', async () => {
    const { wrapper, deck } = mountDeck({ columns: 2 })
    const right = wrapper.get('button[aria-label="Move column Home right"]')
    ;(right.element as HTMLButtonElement).focus()
    await right.trigger('click')
    await flushPromises()
    expect(deck.columns.map((c) => c.type)).toEqual(['notifications', 'home'])
    expect(wrapper.findAll('section.deck-column h2').map((h) => h.text())).toEqual(['Notifications', 'Home'])
    // At the end of the row the right button is disabled: focus moves to the left one.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move column Home left')
  })

  it('removes a column with undo', async () => {
    const { wrapper, deck } = mountDeck({ columns: 2 })
    await wrapper.get('button[aria-label="Remove column Home"]').trigger('click')
    await flushPromises()
    expect(deck.columns.map((c) => c.type)).toEqual(['notifications'])
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toContain('Column “Home” removed.')
    const undo = status.get('button')
    expect(document.activeElement).toBe(undo.element)
    await undo.trigger('click')
    expect(deck.columns.map((c) => c.type)).toEqual(['home', 'notifications'])
  })

  it('keeps and labels the column of a signed-out account, and removes it on request', async () => {
    localStorage.setItem(
      DECK_STORAGE_KEY,
      JSON.stringify({ version: 1, activeDeckId: 'd', decks: [{ id: 'd', name: '', columns: [{ id: 'c', type: 'home', accountKey: 'gone.example|9', params: {}, width: 380, collapsed: false }] }] }),
    )
    const { wrapper, deck } = mountDeck()
    expect(wrapper.text()).toContain('Account signed out')
    await wrapper.get('.deck-column__signed-out button').trigger('click')
    expect(deck.columns).toEqual([])
  })

  it('creates, renames, switches and deletes decks from the toolbar', async () => {
    const { wrapper, deck } = mountDeck({ columns: 1 })
    const button = (text: string) => wrapper.findAll('button').find((b) => b.text() === text)!
    await button('New deck').trigger('click')
    await wrapper.get('.deck-toolbar__form input').setValue('Work')
    await wrapper.get('.deck-toolbar__form').trigger('submit')
    await flushPromises()
    expect(deck.decks.map((d) => d.name)).toEqual(['', 'Work'])
    const select = wrapper.get('.deck-toolbar select')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['My deck', 'Work'])
    expect((select.element as HTMLSelectElement).value).toBe(deck.decks[1]!.id)
    expect(wrapper.findAll('section.deck-column')).toHaveLength(0)

    await button('Rename').trigger('click')
    await wrapper.get('.deck-toolbar__form input').setValue('Job')
    await wrapper.get('.deck-toolbar__form').trigger('submit')
    expect(deck.activeDeck?.name).toBe('Job')

    await select.setValue(deck.decks[0]!.id)
    expect(wrapper.findAll('section.deck-column')).toHaveLength(1)

    await button('Delete deck').trigger('click')
    expect(wrapper.text()).toContain('Delete the deck “My deck” and its column?')
    await button('Delete').trigger('click')
    expect(deck.decks.map((d) => d.name)).toEqual(['Job'])
    expect(button('Delete deck').attributes('disabled')).toBeDefined()
  })

  it('shows one column at a time on a narrow screen, with a picker', async () => {
    const { wrapper } = mountDeck({ columns: 3, narrow: true })
    expect(wrapper.findAll('section.deck-column')).toHaveLength(1)
    expect(wrapper.get('section.deck-column h2').text()).toBe('Home')
    expect(wrapper.find('[role="separator"]').exists()).toBe(false)
    const picker = wrapper.get('#deck-narrow-picker')
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['Home, @alice@localhost:4180', 'Notifications, @frank@localhost:4181', 'Local, @alice@localhost:4180'])
    expect(wrapper.text()).toContain('Column 1 of 3')
    await picker.setValue(picker.findAll('option')[2]!.element.value)
    expect(wrapper.findAll('section.deck-column')).toHaveLength(1)
    expect(wrapper.get('section.deck-column h2').text()).toBe('Local')
    expect(wrapper.text()).toContain('Column 3 of 3')
  })
})
