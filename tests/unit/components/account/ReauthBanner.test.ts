import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import App from '@/App.vue'
import type { StoredAccount } from '@/stores/accounts-storage'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, bob, carol, seedAccounts } from '../../helpers/accounts'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  sessionStorage.clear()
})

async function mountApp(accounts: readonly StoredAccount[], path = '/') {
  const app = createTestApp({ locale: 'en' })
  const store = seedAccounts(accounts, accounts[0]?.key)
  await app.router.push(path)
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, store, router: app.router }
}

type Mounted = Awaited<ReturnType<typeof mountApp>>['wrapper']

const banner = (wrapper: Mounted) => wrapper.find('section[aria-label="Accounts that need you to sign in again"]')

describe('ReauthBanner', () => {
  it('is not shown while every account can reach its server', async () => {
    const { wrapper } = await mountApp([alice, bob])
    expect(banner(wrapper).exists()).toBe(false)
  })

  it('names each account that needs to sign in again, and only those', async () => {
    const lost = { ...bob, needsReauth: true }
    const { wrapper } = await mountApp([alice, lost, carol])
    const items = banner(wrapper).findAll('li')
    expect(items.map((item) => item.get('p').text())).toEqual([
      '@bob@localhost:4180 can no longer reach its server with this sign-in. Sign in again to keep using it.',
      '@carol@localhost:4181 can no longer reach its server with this sign-in. Sign in again to keep using it.',
    ])
    expect(banner(wrapper).text()).not.toContain('@alice@')
  })

  it('signs in again with one click, for that very account', async () => {
    const { wrapper, router } = await mountApp([alice, carol])
    const link = banner(wrapper).get('a')
    expect(link.text()).toBe('Sign in again')
    expect(link.attributes('aria-label')).toBe('Sign in again as @carol@localhost:4181')
    expect(link.attributes('href')).toBe(router.resolve({ name: 'sign-in', query: { reauth: carol.key } }).href)

    await link.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sign-in'))
    expect(router.currentRoute.value.query.reauth).toBe(carol.key)
    // On the sign-in page itself, the banner steps aside.
    expect(banner(wrapper).exists()).toBe(false)
  })

  it('sits above the page, outside the main content', async () => {
    const { wrapper } = await mountApp([carol])
    const section = banner(wrapper).element
    const main = wrapper.get('main').element
    expect(main.contains(section)).toBe(false)
    expect(section.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('appears inside a polite status region when an account loses its sign-in while the app is open', async () => {
    const { wrapper, store } = await mountApp([alice])
    const region = wrapper.get('[aria-live="polite"]')
    expect(region.text()).toBe('')

    store.markNeedsReauth(alice.key)
    await flushPromises()
    // The same, already-present region: its new content is announced once.
    expect(wrapper.get('[aria-live="polite"]').element).toBe(region.element)
    expect(region.text()).toContain('@alice@localhost:4180 can no longer reach its server')
  })

  it('is not shown on the sign-in and sign-in callback pages', async () => {
    const signIn = await mountApp([carol], '/sign-in')
    expect(banner(signIn.wrapper).exists()).toBe(false)
    signIn.wrapper.unmount()
    resetDocument()

    const callback = await mountApp([carol], '/oauth/callback')
    expect(banner(callback.wrapper).exists()).toBe(false)
  })
})
