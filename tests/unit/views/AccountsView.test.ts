import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import AccountsView from '@/views/AccountsView.vue'
import type { Locale } from '@/i18n/locales'
import type { StoredAccount } from '@/stores/accounts-storage'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, bob, carol, seedAccounts, storedAccount } from '../helpers/accounts'

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.restoreAllMocks()
  resetDocument()
  sessionStorage.clear()
})

async function mountAccounts(accounts: readonly StoredAccount[] = [alice, bob, carol], options: { locale?: Locale } = {}) {
  const app = createTestApp({ locale: options.locale ?? 'en' })
  const store = seedAccounts(accounts, accounts[0]?.key)
  await app.router.push('/accounts')
  await app.router.isReady()
  const wrapper = mount(AccountsView, { global: app.global, attachTo: document.body })
  return { wrapper, store, router: app.router }
}

type Mounted = Awaited<ReturnType<typeof mountAccounts>>['wrapper']

function entry(wrapper: Mounted, name: string) {
  const found = wrapper.findAll('li.account-item').find((item) => item.get('h2').text() === name)
  if (!found) throw new Error(`no entry for ${name}`)
  return found
}

function buttonNamed(scope: ReturnType<typeof entry>, text: string) {
  const found = scope.findAll('button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button "${text}"`)
  return found
}

const status = (wrapper: Mounted) => wrapper.get('[role="status"]')

/** Lets signOut resolve with the given server answer, still removing the account like the store does. */
function signOutAnswers(store: Awaited<ReturnType<typeof mountAccounts>>['store'], revoked: boolean) {
  const real = store.signOut
  return vi.spyOn(store, 'signOut').mockImplementation(async (key: string) => {
    await real(key)
    return { revoked }
  })
}

describe('AccountsView', () => {
  it('lists every account with its name, handle, instance and state', async () => {
    const { wrapper } = await mountAccounts()
    expect(wrapper.get('h1').text()).toBe('Accounts')
    expect(wrapper.get('ul').attributes('aria-label')).toBe('Signed-in accounts')

    const first = entry(wrapper, 'Alice Demo')
    expect(first.text()).toContain('@alice@localhost:4180')
    expect(first.text()).toContain('Instance: localhost:4180')
    expect(first.findAll('.account-item__badge').map((b) => b.text())).toEqual(['Current'])
    expect(first.get('img').attributes('alt')).toBe('')

    const third = entry(wrapper, 'Carol on Second Town')
    expect(third.text()).toContain('@carol@localhost:4181')
    expect(third.findAll('.account-item__badge').map((b) => b.text())).toEqual(['Needs sign-in'])
  })

  it('offers "Use this account" for every account but the current one, and switches to it', async () => {
    const { wrapper, store } = await mountAccounts()
    expect(entry(wrapper, 'Alice Demo').findAll('button').map((b) => b.text())).toEqual(['Sign out'])

    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Use this account').trigger('click')
    await flushPromises()

    expect(store.currentKey).toBe(bob.key)
    expect(entry(wrapper, 'Bob Builder').findAll('.account-item__badge').map((b) => b.text())).toEqual(['Current'])
    expect(status(wrapper).text()).toBe('Now using @bob@localhost:4180.')
    // The button is gone; focus stays on the same account.
    expect(document.activeElement).toBe(entry(wrapper, 'Bob Builder').get('h2').element)
  })

  it('links "Sign in again" to sign-in for that account, only where it is needed', async () => {
    const { wrapper, router } = await mountAccounts()
    expect(entry(wrapper, 'Alice Demo').text()).not.toContain('Sign in again')

    const link = entry(wrapper, 'Carol on Second Town').findAll('a').find((a) => a.text() === 'Sign in again')
    expect(link?.attributes('href')).toBe(router.resolve({ name: 'sign-in', query: { reauth: carol.key } }).href)
    await link?.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('sign-in'))
    expect(router.currentRoute.value.query.reauth).toBe('localhost:4181|c-9')
  })

  it('asks before signing out, and cancelling changes nothing', async () => {
    const { wrapper, store } = await mountAccounts()
    const signOut = vi.spyOn(store, 'signOut')
    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Sign out').trigger('click')

    const question = entry(wrapper, 'Bob Builder').get('[role="group"]')
    expect(question.text()).toContain('Sign out of @bob@localhost:4180? This removes it from this browser and revokes its access.')
    expect(document.activeElement).toBe(question.element)
    expect(wrapper.get(`#${question.attributes('aria-labelledby')}`).text()).toContain('Sign out of @bob@localhost:4180?')

    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Cancel').trigger('click')
    await flushPromises()
    expect(entry(wrapper, 'Bob Builder').find('[role="group"]').exists()).toBe(false)
    expect(document.activeElement?.textContent?.trim()).toBe('Sign out')
    expect(signOut).not.toHaveBeenCalled()
    expect(store.accounts).toHaveLength(3)
  })

  it('signs out after confirming and says so', async () => {
    const { wrapper, store } = await mountAccounts()
    const signOut = signOutAnswers(store, true)
    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Sign out').trigger('click')
    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Confirm sign-out').trigger('click')
    await flushPromises()

    expect(signOut).toHaveBeenCalledWith(bob.key)
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Alice Demo', 'Carol on Second Town'])
    expect(status(wrapper).text()).toBe('Signed out of @bob@localhost:4180.')
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })

  it('says when the server did not confirm that the access was revoked', async () => {
    const { wrapper, store } = await mountAccounts()
    signOutAnswers(store, false)
    await buttonNamed(entry(wrapper, 'Alice Demo'), 'Sign out').trigger('click')
    await buttonNamed(entry(wrapper, 'Alice Demo'), 'Confirm sign-out').trigger('click')
    await flushPromises()

    expect(status(wrapper).text()).toBe(
      'Removed @alice@localhost:4180 from this browser, but its server did not confirm that the access was revoked. You can also revoke it in your account settings on the server.',
    )
    // The current account was signed out: another one takes its place.
    expect(store.currentKey).toBe(bob.key)
    expect(entry(wrapper, 'Bob Builder').findAll('.account-item__badge').map((b) => b.text())).toEqual(['Current'])
  })

  it('keeps the buttons disabled while the sign-out is running', async () => {
    const { wrapper, store } = await mountAccounts()
    let finish: (value: { revoked: boolean }) => void = () => {}
    vi.spyOn(store, 'signOut').mockReturnValue(new Promise((resolve) => (finish = resolve)))
    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Sign out').trigger('click')
    await buttonNamed(entry(wrapper, 'Bob Builder'), 'Confirm sign-out').trigger('click')

    const group = entry(wrapper, 'Bob Builder').get('[role="group"]')
    expect(group.text()).toContain('Signing out…')
    expect(group.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    finish({ revoked: true })
    await flushPromises()
  })

  it('announces through a polite status region that is always present', async () => {
    const { wrapper } = await mountAccounts()
    expect(status(wrapper).text()).toBe('')
  })

  it('shows a display name containing markup as plain text', async () => {
    const markup = storedAccount({ username: 'mallory', displayName: '<img src=x onerror=alert(1)><b>Bold</b>' })
    const { wrapper } = await mountAccounts([markup])
    expect(wrapper.get('h2').text()).toBe('<img src=x onerror=alert(1)><b>Bold</b>')
    expect(wrapper.find('b').exists()).toBe(false)
  })

  it('links to adding another account', async () => {
    const { wrapper } = await mountAccounts()
    const add = wrapper.findAll('a').find((a) => a.text() === 'Add another account')
    expect(add?.attributes('href')).toBe('/sign-in')
  })

  it('explains when no account is signed in and links to sign-in', async () => {
    const { wrapper } = await mountAccounts([])
    expect(wrapper.find('ul').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe('No accounts yet')
    const links = wrapper.findAll('a')
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([['Sign in', '/sign-in']])
  })

  it('speaks Dutch when the app does', async () => {
    const { wrapper } = await mountAccounts([alice, carol], { locale: 'nl' })
    expect(wrapper.get('h1').text()).toBe('Accounts')
    expect(wrapper.text()).toContain('De accounts die in deze browser bij Deckodon zijn ingelogd.')
    expect(entry(wrapper, 'Alice Demo').text()).toContain('Server: localhost:4180')
    expect(entry(wrapper, 'Alice Demo').text()).toContain('Huidig')
    const carolEntry = entry(wrapper, 'Carol on Second Town')
    expect(carolEntry.text()).toContain('Opnieuw inloggen nodig')
    expect(carolEntry.findAll('a, button').map((c) => c.text())).toEqual(['Opnieuw inloggen', 'Dit account gebruiken', 'Uitloggen'])

    await buttonNamed(carolEntry, 'Uitloggen').trigger('click')
    expect(entry(wrapper, 'Carol on Second Town').get('[role="group"]').text()).toContain(
      'Uitloggen bij @carol@localhost:4181? Het account verdwijnt uit deze browser en de toegang ervan wordt ingetrokken.',
    )
  })
})
