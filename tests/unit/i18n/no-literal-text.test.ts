// Every visible string and every accessible name must come from the translations:
// a template may hold no literal words, and no literal aria-label, title, alt or placeholder.

import { describe, expect, it } from 'vitest'
import { parse } from 'vue/compiler-sfc'

// The few node shapes we read from @vue/compiler-core's template AST.
const ELEMENT = 1
const TEXT = 2
const ATTRIBUTE = 6

interface TemplateNode {
  type: number
  tag?: string
  content?: unknown
  props?: Array<{ type: number; name: string; value?: { content: string } }>
  children?: TemplateNode[]
}

const TRANSLATABLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'label'])
const HAS_LETTERS = /\p{L}/u

function findLiterals(node: TemplateNode, found: string[]): void {
  if (node.type === TEXT && typeof node.content === 'string' && HAS_LETTERS.test(node.content)) {
    found.push(`text "${node.content.trim()}"`)
  }
  if (node.type === ELEMENT) {
    for (const prop of node.props ?? []) {
      if (prop.type === ATTRIBUTE && TRANSLATABLE_ATTRIBUTES.has(prop.name) && HAS_LETTERS.test(prop.value?.content ?? '')) {
        found.push(`<${node.tag} ${prop.name}="${prop.value?.content}">`)
      }
    }
  }
  for (const child of node.children ?? []) findLiterals(child, found)
}

const components = import.meta.glob<string>('/src/**/*.vue', { query: '?raw', import: 'default', eager: true })

describe('templates', () => {
  it('were found', () => {
    expect(Object.keys(components).length).toBeGreaterThan(5)
  })

  it.each(Object.entries(components))('%s has no untranslated text', (file, source) => {
    const { descriptor } = parse(source, { filename: file })
    const found: string[] = []
    if (descriptor.template?.ast) findLiterals(descriptor.template.ast as unknown as TemplateNode, found)
    expect(found).toEqual([])
  })

  it('catches a literal word (the check itself works)', () => {
    const { descriptor } = parse('<template><button aria-label="Close">Save</button></template>')
    const found: string[] = []
    findLiterals(descriptor.template?.ast as unknown as TemplateNode, found)
    expect(found).toHaveLength(2)
  })
})
