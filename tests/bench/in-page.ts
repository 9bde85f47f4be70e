// Code that runs inside the page (Playwright serialises these functions, so each one is
// self-contained: no imports, no outside names). `instrument` is installed before the app
// starts and leaves `window.__bench` for the measurements to read and drive.

export interface SeenItem {
  index: number
  id: string
}

export interface BenchProbe {
  longTasks: { startTime: number; duration: number }[]
  /** Matches a rendered status row. */
  itemSelector: string
  /** The status id of a row. */
  idOf(row: Element): string | null
  /** Statuses rendered in `root`, with their list positions (data-index of a virtualised list, else DOM order). */
  items(root: Element): SeenItem[]
  /**
   * Set when the first column shows `firstTimelineTarget` statuses, or (a virtualised list
   * renders only what is in view) when its statuses fill the column from top to bottom.
   */
  firstTimeline: { count: number; filled: boolean; detectedAt: number; paintedAt: number | null } | null
  /** Frame durations (ms) recorded between startFrames and stopFrames. */
  frames: number[]
  startFrames(): void
  stopFrames(): void
  scroll: ScrollState | null
}

export interface ScrollState {
  /** Distinct statuses that have been rendered in the column so far. */
  seen: number
  /** Durations of frames that followed a scroll step. */
  frames: number[]
  /** Frames spent at the bottom, waiting for the next page. */
  waitingFrames: number
  startedAt: number
  endedAt: number | null
  reason: string | null
  /** Set from outside to end the scroll early (a time limit). */
  stopRequested: string | null
}

export interface InstrumentConfig {
  /** Statuses the first column must show for the first-timeline figure; 0 to not watch. */
  firstTimelineTarget: number
}

