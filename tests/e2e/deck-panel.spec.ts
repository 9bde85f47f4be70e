// Threads, profiles and hashtags open in a panel beside the deck, as the account of the
// column they were opened from (the link carries it: ?as=user@host), from that account's
// server. The deck stays mounted underneath: same column elements, same scroll positions,
// same live streams. Deep links survive a reload; focus goes to the panel and back.

import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { hostOf, signedInAsAll } from './sign-in-helpers.ts'

interface ColumnSpec {
  id: string
  type: string
  accountKey: string
  params: Record<string, unknown>
}

interface LoggedRequest {
  method: string
  path: string
  accountKey: string | null
}

function deckDocument(columns: ColumnSpec[]): string {
  return JSON.stringify({
    version: 1,
    activeDeckId: 'main',
    decks: [{ id: 'main', name: 'Main', columns: columns.map((c) => ({ ...c, width: 380, collapsed: false })) }],
  })
}

async function requestsOf(origin: string): Promise<LoggedRequest[]> {
  return ((await (await fetch(`${origin}/__control/log`)).json()) as { requests: LoggedRequest[] }).requests
}

/** Alice (on A) and Frank (on B), each with a home column, side by side. */
async function twoColumnDeck(page: Page, stack: { instanceA: string; instanceB: string }) {
  const [alice, frank] = await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument([
    { id: 'c1', type: 'home', accountKey: alice!.key, params: {} },
    { id: 'c2', type: 'home', accountKey: frank!.key, params: {} },
  ]))
  await page.goto('/')
  const columns = page.locator('main section.deck-column')
  await expect(columns).toHaveCount(2)
  for (let i = 0; i < 2; i++) await expect(columns.nth(i).locator('article').first()).toBeVisible({ timeout: 10_000 })
  return { columns, aliceColumn: columns.nth(0), frankColumn: columns.nth(1) }
}

/** The first link matching `selector` that is fully inside the column's visible area. */
async function visibleLink(column: Locator, selector: string): Promise<Locator> {
  const index = await column.evaluate((el, sel) => {
    const body = el.querySelector('.deck-column__body')!.getBoundingClientRect()
    const links = [...el.querySelectorAll<HTMLElement>(sel)]
    return links.findIndex((a) => {
      const r = a.getBoundingClientRect()
      return r.height > 0 && r.top >= body.top && r.bottom <= body.bottom
    })
  }, selector)
  expect(index, `a visible ${selector} in the column`).toBeGreaterThanOrEqual(0)
  return column.locator(selector).nth(index)
}

const panelOf = (page: Page) => page.getByRole('complementary')

