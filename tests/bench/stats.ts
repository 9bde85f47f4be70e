// Pure helpers of the benchmark (no Node or browser APIs, so unit tests cover them):
// percentiles, frame and long-task summaries, the transfer-size sum of loaded assets,
// and the duplicate/drop count of a column.

/** Nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} outside 0..100`)
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

export interface FrameSummary {
  frames: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Summary of frame durations (ms between consecutive animation frames). */
export function summariseFrames(deltas: readonly number[]): FrameSummary {
  return {
    frames: deltas.length,
    p50: percentile(deltas, 50),
    p95: percentile(deltas, 95),
    p99: percentile(deltas, 99),
    max: deltas.length ? Math.max(...deltas) : Number.NaN,
  }
}

export interface TaskEntry {
  startTime: number
  duration: number
}

export interface LongTaskSummary {
  count: number
  /** Long-task time inside the window, in ms (tasks straddling an edge count in part). */
  totalMs: number
  /** totalMs as a percentage of the window. */
  share: number
  longest: number
}

/** How much of the window [start, end] long tasks took. */
export function longTaskShare(tasks: readonly TaskEntry[], start: number, end: number): LongTaskSummary {
  if (!(end > start)) throw new RangeError('empty window')
  let totalMs = 0
  let count = 0
  let longest = 0
  for (const t of tasks) {
    const from = Math.max(start, t.startTime)
    const to = Math.min(end, t.startTime + t.duration)
    if (to <= from) continue
    count++
    totalMs += to - from
    longest = Math.max(longest, t.duration)
  }
  return { count, totalMs, share: (totalMs / (end - start)) * 100, longest }
}

export interface LoadedAsset {
  url: string
  /** 'script' or 'stylesheet'. */
  type: string
  body: Uint8Array
}

export interface AssetTotals {
  files: { url: string; type: string; bytes: number; gzipBytes: number }[]
  bytes: number
  gzipBytes: number
}

/**
 * The sum of what the browser loaded, each file compressed on its own (as a server
 * sends it). A file fetched twice (a preload and its use) counts once.
 */
export function sumAssets(assets: readonly LoadedAsset[], gzip: (body: Uint8Array) => Uint8Array): AssetTotals {
  const seen = new Set<string>()
  const files: AssetTotals['files'] = []
  for (const a of assets) {
    if (seen.has(a.url)) continue
    seen.add(a.url)
    files.push({ url: a.url, type: a.type, bytes: a.body.byteLength, gzipBytes: gzip(a.body).byteLength })
  }
  files.sort((x, y) => y.gzipBytes - x.gzipBytes)
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  }
}

/** One rendered status seen in a column: its position in the list and its id. */
export interface SeenItem {
  index: number
  id: string
}

export interface ColumnCount {
  expected: number
  /** Distinct expected statuses the column showed. */
  shown: number
  /** Expected statuses the column never showed. */
  dropped: string[]
  /** Statuses the column showed at more than one position. */
  duplicated: string[]
  /** Positions that held different statuses in different snapshots (the list moved while it was read). */
  unstable: number
}

/**
 * Compares what a column showed with what it should have shown. `seen` comes from
 * snapshots of a (possibly virtualised) list, so the same item at the same position may
 * appear many times; an id counts as duplicated only when it sat at two positions.
 */
export function countColumn(expected: ReadonlySet<string>, seen: readonly SeenItem[]): ColumnCount {
  const positions = new Map<string, Set<number>>()
  const byIndex = new Map<number, Set<string>>()
  for (const { index, id } of seen) {
    let p = positions.get(id)
    if (!p) positions.set(id, (p = new Set()))
    p.add(index)
    let ids = byIndex.get(index)
    if (!ids) byIndex.set(index, (ids = new Set()))
    ids.add(id)
  }
  const dropped = [...expected].filter((id) => !positions.has(id))
  const duplicated = [...positions].filter(([, p]) => p.size > 1).map(([id]) => id)
  const unstable = [...byIndex.values()].filter((ids) => ids.size > 1).length
  return { expected: expected.size, shown: expected.size - dropped.length, dropped, duplicated, unstable }
}
