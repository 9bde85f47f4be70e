import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import DeckColumn from '@/components/deck/DeckColumn.vue'
import { useDeckStore } from '@/stores/deck'
import { COLUMN_WIDTH, type ColumnParams, type ColumnType } from '@/timeline/column-spec'
import type { Locale } from '@/i18n/locales'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, carol, seedAccounts, storedAccount } from '../../helpers/accounts'
import { fakeClient, notFound, routeCalls, serverError, type LoggedRequest } from '../../helpers/column-fakes'

vi.mock('@/components/column/ColumnTimeline.vue', async () => ({ default: (await import('./column-stub')).ColumnTimelineStub }))

enableAutoUnmount(afterEach)
afterEach(resetDocument)

const frank = storedAccount({ username: 'frank', id: '7', host: 'localhost:4181', displayName: 'Frank' })

function setup(columns: Array<{ type: ColumnType; params?: ColumnParams; accountKey?: string }>, locale: Locale = 'en') {
  const app = createTestApp({ locale })
  seedAccounts([alice, frank, carol], alice.key)
  const deck = useDeckStore()
  deck.init()
  for (const c of columns) deck.addColumn({ type: c.type, accountKey: c.accountKey ?? alice.key, params: c.params ?? {} })
  const mountAt = (index: number, narrow = false) =>
    mount(DeckColumn, {
      props: { column: deck.columns[index]!, index, count: deck.columns.length, narrow },
      global: app.global,
      attachTo: document.body,
    })
  return { deck, mountAt }
}

