// `npm run bench`: the client's performance against its budgets, in Debian's Chromium with
// the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), against the mock instances,
// with the production build (npm run bench builds first). Prints a table and writes
// tests/bench/results/latest.json. A missed budget is a result, not a failure: the exit
// code is non-zero only when a measurement could not be made.
//
// Settings (environment):
//   BENCH_STREAM_SECONDS  length of the live window (default 30)
//   BENCH_STREAM_RATE     streamed statuses per second over the six columns (default 50)
//   BENCH_RUNS            cold loads for the first-timeline figure (default 5)
//   BENCH_SCROLL_STATUSES statuses to scroll through (default 2000)
//   BENCH_SCROLL_STEP     px scrolled per animation frame (default 100)
//   BENCH_SCROLL_TIMEOUT  seconds after which the scroll stops where it got to (default 600)
//   BENCH_ONLY            comma-separated subset: bundles,first,scroll,live
//   CHROMIUM_PATH         the browser (default /usr/bin/chromium)

import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { measureBundles } from './bundle-size.ts'
import { measureFirstTimeline } from './first-timeline.ts'
import { measureLongScroll } from './long-scroll.ts'
import { measureLiveLoad } from './live-load.ts'
import { formatTable, verdict, type Figure } from './report.ts'
import { CPU_THROTTLING, launchBrowser, startBenchStack } from './setup.ts'

