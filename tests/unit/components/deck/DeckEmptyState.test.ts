import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import DeckEmptyState from '@/components/deck/DeckEmptyState.vue'
import type { Locale } from '@/i18n/locales'
import type { StoredAccount } from '@/stores/accounts-storage'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, bob, seedAccounts, storedAccount } from '../../helpers/accounts'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  sessionStorage.clear()
})

function mountEmptyState(accounts: readonly StoredAccount[], current?: string, locale: Locale = 'en') {
  const app = createTestApp({ locale })
  seedAccounts(accounts, current)
  return mount(DeckEmptyState, { global: app.global })
}

describe('DeckEmptyState', () => {
  it('asks people who are not signed in to sign in', () => {
    const wrapper = mountEmptyState([])
    expect(wrapper.text()).toContain('Sign in with your Mastodon account first')
    expect(wrapper.get('a').attributes('href')).toBe('/sign-in')
  })

  it('says which account is signed in and how to add a column, with no control that does nothing', () => {
    const wrapper = mountEmptyState([alice, bob], bob.key)
    expect(wrapper.get('h2').text()).toBe('No columns yet')
    expect(wrapper.text()).toContain('Signed in as Bob Builder (@bob@localhost:4180).')
    expect(wrapper.text()).toContain('home timeline, notifications, hashtags and lists')
    expect(wrapper.findAll('a, button')).toEqual([])
  })

  it('shows a display name containing markup as plain text', () => {
    const markup = storedAccount({ username: 'mallory', displayName: '<b>Bold</b>' })
    const wrapper = mountEmptyState([markup])
    expect(wrapper.text()).toContain('Signed in as <b>Bold</b> (@mallory@localhost:4180).')
    expect(wrapper.find('b').exists()).toBe(false)
  })

  it('speaks Dutch when the app does', () => {
    const wrapper = mountEmptyState([alice], alice.key, 'nl')
    expect(wrapper.text()).toContain('Ingelogd als Alice Demo (@alice@localhost:4180).')
    expect(wrapper.text()).toContain('Voeg een kolom toe met de knop “Kolom toevoegen”')
  })
})
