import { describe, expect, it } from 'vitest'
import { classifyApiError } from '@/api/errors'

const http = (statusCode: number) => Object.assign(new Error('x'), { name: 'MastoHttpError', statusCode })

describe('what a failed request tells the person', () => {
  it('names the HTTP failures Mastodon sends', () => {
    expect(classifyApiError(http(401))).toBe('unauthorized')
    expect(classifyApiError(http(403))).toBe('forbidden')
    expect(classifyApiError(http(404))).toBe('not-found')
    expect(classifyApiError(http(410))).toBe('not-found')
    expect(classifyApiError(http(422))).toBe('invalid')
    expect(classifyApiError(http(429))).toBe('rate-limited')
    expect(classifyApiError(http(500))).toBe('server')
    expect(classifyApiError(http(503))).toBe('server')
  })

  it('tells a timeout and unreadable JSON apart from a dead connection', () => {
    expect(classifyApiError(Object.assign(new Error('t'), { name: 'MastoTimeoutError' }))).toBe('timeout')
    expect(classifyApiError(Object.assign(new Error('bad json'), { name: 'MastoDeserializeError' }))).toBe('malformed')
    expect(classifyApiError(new TypeError('Failed to fetch'))).toBe('network')
    expect(classifyApiError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe('network')
    expect(classifyApiError(new TypeError('Load failed'))).toBe('network')
  })

  it('counts an HTML error page from a proxy (masto cannot read it) as the server having trouble', () => {
    expect(classifyApiError(new TypeError("Cannot destructure property 'error' of 'data' as it is undefined."))).toBe('server')
    expect(classifyApiError(Object.assign(new Error('The server returned data with an unknown encoding.'), { name: 'MastoUnexpectedError' }))).toBe('server')
  })
})

describe('masto errors as the production build names them', () => {
  // The build renames classes, and ts-custom-error takes `name` from the class: "c", not
  // "MastoTimeoutError". The kinds must not depend on it.
  const renamed = <T extends Error>(error: T) => Object.assign(error, { name: 'c' })

  it('still knows a timeout by its cause and message', () => {
    const timeout = renamed(new Error('Request timed out', { cause: new DOMException('signal timed out', 'TimeoutError') }))
    expect(classifyApiError(timeout)).toBe('timeout')
  })

  it('still knows unreadable JSON and an unknown encoding', () => {
    const malformed = renamed(Object.assign(new Error('Malformed JSON <html> returned from the server.'), { contentType: 'json', data: '<html>' }))
    expect(classifyApiError(malformed)).toBe('malformed')
    expect(classifyApiError(renamed(new Error('The server returned data with an unknown encoding. The server may be down.')))).toBe('server')
  })
})
