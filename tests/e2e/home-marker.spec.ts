// The home read position, in Chromium against the mock instance: restored from the server's
// marker on load, saved as the reader scrolls, restored after a reload, and followed when
// another client moved it (even far beyond the first page, with a gap marker above).

import type { Locator } from '@playwright/test'
import { test, expect, type Control } from './fixtures.ts'
import { signedInAs } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

/** The key (status id) of the topmost row mostly in view in the column. */
function topRowKey(column: Locator): Promise<string | null> {
  return column.locator('.deck-column__body').evaluate((body) => {
    const top = body.getBoundingClientRect().top
    const rows = [...body.querySelectorAll<HTMLElement>('[data-key]')]
      .map((row) => ({ key: row.dataset.key ?? null, rect: row.getBoundingClientRect() }))
      .filter(({ rect }) => rect.bottom - Math.max(rect.top, top) > rect.height / 2)
      .sort((a, b) => a.rect.top - b.rect.top)
    return rows[0]?.key ?? null
  })
}

async function homeMarker(control: Control, origin: string, username: string): Promise<string | null> {
  const res = await control(origin, `/as/${username}/api/v1/markers?timeline[]=home`, undefined, 'GET')
  const body = (await res.json()) as { home?: { last_read_id: string } }
  return body.home?.last_read_id ?? null
}

async function homeIds(control: Control, origin: string, username: string, limit: number): Promise<string[]> {
  const ids: string[] = []
  let maxId = ''
  while (ids.length < limit) {
    const res = await control(origin, `/as/${username}/api/v1/timelines/home?limit=40${maxId ? `&max_id=${maxId}` : ''}`, undefined, 'GET')
    const page = (await res.json()) as { id: string }[]
    if (page.length === 0) break
    ids.push(...page.map((s) => s.id))
    maxId = page.at(-1)!.id
  }
  return ids.slice(0, limit)
}

test('the home column opens at the saved read position, saves it while reading, and keeps it across a reload', async ({ page, stack, control }) => {
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await withDeck(page, [{ id: 'home', type: 'home', accountKey: alice.key, params: {} }])
  // Alice last read ten posts down her home timeline (saved by this or another client).
  const ids = await homeIds(control, stack.instanceA, 'alice', 20)
  const saved = ids[10]!
  await control(stack.instanceA, '/as/alice/api/v1/markers', { home: { last_read_id: saved } })

  await page.goto('/')
  const home = page.locator('main section.deck-column').first()
  await expect.poll(() => topRowKey(home), { timeout: 10_000 }).toBe(saved)

  // Reading on: the position is saved a moment after the scrolling stops.
  const body = home.locator('.deck-column__body')
  await body.evaluate((el) => {
    el.scrollTop += 1200
  })
  await expect.poll(() => topRowKey(home)).not.toBe(saved)
  const reading = await topRowKey(home)
  await expect.poll(() => homeMarker(control, stack.instanceA, 'alice'), { timeout: 10_000 }).toBe(reading)

  await page.reload()
  await expect.poll(() => topRowKey(home), { timeout: 10_000 }).toBe(reading)
})

test('a position another client saved far down the timeline is followed, with a gap marker above it', async ({ page, stack, control }) => {
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await withDeck(page, [{ id: 'home', type: 'home', accountKey: alice.key, params: {} }])
  const ids = await homeIds(control, stack.instanceA, 'alice', 90)
  const far = ids[80]!
  // Another client (as Alice) moved the marker 80 posts down.
  await control(stack.instanceA, '/as/alice/api/v1/markers', { home: { last_read_id: far } })

  await page.goto('/')
  const home = page.locator('main section.deck-column').first()
  await expect.poll(() => topRowKey(home), { timeout: 10_000 }).toBe(far)
  const body = home.locator('.deck-column__body')
  const rowKeys = () => body.evaluate((el) => [...el.querySelectorAll<HTMLElement>('[data-key]')].map((r) => r.dataset.key))
  // The rows below it follow it in the server's order.
  const keys = await rowKeys()
  const at = keys.indexOf(far)
  expect(keys.slice(at, at + 3)).toEqual(ids.slice(80, 83))
  // Above it: the statuses just newer than it, and above those a gap marker standing for
  // what lies between them and the newest pages.
  expect(keys).toContain(ids[79])
  const gap = home.getByRole('button', { name: 'Load missing posts' })
  for (let step = 0; step < 100 && (await gap.count()) === 0; step++) {
    await body.evaluate((el) => {
      el.scrollTop -= el.clientHeight * 0.8
    })
  }
  await expect(gap).toBeVisible()
})