test('a time link in Frank\'s column opens the thread beside the deck as Frank, from his server; closing leaves the deck as it was', async ({ page, stack, control }) => {
  const { columns, aliceColumn, frankColumn } = await twoColumnDeck(page, stack)
  const hostB = hostOf(stack.instanceB)

  // Mark the column elements, so we can tell they were never re-created.
  await columns.evaluateAll((els) => els.forEach((el, i) => el.setAttribute('data-marker', `kept-${i}`)))
  const frankBody = frankColumn.locator('.deck-column__body')
  await frankBody.evaluate((el) => el.scrollTo({ top: 500 }))
  await expect.poll(() => frankBody.evaluate((el) => el.scrollTop)).toBeGreaterThan(200)
  const scrolled = await frankBody.evaluate((el) => el.scrollTop)

  await control(stack.instanceA, '/log', undefined, 'DELETE')
  await control(stack.instanceB, '/log', undefined, 'DELETE')
  const time = await visibleLink(frankColumn, '.status__time')
  const href = (await time.getAttribute('href'))!
  const statusId = /\/(\w+)\?/.exec(href)![1]!
  await time.click()

  // The address names the thread and the account it is seen as, never a token.
  await expect(page).toHaveURL(new RegExp(`/@[^/]+@[^/]+/${statusId}\\?as=frank(@|%40)`))
  const url = new URL(page.url())
  expect(url.searchParams.get('as')).toBe(`frank@${hostB}`)
  expect(url.href).not.toMatch(/token/i)

  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2, name: 'Post' })).toBeFocused()
  await expect(panel).toContainText(`Seen as @frank@${hostB}`)
  const focused = panel.locator('.status-list__item--focus')
  await expect(focused).toHaveCount(1)
  await expect(focused).toBeInViewport()

  // Loaded from B with Frank's token; A was never asked about it.
  await expect.poll(async () => (await requestsOf(stack.instanceB)).filter((r) => r.path === `/api/v1/statuses/${statusId}/context`).map((r) => r.accountKey))
    .toEqual([`frank@${hostB}`])
  expect((await requestsOf(stack.instanceA)).filter((r) => r.path.startsWith('/api/v1/statuses/'))).toEqual([])

  // The deck is still there, the same elements, scrolled where they were, and live.
  await expect(columns).toHaveCount(2)
  await expect(columns.nth(0)).toHaveAttribute('data-marker', 'kept-0')
  await expect(columns.nth(1)).toHaveAttribute('data-marker', 'kept-1')
  expect(await frankBody.evaluate((el) => el.scrollTop)).toBe(scrolled)
  const liveText = `Posted while the panel is open ${Date.now()}`
  await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: liveText })
  await expect(aliceColumn.locator('.status-list__item').first()).toContainText(liveText)
  // Frank follows Bob too: scrolled down, he gets it behind a "new posts" button, which may
  // shift his list by the button's height. That is where the reader is now.
  await expect(frankColumn.getByRole('button', { name: /new post/ })).toBeVisible()
  const reading = await frankBody.evaluate((el) => el.scrollTop)

  // Close: back to the deck, focus on the link that opened the panel, nothing moved.
  await panel.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(panel).toHaveCount(0)
  await expect(time).toBeFocused()
  await expect(columns.nth(1)).toHaveAttribute('data-marker', 'kept-1')
  expect(await frankBody.evaluate((el) => el.scrollTop)).toBe(reading)
})

test('reloading a deep link shows the deck and the same thread as the same account', async ({ page, stack, control }) => {
  const { frankColumn, columns } = await twoColumnDeck(page, stack)
  const hostB = hostOf(stack.instanceB)
  const time = await visibleLink(frankColumn, '.status__time')
  await time.click()
  const panel = panelOf(page)
  await expect(panel.locator('.status-list__item--focus')).toHaveCount(1)
  const before = page.url()
  const focusedText = await panel.locator('.status-list__item--focus .status__content').first().innerText()

  await control(stack.instanceB, '/log', undefined, 'DELETE')
  await page.reload()
  expect(page.url()).toBe(before)
  await expect(columns).toHaveCount(2)
  await expect(frankColumn.locator('article').first()).toBeVisible({ timeout: 10_000 })
  await expect(panel.getByRole('heading', { level: 2, name: 'Post' })).toBeVisible()
  await expect(panel).toContainText(`Seen as @frank@${hostB}`)
  await expect(panel.locator('.status-list__item--focus .status__content').first()).toHaveText(focusedText)
  const statusId = new URL(before).pathname.split('/').at(-1)!
  await expect.poll(async () => (await requestsOf(stack.instanceB)).some((r) => r.path === `/api/v1/statuses/${statusId}` && r.accountKey === `frank@${hostB}`)).toBe(true)
})

