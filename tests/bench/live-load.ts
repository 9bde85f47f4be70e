// Figure 4: six live columns of two accounts on two instances — alice@A and frank@B, each
// with home, local and federated — while people post at a steady rate through the mock's
// controls, so that the six columns together receive `eventsPerSecond` streamed statuses
// (one post reaches several of them: the rate of posts is set from a calibration that
// checks, through REST, which columns each poster's posts land in).
//
// During the window: the share of time taken by long tasks, and frame times. Afterwards:
// each column is read whole (what waits behind "N new posts" included; a virtualised list
// is scrolled through and read by list position) and compared with what the server says
// belongs in it: every post of the window that the column's REST timeline holds must be
// shown exactly once.

import type { Browser, WebSocket } from '@playwright/test'
import { readColumn, type BenchProbe, type SeenItem } from './in-page.ts'
import { countColumn, longTaskShare, summariseFrames, type ColumnCount, type FrameSummary, type LongTaskSummary } from './stats.ts'
import { accountsDocument, control, deckDocument, hostOf, openPage, resetWorld, signIn, sleep, until, type BenchColumn, type BenchStack, type SignedIn } from './setup.ts'

interface Poster {
  origin: string
  username: string
}

interface LiveColumn {
  spec: BenchColumn
  label: string
  account: SignedIn
  /** The REST timeline with the same content. */
  path: string
}

interface PostedStatus {
  id: string
  uri: string
  created_at: string
  account: { acct: string }
}

export interface LiveColumnResult extends Omit<ColumnCount, 'dropped' | 'duplicated'> {
  column: string
  dropped: number
  duplicated: number
  droppedIds: string[]
  duplicatedIds: string[]
  /** Dropped statuses by author (acct as the column's server names them). */
  droppedBy: Record<string, number>
  clickedNewPosts: boolean
  /** Rows read (with repeats across snapshots of a virtualised list). */
  rowsRead: number
}

export interface LiveLoadResult {
  durationMs: number
  eventsPerSecondWanted: number
  /** Columns a post reaches, on average, as calibrated. */
  fanOut: number
  postsPerSecond: number
  posts: number
  failedPosts: number
  /** Posts of the window that belong in a column, summed over the six columns, per second of the window. */
  deliveredPerSecond: number
  longTasks: LongTaskSummary
  frames: FrameSummary
  columns: LiveColumnResult[]
  dropped: number
  duplicated: number
}

const WORDS = 'tram rain market kettle harbour garden sourdough station bicycle lantern river window'.split(' ')

