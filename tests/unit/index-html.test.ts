// index.html must work under a strict CSP (script-src 'self', no inline style) and carry
// the page metadata a browser and a screen reader need before the app starts.

import { describe, expect, it } from 'vitest'
import indexHtml from '../../index.html?raw'
import favicon from '../../public/favicon.svg?raw'

const doc = new DOMParser().parseFromString(indexHtml, 'text/html')

describe('index.html', () => {
  it('loads the app as one external module script and has no inline script', () => {
    const scripts = [...doc.querySelectorAll('script')]
    expect(scripts).toHaveLength(1)
    expect(scripts[0]?.getAttribute('type')).toBe('module')
    expect(scripts[0]?.getAttribute('src')).toBe('/src/main.ts')
    expect(scripts[0]?.textContent?.trim()).toBe('')
  })

  it('has no inline styles or event handler attributes', () => {
    expect(doc.querySelectorAll('style')).toHaveLength(0)
    for (const element of doc.querySelectorAll('*')) {
      const inline = element.getAttributeNames().filter((name) => name === 'style' || name.startsWith('on'))
      expect(inline, element.tagName).toEqual([])
    }
  })

  it('declares a language, viewport and description', () => {
    expect(doc.documentElement.lang).toBe('en')
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain('width=device-width')
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBeTruthy()
  })

  it('has theme colours for light and dark', () => {
    const media = [...doc.querySelectorAll('meta[name="theme-color"]')].map((meta) => meta.getAttribute('media'))
    expect(media).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)'])
  })

  it('uses the SVG icon from public/', () => {
    const icon = doc.querySelector('link[rel="icon"]')
    expect(icon?.getAttribute('href')).toBe('/favicon.svg')
    expect(icon?.getAttribute('type')).toBe('image/svg+xml')
    expect(favicon).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })
})
