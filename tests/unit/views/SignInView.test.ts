import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import SignInView from '@/views/SignInView.vue'
import type { HostingConfig } from '@/config'
import type { Locale } from '@/i18n/locales'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { htmlResponse, jsonResponse, stubFetch, v2Instance } from '../helpers/fetch'

enableAutoUnmount(afterEach)

afterEach(() => {
  vi.unstubAllGlobals()
  resetDocument()
})

function mountSignIn(options: { config?: HostingConfig; locale?: Locale } = {}) {
  const app = createTestApp({ locale: options.locale ?? 'en', config: options.config })
  const wrapper = mount(SignInView, { global: app.global, attachTo: document.body })
  return wrapper
}

async function checkInstance(wrapper: ReturnType<typeof mountSignIn>, input: string) {
  await wrapper.get('input').setValue(input)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

function status(wrapper: ReturnType<typeof mountSignIn>) {
  return wrapper.get('#instance-check-status')
}

describe('SignInView', () => {
  it('has a labelled instance field and a check button', () => {
    const wrapper = mountSignIn()
    const input = wrapper.get('input')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Your instance')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Check instance')
  })

  it('shows what it found about the instance', async () => {
    const fetch = stubFetch(() => jsonResponse(v2Instance))
    const wrapper = mountSignIn()
    await checkInstance(wrapper, '@me@example.social')

    expect(fetch.mock.calls[0]?.[0]).toBe('https://example.social/api/v2/instance')
    const text = status(wrapper).text()
    expect(wrapper.get('h2').text()).toBe('Example Social')
    expect(text).toContain('example.social')
    expect(text).toContain('4.5.0')
    expect(text).toContain('A friendly place for examples.')
    expect(text).toContain('12,345 active users this month')
    expect(text).toContain('Sign-ups need approval by the moderators')
  })

  it('shows a description containing markup as plain text', async () => {
    stubFetch(() => jsonResponse({ ...v2Instance, description: '<img src=x onerror=alert(1)><b>Bold</b>' }))
    const wrapper = mountSignIn()
    await checkInstance(wrapper, 'example.social')

    expect(status(wrapper).text()).toContain('<img src=x onerror=alert(1)><b>Bold</b>')
    expect(status(wrapper).find('img').exists()).toBe(false)
    expect(status(wrapper).find('b').exists()).toBe(false)
  })

  it('announces results through a polite live region', async () => {
    stubFetch(() => jsonResponse(v2Instance))
    const wrapper = mountSignIn()
    expect(status(wrapper).attributes('aria-live')).toBe('polite')
    await checkInstance(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('Found it: Example Social at example.social.')
  })

  it('says it is checking while waiting for the server', async () => {
    stubFetch(() => new Promise<Response>(() => undefined))
    const wrapper = mountSignIn()
    await checkInstance(wrapper, 'example.social')
    expect(status(wrapper).text()).toBe('Checking example.social…')
  })

  it('asks for an address when the field is empty, and returns focus to the field', async () => {
    const fetch = stubFetch(() => jsonResponse(v2Instance))
    const wrapper = mountSignIn()
    await checkInstance(wrapper, '   ')

    expect(status(wrapper).text()).toContain('Enter the address of your instance first')
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('input').attributes('aria-describedby')).toContain('instance-check-status')
    expect(document.activeElement).toBe(wrapper.get('input').element)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('explains a malformed address and keeps what was typed', async () => {
    const wrapper = mountSignIn()
    await checkInstance(wrapper, 'not an instance')

    expect(status(wrapper).text()).toContain('“not an instance” does not look like an instance address')
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('not an instance')
    expect(status(wrapper).find('button').exists()).toBe(false)
  })

  it('explains an unreachable host, keeps the input and retries on request', async () => {
    let online = false
    stubFetch(() => {
      if (!online) throw new TypeError('Failed to fetch')
      return jsonResponse(v2Instance)
    })
    const wrapper = mountSignIn()
    await checkInstance(wrapper, 'example.social')

    expect(status(wrapper).text()).toContain('Could not reach example.social')
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('example.social')
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('false')

    online = true
    await status(wrapper).get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('Example Social')
  })

  it('explains a server that is not Mastodon', async () => {
    stubFetch(() => htmlResponse())
    const wrapper = mountSignIn()
    await checkInstance(wrapper, 'example.com')
    expect(status(wrapper).text()).toContain('example.com answered, but it does not look like a Mastodon server')
  })

  it('explains an instance that is down, with the status code', async () => {
    stubFetch(() => htmlResponse('Service unavailable', 503))
    const wrapper = mountSignIn()
    await checkInstance(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('example.social seems to be down right now (error 503)')
    expect(status(wrapper).get('button').text()).toBe('Try again')
  })

  it('speaks Dutch when the app does', async () => {
    stubFetch(() => htmlResponse('Service unavailable', 503))
    const wrapper = mountSignIn({ locale: 'nl' })
    expect(wrapper.get('button[type="submit"]').text()).toBe('Server controleren')
    await checkInstance(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('example.social lijkt nu niet te werken (fout 503)')
  })

  it('has no demo button unless the host configured a demo instance', () => {
    const wrapper = mountSignIn()
    expect(wrapper.findAll('button').map((button) => button.text())).toEqual(['Check instance'])
  })

  it('fills in and checks the demo instance from the hosting config', async () => {
    const fetch = stubFetch(() => jsonResponse({ ...v2Instance, domain: 'localhost:4180', title: 'Demo' }))
    const wrapper = mountSignIn({ config: { instance: null, demoInstance: 'http://localhost:4180' } })
    const demo = wrapper.findAll('button').find((button) => button.text() === 'Try the demo instance')
    expect(demo).toBeDefined()

    await demo?.trigger('click')
    await flushPromises()
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('http://localhost:4180')
    expect(fetch.mock.calls[0]?.[0]).toBe('http://localhost:4180/api/v2/instance')
    expect(wrapper.get('h2').text()).toBe('Demo')
  })

  it('locks the field to the configured instance in single-instance mode', async () => {
    const fetch = stubFetch(() => jsonResponse(v2Instance))
    const wrapper = mountSignIn({ config: { instance: 'example.social', demoInstance: 'http://localhost:4180' } })
    const input = wrapper.get('input')

    expect((input.element as HTMLInputElement).value).toBe('example.social')
    expect(input.attributes('readonly')).toBeDefined()
    expect(wrapper.text()).toContain('set up for example.social, so the instance cannot be changed')
    expect(input.attributes('aria-describedby')).toBe('instance-locked')
    expect(wrapper.text()).not.toContain('Try the demo instance')

    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(fetch.mock.calls[0]?.[0]).toBe('https://example.social/api/v2/instance')
  })
})
