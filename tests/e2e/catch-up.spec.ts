// A dropped stream, in Chromium against the mock instance: while the account's socket is
// down, more posts arrive than one catch-up reads; on reconnect the column fills what it
// missed through REST, leaves a gap marker for the rest, and the marker loads it — every
// post exactly once, in the server's order.

import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { signedInAs } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

/** Scrolls the column down until the locator is rendered. */
async function scrollUntil(column: Locator, target: Locator): Promise<void> {
  const body = column.locator('.deck-column__body')
  for (let step = 0; step < 200 && (await target.count()) === 0; step++) {
    await body.evaluate((el) => {
      el.scrollTop += el.clientHeight * 0.8
    })
    await column.page().waitForTimeout(30)
  }
  await target.scrollIntoViewIfNeeded()
}

/** Each row's position in the column and its text, gathered by scrolling through it down to `last`. */
async function rowsByPosition(column: Locator, pattern: RegExp, last: string): Promise<Map<number, string>> {
  const body = column.locator('.deck-column__body')
  const rows = new Map<number, string>()
  await body.evaluate((el) => el.scrollTo({ top: 0 }))
  for (let step = 0; step < 400; step++) {
    const seen = await column.locator('.status-list__item').evaluateAll((els) =>
      els.map((el, i) => [Number((el.closest('[data-index]') as HTMLElement | null)?.dataset.index ?? i), el.textContent ?? ''] as const),
    )
    for (const [index, text] of seen) {
      const match = pattern.exec(text)
      if (match) rows.set(index, match[0])
    }
    if ([...rows.values()].includes(last)) break
    const moved = await body.evaluate((el) => {
      const before = el.scrollTop
      el.scrollTop = before + el.clientHeight * 0.8
      return el.scrollTop !== before
    })
    if (!moved) break
  }
  return rows
}

test('after a dropped stream the column fills what it missed, marks the rest as a gap, and loads it: nothing lost or doubled', async ({ page, stack, control }) => {
  test.setTimeout(90_000)
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await withDeck(page, [{ id: 'home', type: 'home', accountKey: alice.key, params: {} }])
  await page.goto('/')
  const home = page.locator('main section.deck-column').first()
  await expect(home.locator('.column-timeline__live')).toHaveText('Live', { timeout: 15_000 })
  await expect(home.locator('.status-list__item').first()).toBeVisible()

  // The socket goes down and cannot come back for a while; Bob (followed by Alice) posts 130 times.
  await control(stack.instanceA, '/features', { streaming: false })
  await control(stack.instanceA, '/streaming/drop', {})
  await expect(home.locator('.column-timeline__live')).not.toHaveText('Live')
  const total = 130
  for (let i = 1; i <= total; i++) await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: `Missed post #${i}.` })
  await control(stack.instanceA, '/features', { streaming: true })

  // Back live: the newest 120 (three pages of 40) are caught up on top, then a gap marker.
  await expect(home.locator('.column-timeline__live')).toHaveText('Live', { timeout: 30_000 })
  await expect(home.locator('.status-list__item').first()).toContainText(`Missed post #${total}.`, { timeout: 10_000 })
  // The column is virtualised: scroll down to the marker, below the 120 caught-up posts.
  const gap = home.getByRole('button', { name: 'Load missing posts' })
  await scrollUntil(home, gap)
  await expect(gap).toBeVisible()
  // The request log shows catch-up pages asked with since_id, never by comparing ids here.
  const log = (await (await fetch(`${stack.instanceA}/__control/log?path=/api/v1/timelines/home`)).json()) as { requests: { query: string }[] }
  expect(log.requests.some((r) => /since_id=/.test(r.query ?? ''))).toBe(true)

  await gap.click()
  await expect(gap).toHaveCount(0)

  const rows = await rowsByPosition(home, /Missed post #\d+\./, 'Missed post #1.')
  const texts = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text)
  // Every post once, newest first, with nothing in between missing.
  expect(texts).toEqual(Array.from({ length: total }, (_, i) => `Missed post #${total - i}.`))
})
