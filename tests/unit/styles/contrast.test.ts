// WCAG AA contrast for the colour tokens, in both themes. tokens.css writes each colour as
// light-dark(<light>, <dark>); this reads both values and checks the pairs the UI uses.

import { describe, expect, it } from 'vitest'
import { readProjectFile } from '../helpers/read-file'

const tokens = readProjectFile('src/styles/tokens.css')

type Theme = 'light' | 'dark'

function readColours(): Record<Theme, Map<string, string>> {
  const themes = { light: new Map<string, string>(), dark: new Map<string, string>() }
  const declaration = /(--color-[\w-]+):\s*light-dark\(\s*(#[\da-f]{6})\s*,\s*(#[\da-f]{6})\s*\)/gi
  for (const [, name, light, dark] of tokens.matchAll(declaration)) {
    themes.light.set(name ?? '', light ?? '')
    themes.dark.set(name ?? '', dark ?? '')
  }
  return themes
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05)
}

const colours = readColours()

// [foreground, background, minimum ratio]: 4.5 for text, 3 for focus rings and control borders.
const PAIRS: Array<[string, string, number]> = [
  ['--color-text', '--color-bg', 4.5],
  ['--color-text', '--color-surface', 4.5],
  ['--color-text', '--color-surface-raised', 4.5],
  ['--color-text', '--color-danger-bg', 4.5],
  ['--color-text-muted', '--color-bg', 4.5],
  ['--color-text-muted', '--color-surface', 4.5],
  ['--color-text-muted', '--color-surface-raised', 4.5],
  ['--color-link', '--color-bg', 4.5],
  ['--color-link', '--color-surface', 4.5],
  ['--color-link', '--color-surface-raised', 4.5],
  ['--color-on-accent', '--color-accent', 4.5],
  ['--color-on-accent', '--color-accent-hover', 4.5],
  ['--color-danger', '--color-surface', 4.5],
  ['--color-danger', '--color-danger-bg', 3],
  ['--color-success', '--color-surface', 3],
  ['--color-focus', '--color-bg', 3],
  ['--color-focus', '--color-surface', 3],
  ['--color-border-strong', '--color-surface', 3],
  ['--color-border-strong', '--color-bg', 3],
]

describe('colour tokens', () => {
  it('define every colour for both themes', () => {
    const names = [...tokens.matchAll(/(--color-[\w-]+):/g)].map((match) => match[1])
    expect(names.length).toBeGreaterThan(10)
    for (const name of names) expect(colours.light.has(name ?? ''), name).toBe(true)
  })

  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    it.each(PAIRS)('%s on %s reaches %f:1', (foreground, background, minimum) => {
      const fg = colours[theme].get(foreground)
      const bg = colours[theme].get(background)
      expect(fg, foreground).toBeDefined()
      expect(bg, background).toBeDefined()
      expect(contrast(fg ?? '', bg ?? '')).toBeGreaterThanOrEqual(minimum)
    })
  })

  it('switch theme on <html data-theme> and follow the device otherwise', () => {
    expect(tokens).toMatch(/:root\s*{[^}]*color-scheme:\s*light dark/)
    expect(tokens).toMatch(/:root\[data-theme='light'\]\s*{\s*color-scheme:\s*light;/)
    expect(tokens).toMatch(/:root\[data-theme='dark'\]\s*{\s*color-scheme:\s*dark;/)
  })
})
