import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import App from '@/App.vue'
import { createTestApp, resetDocument, type TestAppOptions } from './helpers/test-app'

enableAutoUnmount(afterEach)

afterEach(() => {
  resetDocument()
})

async function mountApp(path = '/', options: TestAppOptions = {}) {
  const app = createTestApp({ locale: 'en', ...options })
  await app.router.push(path)
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { ...app, wrapper }
}

describe('the app shell', () => {
  it('has a labelled banner, navigation and main landmark', async () => {
    const { wrapper } = await mountApp()
    expect(wrapper.get('header').attributes('aria-label')).toBe('Deckodon')
    expect(wrapper.get('header').text()).toContain('Deckodon')
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Main')
    const main = wrapper.get('main')
    expect(main.attributes('id')).toBe('main')
    expect(main.attributes('aria-label')).toBe('Main content')
  })

  it('starts with a skip link that moves focus to the main content', async () => {
    const { wrapper } = await mountApp()
    const first = wrapper.find('a')
    expect(first.text()).toBe('Skip to main content')
    expect(first.attributes('href')).toBe('#main')
    await first.trigger('click')
    expect(document.activeElement).toBe(wrapper.get('main').element)
  })

  it('links to the deck, the settings and sign-in from the navigation', async () => {
    const { wrapper } = await mountApp()
    const links = wrapper.get('nav').findAll('a')
    expect(links.map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Deck', '/'],
      ['Settings', '/settings'],
      ['Sign in', '/sign-in'],
    ])
    expect(links[0]?.attributes('aria-current')).toBe('page')
  })

  it('keeps every link under the sub-path the client is served from', async () => {
    const { wrapper } = await mountApp('/', { base: '/client/' })
    const hrefs = wrapper.findAll('a[href^="/"]').map((link) => link.attributes('href'))
    expect(hrefs.length).toBeGreaterThan(3)
    for (const href of hrefs) expect(href).toMatch(/^\/client\//)
  })

  it('titles the page after the current view', async () => {
    await mountApp('/settings')
    expect(document.title).toBe('Settings · Deckodon')
  })

  it('moves focus to the new view heading and retitles the page after navigating', async () => {
    const { wrapper } = await mountApp()
    await wrapper.get('nav a[href="/settings"]').trigger('click')
    await flushPromises()

    const heading = wrapper.get('main h1')
    expect(heading.text()).toBe('Settings')
    expect(document.activeElement).toBe(heading.element)
    expect(document.title).toBe('Settings · Deckodon')
  })

  it('retitles the page when the language changes', async () => {
    const { settings } = await mountApp('/settings')
    settings.setLocale('nl')
    await flushPromises()
    expect(document.title).toBe('Instellingen · Deckodon')
    expect(document.documentElement.lang).toBe('nl')
  })

  it('shows a not-found page with a way home for unknown addresses', async () => {
    const { wrapper, router } = await mountApp('/no/such/page')
    expect(wrapper.get('main h1').text()).toBe('Page not found')
    expect(document.title).toBe('Page not found · Deckodon')

    await wrapper.get('main a').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('deck')
  })
})
