import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { CONTENT_CACHE_SIZE, RemoteContent, getContentCacheStats, parseContentCached, resetContentCache } from '@/content'
import { createContentRouter } from './content-helpers'

const html = '<p>Hello <a href="https://x.example/">world</a></p>'

beforeEach(() => resetContentCache())

describe('parsed content cache', () => {
  it('parses a status once however many columns show it', async () => {
    const router = createContentRouter()
    const key = 'https://a.example|1|109|'
    const wrappers = Array.from({ length: 5 }, () =>
      mount(RemoteContent, { props: { html, cacheKey: key }, global: { plugins: [router] } }),
    )
    expect(getContentCacheStats()).toMatchObject({ misses: 1, hits: 4 })
    expect(new Set(wrappers.map((wrapper) => wrapper.html())).size).toBe(1)
    for (const wrapper of wrappers) wrapper.unmount()
  })

  it('parses again after the status was edited', () => {
    const first = parseContentCached('acct|109|', html, {})
    const edited = parseContentCached('acct|109|2025-01-02T00:00:00.000Z', '<p>Edited</p>', {})
    expect(getContentCacheStats()).toMatchObject({ misses: 2, hits: 0 })
    expect(edited).not.toEqual(first)
    expect(parseContentCached('acct|109|2025-01-02T00:00:00.000Z', '<p>Edited</p>', {})).toBe(edited)
    expect(getContentCacheStats()).toMatchObject({ misses: 2, hits: 1 })
  })

  it('never returns the tree of other html stored under the same key', () => {
    parseContentCached('k', '<p>one</p>', {})
    expect(parseContentCached('k', '<p>two</p>', {})).toMatchObject([{ children: [{ text: 'two' }] }])
    expect(getContentCacheStats().misses).toBe(2)
  })

  it('does not cache without a key', () => {
    parseContentCached(null, html, {})
    parseContentCached(null, html, {})
    expect(getContentCacheStats()).toMatchObject({ misses: 0, hits: 0, size: 0 })
  })

  it('keeps at most its size in entries, dropping the least recently used', () => {
    for (let i = 0; i < CONTENT_CACHE_SIZE; i++) parseContentCached(`k${i}`, html, {})
    parseContentCached('k0', html, {}) // k0 is now the most recently used
    parseContentCached('new', html, {})
    expect(getContentCacheStats().size).toBe(CONTENT_CACHE_SIZE)
    const hitsBefore = getContentCacheStats().hits
    parseContentCached('k0', html, {})
    expect(getContentCacheStats().hits).toBe(hitsBefore + 1)
    parseContentCached('k1', html, {})
    expect(getContentCacheStats().hits).toBe(hitsBefore + 1)
  })
})
