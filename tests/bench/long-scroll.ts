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
    const read = () => page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.scroll)
    let lastLog = started
    let state: ScrollState | null = null
    for (;;) {
      await sleep(500)
      state = await read()
      if (!state) throw new Error('the scroll did not start')
      if (state.endedAt !== null) break
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now()
        opts.log(`  ${state.seen} statuses so far (${Math.round((Date.now() - started) / 1000)} s)`)
      }
      // Past the time limit the figures are taken where the scroll got to (the note says so).
      if (Date.now() - started > opts.timeoutMs) {
        await page.evaluate((why) => {
          const s = (window as unknown as { __bench: BenchProbe }).__bench.scroll
          if (s) s.stopRequested = why
        }, `time limit of ${Math.round(opts.timeoutMs / 1000)} s`)
        await until('the scroll to stop', async () => ((await read())?.endedAt ?? null) !== null, 60_000, 250)
        state = await read()
        break
      }
    }
    if (bench.pageErrors.length) throw new Error(`page errors: ${bench.pageErrors.join('; ')}`)
    const domElements = await page.evaluate(() => document.getElementsByTagName('*').length)
    const heapBytes = await heapAfterGc(bench.cdp)
    const tasks = await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.longTasks)
    const s = state!
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
