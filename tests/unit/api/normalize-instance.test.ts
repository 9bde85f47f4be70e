import { describe, expect, it } from 'vitest'
import { normalizeInstanceInput } from '@/api/normalize-instance'

describe('normalizeInstanceInput: what people type becomes an origin', () => {
  it.each([
    ['a bare domain, as https', 'example.social', 'https://example.social'],
    ['a URL with a path, query and hash', 'https://example.social/about?x=1#top', 'https://example.social'],
    ['a full handle', '@user@example.social', 'https://example.social'],
    ['a handle without the leading @', 'user@example.social', 'https://example.social'],
    ['surrounding whitespace', '  \texample.social \n', 'https://example.social'],
    ['upper case', 'Example.SOCIAL', 'https://example.social'],
    ['a domain with a port', 'example.social:8443', 'https://example.social:8443'],
    ['a domain followed by a profile path', 'example.social/@user', 'https://example.social'],
    ['explicit http for another host', 'http://example.social', 'http://example.social'],
    ['an IDN domain, as punycode', 'bücher.example', 'https://xn--bcher-kva.example'],
    ['an IDN in a handle', '@jan@münchen.social', 'https://xn--mnchen-3ya.social'],
    ['a punycode TLD', 'voorbeeld.xn--zckzah', 'https://voorbeeld.xn--zckzah'],
  ])('accepts %s', (_label, input, origin) => {
    expect(normalizeInstanceInput(input)).toMatchObject({ ok: true, origin })
  })

  it.each([
    ['localhost:4180 (the demo instance)', 'localhost:4180', 'http://localhost:4180', 'localhost:4180'],
    ['127.0.0.1 with a port', '127.0.0.1:4180', 'http://127.0.0.1:4180', '127.0.0.1:4180'],
    ['[::1] with a port', '[::1]:4180', 'http://[::1]:4180', '[::1]:4180'],
    ['localhost typed with https', 'https://localhost:4180', 'https://localhost:4180', 'localhost:4180'],
  ])('uses http only for this machine: %s', (_label, input, origin, host) => {
    expect(normalizeInstanceInput(input)).toEqual({ ok: true, origin, host })
  })

  it('reports the host with its port for messages', () => {
    expect(normalizeInstanceInput('https://example.social:8443/x')).toEqual({
      ok: true,
      origin: 'https://example.social:8443',
      host: 'example.social:8443',
    })
  })

  it.each(['', '   ', '\n\t'])('calls %j empty', (input) => {
    expect(normalizeInstanceInput(input)).toEqual({ ok: false, problem: 'empty' })
  })

  it.each([
    ['a single word', 'example'],
    ['a username without a domain', '@alice'],
    ['words with spaces', 'my instance.social'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a mailto: link', 'mailto:me@example.social'],
    ['credentials in the URL', 'https://user:pass@example.social'],
    ['a scheme with no host', 'https://'],
    ['a numeric TLD', 'example.123'],
    ['an empty label', 'example..social'],
    ['a handle with two domains', '@a@b@example.social'],
    ['punctuation only', '!!!'],
    ['something absurdly long', `${'a'.repeat(600)}.social`],
  ])('rejects %s as malformed', (_label, input) => {
    expect(normalizeInstanceInput(input)).toEqual({ ok: false, problem: 'malformed' })
  })

  it.each(['ftp://example.social', 'ws://example.social', 'file:///etc/passwd'])('rejects the scheme of %s', (input) => {
    expect(normalizeInstanceInput(input)).toEqual({ ok: false, problem: 'scheme' })
  })
})
