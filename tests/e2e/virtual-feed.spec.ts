// Virtualised deck columns, in Chromium against the mock instance: a home column scrolled
// through hundreds of statuses keeps a bounded number of rows in the DOM while it goes on
// loading pages, comes back to its first status at the top, keeps a focused row alive far
// out of view, and does not move what the reader looks at when new posts stream in.
// A column also scrolls on its own compositor layer (Chromium repaints a scroller that has none).

import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { signedInAs } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

const rowKeys = (column: Locator) =>
  column.locator('[role="feed"] > [data-key]').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.key ?? ''))

/** The key of the first row whose top is in the scroller's viewport, and where it is on screen. */
const firstRowInView = (body: Locator) =>
  body.evaluate((el) => {
    const top = el.getBoundingClientRect().top
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[role="feed"] > [data-key]'))
    const row = rows.find((r) => r.getBoundingClientRect().top >= top)
    return row ? { key: row.dataset.key ?? '', top: row.getBoundingClientRect().top } : null
  })

test('a long home column stays small in the DOM, loads on, returns to the top and holds still for live posts', async ({ page, stack, control }) => {
  test.setTimeout(120_000)
  await control(stack.instanceA, '/bulk-statuses', { username: 'bob', count: 400, reach_home_of: 'alice' })
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await withDeck(page, [
    { id: 'home', type: 'home', accountKey: alice.key, params: {} },
    { id: 'local', type: 'local', accountKey: alice.key, params: {} },
  ])
  await page.goto('/')
  const home = page.locator('main section.deck-column').first()
  const body = home.locator('.deck-column__body')
  await expect(home.locator('.column-timeline__live')).toHaveText('Live', { timeout: 15_000 })
  await expect(home.locator('.status-list__item').first()).toBeVisible()
  const firstKey = (await home.locator('[role="feed"] > [data-index="0"]').getAttribute('data-key'))!

  // Scroll down through 300 statuses, one and a half screens a frame (the rows rendered beyond
  // the viewport cover that), waiting at the bottom while the next page loads; count the rows
  // in the column's DOM on the way.
  const walk = await body.evaluate(async (el, target) => {
    const seen = new Set<string>()
    let mostRows = 0
    const started = performance.now()
    while (seen.size < target && performance.now() - started < 60_000) {
      const rows = el.querySelectorAll<HTMLElement>('[role="feed"] > [data-key]')
      rows.forEach((row) => seen.add(row.dataset.key ?? ''))
      mostRows = Math.max(mostRows, rows.length)
      const before = el.scrollTop
      el.scrollTop = before + el.clientHeight * 1.5
      // A frame, or 100 ms when the browser holds frames back (a loaded machine): the 60 s
      // cap of this walk must hold, so a slow run reports how far it got instead of hanging.
      await new Promise((resolve) => {
        requestAnimationFrame(resolve)
        setTimeout(resolve, 100)
      })
      if (el.scrollTop === before) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return { seen: seen.size, mostRows }
  }, 300)
  expect(walk.seen).toBeGreaterThanOrEqual(300)
  // Those came page by page, each asked below the last one.
  const log = (await (await fetch(`${stack.instanceA}/__control/log?path=/api/v1/timelines/home`)).json()) as { requests: { query: string }[] }
  expect(log.requests.filter((r) => /max_id=/.test(r.query ?? '')).length).toBeGreaterThanOrEqual(5)
  expect(walk.mostRows).toBeLessThan(60)
  expect(await home.locator('.status-list__item').count()).toBeLessThan(60)
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length)
  expect(elements).toBeLessThan(3000)

  // Focus a row, scroll far away: the row (and focus) stay.
  const focusedKey = (await firstRowInView(body))!.key
  const near = await rowKeys(home)
  await home.locator(`[role="feed"] > [data-key="${focusedKey}"] a`).first().focus()
  await body.evaluate((el) => el.scrollTo({ top: el.scrollTop - el.clientHeight * 10 }))
  await expect.poll(async () => (await rowKeys(home)).filter((k) => !near.includes(k)).length).toBeGreaterThan(5)
  expect(await rowKeys(home)).toContain(focusedKey)
  expect(await page.evaluate(() => document.activeElement?.closest('[data-key]')?.getAttribute('data-key'))).toBe(focusedKey)
  await page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

  // Back at the top: the first status is there again.
  await body.evaluate((el) => el.scrollTo({ top: 0 }))
  await expect(home.locator(`[role="feed"] > [data-key="${firstKey}"]`)).toBeInViewport()
  await expect.poll(async () => (await rowKeys(home))[0]).toBe(firstKey)
  expect(await body.evaluate((el) => el.scrollTop)).toBe(0)

  // Read somewhere in the middle; posts stream in: what the reader sees does not move.
  await body.evaluate((el) => el.scrollTo({ top: 5000 }))
  await page.waitForTimeout(300)
  const before = (await firstRowInView(body))!
  for (let i = 1; i <= 3; i++) await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: `Streamed while reading #${i}` })
  await expect(home.locator('.column-timeline__new')).toHaveText('3 new posts')
  await page.waitForTimeout(300)
  const after = (await firstRowInView(body))!
  expect(after.key).toBe(before.key)
  expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1)

  // Showing them goes to the top, where they are.
  await home.locator('.column-timeline__new').click()
  await expect(home.locator('[role="feed"] > [data-key]').first()).toContainText('Streamed while reading #3')
})

test('a column scrolls on a compositor layer of its own, so scrolling does not repaint it', async ({ page, stack, control }) => {
  await control(stack.instanceA, '/bulk-statuses', { username: 'bob', count: 60, reach_home_of: 'alice' })
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await withDeck(page, [{ id: 'home', type: 'home', accountKey: alice.key, params: {} }])
  await page.goto('/')
  const body = page.locator('main section.deck-column .deck-column__body').first()
  await expect(body.locator('.status-list__item').first()).toBeVisible()
  const size = await body.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight, content: el.scrollHeight }))
  expect(size.content).toBeGreaterThan(3 * size.height)

  // Chromium lists the layers it composites; a scroller it scrolls without repainting has a
  // layer as wide as the column, far taller than it (its content), that draws.
  const cdp = await page.context().newCDPSession(page)
  const layers: { width: number; height: number; drawsContent: boolean }[][] = []
  cdp.on('LayerTree.layerTreeDidChange', (event) => {
    if (event.layers) layers.push(event.layers)
  })
  await cdp.send('LayerTree.enable')
  await body.evaluate((el) => {
    el.scrollTop = 400
  })
  await expect
    .poll(() =>
      (layers.at(-1) ?? []).some((l) => l.drawsContent && Math.abs(l.width - size.width) <= 2 && l.height > 3 * size.height),
    )
    .toBe(true)
  await cdp.detach()
})
