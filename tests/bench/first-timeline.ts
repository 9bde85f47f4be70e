// Figure 2: from navigation start to the first painted home timeline, signed in, with a
// deck of one home column: until the column shows 40 statuses, or its first page when the
// app loads fewer per page (COLUMN_PAGE_SIZE is 20, and a first visit shows one page, so
// today the figure is "the first page of 20"). A virtualised column renders only the rows
// in view, so "shows" also counts as met when its statuses fill the column from top to
// bottom (the first page is in: it arrives whole). The in-page probe sees the condition
// during an animation frame and takes the time in the task after that frame's paint
// (performance.now(), i.e. since navigation start).
// Each run is a cold first visit (a fresh browser context, empty cache); the median counts.

import { readFileSync } from 'node:fs'
import type { Browser } from '@playwright/test'
import type { BenchProbe } from './in-page.ts'
import { median } from './stats.ts'
import { accountsDocument, deckDocument, openPage, resetWorld, signIn, until, type BenchStack } from './setup.ts'

export interface FirstTimelineRun {
  /** ms from navigation start until the frame showing the statuses had been painted. */
  paintedAt: number
  /** Statuses rendered in the column at that moment. */
  count: number
  /** Whether the statuses filled the column (before `count` reached the target). */
  filled: boolean
  firstContentfulPaint: number | null
}

export interface FirstTimelineResult {
  target: number
  median: number
  runs: FirstTimelineRun[]
}

export const STATUSES_WANTED = 40

/** The app's page size (src/timeline/column-sources.ts imports app aliases Node cannot load). */
export function columnPageSize(): number {
  const source = readFileSync(new URL('../../src/timeline/column-sources.ts', import.meta.url), 'utf8')
  const m = /export const COLUMN_PAGE_SIZE = (\d+)/.exec(source)
  if (!m) throw new Error('COLUMN_PAGE_SIZE not found in column-sources.ts')
  return Number(m[1])
}

export async function measureFirstTimeline(browser: Browser, stack: BenchStack, runs: number): Promise<FirstTimelineResult> {
  await resetWorld(stack)
  // 40 statuses, or the first page when the app loads fewer per page.
  const target = Math.min(STATUSES_WANTED, columnPageSize())
  const alice = await signIn(stack.instanceA, 'alice')
  const storage = {
    'deckodon:accounts': accountsDocument([alice]),
    'deckodon:deck': deckDocument([{ id: 'home', type: 'home', accountKey: alice.key }]),
  }
  const results: FirstTimelineRun[] = []
  for (let i = 0; i < runs; i++) {
    const bench = await openPage(browser, stack.appUrl, { storage, instrument: { firstTimelineTarget: target } })
    try {
      await bench.page.goto('/', { waitUntil: 'commit' })
      const run = await until(
        `the home column to show ${target} statuses`,
        () =>
          bench.page.evaluate(() => {
            const probe = (window as unknown as { __bench?: BenchProbe }).__bench
            const found = probe?.firstTimeline
            if (!found || found.paintedAt === null) return null
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]
            return { paintedAt: found.paintedAt, count: found.count, filled: found.filled, firstContentfulPaint: fcp ? fcp.startTime : null }
          }),
        30_000,
        50,
      )
      if (bench.pageErrors.length) throw new Error(`page errors: ${bench.pageErrors.join('; ')}`)
      results.push(run)
    } finally {
      await bench.close()
    }
  }
  return { target, median: median(results.map((r) => r.paintedAt)), runs: results }
}