function liveText(n: number): string {
  const words = Array.from({ length: 3 + (n % 9) * 3 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ')
  return `Live ${n}: ${words}.`
}

async function api<T>(origin: string, token: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${origin}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

async function post(poster: Poster, text: string): Promise<PostedStatus> {
  const res = await control(poster.origin, `/as/${poster.username}/api/v1/statuses`, { status: text })
  return (await res.json()) as PostedStatus
}

/** Ids (local to the column's instance) of the column's REST timeline back to `since`, with their authors. */
async function timelineSince(column: LiveColumn, since: number, uris: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  let maxId: string | null = null
  for (let page = 0; page < 200; page++) {
    const sep = column.path.includes('?') ? '&' : '?'
    const query: string = `${sep}limit=40${maxId ? `&max_id=${encodeURIComponent(maxId)}` : ''}`
    const items: PostedStatus[] = await api<PostedStatus[]>(column.account.origin, column.account.token, `${column.path}${query}`)
    for (const s of items) if (uris.has(s.uri)) found.set(s.id, s.account.acct)
    const last = items.at(-1)
    if (!last || Date.parse(last.created_at) < since) break
    maxId = last.id
  }
  return found
}

/** How many of the columns a post by each poster reaches, checked through REST. */
async function calibrate(posters: readonly Poster[], columns: readonly LiveColumn[]): Promise<number> {
  let total = 0
  for (const [i, poster] of posters.entries()) {
    const s = await post(poster, `Warming up the benchmark, post ${i + 1}.`)
    for (const column of columns) {
      const sep = column.path.includes('?') ? '&' : '?'
      const first = await api<PostedStatus[]>(column.account.origin, column.account.token, `${column.path}${sep}limit=40`)
      if (first.some((x) => x.uri === s.uri)) total++
    }
  }
  return total / posters.length
}

export async function measureLiveLoad(
  browser: Browser,
  stack: BenchStack,
  opts: { seconds: number; eventsPerSecond: number; log: (line: string) => void },
): Promise<LiveLoadResult> {
  await resetWorld(stack)
  const alice = await signIn(stack.instanceA, 'alice')
  const frank = await signIn(stack.instanceB, 'frank')
  const columns: LiveColumn[] = []
  for (const account of [alice, frank]) {
    const who = `${account.stored.username as string}@${hostOf(account.origin)}`
    columns.push(
      { spec: { id: `${account.id}-home`, type: 'home', accountKey: account.key }, label: `${who} home`, account, path: '/api/v1/timelines/home' },
      { spec: { id: `${account.id}-local`, type: 'local', accountKey: account.key }, label: `${who} local`, account, path: '/api/v1/timelines/public?local=true' },
      { spec: { id: `${account.id}-federated`, type: 'federated', accountKey: account.key }, label: `${who} federated`, account, path: '/api/v1/timelines/public' },
    )
  }
  // Followed by both alice and frank (bob, grace, heidi) or by alice only (yuki); two on each instance.
  const posters: Poster[] = [
    { origin: stack.instanceA, username: 'bob' },
    { origin: stack.instanceB, username: 'grace' },
    { origin: stack.instanceB, username: 'heidi' },
    { origin: stack.instanceA, username: 'yuki' },
  ]
  const fanOut = await calibrate(posters, columns)
  if (fanOut <= 0) throw new Error('calibration: the posters reach none of the columns')
  const postsPerSecond = opts.eventsPerSecond / fanOut

  // All six columns side by side on a wide screen.
  const bench = await openPage(browser, stack.appUrl, {
    viewport: { width: 2560, height: 1440 },
    storage: {
      'deckodon:accounts': accountsDocument([alice, frank]),
      'deckodon:deck': deckDocument(columns.map((c) => c.spec)),
    },
  })
  try {
    const { page } = bench
    let lastFrame = Date.now()
    page.on('websocket', (ws: WebSocket) => {
      ws.on('framereceived', () => {
        lastFrame = Date.now()
      })
    })
    await page.goto('/')
    const shown = page.locator('main section.deck-column')
    await until('six columns', async () => (await shown.count()) === columns.length, 30_000)
    for (let i = 0; i < columns.length; i++) {
      const column = shown.nth(i)
      await column.locator('.status-list__item, [data-status-id]').first().waitFor({ timeout: 30_000 })
      await column.locator('.column-timeline__live[data-state="live"]').waitFor({ timeout: 30_000 })
    }
    await sleep(1000)

    const timeOrigin = await page.evaluate(() => performance.timeOrigin)
    await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.startFrames())
    const interval = 1000 / postsPerSecond
    const total = Math.round(opts.seconds * postsPerSecond)
    opts.log(`  ${total} posts at ${postsPerSecond.toFixed(1)}/s (each reaches ${fanOut.toFixed(2)} columns on average)`)
    const windowStart = Date.now()
    const inFlight = new Set<Promise<void>>()
    const posted: PostedStatus[] = []
    let failedPosts = 0
    for (let n = 0; n < total; n++) {
      const due = windowStart + n * interval
      const wait = due - Date.now()
      if (wait > 0) await sleep(wait)
      const poster = posters[n % posters.length]!
      const p: Promise<void> = post(poster, liveText(n + 1)).then(
        (s) => void posted.push(s),
        () => void failedPosts++,
      )
      inFlight.add(p)
      void p.finally(() => inFlight.delete(p))
    }
    await Promise.all(inFlight)
    const windowEnd = Math.max(Date.now(), windowStart + opts.seconds * 1000)
    await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.stopFrames())

    // Let the last events arrive and be applied: no socket traffic for 2 s, and the top of
    // every column (its first status, its "N new posts" button) the same for 3 s.
    const settleEnd = Date.now() + 120_000
    while (Date.now() < settleEnd && Date.now() - lastFrame < 2000) await sleep(200)
    let signature = ''
    let stableSince = Date.now()
    while (Date.now() < settleEnd && Date.now() - stableSince < 3000) {
      await sleep(500)
      const now = await page.evaluate(() => {
        const b = (window as unknown as { __bench: BenchProbe }).__bench
        return Array.from(document.querySelectorAll('main section.deck-column'))
          .map((c) => `${b.items(c)[0]?.id ?? ''}/${c.querySelector('.column-timeline__new')?.textContent ?? ''}`)
          .join('|')
      })
      if (now !== signature) {
        signature = now
        stableSince = Date.now()
      }
    }
    if (bench.pageErrors.length) throw new Error(`page errors: ${bench.pageErrors.join('; ')}`)

    const probe = await page.evaluate(() => {
      const b = (window as unknown as { __bench: BenchProbe }).__bench
      return { frames: b.frames, longTasks: b.longTasks }
    })
    const longTasks = longTaskShare(probe.longTasks, windowStart - timeOrigin, windowEnd - timeOrigin)

    const uris = new Set(posted.map((s) => s.uri))
    const results: LiveColumnResult[] = []
    for (const [i, column] of columns.entries()) {
      const expected = await timelineSince(column, windowStart - 1000, uris)
      const read = await page.evaluate(readColumn, { columnIndex: i, stopAfterIndex: expected.size + 40, maxMs: 120_000 })
      const count = countColumn(new Set(expected.keys()), read.items as SeenItem[])
      const droppedBy: Record<string, number> = {}
      for (const id of count.dropped) {
        const acct = expected.get(id) ?? '?'
        droppedBy[acct] = (droppedBy[acct] ?? 0) + 1
      }
      results.push({
        column: column.label,
        expected: count.expected,
        shown: count.shown,
        dropped: count.dropped.length,
        duplicated: count.duplicated.length,
        unstable: count.unstable,
        droppedIds: count.dropped.slice(0, 20),
        duplicatedIds: count.duplicated.slice(0, 20),
        droppedBy,
        clickedNewPosts: read.clickedNew,
        rowsRead: read.items.length,
      })
    }
    return {
      durationMs: windowEnd - windowStart,
      eventsPerSecondWanted: opts.eventsPerSecond,
      fanOut,
      postsPerSecond,
      posts: posted.length,
      failedPosts,
      deliveredPerSecond: results.reduce((n, c) => n + c.expected, 0) / ((windowEnd - windowStart) / 1000),
      longTasks,
      frames: summariseFrames(probe.frames),
      columns: results,
      dropped: results.reduce((n, c) => n + c.dropped, 0),
      duplicated: results.reduce((n, c) => n + c.duplicated, 0),
    }
  } finally {
    await bench.close()
  }
}
