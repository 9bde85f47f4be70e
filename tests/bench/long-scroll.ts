// Figure 3: one home column scrolled through 2,000 statuses. The mock gets 2,000 extra
// statuses by bob, who alice follows (bulk-created, no streaming), then the page scrolls
// the column by `step` px per animation frame, waiting at the bottom while the next page
// loads, until 2,000 distinct statuses have been rendered. Then: DOM element count, JS heap
// after garbage collection, p95 of the frames that followed a scroll step, and the long
// tasks (≥ 50 ms, Long Tasks API) during the scroll.

import type { Browser } from '@playwright/test'
import { startScroll, type BenchProbe, type ScrollState } from './in-page.ts'
import { longTaskShare, summariseFrames, type FrameSummary } from './stats.ts'
import { accountsDocument, control, deckDocument, heapAfterGc, openPage, resetWorld, signIn, sleep, until, type BenchStack } from './setup.ts'

export interface LongScrollResult {
  target: number
  statusesSeen: number
  stepPx: number
  endedBy: string
  durationMs: number
  waitingFrames: number
  domElements: number
  heapBytes: number
  frames: FrameSummary
  longTasks: { count: number; longest: number; totalMs: number }
}

export async function measureLongScroll(browser: Browser, stack: BenchStack, opts: { target: number; step: number; timeoutMs: number; log: (line: string) => void }): Promise<LongScrollResult> {
  await resetWorld(stack)
  await control(stack.instanceA, '/bulk-statuses', { username: 'bob', count: opts.target, reach_home_of: 'alice' })
  const alice = await signIn(stack.instanceA, 'alice')
  const bench = await openPage(browser, stack.appUrl, {
    storage: {
      'deckodon:accounts': accountsDocument([alice]),
      'deckodon:deck': deckDocument([{ id: 'home', type: 'home', accountKey: alice.key }]),
    },
  })
  try {
    const { page } = bench
    await page.goto('/')
    await page.locator('main section.deck-column .status-list__item, main section.deck-column [data-status-id]').first().waitFor({ timeout: 30_000 })
    await sleep(1000)
    await page.evaluate(startScroll, { columnIndex: 0, step: opts.step, target: opts.target })
    const started = Date.now()
    let lastLog = 0
    const state = await until(
      `${opts.target} statuses scrolled past`,
      async () => {
        const s = await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.scroll)
        if (s && Date.now() - lastLog > 10_000) {
          lastLog = Date.now()
          opts.log(`  scrolled past ${s.seen} statuses (${Math.round((Date.now() - started) / 1000)} s)`)
        }
        return s && s.endedAt !== null ? s : null
      },
      opts.timeoutMs,
      500,
    )
    if (bench.pageErrors.length) throw new Error(`page errors: ${bench.pageErrors.join('; ')}`)
    const domElements = await page.evaluate(() => document.getElementsByTagName('*').length)
    const heapBytes = await heapAfterGc(bench.cdp)
    const tasks = await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.longTasks)
    const s = state as ScrollState
    const during = longTaskShare(tasks, s.startedAt, s.endedAt!)
    return {
      target: opts.target,
      statusesSeen: s.seen,
      stepPx: opts.step,
      endedBy: s.reason ?? 'unknown',
      durationMs: s.endedAt! - s.startedAt,
      waitingFrames: s.waitingFrames,
      domElements,
      heapBytes,
      frames: summariseFrames(s.frames),
      longTasks: { count: during.count, longest: during.longest, totalMs: during.totalMs },
    }
  } finally {
    await bench.close()
  }
}