describe('DeckColumn', () => {
  it.each([
    [{ type: 'home' }, 'Home'],
    [{ type: 'hashtag', params: { tag: 'caturday' } }, '#caturday'],
    [{ type: 'hashtag', params: { tag: 'caturday', localOnly: true } }, '#caturday (local)'],
    [{ type: 'list', params: { listId: '1', listTitle: 'Friends' } }, 'List: Friends'],
    [{ type: 'profile', params: { acct: 'x@host.example' } }, 'Profile @x@host.example'],
    [{ type: 'profile', params: { acct: 'x', profileTab: 'media' } }, 'Profile @x (media)'],
    [{ type: 'federated', params: { remoteOnly: true } }, 'Federated (remote only)'],
    [{ type: 'conversations' }, 'Direct messages'],
  ] as const)('is a region named by its title and its account: %j', (spec, title) => {
    const { mountAt } = setup([spec as { type: ColumnType; params?: ColumnParams }])
    const wrapper = mountAt(0)
    const section = wrapper.get('section')
    const names = section.attributes('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)?.textContent?.trim())
    expect(names).toEqual([title, '@alice@localhost:4180'])
    expect(wrapper.get('h2').text()).toBe(title)
    expect(wrapper.find('.avatar').exists()).toBe(true)
    expect(wrapper.get('[data-test="timeline"]').attributes('data-type')).toBe(spec.type)
  })

  it('tells twin columns (the same timeline of the same account) apart by number, and leaves others alone', () => {
    const { mountAt } = setup([{ type: 'home' }, { type: 'local' }, { type: 'home' }])
    const names = (index: number) => {
      const wrapper = mountAt(index)
      const section = wrapper.get('section')
      const parts = section.attributes('aria-labelledby')!.split(' ').map((id) => section.element.querySelector(`[id="${id}"]`)?.textContent?.trim())
      wrapper.unmount()
      return parts
    }
    expect(names(0)).toEqual(['Home', '@alice@localhost:4180', '(number 1)'])
    expect(names(2)).toEqual(['Home', '@alice@localhost:4180', '(number 2)'])
    expect(names(1)).toEqual(['Local', '@alice@localhost:4180'])
  })

  it('shows whose column it is for each account', () => {
    const { mountAt } = setup([{ type: 'home', accountKey: frank.key }])
    expect(mountAt(0).get('.deck-column__account').text()).toBe('@frank@localhost:4181')
  })

  it('moves with buttons that are disabled at the ends', async () => {
    const { deck, mountAt } = setup([{ type: 'home' }, { type: 'local' }])
    const first = mountAt(0)
    const left = first.get('button[aria-label="Move column Home left"]')
    const right = first.get('button[aria-label="Move column Home right"]')
    expect(left.attributes('disabled')).toBeDefined()
    expect(right.attributes('disabled')).toBeUndefined()
    await right.trigger('click')
    expect(deck.columns.map((c) => c.type)).toEqual(['local', 'home'])
    await first.setProps({ column: deck.columns[1]!, index: 1 })
    expect(right.attributes('disabled')).toBeDefined()
    await left.trigger('click')
    expect(deck.columns.map((c) => c.type)).toEqual(['home', 'local'])
  })

  it('collapses and expands with aria-expanded', async () => {
    const { deck, mountAt } = setup([{ type: 'home' }])
    const wrapper = mountAt(0)
    const toggle = wrapper.get('button[aria-expanded]')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(toggle.attributes('aria-label')).toBe('Collapse column Home')
    const body = document.getElementById(toggle.attributes('aria-controls')!)!
    await toggle.trigger('click')
    expect(deck.columns[0]!.collapsed).toBe(true)
    await wrapper.setProps({ column: deck.columns[0]! })
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(toggle.attributes('aria-label')).toBe('Expand column Home')
    expect(body.style.display).toBe('none')
    expect(wrapper.find('[role="separator"]').exists()).toBe(false)
  })

  it('resizes with the keyboard within the limits', async () => {
    const { deck, mountAt } = setup([{ type: 'home' }])
    const wrapper = mountAt(0)
    const handle = wrapper.get('[role="separator"]')
    expect(handle.attributes()).toMatchObject({
      'aria-orientation': 'vertical',
      'aria-valuenow': String(COLUMN_WIDTH.default),
      'aria-valuemin': String(COLUMN_WIDTH.min),
      'aria-valuemax': String(COLUMN_WIDTH.max),
      'aria-label': 'Width of column Home',
      tabindex: '0',
    })
    const press = async (key: string) => {
      await handle.trigger('keydown', { key })
      await wrapper.setProps({ column: deck.columns[0]! })
    }
    await press('ArrowRight')
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.default + 20)
    expect(handle.attributes('aria-valuenow')).toBe(String(COLUMN_WIDTH.default + 20))
    await press('ArrowLeft')
    await press('ArrowLeft')
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.default - 20)
    await press('End')
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.max)
    await press('ArrowRight')
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.max)
    await press('Home')
    await press('PageDown')
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.min)
    expect(wrapper.get('section').attributes('style')).toContain(`--column-width: ${COLUMN_WIDTH.min}px`)
  })

  it('resizes by dragging the handle with the mouse', async () => {
    const { deck, mountAt } = setup([{ type: 'home' }])
    const wrapper = mountAt(0)
    const handle = wrapper.get('[role="separator"]')
    await handle.trigger('pointerdown', { button: 0, clientX: 100, pointerId: 1 })
    await handle.trigger('pointermove', { clientX: 150, pointerId: 1 })
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.default + 50)
    await handle.trigger('pointerup', { pointerId: 1 })
    await handle.trigger('pointermove', { clientX: 400, pointerId: 1 })
    expect(deck.columns[0]!.width).toBe(COLUMN_WIDTH.default + 50)
  })

  it('reorders by dragging one header onto another column', async () => {
    const { deck, mountAt } = setup([{ type: 'home' }, { type: 'local' }, { type: 'trending' }])
    const first = mountAt(0)
    const last = mountAt(2)
    expect(first.get('header').attributes('draggable')).toBe('true')
    await first.get('header').trigger('dragstart')
    await last.get('section').trigger('dragover')
    expect(last.get('section').classes()).toContain('deck-column--drop')
    await last.get('section').trigger('drop')
    expect(deck.columns.map((c) => c.type)).toEqual(['local', 'trending', 'home'])
  })

  it('asks the deck to remove it', async () => {
    const { mountAt } = setup([{ type: 'home' }])
    const wrapper = mountAt(0)
    await wrapper.get('button[aria-label="Remove column Home"]').trigger('click')
    expect(wrapper.emitted('remove')).toEqual([[wrapper.props('column').id]])
  })

  it('keeps a column whose account is signed out, says so, and offers to remove it', async () => {
    const { mountAt } = setup([{ type: 'home', accountKey: 'gone.example|9' }])
    const wrapper = mountAt(0)
    expect(wrapper.find('[data-test="timeline"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Account signed out')
    expect(wrapper.get('.deck-column__account').text()).toBe('gone.example')
    await wrapper.get('button.button').trigger('click')
    expect(wrapper.emitted('remove')).toHaveLength(1)
  })

  it('has no resize handle and no dragging in narrow mode', () => {
    const { mountAt } = setup([{ type: 'home' }])
    const wrapper = mountAt(0, true)
    expect(wrapper.find('[role="separator"]').exists()).toBe(false)
    expect(wrapper.get('header').attributes('draggable')).toBe('false')
  })

  it('speaks Dutch', () => {
    const { mountAt } = setup([{ type: 'list', params: { listId: '1', listTitle: 'Vrienden' } }], 'nl')
    const wrapper = mountAt(0)
    expect(wrapper.get('h2').text()).toBe('Lijst: Vrienden')
    expect(wrapper.find('button[aria-label="Kolom Lijst: Vrienden inklappen"]').exists()).toBe(true)
  })
})

