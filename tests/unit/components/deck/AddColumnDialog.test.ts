import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import AddColumnDialog from '@/components/deck/AddColumnDialog.vue'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, seedAccounts, storedAccount } from '../../helpers/accounts'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.restoreAllMocks()
})

const frank = storedAccount({ username: 'frank', id: '7', host: 'localhost:4181', displayName: 'Frank' })

function open() {
  const app = createTestApp({ locale: 'en' })
  const accounts = seedAccounts([alice, frank], alice.key)
  const wrapper = mount(AddColumnDialog, { global: app.global, attachTo: document.body })
  return { wrapper, accounts }
}

describe('AddColumnDialog', () => {
  it('is a dialog named by its heading, listing every account with avatar and handle, the current one chosen', async () => {
    const { wrapper } = open()
    await flushPromises()
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('open')).toBeDefined()
    expect(document.getElementById(dialog.attributes('aria-labelledby')!)?.textContent?.trim()).toBe('Add a column')
    const radios = wrapper.findAll('input[name="account"]')
    expect(radios.map((r) => r.element.closest('label')?.textContent?.trim())).toEqual(['@alice@localhost:4180', '@frank@localhost:4181'])
    expect(wrapper.findAll('.avatar')).toHaveLength(2)
    expect((radios[0]!.element as HTMLInputElement).checked).toBe(true)
    expect(document.activeElement).toBe(radios[0]!.element)
  })

  it('adds a home column for the chosen account', async () => {
    const { wrapper } = open()
    await wrapper.findAll('input[name="account"]')[1]!.setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toEqual([[{ type: 'home', accountKey: frank.key, params: {} }]])
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  it('offers every type of column', () => {
    const { wrapper } = open()
    const options = wrapper.get('select').findAll('option').map((o) => o.text())
    expect(options).toEqual([
      'Home',
      'Notifications',
      'Mentions',
      'Local timeline',
      'Federated timeline',
      'Hashtag',
      'List',
      'Profile',
      'Bookmarks',
      'Favourites',
      'Direct messages',
      'Trending',
    ])
  })

  it('builds a remote-only federated column', async () => {
    const { wrapper } = open()
    await wrapper.get('select').setValue('federated')
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')?.[0]).toEqual([{ type: 'federated', accountKey: alice.key, params: { remoteOnly: true } }])
  })

  it('validates the hashtag and points at the error, then adds the column', async () => {
    const { wrapper } = open()
    await wrapper.get('select').setValue('hashtag')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('add')).toBeUndefined()
    const tag = wrapper.get('input[type="text"]')
    expect(tag.attributes('aria-invalid')).toBe('true')
    const described = tag.attributes('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent?.trim())
    expect(described).toContain('Enter a hashtag of letters, digits or underscores.')
    expect(document.activeElement).toBe(tag.element)

    await tag.setValue('#caturday')
    const inputs = wrapper.findAll('input[type="text"]')
    await inputs[1]!.setValue('cats kittens')
    await inputs[3]!.setValue('dogs')
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')?.[0]).toEqual([
      { type: 'hashtag', accountKey: alice.key, params: { tag: 'caturday', any: ['cats', 'kittens'], none: ['dogs'], localOnly: true } },
    ])
  })

  it("fetches the account's lists and adds the chosen one", async () => {
    const { wrapper, accounts } = open()
    const call = vi.spyOn(accounts, 'call').mockResolvedValue([
      { id: '12', title: 'Friends' },
      { id: '13', title: 'Work' },
    ])
    await wrapper.findAll('input[name="account"]')[1]!.setValue(true)
    await wrapper.get('select').setValue('list')
    await flushPromises()
    expect(call).toHaveBeenCalledWith(frank.key, expect.any(Function))
    const listSelect = wrapper.findAll('select')[1]!
    expect(listSelect.findAll('option').map((o) => o.text())).toEqual(['Friends', 'Work'])
    await listSelect.setValue('13')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')?.[0]).toEqual([{ type: 'list', accountKey: frank.key, params: { listId: '13', listTitle: 'Work' } }])
  })

  it('says when the lists cannot be loaded, and retries', async () => {
    const { wrapper, accounts } = open()
    const call = vi.spyOn(accounts, 'call').mockRejectedValueOnce(new Error('down')).mockResolvedValue([])
    await wrapper.get('select').setValue('list')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('The lists could not be loaded.')
    await wrapper.get('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(call).toHaveBeenCalledTimes(2)
    expect(wrapper.text()).toContain('This account has no lists.')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toBeUndefined()
    expect(wrapper.text()).toContain('Choose a list.')
  })

  it('builds a profile column with its tab, and rejects a bad handle', async () => {
    const { wrapper } = open()
    await wrapper.get('select').setValue('profile')
    const acct = wrapper.get('input[type="text"]')
    await acct.setValue('not a handle')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toBeUndefined()
    expect(acct.attributes('aria-invalid')).toBe('true')
    await acct.setValue('@frank@localhost:4181')
    await wrapper.findAll('select')[1]!.setValue('replies')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')?.[0]).toEqual([{ type: 'profile', accountKey: alice.key, params: { acct: 'frank@localhost:4181', profileTab: 'replies' } }])
  })

  it.each(['home', 'notifications', 'mentions', 'local', 'bookmarks', 'favourites', 'conversations', 'trending'])('adds a %s column', async (type) => {
    const { wrapper } = open()
    await wrapper.get('select').setValue(type)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')?.[0]).toEqual([{ type, accountKey: alice.key, params: {} }])
  })

  it('closes on Escape (cancel) and on Cancel, without adding', async () => {
    const { wrapper } = open()
    await wrapper.get('dialog').trigger('cancel')
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(wrapper.emitted('add')).toBeUndefined()
    const second = open().wrapper
    await second.findAll('button').find((b) => b.text() === 'Cancel')!.trigger('click')
    expect(second.emitted('close')).toHaveLength(1)
  })
})