test('an author link opens the profile in the panel; Escape closes it and gives focus back', async ({ page, stack }) => {
  const { aliceColumn, columns } = await twoColumnDeck(page, stack)
  const hostA = hostOf(stack.instanceA)
  const author = await visibleLink(aliceColumn, 'a.author')
  const handle = (await author.locator('.author__handle').innerText()).trim()
  await author.click()

  await expect(page).toHaveURL(new RegExp(`/${handle.replace(/[.]/g, '\\.')}\\?as=alice(@|%40)`))
  const panel = panelOf(page)
  const heading = panel.getByRole('heading', { level: 2, name: `Profile of ${handle}` })
  await expect(heading).toBeFocused()
  await expect(panel).toContainText(`Seen as @alice@${hostA}`)
  await expect(panel.getByRole('heading', { name: 'Posts' })).toBeVisible()
  await expect(panel.locator('.status-list__item').first()).toBeVisible()
  await expect(columns).toHaveCount(2)

  // A post's time link inside the panel opens its thread in the panel, still as Alice.
  await panel.locator('.status__time').first().click()
  await expect(page).toHaveURL(new RegExp(`/@[^/]+/\\w+\\?as=alice(@|%40)`))
  await expect(panel.getByRole('heading', { level: 2, name: 'Post' })).toBeFocused()
  await expect(panel.locator('.status-list__item--focus')).toHaveCount(1)

  // Escape with focus in the panel closes it; focus returns to the author link in the column
  // that opened the panel in the first place.
  await panel.getByRole('button', { name: 'Close', exact: true }).focus()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/\/$/)
  await expect(panel).toHaveCount(0)
  await expect(author).toBeFocused()
})

test('a narrow screen shows the panel over the whole width, with a way back to the deck', async ({ page, stack }) => {
  await page.setViewportSize({ width: 500, height: 800 })
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument([
    { id: 'c1', type: 'home', accountKey: alice!.key, params: {} },
  ]))
  await page.goto('/')
  const column = page.locator('main section.deck-column')
  await expect(column.locator('article').first()).toBeVisible({ timeout: 10_000 })
  const body = column.locator('.deck-column__body')
  await body.evaluate((el) => el.scrollTo({ top: 400 }))
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(100)
  const scrolled = await body.evaluate((el) => el.scrollTop)

  const time = await visibleLink(column, '.status__time')
  await time.click()
  const panel = panelOf(page)
  await expect(panel.locator('.status-list__item--focus')).toHaveCount(1)
  const box = (await panel.boundingBox())!
  const viewport = page.viewportSize()!
  expect(box.x).toBeLessThanOrEqual(1)
  expect(box.width).toBeGreaterThanOrEqual(viewport.width - 20)
  // The deck underneath is out of reach (inert) but still there.
  await expect(page.locator('section.deck')).toHaveAttribute('inert', '')
  await expect(column).toHaveCount(1)
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([])

  await panel.getByRole('button', { name: 'Back to the deck' }).click()
  await expect(panel).toHaveCount(0)
  await expect(page.locator('section.deck')).not.toHaveAttribute('inert')
  await expect(time).toBeFocused()
  expect(await body.evaluate((el) => el.scrollTop)).toBe(scrolled)
})

test('the deck with its panel passes axe in the light and the dark theme', async ({ page, stack }) => {
  // Two full columns and a thread make a large page for axe.
  test.slow()
  const { frankColumn } = await twoColumnDeck(page, stack)
  await (await visibleLink(frankColumn, '.status__time')).click()
  await expect(panelOf(page).locator('.status-list__item--focus')).toHaveCount(1)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})

test('a link for an account that is not signed in here says so and offers another account', async ({ page, stack }) => {
  await signedInAsAll(page, [[stack.instanceA, 'alice']])
  const hostA = hostOf(stack.instanceA)
  await page.goto(`/@yuki@${hostA}?as=someone@elsewhere.example`)
  const panel = panelOf(page)
  await expect(panel).toContainText('This link opens as @someone@elsewhere.example, who is not signed in on this browser.')
  await expect(panel.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await panel.getByRole('button', { name: `Open as @alice@${hostA}` }).click()
  expect(new URL(page.url()).searchParams.get('as')).toBe(`alice@${hostA}`)
  await expect(panel.getByRole('heading', { level: 2, name: `Profile of @yuki@${hostA}` })).toBeFocused()
  await expect(panel.locator('.status-list__item').first()).toBeVisible()
})

test('with nobody signed in, a deep link asks to sign in inside the panel', async ({ page }) => {
  await page.goto('/@frank@localhost:1/123?as=frank@localhost:1')
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2, name: 'Post' })).toBeVisible()
  await expect(panel).toContainText('Sign in to see posts')
  await expect(panel.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Deck' })).toContainText('No columns yet')
})
