import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_HOSTING_CONFIG, loadHostingConfig, parseHostingConfig } from '@/config'
import shippedConfig from '../../public/config.json?raw'
import { hangingFetch, htmlResponse, jsonResponse, stubFetch } from './helpers/fetch'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('parseHostingConfig', () => {
  it('reads both settings', () => {
    expect(parseHostingConfig({ instance: 'example.social', demoInstance: 'http://localhost:4180' })).toEqual({
      instance: 'example.social',
      demoInstance: 'http://localhost:4180',
    })
  })

  it.each([null, 'text', 42, [], undefined])('uses the defaults for %j', (raw) => {
    expect(parseHostingConfig(raw)).toEqual(DEFAULT_HOSTING_CONFIG)
  })

  it('drops fields of the wrong type or empty, keeping the valid ones', () => {
    expect(parseHostingConfig({ instance: 7, demoInstance: '  http://localhost:4180 ' })).toEqual({
      instance: null,
      demoInstance: 'http://localhost:4180',
    })
    expect(parseHostingConfig({ instance: '   ', demoInstance: false })).toEqual(DEFAULT_HOSTING_CONFIG)
  })
})

describe('loadHostingConfig', () => {
  it('loads config.json from the given URL', async () => {
    const fetch = stubFetch(() => jsonResponse({ instance: null, demoInstance: 'http://localhost:4180' }))
    const config = await loadHostingConfig('/client/config.json')
    expect(fetch.mock.calls[0]?.[0]).toBe('/client/config.json')
    expect(config).toEqual({ instance: null, demoInstance: 'http://localhost:4180' })
  })

  it('starts with defaults when config.json is missing', async () => {
    stubFetch(() => htmlResponse('Not found', 404))
    expect(await loadHostingConfig('/config.json')).toEqual(DEFAULT_HOSTING_CONFIG)
  })

  it('starts with defaults when the dev server answers with the HTML page instead', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    stubFetch(() => htmlResponse())
    expect(await loadHostingConfig('/config.json')).toEqual(DEFAULT_HOSTING_CONFIG)
  })

  it('starts with defaults when config.json is malformed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    stubFetch(() => new Response('{ "instance": ', { headers: { 'Content-Type': 'application/json' } }))
    expect(await loadHostingConfig('/config.json')).toEqual(DEFAULT_HOSTING_CONFIG)
  })

  it('starts with defaults when the request fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    stubFetch(() => {
      throw new TypeError('Failed to fetch')
    })
    expect(await loadHostingConfig('/config.json')).toEqual(DEFAULT_HOSTING_CONFIG)
  })

  it('does not hold up the app when the server never answers', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    stubFetch(hangingFetch)
    expect(await loadHostingConfig('/config.json', 20)).toEqual(DEFAULT_HOSTING_CONFIG)
  })
})

describe('public/config.json', () => {
  it('ships with both settings off', () => {
    expect(parseHostingConfig(JSON.parse(shippedConfig))).toEqual(DEFAULT_HOSTING_CONFIG)
    expect(JSON.parse(shippedConfig)).toEqual({ instance: null, demoInstance: null })
  })
})
