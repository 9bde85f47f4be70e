import { describe, expect, it } from 'vitest'

// The source of every file in src/content, as text.
const sources = import.meta.glob<string>('/src/content/**/*.{ts,vue}', { query: '?raw', import: 'default', eager: true })

describe('src/content stays the one pure path from remote HTML to the DOM', () => {
  it('imports only vue, vue-router, dompurify and its own files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5)
    const imports = Object.entries(sources).flatMap(([path, source]) =>
      [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => `${path} -> ${match[1]}`),
    )
    expect(imports.length).toBeGreaterThan(5)
    const outside = imports.filter((line) => !/ -> (?:vue|vue-router|dompurify|\.\/[\w./-]+)$/.test(line))
    expect(outside).toEqual([])
  })

  it('never writes HTML strings into the DOM', () => {
    for (const [path, source] of Object.entries(sources)) {
      const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
      expect(code, path).not.toMatch(/innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|v-html|setHTMLUnsafe|document\.write/)
    }
  })
})
