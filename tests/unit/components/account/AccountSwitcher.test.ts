import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import AccountSwitcher from '@/components/account/AccountSwitcher.vue'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, bob, carol, seedAccounts, storedAccount } from '../../helpers/accounts'
import type { StoredAccount } from '@/stores/accounts-storage'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  sessionStorage.clear()
})

async function mountSwitcher(accounts: readonly StoredAccount[] = [alice, bob, carol], current = alice.key) {
  const app = createTestApp({ locale: 'en' })
  const store = seedAccounts(accounts, accounts.length > 0 ? current : undefined)
  await app.router.push('/')
  await app.router.isReady()
  const wrapper = mount(AccountSwitcher, { global: app.global, attachTo: document.body })
  return { wrapper, store, router: app.router }
}

type Mounted = Awaited<ReturnType<typeof mountSwitcher>>['wrapper']

const button = (wrapper: Mounted) => wrapper.get('button[aria-haspopup="menu"]')
const menu = (wrapper: Mounted) => wrapper.find('[role="menu"]')
const items = (wrapper: Mounted) => wrapper.findAll('[role="menuitem"]')
const focused = () => document.activeElement

async function open(wrapper: Mounted) {
  await button(wrapper).trigger('click')
  await flushPromises()
}

async function press(target: { element: Element } | Element, key: string) {
  const element = target instanceof Element ? target : target.element
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  await flushPromises()
}

describe('AccountSwitcher', () => {
  it('is not there when no account is signed in', async () => {
    const { wrapper } = await mountSwitcher([])
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('names the current account on a button that opens a menu', async () => {
    const { wrapper } = await mountSwitcher()
    const trigger = button(wrapper)
    expect(trigger.attributes('aria-label')).toBe('Current account: Alice Demo, @alice@localhost:4180. Switch account')
    expect(trigger.attributes('aria-expanded')).toBe('false')
    expect(trigger.text()).toContain('@alice@localhost:4180')
    expect(menu(wrapper).exists()).toBe(false)
  })

  it('lists every account with its name and handle, marking the current one and those needing sign-in', async () => {
    const { wrapper } = await mountSwitcher()
    await open(wrapper)

    expect(button(wrapper).attributes('aria-expanded')).toBe('true')
    expect(button(wrapper).attributes('aria-controls')).toBe(menu(wrapper).attributes('id'))
    const accounts = items(wrapper).slice(0, 3)
    expect(accounts.map((item) => item.text())).toEqual([
      'Alice Demo@alice@localhost:4180',
      'Bob Builder@bob@localhost:4180',
      'Carol on Second Town@carol@localhost:4181Sign in again',
    ])
    expect(accounts.map((item) => item.attributes('aria-current'))).toEqual(['true', undefined, undefined])
    expect(accounts[0]?.find('svg').exists()).toBe(true)
    expect(accounts[1]?.find('svg').exists()).toBe(false)
  })

  it('offers adding an account and managing accounts', async () => {
    const { wrapper } = await mountSwitcher()
    await open(wrapper)
    const links = items(wrapper).slice(3)
    expect(links.map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Add account', '/sign-in'],
      ['Manage accounts', '/accounts'],
    ])
  })

  it('switches the current account in place, without leaving the page, and closes', async () => {
    const { wrapper, store, router } = await mountSwitcher()
    await open(wrapper)
    await items(wrapper)[1]?.trigger('click')
    await flushPromises()

    expect(store.current?.key).toBe(bob.key)
    expect(router.currentRoute.value.fullPath).toBe('/')
    expect(menu(wrapper).exists()).toBe(false)
    expect(button(wrapper).attributes('aria-label')).toBe('Current account: Bob Builder, @bob@localhost:4180. Switch account')
    expect(focused()).toBe(button(wrapper).element)
  })

  it('is usable with the arrow keys, Home and End', async () => {
    const { wrapper } = await mountSwitcher([alice, bob, carol], bob.key)
    await press(button(wrapper), 'ArrowDown')
    // Opens on the current account.
    expect(focused()?.textContent).toContain('Bob Builder')

    await press(focused()!, 'ArrowDown')
    expect(focused()?.textContent).toContain('Carol')
    await press(focused()!, 'End')
    expect(focused()?.textContent).toBe('Manage accounts')
    await press(focused()!, 'ArrowDown')
    expect(focused()?.textContent).toContain('Alice Demo')
    await press(focused()!, 'ArrowUp')
    expect(focused()?.textContent).toBe('Manage accounts')
    await press(focused()!, 'Home')
    expect(focused()?.textContent).toContain('Alice Demo')
  })

  it('opens on the last item with ArrowUp', async () => {
    const { wrapper } = await mountSwitcher()
    await press(button(wrapper), 'ArrowUp')
    expect(focused()?.textContent).toBe('Manage accounts')
  })

  it('closes on Escape and gives focus back to the button', async () => {
    const { wrapper } = await mountSwitcher()
    await open(wrapper)
    expect(focused()?.getAttribute('role')).toBe('menuitem')

    await press(focused()!, 'Escape')
    expect(menu(wrapper).exists()).toBe(false)
    expect(button(wrapper).attributes('aria-expanded')).toBe('false')
    expect(focused()).toBe(button(wrapper).element)
  })

  it('closes when focus is tabbed away or someone clicks elsewhere', async () => {
    const { wrapper } = await mountSwitcher()
    await open(wrapper)
    await press(focused()!, 'Tab')
    expect(menu(wrapper).exists()).toBe(false)

    await open(wrapper)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await flushPromises()
    expect(menu(wrapper).exists()).toBe(false)
  })

  it('shows a display name containing markup as plain text', async () => {
    const markup = storedAccount({ username: 'mallory', displayName: '<img src=x onerror=alert(1)><b>Bold</b>' })
    const { wrapper } = await mountSwitcher([markup], markup.key)
    await open(wrapper)

    expect(items(wrapper)[0]?.text()).toContain('<img src=x onerror=alert(1)><b>Bold</b>')
    expect(button(wrapper).attributes('aria-label')).toContain('<b>Bold</b>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.findAll('img').every((img) => img.attributes('src') !== 'x')).toBe(true)
  })
})
