// Turns whatever a person types into "their instance" into an origin we can call.
// Accepted: "example.social", "https://example.social/about", "@user@example.social",
// "user@example.social", IDN hosts (converted to punycode by URL), "localhost:4180".

export type InstanceInputProblem = 'empty' | 'malformed' | 'scheme'

export type NormalizedInstance =
  | { readonly ok: true; readonly origin: string; readonly host: string }
  | { readonly ok: false; readonly problem: InstanceInputProblem }

const MAX_INPUT_LENGTH = 512
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
const SCHEME = /^([a-z][a-z\d+.-]*):\/\//i
// "user@host" or "@user@host"; Mastodon usernames are letters, digits, "_" (remote ones also "." and "-").
const HANDLE = /^@?[\w.-]+@([^@/\s]+)$/
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/
// Last label of a DNS name: letters (a real TLD) or punycode ("xn--…").
const TLD = /^(?:[a-z]{2,63}|xn--[a-z\d-]{1,59})$/

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname)
}

function isPlausibleHostname(hostname: string): boolean {
  if (isLoopbackHost(hostname) || IPV4.test(hostname) || hostname.startsWith('[')) return true
  const labels = hostname.replace(/\.$/, '').split('.')
  if (labels.length < 2 || labels.some((label) => label === '')) return false
  return TLD.test(labels[labels.length - 1] ?? '')
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

export function normalizeInstanceInput(input: string): NormalizedInstance {
  let text = input.trim()
  if (text === '') return { ok: false, problem: 'empty' }
  if (text.length > MAX_INPUT_LENGTH || /\s/.test(text)) return { ok: false, problem: 'malformed' }

  const handle = HANDLE.exec(text)
  if (handle?.[1]) text = handle[1]
  else if (text.startsWith('@')) text = text.slice(1)

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return { ok: false, problem: 'scheme' }

  // Without a scheme, https is assumed, except for this machine, where dev and demo servers speak http.
  let url = parseUrl(scheme ? text : `https://${text}`)
  if (url && !scheme && isLoopbackHost(url.hostname)) url = parseUrl(`http://${text}`)

  if (!url || url.username !== '' || url.password !== '' || !isPlausibleHostname(url.hostname)) {
    return { ok: false, problem: 'malformed' }
  }
  return { ok: true, origin: url.origin, host: url.host }
}
