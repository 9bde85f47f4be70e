import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import SignInView from '@/views/SignInView.vue'
import { takePending } from '@/api/pending-sign-in'
import type { HostingConfig } from '@/config'
import type { Locale } from '@/i18n/locales'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { htmlResponse, jsonResponse, stubFetch, v2Instance } from '../helpers/fetch'
import { fakeServer, type FakeServer } from '../helpers/oauth-server'
import { seedAccounts, storedAccount } from '../helpers/accounts'

enableAutoUnmount(afterEach)

const REDIRECT = 'http://localhost:3000/oauth/callback'

let assign: ReturnType<typeof vi.fn<(url: string) => void>>
let servers: FakeServer[]

beforeEach(() => {
  // The view leaves the page for the server's consent screen with location.assign.
  assign = vi.fn<(url: string) => void>()
  vi.stubGlobal('location', { ...window.location, assign })
  servers = [fakeServer('https://example.social')]
})

afterEach(() => {
  vi.unstubAllGlobals()
  resetDocument()
  sessionStorage.clear()
})

/** Every request is answered by the fake servers; anything else is a 404 page. */
function serveInstances() {
  return stubFetch((url, init) => {
    for (const server of servers) {
      const answer = server.handle(url, init)
      if (answer) return answer
    }
    return htmlResponse('<h1>Not found</h1>', 404)
  })
}

interface MountOptions {
  config?: HostingConfig
  locale?: Locale
  query?: Record<string, string>
  seed?: (app: ReturnType<typeof createTestApp>) => void
}

async function mountSignIn(options: MountOptions = {}) {
  const app = createTestApp({ locale: options.locale ?? 'en', config: options.config })
  options.seed?.(app)
  await app.router.push({ name: 'sign-in', query: options.query ?? {} })
  return mount(SignInView, { global: app.global, attachTo: document.body })
}

type Wrapper = Awaited<ReturnType<typeof mountSignIn>>

