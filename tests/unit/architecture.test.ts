// @vitest-environment node
// The layers of src/ hold: a wrong-way import fails the lint that `npm test` runs
// (eslint.config.js), and what the layers may import still passes. And every source file
// fits in a head (docs/ARCHITECTURE.md).

import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { readProjectFile } from './helpers/read-file'

const MAX_LINES = 400

// Run from the project root (as vitest is), so eslint.config.js there applies.
const eslint = new ESLint()

/** The messages of the import rules for `code` as if it were the file at `filePath`. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('imports point one way: views → components → composables → stores → compose, timeline → api → content', () => {
  it.each([
    ['src/stores/probe.ts', "import type { Draft } from '@/components/compose/draft-types'"],
    ['src/stores/probe.ts', "import { useColumnFeed } from '../composables/useColumnFeed'"],
    ['src/api/probe.ts', "import { useDeckStore } from '@/stores/deck'"],
    ['src/api/probe.ts', "import type { Draft } from '@/compose/draft-types'"],
    ['src/compose/probe.ts', "import { useAccountsStore } from '@/stores/accounts'"],
    ['src/timeline/probe.ts', "import StatusCard from '../components/status/StatusCard.vue'"],
    ['src/timeline/probe.ts', "import Probe from './Probe.vue'"],
    ['src/composables/probe.ts', "import DeckView from '@/views/DeckView.vue'"],
    ['src/components/status/Probe.vue', "<script setup lang=\"ts\">\nimport DeckView from '@/views/DeckView.vue'\n</script>"],
    ['src/content/probe.ts', "import { classifyApiError } from '@/api/errors'"],
    ['src/content/probe.ts', "import { useEntitiesStore } from '../stores/entities'"],
    ['src/main.ts', "import DeckColumn from './components/deck/DeckColumn.vue'"],
    ['src/stores/probe.ts', "void import('@/components/compose/ComposePanel.vue')"],
    ['src/main.ts', "void import('./views/DeckView.vue')"],
  ])('%s may not: %s', async (filePath, code) => {
    const problems = await importProblems(filePath, code)
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems) expect(problem).toMatch(/Wrong-way import|No components here/)
  })

  it.each([
    ['src/stores/probe.ts', "import type { Draft } from '@/compose/draft-types'"],
    ['src/stores/probe.ts', "import type { ColumnSpec } from '@/timeline/column-spec'"],
    ['src/timeline/probe.ts', "import { classifyApiError } from '@/api/errors'"],
    ['src/compose/probe.ts', "import { counter } from './counter'"],
    ['src/composables/probe.ts', "import { useDeckStore } from '@/stores/deck'"],
    ['src/components/status/Probe.vue', "<script setup lang=\"ts\">\nimport { useDeckStore } from '@/stores/deck'\n</script>"],
    ['src/views/Probe.vue', "<script setup lang=\"ts\">\nimport StatusCard from '@/components/status/StatusCard.vue'\n</script>"],
    ['src/main.ts', "void import('./timeline/first-pages')"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await importProblems(filePath, code)).toEqual([])
  })
})

describe('files that fit in a head', () => {
  // Code and styles; the message catalogues (src/i18n/*.json) are data, a key a line.
  const code = import.meta.glob<string>('/src/**/*.{ts,vue}', { query: '?raw', import: 'default', eager: true })
  // Vitest hands CSS over empty even with ?raw, so styles are read from disk by name.
  const styles = Object.keys(import.meta.glob('/src/**/*.css'))
  const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0)

  it(`no file in src/ is over ${MAX_LINES} lines`, () => {
    const sizes = [
      ...Object.entries(code).map(([path, text]) => [path, lineCount(text)] as const),
      ...styles.map((path) => [path, lineCount(readProjectFile(path.slice(1)))] as const),
    ]
    expect(sizes.length).toBeGreaterThan(150)
    expect(sizes.filter(([, lines]) => lines > MAX_LINES)).toEqual([])
  })
})
