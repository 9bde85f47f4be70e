import { describe, expect, it } from 'vitest'
import { readProjectFile } from '../helpers/read-file'

const base = readProjectFile('src/styles/base.css')
const tokens = readProjectFile('src/styles/tokens.css')

describe('global styles', () => {
  it('give every keyboard-focused control a visible focus ring', () => {
    expect(base).toMatch(/:focus-visible\s*{\s*outline:\s*var\(--focus-ring-width\) solid var\(--color-focus\)/)
  })

  it('turn off animation for people who ask for reduced motion', () => {
    expect(base).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*{[^@]*transition-duration:\s*0\.01ms/)
    expect(tokens).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*{\s*:root\s*{\s*--transition-fast:\s*0s/)
  })

  it('take colours only from the tokens', () => {
    expect(base.match(/#[\da-f]{3,8}\b/gi) ?? []).toEqual([])
  })
})
