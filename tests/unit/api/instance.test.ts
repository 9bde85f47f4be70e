import { afterEach, describe, expect, it, vi } from 'vitest'
import { InstanceLookupError, lookupInstance } from '@/api/instance'
import { hangingFetch, htmlResponse, jsonResponse, stubFetch, v1Instance, v2Instance } from '../helpers/fetch'

const ORIGIN = 'https://example.social'

async function lookupError(promise: Promise<unknown>): Promise<InstanceLookupError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(InstanceLookupError)
  return error as InstanceLookupError
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('lookupInstance', () => {
  it('returns the v2 instance with camelCase keys, asking without credentials', async () => {
    const fetch = stubFetch(() => jsonResponse(v2Instance))
    const result = await lookupInstance(ORIGIN)

    expect(result.apiVersion).toBe('v2')
    expect(result.origin).toBe(ORIGIN)
    if (result.apiVersion !== 'v2') throw new Error('expected v2')
    expect(result.instance.title).toBe('Example Social')
    expect(result.instance.usage.users.activeMonth).toBe(12345)
    expect(result.instance.registrations.approvalRequired).toBe(true)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0]?.[0]).toBe(`${ORIGIN}/api/v2/instance`)
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit' })
  })

  it('falls back to /api/v1/instance when v2 is 404', async () => {
    const fetch = stubFetch((url) => (url.endsWith('/api/v2/instance') ? htmlResponse('Not found', 404) : jsonResponse(v1Instance)))
    const result = await lookupInstance(ORIGIN)

    expect(fetch.mock.calls.map((call) => call[0])).toEqual([`${ORIGIN}/api/v2/instance`, `${ORIGIN}/api/v1/instance`])
    expect(result.apiVersion).toBe('v1')
    if (result.apiVersion !== 'v1') throw new Error('expected v1')
    expect(result.instance.uri).toBe('old.example')
    expect(result.instance.stats.userCount).toBe(812)
  })

  it('calls a server that 404s on both versions not-mastodon', async () => {
    stubFetch(() => jsonResponse({ error: 'Not found' }, 404))
    expect((await lookupError(lookupInstance(ORIGIN))).kind).toBe('not-mastodon')
  })

  it('calls an HTML page with status 200 not-mastodon', async () => {
    stubFetch(() => htmlResponse())
    expect((await lookupError(lookupInstance(ORIGIN))).kind).toBe('not-mastodon')
  })

  it('calls broken JSON not-mastodon', async () => {
    stubFetch(() => new Response('{"domain": "exa', { headers: { 'Content-Type': 'application/json' } }))
    expect((await lookupError(lookupInstance(ORIGIN))).kind).toBe('not-mastodon')
  })

  it('calls JSON of the wrong shape not-mastodon', async () => {
    stubFetch(() => jsonResponse({ name: 'Some other API', items: [] }))
    expect((await lookupError(lookupInstance(ORIGIN))).kind).toBe('not-mastodon')
  })

  it.each([500, 502, 503])('calls HTTP %i down, with the status', async (status) => {
    stubFetch(() => htmlResponse('<h1>Bad gateway</h1>', status))
    const error = await lookupError(lookupInstance(ORIGIN))
    expect(error.kind).toBe('down')
    expect(error.status).toBe(status)
  })

  it('reports other HTTP errors with their status', async () => {
    stubFetch(() => jsonResponse({ error: 'Forbidden' }, 403))
    const error = await lookupError(lookupInstance(ORIGIN))
    expect(error.kind).toBe('http-error')
    expect(error.status).toBe(403)
  })

  it('calls a host that answers nothing, even to an opaque request, unreachable', async () => {
    const fetch = stubFetch(() => {
      throw new TypeError('Failed to fetch')
    })
    const error = await lookupError(lookupInstance(ORIGIN))
    expect(error.kind).toBe('unreachable')
    expect(error.cause).toBeInstanceOf(TypeError)
    // The second request is the no-cors probe that tells a dead host from a CORS refusal.
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(fetch.mock.calls[1]?.[1]).toMatchObject({ mode: 'no-cors' })
  })

  it('calls a server that answers but refuses cross-origin reads a CORS problem', async () => {
    const fetch = stubFetch((_url, init) => {
      // A CORS refusal rejects like a network error; an opaque (no-cors) request gets through.
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 })
      throw new TypeError('Failed to fetch')
    })
    const error = await lookupError(lookupInstance(ORIGIN))
    expect(error.kind).toBe('cors')
    expect(error.origin).toBe(ORIGIN)
    expect(error.cause).toBeInstanceOf(TypeError)

    expect(fetch.mock.calls.map((call) => call[0])).toEqual([`${ORIGIN}/api/v2/instance`, `${ORIGIN}/api/v2/instance`])
    expect(fetch.mock.calls[0]?.[1]?.mode).toBeUndefined()
    expect(fetch.mock.calls[1]?.[1]).toMatchObject({ mode: 'no-cors', credentials: 'omit' })
  })

  it('rejects with the abort, not a lookup error, when the caller cancels during the CORS probe', async () => {
    const controller = new AbortController()
    stubFetch((url, init) => {
      if (init?.mode !== 'no-cors') throw new TypeError('Failed to fetch')
      controller.abort()
      return hangingFetch(url, init)
    })
    const error: unknown = await lookupInstance(ORIGIN, { signal: controller.signal }).catch((reason: unknown) => reason)
    expect(error).not.toBeInstanceOf(InstanceLookupError)
    expect(error).toMatchObject({ name: 'AbortError' })
  })

  it('calls a CORS probe that never answers a timeout', async () => {
    stubFetch((url, init) => {
      if (init?.mode !== 'no-cors') throw new TypeError('Failed to fetch')
      return hangingFetch(url, init)
    })
    expect((await lookupError(lookupInstance(ORIGIN, { timeoutMs: 20 }))).kind).toBe('timeout')
  })

  it('gives up on a server that never answers', async () => {
    stubFetch(hangingFetch)
    expect((await lookupError(lookupInstance(ORIGIN, { timeoutMs: 20 }))).kind).toBe('timeout')
  })

  it('rejects with the abort, not a lookup error, when the caller cancels', async () => {
    stubFetch(hangingFetch)
    const controller = new AbortController()
    const pending = lookupInstance(ORIGIN, { signal: controller.signal })
    controller.abort()
    const error: unknown = await pending.catch((reason: unknown) => reason)
    expect(error).not.toBeInstanceOf(InstanceLookupError)
    expect(error).toMatchObject({ name: 'AbortError' })
  })
})