export function instrument(config: InstrumentConfig): void {
  const ITEM = '[data-status-id], .status-list__item'
  // An in-app status route, /@acct/:id (maybe with ?as=…); not the link to the status's own server.
  const STATUS_PATH = /^\/(?:[^@]*\/)?@[^/?#]+\/([^/?#]+)(?:[?#]|$)/
  const idOf = (el: Element): string | null => {
    const own = el.getAttribute('data-status-id')
    if (own) return own
    // Without the attribute: the status's own link in the app (its time).
    for (const a of Array.from(el.querySelectorAll('a[href]'))) {
      const m = STATUS_PATH.exec(a.getAttribute('href') ?? '')
      if (m) return decodeURIComponent(m[1]!)
    }
    return null
  }
  const probe: BenchProbe = {
    longTasks: [],
    itemSelector: ITEM,
    idOf,
    items(root) {
      const out: SeenItem[] = []
      let order = 0
      for (const el of Array.from(root.querySelectorAll(ITEM))) {
        const outer = el.parentElement?.closest(ITEM)
        if (outer && root.contains(outer)) continue
        const id = idOf(el)
        if (!id) continue
        const host = el.closest('[data-index]')
        const index = host && root.contains(host) ? Number(host.getAttribute('data-index')) : order
        order++
        out.push({ index, id })
      }
      return out
    },
    firstTimeline: null,
    frames: [],
    startFrames() {
      probe.frames = []
      let last = -1
      let running = true
      const tick = (t: number) => {
        if (!running) return
        if (last >= 0) probe.frames.push(t - last)
        last = t
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
      probe.stopFrames = () => {
        running = false
      }
    },
    stopFrames() {},
    scroll: null,
  }
  ;(window as unknown as { __bench: BenchProbe }).__bench = probe

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ startTime: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No Long Tasks API: the figures that need it report an error.
  }

  if (config.firstTimelineTarget > 0) {
    const watch = () => {
      const column = document.querySelector('main section.deck-column')
      const count = column ? new Set(probe.items(column).map((i) => i.id)).size : 0
      let filled = false
      const scroller = column?.querySelector('.deck-column__body')
      if (column && scroller && count > 0) {
        const bottom = scroller.getBoundingClientRect().bottom
        const rows = Array.from(column.querySelectorAll(ITEM))
        filled = rows.some((row) => row.getBoundingClientRect().bottom >= bottom)
      }
      if (count >= config.firstTimelineTarget || filled) {
        const found = { count, filled, detectedAt: performance.now(), paintedAt: null as number | null }
        probe.firstTimeline = found
        // Found before this frame's paint; the next frame's task runs after it.
        requestAnimationFrame(() =>
          setTimeout(() => {
            found.paintedAt = performance.now()
          }, 0),
        )
        return
      }
      requestAnimationFrame(watch)
    }
    requestAnimationFrame(watch)
  }
}

/**
 * Scrolls the column down by `step` px every frame, waiting at the bottom while the next
 * page loads, until `target` distinct statuses have been rendered (or the timeline ends).
 * Progress is in window.__bench.scroll.
 */
export function startScroll(arg: { columnIndex: number; step: number; target: number }): void {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench
  const column = document.querySelectorAll('main section.deck-column')[arg.columnIndex]
  const scroller = column?.querySelector<HTMLElement>('.deck-column__body')
  if (!column || !scroller) throw new Error('no column to scroll')
  const ids = new Set<string>()
  const addFrom = (root: Element) => {
    for (const item of probe.items(root)) ids.add(item.id)
  }
  addFrom(column)
  // New rows are counted as they are added, not by reading the whole column every frame.
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (!(n instanceof Element)) continue
        const rows = n.matches(probe.itemSelector) ? [n] : Array.from(n.querySelectorAll(probe.itemSelector))
        for (const row of rows) {
          const id = probe.idOf(row)
          if (id) ids.add(id)
        }
      }
    }
  })
  observer.observe(column, { childList: true, subtree: true })
  const state: ScrollState = { seen: ids.size, frames: [], waitingFrames: 0, startedAt: performance.now(), endedAt: null, reason: null, stopRequested: null }
  probe.scroll = state
  const finish = (reason: string) => {
    observer.disconnect()
    state.seen = ids.size
    state.endedAt = performance.now()
    state.reason = reason
  }
  let last = -1
  let scrolled = false
  const tick = (t: number) => {
    if (last >= 0) {
      if (scrolled) state.frames.push(t - last)
      else state.waitingFrames++
    }
    last = t
    state.seen = ids.size
    if (ids.size >= arg.target) return finish('target')
    if (state.stopRequested) return finish(state.stopRequested)
    const max = scroller.scrollHeight - scroller.clientHeight
    if (scroller.scrollTop < max - 1) {
      scroller.scrollTop = Math.min(max, scroller.scrollTop + arg.step)
      scrolled = true
    } else {
      scrolled = false
      if (column.querySelector('.column-timeline__end')) return finish('end of timeline')
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * Reads a whole column: shows what waits behind "N new posts", then scrolls from the top
 * in steps, collecting each rendered status with its list position, until positions past
 * `stopAfterIndex` are in view (a list without virtualisation is read in one go).
 */
export async function readColumn(arg: { columnIndex: number; stopAfterIndex: number; maxMs: number }): Promise<{ items: SeenItem[]; clickedNew: boolean }> {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench
  const column = document.querySelectorAll('main section.deck-column')[arg.columnIndex]
  const scroller = column?.querySelector<HTMLElement>('.deck-column__body')
  if (!column || !scroller) throw new Error(`no column ${arg.columnIndex}`)
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()))
  const frames = async (n: number) => {
    for (let i = 0; i < n; i++) await frame()
  }
  const button = column.querySelector<HTMLButtonElement>('.column-timeline__new')
  if (button) button.click()
  scroller.scrollTop = 0
  await frames(3)
  const seen: SeenItem[] = []
  const started = performance.now()
  for (;;) {
    const snapshot = probe.items(column)
    seen.push(...snapshot)
    if (column.querySelector('[data-index]') === null) break
    if (snapshot.length > 0 && Math.max(...snapshot.map((s) => s.index)) >= arg.stopAfterIndex) break
    const max = scroller.scrollHeight - scroller.clientHeight
    if (scroller.scrollTop >= max - 1) break
    if (performance.now() - started > arg.maxMs) break
    scroller.scrollTop = Math.min(max, scroller.scrollTop + Math.max(100, scroller.clientHeight * 0.6))
    await frames(3)
  }
  return { items: seen, clickedNew: button !== null }
}
