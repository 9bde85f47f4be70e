import { vi } from 'vitest'

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}

export function htmlResponse(body = '<!doctype html><title>Hi</title><p>Welcome', status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>

/** Replaces global fetch with a spy that answers by URL, so tests see which URLs were asked for. */
export function stubFetch(handler: Handler) {
  const spy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return Promise.resolve().then(() => handler(url, init))
  })
  vi.stubGlobal('fetch', spy)
  return spy
}

/** A fetch that never answers until its signal aborts, like a hung server. */
export function hangingFetch(_url: string, init?: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = init?.signal
    if (signal?.aborted) reject(signal.reason)
    signal?.addEventListener('abort', () => reject(signal.reason))
  })
}

export const v2Instance = {
  domain: 'example.social',
  title: 'Example Social',
  version: '4.5.0',
  source_url: 'https://github.com/mastodon/mastodon',
  description: 'A friendly place for examples.',
  usage: { users: { active_month: 12345 } },
  registrations: { enabled: true, approval_required: true, message: null },
}

export const v1Instance = {
  uri: 'old.example',
  title: 'Old Example',
  short_description: '<p>Running <strong>Mastodon</strong> since 2017.</p><p>Be kind.</p>',
  description: '',
  version: '3.5.3',
  stats: { user_count: 812, status_count: 100, domain_count: 10 },
  registrations: false,
  approval_required: false,
}
