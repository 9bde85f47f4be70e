// What deck columns show, in Chromium against both mock instances: each column
// loads its own timeline as its own account (the mock's request log proves
// which token each request carried), pages on scroll, and filters hashtags.

import { test, expect } from './fixtures.ts'
import { signedInAsAll, hostOf } from './sign-in-helpers.ts'

/** The stored shape of a column (src/timeline/column-spec.ts ColumnSpec). */
interface ColumnSpec {
  id: string
  type: string
  accountKey: string
  params: Record<string, unknown>
  width: number
  collapsed: boolean
}

interface LoggedRequest {
  path: string
  query: string
  accountKey: string | null
  tokenKind: string
}

async function requestsOf(origin: string): Promise<LoggedRequest[]> {
  return ((await (await fetch(`${origin}/__control/log`)).json()) as { requests: LoggedRequest[] }).requests
}

function deckDocument(columns: Omit<ColumnSpec, 'width' | 'collapsed'>[]): string {
  return JSON.stringify({
    version: 1,
    activeDeckId: 'main',
    decks: [{ id: 'main', name: 'Main', columns: columns.map((c) => ({ ...c, width: 380, collapsed: false })) }],
  })
}

test('columns of two accounts on two instances each load as their own account', async ({ page, stack, control }) => {
  const [alice, frank] = await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument([
    { id: 'c1', type: 'home', accountKey: alice!.key, params: {} },
    { id: 'c2', type: 'notifications', accountKey: alice!.key, params: {} },
    { id: 'c3', type: 'local', accountKey: frank!.key, params: {} },
  ]))
  await control(stack.instanceA, '/log', undefined, 'DELETE')
  await control(stack.instanceB, '/log', undefined, 'DELETE')
  await page.goto('/')

  const columns = page.locator('main section.deck-column')
  await expect(columns).toHaveCount(3)
  for (let i = 0; i < 3; i++) await expect(columns.nth(i).locator('article').first()).toBeVisible({ timeout: 10_000 })
  // Frank's local column on B shows only B's own people (no @host in their handles there).
  await expect(columns.nth(2)).toContainText(`@frank@${hostOf(stack.instanceB)}`)

  const onA = await requestsOf(stack.instanceA)
  const onB = await requestsOf(stack.instanceB)
  expect(onA.find((r) => r.path === '/api/v1/timelines/home')?.accountKey).toBe(`alice@${hostOf(stack.instanceA)}`)
  expect(onA.find((r) => r.path.startsWith('/api/v2/notifications'))?.accountKey).toBe(`alice@${hostOf(stack.instanceA)}`)
  const local = onB.find((r) => r.path === '/api/v1/timelines/public')!
  expect(local.accountKey).toBe(`frank@${hostOf(stack.instanceB)}`)
  expect(local.query).toContain('local=true')
  // No request anywhere carried a token its server did not issue.
  expect([...onA, ...onB].filter((r) => r.tokenKind === 'invalid' || r.tokenKind === 'revoked')).toEqual([])
  // The first pages, asked for while the deck was still loading, were asked for once each.
  const firstPages = (log: LoggedRequest[], path: string) => log.filter((r) => r.path === path && !/(max|since|min)_id/.test(r.query)).length
  expect(firstPages(onA, '/api/v1/timelines/home')).toBe(1)
  expect(firstPages(onA, '/api/v2/notifications')).toBe(1)
  expect(firstPages(onB, '/api/v1/timelines/public')).toBe(1)
})

test('scrolling to the end of a column loads the next page without repeats', async ({ page, stack }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument([{ id: 'c1', type: 'federated', accountKey: alice!.key, params: {} }]))
  await page.goto('/')
  const column = page.locator('main section.deck-column').first()
  const articles = column.locator('.status-list__item')
  await expect(articles.first()).toBeVisible()
  const first = await articles.count()
  await articles.last().scrollIntoViewIfNeeded()
  await expect.poll(() => articles.count(), { timeout: 10_000 }).toBeGreaterThan(first)
  // Each post links to its own page (/@acct/:id): no post may appear twice.
  const links = await articles.evaluateAll((els) =>
    els.map((e) => [...e.querySelectorAll('a[href]')].map((a) => new URL((a as HTMLAnchorElement).href).pathname).find((p) => /^\/@[^/]+\/[^/]+$/.test(p)) ?? ''),
  )
  expect(links.every((l) => l !== '')).toBe(true)
  expect(new Set(links).size).toBe(links.length)
})

test('a hashtag column shows only posts with that tag', async ({ page, stack }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument([{ id: 'c1', type: 'hashtag', accountKey: alice!.key, params: { tag: 'caturday' } }]))
  await page.goto('/')
  const column = page.locator('main section.deck-column').first()
  await expect(column.locator('article').first()).toBeVisible()
  // textContent, not innerText: off-screen posts are skipped by content-visibility.
  const texts = await column.locator('.status-list__item').allTextContents()
  expect(texts.length).toBeGreaterThan(0)
  for (const t of texts) expect(t.toLowerCase()).toContain('#caturday')
})