describe('a hashtag column’s header', () => {
  const tagAnswer = (following: boolean) => ({ id: '1', name: 'caturday', url: 'x', history: [], following })

  it('follows and unfollows the tag as the column’s account', async () => {
    const { mountAt } = setup([{ type: 'hashtag', params: { tag: 'caturday' }, accountKey: frank.key }])
    const log: LoggedRequest[] = []
    routeCalls({
      [frank.key]: fakeClient(frank.key, log, {
        'tag-info:caturday': [tagAnswer(false)],
        'tag-follow:caturday': [tagAnswer(true)],
      }),
    })
    const wrapper = mountAt(0)
    await vi.waitFor(() => expect(wrapper.find('.tag-column-follow__button').exists()).toBe(true))
    const toggle = wrapper.get('.tag-column-follow__button')
    expect(toggle.attributes('aria-label')).toBe('Follow #caturday')
    await toggle.trigger('click')
    await flushPromises()
    expect(wrapper.get('.tag-column-follow__button').attributes('aria-label')).toBe('Unfollow #caturday')
    expect(log.map((r) => [r.account, r.endpoint])).toEqual([
      [frank.key, 'tag-info:caturday'],
      [frank.key, 'tag-follow:caturday'],
    ])
  })

  it('says so under the header when the server refuses, and puts the button back', async () => {
    const { mountAt } = setup([{ type: 'hashtag', params: { tag: 'caturday' } }])
    routeCalls({
      [alice.key]: fakeClient(alice.key, [], { 'tag-info:caturday': [tagAnswer(false)], 'tag-follow:caturday': [serverError()] }),
    })
    const wrapper = mountAt(0)
    await vi.waitFor(() => expect(wrapper.find('.tag-column-follow__button').exists()).toBe(true))
    await wrapper.get('.tag-column-follow__button').trigger('click')
    await flushPromises()
    expect(wrapper.get('.tag-column-follow__button').attributes('aria-label')).toBe('Follow #caturday')
    expect(wrapper.get('[role="alert"]').text()).toBe('Could not change whether you follow #caturday.')
  })

  it('has no follow button where the server does not say whether the account follows the tag', async () => {
    const { mountAt } = setup([{ type: 'hashtag', params: { tag: 'caturday' } }])
    const log: LoggedRequest[] = []
    routeCalls({ [alice.key]: fakeClient(alice.key, log, { 'tag-info:caturday': [notFound()] }) })
    const wrapper = mountAt(0)
    await vi.waitFor(() => expect(log).toHaveLength(1))
    await flushPromises()
    expect(wrapper.find('.tag-column-follow__button').exists()).toBe(false)
  })
})
