import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import AppNav from '@/components/layout/AppNav.vue'
import type { Locale } from '@/i18n/locales'
import type { StoredAccount } from '@/stores/accounts-storage'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, seedAccounts } from '../../helpers/accounts'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  sessionStorage.clear()
})

async function mountNav(accounts: readonly StoredAccount[], locale: Locale = 'en') {
  const app = createTestApp({ locale })
  const store = seedAccounts(accounts)
  await app.router.push('/')
  await app.router.isReady()
  const wrapper = mount(AppNav, { global: app.global })
  return { wrapper, store }
}

const links = (wrapper: Awaited<ReturnType<typeof mountNav>>['wrapper']) =>
  wrapper.findAll('a').map((link) => [link.text(), link.attributes('href')])

describe('AppNav', () => {
  it('offers "Sign in" while no account is signed in', async () => {
    const { wrapper } = await mountNav([])
    expect(links(wrapper)).toEqual([
      ['Deck', '/'],
      ['Settings', '/settings'],
      ['Sign in', '/sign-in'],
    ])
  })

  it('links to the accounts and reads "Add account" once an account is signed in', async () => {
    const { wrapper } = await mountNav([alice])
    expect(links(wrapper)).toEqual([
      ['Deck', '/'],
      ['Explore', '/explore'],
      ['Accounts', '/accounts'],
      ['Settings', '/settings'],
      ['Add account', '/sign-in'],
    ])
  })

  it('goes back to "Sign in" when the last account signs out', async () => {
    const { wrapper, store } = await mountNav([alice])
    await store.signOut(alice.key)
    await flushPromises()
    expect(links(wrapper).map(([text]) => text)).toEqual(['Deck', 'Settings', 'Sign in'])
  })

  it('speaks Dutch when the app does', async () => {
    const { wrapper } = await mountNav([alice], 'nl')
    expect(links(wrapper).map(([text]) => text)).toEqual(['Deck', 'Verkennen', 'Accounts', 'Instellingen', 'Account toevoegen'])
  })
})
