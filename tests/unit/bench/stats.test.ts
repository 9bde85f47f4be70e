// The benchmark's pure helpers (tests/bench/stats.ts, report.ts): the figures it prints are
// only as good as these.

import { describe, expect, it } from 'vitest'
import { countColumn, longTaskShare, median, percentile, sumAssets, summariseFrames } from '../../bench/stats.ts'
import { formatTable, verdict, type Figure } from '../../bench/report.ts'

describe('percentile', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100]
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 95)).toBe(100)
    expect(percentile(values, 90)).toBe(90)
    expect(percentile(values, 0)).toBe(10)
    expect(percentile(values, 100)).toBe(100)
    expect(median([3, 1, 2])).toBe(2)
    // The input is not reordered.
    expect(values[0]).toBe(50)
  })

  it('finds the slow frames among many fast ones', () => {
    const deltas = [...Array.from({ length: 94 }, () => 16.7), 33.3, 50, 66.7, 83.3, 100, 116.7]
    // The 95th of 100 sorted values: the first slow frame.
    expect(percentile(deltas, 95)).toBe(33.3)
    expect(percentile(deltas, 96)).toBe(50)
    const summary = summariseFrames(deltas)
    expect(summary).toMatchObject({ frames: 100, p50: 16.7, p95: 33.3, p99: 100, max: 116.7 })
  })

  it('has no value for no samples and refuses a rank outside 0..100', () => {
    expect(percentile([], 95)).toBeNaN()
    expect(summariseFrames([]).max).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })
})

describe('longTaskShare', () => {
  it('counts the part of each long task inside the window', () => {
    const tasks = [
      { startTime: 900, duration: 200 }, // 100 ms inside
      { startTime: 2000, duration: 60 },
      { startTime: 5000, duration: 300 }, // 100 ms inside
      { startTime: 6000, duration: 80 }, // after the window
    ]
    const share = longTaskShare(tasks, 1000, 5100)
    expect(share.count).toBe(3)
    expect(share.totalMs).toBe(260)
    expect(share.share).toBeCloseTo((260 / 4100) * 100, 6)
    expect(share.longest).toBe(300)
  })

  it('is zero without long tasks and refuses an empty window', () => {
    expect(longTaskShare([], 0, 1000)).toEqual({ count: 0, totalMs: 0, share: 0, longest: 0 })
    expect(() => longTaskShare([], 10, 10)).toThrow(RangeError)
  })
})

describe('sumAssets', () => {
  const bytes = (n: number) => new Uint8Array(n).fill(7)
  // A stand-in for gzip: a quarter of the size, so the sums are easy to follow.
  const quarter = (b: Uint8Array) => b.subarray(0, Math.ceil(b.byteLength / 4))

  it('compresses each file on its own and sums raw and compressed sizes, largest first', () => {
    const totals = sumAssets(
      [
        { url: 'http://app/a.js', type: 'script', body: bytes(400) },
        { url: 'http://app/b.css', type: 'stylesheet', body: bytes(1000) },
      ],
      quarter,
    )
    expect(totals.bytes).toBe(1400)
    expect(totals.gzipBytes).toBe(350)
    expect(totals.files.map((f) => [f.url, f.bytes, f.gzipBytes])).toEqual([
      ['http://app/b.css', 1000, 250],
      ['http://app/a.js', 400, 100],
    ])
  })

  it('counts a file loaded twice (a preload and its use) once', () => {
    const totals = sumAssets(
      [
        { url: 'http://app/a.js', type: 'script', body: bytes(400) },
        { url: 'http://app/a.js', type: 'script', body: bytes(400) },
      ],
      quarter,
    )
    expect(totals.files).toHaveLength(1)
    expect(totals.gzipBytes).toBe(100)
  })
})

describe('countColumn', () => {
  const expected = new Set(['a', 'b', 'c', 'd'])

  it('counts nothing wrong when every expected status sits at one position, however often it was seen', () => {
    // Two overlapping snapshots of a virtualised list.
    const seen = [
      { index: 0, id: 'a' },
      { index: 1, id: 'b' },
      { index: 2, id: 'c' },
      { index: 1, id: 'b' },
      { index: 2, id: 'c' },
      { index: 3, id: 'd' },
      { index: 4, id: 'old' },
    ]
    expect(countColumn(expected, seen)).toEqual({ expected: 4, shown: 4, dropped: [], duplicated: [], unstable: 0 })
  })

  it('finds statuses never shown and statuses shown at two positions', () => {
    const seen = [
      { index: 0, id: 'a' },
      { index: 1, id: 'b' },
      { index: 2, id: 'a' },
      { index: 3, id: 'old' },
      { index: 7, id: 'old' },
    ]
    const count = countColumn(expected, seen)
    expect(count.dropped).toEqual(['c', 'd'])
    expect(count.shown).toBe(2)
    expect(count.duplicated).toEqual(['a', 'old'])
    expect(count.unstable).toBe(0)
  })

  it('reports positions that held different statuses (the list moved while it was read)', () => {
    const seen = [
      { index: 0, id: 'a' },
      { index: 0, id: 'b' },
      { index: 1, id: 'b' },
    ]
    expect(countColumn(expected, seen).unstable).toBe(1)
  })
})

describe('report', () => {
  const figure = (over: Partial<Figure>): Figure => ({ key: 'k', label: 'a figure', value: 10, unit: 'ms', budget: 20, compare: 'le', ...over })

  it('passes a value within its budget, fails one over it, and marks a missing one as an error', () => {
    expect(verdict(figure({ value: 20 }))).toBe('pass')
    expect(verdict(figure({ value: 20, compare: 'lt' }))).toBe('FAIL')
    expect(verdict(figure({ value: 20.5 }))).toBe('FAIL')
    expect(verdict(figure({ value: null }))).toBe('error')
  })

  it('prints one aligned row per figure with its budget and result, and the notes below', () => {
    const table = formatTable([
      figure({ label: 'sign-in page: initial JS+CSS (gzip)', value: 52.31, unit: 'KiB', budget: 60, note: '9 files' }),
      figure({ label: 'dropped statuses', value: 3, unit: 'statuses', budget: 0 }),
      figure({ label: 'long-task time', value: null, unit: '%', budget: 20, compare: 'lt' }),
    ])
    const lines = table.split('\n')
    expect(lines[0]).toMatch(/^figure\s+measured\s+budget\s+result$/)
    expect(lines[2]).toMatch(/^sign-in page: initial JS\+CSS \(gzip\)\s+52\.3 KiB\s+≤ 60\.0 KiB\s+pass$/)
    expect(lines[3]).toMatch(/^dropped statuses\s+3 statuses\s+≤ 0 statuses\s+FAIL$/)
    expect(lines[4]).toMatch(/^long-task time\s+—\s+< 20\.0 %\s+error$/)
    // Values are right-aligned under their header.
    const end = lines[0]!.indexOf('measured') + 'measured'.length
    for (const [row, value] of [[2, '52.3 KiB'], [3, '3 statuses'], [4, '—']] as const) {
      expect(lines[row]!.indexOf(value) + value.length).toBe(end)
    }
    expect(lines.slice(-2)).toEqual(['notes:', '  sign-in page: initial JS+CSS (gzip): 9 files'])
  })
})