const KiB = 1024
const MiB = 1024 * 1024

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${raw}`)
  return n
}

const settings = {
  streamSeconds: envNumber('BENCH_STREAM_SECONDS', 30),
  streamRate: envNumber('BENCH_STREAM_RATE', 50),
  runs: Math.round(envNumber('BENCH_RUNS', 5)),
  scrollStatuses: Math.round(envNumber('BENCH_SCROLL_STATUSES', 2000)),
  scrollStep: envNumber('BENCH_SCROLL_STEP', 100),
  scrollTimeoutSeconds: envNumber('BENCH_SCROLL_TIMEOUT', 600),
  only: new Set((process.env.BENCH_ONLY ?? 'bundles,first,scroll,live').split(',').map((s) => s.trim())),
}

const log = (line: string) => process.stderr.write(`${line}\n`)

async function main(): Promise<number> {
  const started = new Date()
  const loadAtStart = os.loadavg()[0]!
  const figures: Figure[] = []
  const details: Record<string, unknown> = {}
  const errors: Record<string, string> = {}

  log('starting the mock instances and the app server …')
  const stack = await startBenchStack()
  const browser = await launchBrowser()
  const version = browser.version()

  async function measure<T>(name: string, run: () => Promise<T>, toFigures: (r: T | null) => Figure[]): Promise<void> {
    if (!settings.only.has(name)) return
    log(`measuring ${name} …`)
    const t0 = Date.now()
    let result: T | null = null
    try {
      result = await run()
      details[name] = result
    } catch (err) {
      errors[name] = err instanceof Error ? (err.stack ?? err.message) : String(err)
      log(`  ${name} failed: ${errors[name]}`)
    }
    figures.push(...toFigures(result))
    log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  }

  try {
    await measure(
      'bundles',
      () => measureBundles(browser, stack),
      (r) => [
        {
          key: 'signInInitialGzip',
          label: 'sign-in page: initial JS+CSS (gzip)',
          value: r ? r.signIn.gzipBytes / KiB : null,
          unit: 'KiB',
          budget: 60,
          compare: 'le',
          note: r ? `${r.signIn.files.length} files, ${(r.signIn.bytes / KiB).toFixed(1)} KiB uncompressed` : undefined,
        },
        {
          key: 'deckInitialGzip',
          label: 'deck route: initial JS+CSS (gzip)',
          value: r ? r.deck.gzipBytes / KiB : null,
          unit: 'KiB',
          budget: 120,
          compare: 'le',
          note: r ? `${r.deck.files.length} files, ${(r.deck.bytes / KiB).toFixed(1)} KiB uncompressed` : undefined,
        },
      ],
    )
    await measure(
      'first',
      () => measureFirstTimeline(browser, stack, settings.runs),
      (r) => [
        {
          key: 'firstHomeTimelineMs',
          label: 'first home timeline painted',
          value: r ? r.median : null,
          unit: 'ms',
          budget: 800,
          compare: 'le',
          note: r
            ? `median of ${r.runs.length} cold loads (${r.runs.map((x) => Math.round(x.paintedAt)).join(', ')} ms) until the column showed ${r.target} statuses` +
              (r.target < 40 ? ` — its first page (the app loads ${r.target} per page), not 40` : '') +
              (r.runs.some((x) => x.filled) ? `, or (virtualised) its statuses filled the column: ${r.runs.map((x) => x.count).join(', ')} rendered` : '')
            : undefined,
        },
      ],
    )
    await measure(
      'scroll',
      () => measureLongScroll(browser, stack, { target: settings.scrollStatuses, step: settings.scrollStep, timeoutMs: settings.scrollTimeoutSeconds * 1000, log }),
      (r) => {
        const note = r ? `after ${r.statusesSeen} statuses (${r.endedBy}), ${settings.scrollStep} px per frame` : undefined
        return [
          { key: 'scrollDomElements', label: `scrolled ${settings.scrollStatuses}: DOM elements`, value: r ? r.domElements : null, unit: 'elements', budget: 1500, compare: 'le', note },
          { key: 'scrollHeapMiB', label: `scrolled ${settings.scrollStatuses}: JS heap after GC`, value: r ? r.heapBytes / MiB : null, unit: 'MiB', budget: 30, compare: 'le' },
          {
            key: 'scrollFrameP95Ms',
            label: `scrolled ${settings.scrollStatuses}: p95 frame`,
            value: r ? r.frames.p95 : null,
            unit: 'ms',
            budget: 20,
            compare: 'le',
            note: r ? `${r.frames.frames} frames after a scroll step (p50 ${r.frames.p50.toFixed(1)}, p99 ${r.frames.p99.toFixed(1)}, max ${r.frames.max.toFixed(1)} ms)` : undefined,
          },
          {
            key: 'scrollLongestTaskMs',
            label: `scrolled ${settings.scrollStatuses}: longest task`,
            value: r ? r.longTasks.longest : null,
            unit: 'ms',
            budget: 50,
            compare: 'le',
            note: r
              ? r.longTasks.count === 0
                ? 'no task of 50 ms or more (the Long Tasks API reports only those): shown as 0'
                : `${r.longTasks.count} tasks of 50 ms or more, ${Math.round(r.longTasks.totalMs)} ms in all`
              : undefined,
          },
        ]
      },
    )
    await measure(
      'live',
      () => measureLiveLoad(browser, stack, { seconds: settings.streamSeconds, eventsPerSecond: settings.streamRate, log }),
      (r) => {
        const window = `${settings.streamSeconds} s, ${settings.streamRate}/s`
        return [
          {
            key: 'liveLongTaskShare',
            label: `6 live columns (${window}): long-task time`,
            value: r ? r.longTasks.share : null,
            unit: '%',
            budget: 20,
            compare: 'lt',
            note: r
              ? `${r.posts} posts at ${r.postsPerSecond.toFixed(1)}/s reaching ${r.fanOut.toFixed(2)} columns each; ${r.deliveredPerSecond.toFixed(1)} statuses/s into the columns; ` +
                `${r.longTasks.count} long tasks, longest ${Math.round(r.longTasks.longest)} ms; p95 frame ${r.frames.p95.toFixed(1)} ms`
              : undefined,
          },
          { key: 'liveDropped', label: `6 live columns (${window}): dropped statuses`, value: r ? r.dropped : null, unit: 'statuses', budget: 0, compare: 'le' },
          { key: 'liveDuplicated', label: `6 live columns (${window}): duplicated statuses`, value: r ? r.duplicated : null, unit: 'statuses', budget: 0, compare: 'le' },
        ]
      },
    )
  } finally {
    await browser.close()
    await stack.close()
  }

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.platform()} ${os.release()}`
  // Other work on the machine slows every figure down: say how busy it was.
  const load = { start: loadAtStart, end: os.loadavg()[0]! }
  const busy = Math.max(load.start, load.end) > os.cpus().length
  const output = {
    date: started.toISOString(),
    machine,
    loadAverage1m: load,
    node: process.version,
    chromium: version,
    cpuThrottling: CPU_THROTTLING,
    settings: { ...settings, only: [...settings.only] },
    figures: figures.map((f) => ({ ...f, verdict: verdict(f) })),
    details,
    errors,
  }
  const dir = new URL('./results/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  const file = new URL('latest.json', dir)
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`)

  process.stdout.write(`\nDeckodon benchmark — ${started.toISOString()} — Chromium ${version}, CPU throttled ${CPU_THROTTLING}×\n${machine}\n`)
  process.stdout.write(`load average (1 min): ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end\n`)
  if (busy) process.stdout.write('warning: the machine was busy with other work (load above its CPU count); the timings are slower than on an idle machine\n')
  process.stdout.write('\n')
  process.stdout.write(`${formatTable(figures)}\n\nwritten to ${file.pathname}\n`)
  const failedRuns = Object.keys(errors)
  if (failedRuns.length) process.stdout.write(`\nmeasurements that could not be made: ${failedRuns.join(', ')}\n`)
  return failedRuns.length ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(2)
  },
)