async function signIn(wrapper: Wrapper, input: string) {
  await wrapper.get('input').setValue(input)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

function status(wrapper: Wrapper) {
  return wrapper.get('#instance-check-status')
}

function inputValue(wrapper: Wrapper): string {
  return (wrapper.get('input').element as HTMLInputElement).value
}

/**
 * Where the browser was sent, as the consent page's parameters. Waits for it: hashing the
 * PKCE verifier (crypto.subtle) takes longer than flushPromises.
 */
async function consentPage(): Promise<{ origin: string; path: string; params: Record<string, string> }> {
  await vi.waitFor(() => expect(assign).toHaveBeenCalled())
  expect(assign).toHaveBeenCalledTimes(1)
  const url = new URL(String(assign.mock.calls[0]?.[0]))
  return { origin: url.origin, path: url.pathname, params: Object.fromEntries(url.searchParams) }
}

describe('SignInView', () => {
  it('has a labelled instance field and a sign-in button', async () => {
    const wrapper = await mountSignIn()
    const input = wrapper.get('input')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Your instance')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Sign in')
  })

  it('checks the instance, shows what it found, then sends the browser to its consent page', async () => {
    const fetch = serveInstances()
    const wrapper = await mountSignIn()
    await signIn(wrapper, '@me@example.social')

    expect(fetch.mock.calls[0]?.[0]).toBe('https://example.social/api/v2/instance')
    const text = status(wrapper).text()
    expect(text).toContain('Found Example Social at example.social. Taking you to its sign-in page…')
    expect(wrapper.get('h2').text()).toBe('Example Social')
    expect(text).toContain('4.5.0')
    expect(text).toContain('A friendly place for examples.')
    expect(text).toContain('12,345 active users this month')
    expect(text).toContain('Sign-ups need approval by the moderators')

    const page = await consentPage()
    expect(page.origin + page.path).toBe('https://example.social/oauth/authorize')
    expect(page.params).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: REDIRECT,
      code_challenge_method: 'S256',
      lang: 'en',
    })
    // The callback will find what it needs in this tab.
    expect(takePending(page.params.state!)?.app.clientId).toBe('client-1')
  })

  it('shows a description containing markup as plain text', async () => {
    servers[0]!.instance = { ...v2Instance, description: '<img src=x onerror=alert(1)><b>Bold</b>' }
    serveInstances()
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.social')

    expect(status(wrapper).text()).toContain('<img src=x onerror=alert(1)><b>Bold</b>')
    expect(status(wrapper).find('img').exists()).toBe(false)
    expect(status(wrapper).find('b').exists()).toBe(false)
  })

  it('announces progress through a polite live region', async () => {
    serveInstances()
    const wrapper = await mountSignIn()
    expect(status(wrapper).attributes('aria-live')).toBe('polite')
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('Found Example Social at example.social.')
  })

  it('says it is checking while waiting for the server', async () => {
    stubFetch(() => new Promise<Response>(() => undefined))
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toBe('Checking example.social…')
    expect(assign).not.toHaveBeenCalled()
  })

  it('asks for an address when the field is empty, and returns focus to the field', async () => {
    const fetch = serveInstances()
    const wrapper = await mountSignIn()
    await signIn(wrapper, '   ')

    expect(status(wrapper).text()).toContain('Enter the address of your instance first')
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('input').attributes('aria-describedby')).toContain('instance-check-status')
    expect(document.activeElement).toBe(wrapper.get('input').element)
    expect(fetch).not.toHaveBeenCalled()
    expect(assign).not.toHaveBeenCalled()
  })

  it('explains a malformed address and keeps what was typed', async () => {
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'not an instance')

    expect(status(wrapper).text()).toContain('“not an instance” does not look like an instance address')
    expect(inputValue(wrapper)).toBe('not an instance')
    expect(status(wrapper).find('button').exists()).toBe(false)
  })

  it('explains an unreachable host, keeps the input and signs in on retry', async () => {
    let online = false
    const server = servers[0]!
    stubFetch((url, init) => {
      if (!online) throw new TypeError('Failed to fetch')
      return server.handle(url, init) ?? htmlResponse('Not found', 404)
    })
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.social')

    expect(status(wrapper).text()).toContain('Could not reach example.social')
    expect(inputValue(wrapper)).toBe('example.social')
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('false')
    expect(assign).not.toHaveBeenCalled()

    online = true
    await status(wrapper).get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('Example Social')
    expect((await consentPage()).origin).toBe('https://example.social')
  })

  it('explains a server that answers but does not allow this app to use its API (CORS)', async () => {
    stubFetch((_url, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 })
      throw new TypeError('Failed to fetch')
    })
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain(
      'example.social answers, but does not allow web apps like this one to use its API (CORS). Its administrators would need to allow it.',
    )
    expect(status(wrapper).text()).not.toContain('Could not reach')
    expect(assign).not.toHaveBeenCalled()
  })

  it('explains a server that is not Mastodon', async () => {
    stubFetch(() => htmlResponse())
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.com')
    expect(status(wrapper).text()).toContain('example.com answered, but it does not look like a Mastodon server')
    expect(assign).not.toHaveBeenCalled()
  })

  it('explains an instance that is down, with the status code', async () => {
    stubFetch(() => htmlResponse('Service unavailable', 503))
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('example.social seems to be down right now (error 503)')
    expect(status(wrapper).get('button').text()).toBe('Try again')
  })

  it('explains an instance that refuses to register the app', async () => {
    const server = servers[0]!
    stubFetch((url, init) =>
      url === 'https://example.social/api/v1/apps'
        ? jsonResponse({ error: 'Validation failed: Redirect URI must be an absolute URI.' }, 422)
        : (server.handle(url, init) ?? htmlResponse('Not found', 404)),
    )
    const wrapper = await mountSignIn()
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('example.social refused to register this app (error 422).')
    expect(assign).not.toHaveBeenCalled()
  })

  it('speaks Dutch when the app does, also to the instance', async () => {
    let down = true
    const server = servers[0]!
    stubFetch((url, init) => (down ? htmlResponse('Service unavailable', 503) : (server.handle(url, init) ?? htmlResponse('', 404))))
    const wrapper = await mountSignIn({ locale: 'nl' })
    expect(wrapper.get('button[type="submit"]').text()).toBe('Inloggen')
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('example.social lijkt nu niet te werken (fout 503)')

    down = false
    await signIn(wrapper, 'example.social')
    expect(status(wrapper).text()).toContain('Example Social gevonden op example.social.')
    expect((await consentPage()).params.lang).toBe('nl')
  })

  it('has no demo button unless the host configured a demo instance', async () => {
    const wrapper = await mountSignIn()
    expect(wrapper.findAll('button').map((button) => button.text())).toEqual(['Sign in'])
  })

  it('fills in the demo instance from the hosting config and signs in there', async () => {
    const demo = fakeServer('http://localhost:4180')
    demo.instance = { ...v2Instance, domain: 'localhost:4180', title: 'Demo' }
    servers = [demo]
    const fetch = serveInstances()
    const wrapper = await mountSignIn({ config: { instance: null, demoInstance: 'http://localhost:4180' } })
    const button = wrapper.findAll('button').find((b) => b.text() === 'Try the demo instance')
    expect(button).toBeDefined()

    await button?.trigger('click')
    await flushPromises()
    expect(inputValue(wrapper)).toBe('http://localhost:4180')
    expect(fetch.mock.calls[0]?.[0]).toBe('http://localhost:4180/api/v2/instance')
    expect(wrapper.get('h2').text()).toBe('Demo')
    expect((await consentPage()).origin).toBe('http://localhost:4180')
  })

  it('locks the field to the configured instance in single-instance mode', async () => {
    const fetch = serveInstances()
    const wrapper = await mountSignIn({ config: { instance: 'example.social', demoInstance: 'http://localhost:4180' } })
    const input = wrapper.get('input')

    expect(inputValue(wrapper)).toBe('example.social')
    expect(input.attributes('readonly')).toBeDefined()
    expect(wrapper.text()).toContain('set up for example.social, so the instance cannot be changed')
    expect(input.attributes('aria-describedby')).toBe('instance-locked')
    expect(wrapper.text()).not.toContain('Try the demo instance')

    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(fetch.mock.calls[0]?.[0]).toBe('https://example.social/api/v2/instance')
    expect((await consentPage()).origin).toBe('https://example.social')
  })

  it('prefills the instance from ?instance= and signs in only when asked', async () => {
    const fetch = serveInstances()
    const wrapper = await mountSignIn({ query: { instance: 'example.social' } })
    expect(inputValue(wrapper)).toBe('example.social')
    expect(fetch).not.toHaveBeenCalled()

    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect((await consentPage()).origin).toBe('https://example.social')
  })

  it('repairs an account from ?reauth=: names it, prefills its instance and remembers which account it is', async () => {
    const carol = storedAccount({ username: 'carol', id: 'c-9', host: 'localhost:4181', needsReauth: true })
    const other = storedAccount({ username: 'alice', id: '1', host: 'example.social', origin: 'https://example.social' })
    servers = [fakeServer('http://localhost:4181')]
    serveInstances()
    const wrapper = await mountSignIn({ query: { reauth: carol.key }, seed: () => seedAccounts([other, carol], other.key) })

    expect(inputValue(wrapper)).toBe('localhost:4181')
    expect(wrapper.text()).toContain('@carol@localhost:4181 needs you to sign in again.')

    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const page = await consentPage()
    expect(page.origin).toBe('http://localhost:4181')
    expect(takePending(page.params.state!)?.reauthKey).toBe(carol.key)
  })

  it('ignores a ?reauth= key of an account that is not signed in', async () => {
    serveInstances()
    const wrapper = await mountSignIn({ query: { reauth: 'example.social|404' } })
    expect(inputValue(wrapper)).toBe('')
    expect(wrapper.text()).not.toContain('needs you to sign in again')

    await signIn(wrapper, 'example.social')
    expect(takePending((await consentPage()).params.state!)?.reauthKey).toBeNull()
  })

  it('tells someone already signed in that they can add another account', async () => {
    const alice = storedAccount({ username: 'alice', id: '1' })
    const wrapper = await mountSignIn({ seed: () => seedAccounts([alice]) })
    expect(wrapper.text()).toContain('You can add as many accounts as you like, on this instance or any other.')
  })
})
