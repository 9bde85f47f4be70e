// Search from the header ("/"), as the signed-in account: a handle of the other server opens
// its profile; a post URL of the other server opens the post; an address that names nothing
// says so; words give grouped results. axe in both themes on the results.

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { hostOf, signedInAs } from './sign-in-helpers.ts'

const panelOf = (page: Page) => page.getByRole('complementary')

test('press /, find a handle and a post of the other server, and words in groups', async ({ page, stack }) => {
  await signedInAs(page, stack.instanceA, 'alice')
  const hostA = hostOf(stack.instanceA)
  const hostB = hostOf(stack.instanceB)
  await page.goto('/')
  await expect(page.locator('main section.deck')).toBeVisible()
  await page.locator('body').press('/')
  const field = page.getByRole('searchbox', { name: 'Search or paste a link' })
  await expect(field).toBeFocused()
  await field.fill(`@frank@${hostB}`)
  await field.press('Enter')
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2, name: `Profile of @frank@${hostB}` })).toBeVisible()
  expect(new URL(page.url()).searchParams.get('as')).toBe(`alice@${hostA}`)

  // A post of B by its URL on B.
  const frankToken = (await (await fetch(`${stack.instanceB}/__control/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'frank' }) })).json()) as { access_token: string }
  const [post] = (await (await fetch(`${stack.instanceB}/api/v1/timelines/public?local=true&limit=1`, { headers: { authorization: `Bearer ${frankToken.access_token}` } })).json()) as { url: string; content: string }[]
  await field.fill(post!.url)
  await field.press('Enter')
  await expect(panel.getByRole('heading', { level: 2, name: 'Post' })).toBeVisible()
  await expect(panel.locator('.status-list__item--focus')).toHaveCount(1)

  await field.fill(`${stack.instanceB}/@nobody-here/1`)
  await field.press('Enter')
  await expect(panel.getByRole('status').filter({ hasText: `Nothing found at this address on ${hostA}` })).toBeVisible()

  await field.fill('garden')
  await field.press('Enter')
  await expect(panel.getByRole('heading', { level: 3, name: 'Hashtags' })).toBeVisible()
  const tags = panel.getByRole('region', { name: 'Hashtags' })
  await expect(tags.getByRole('link', { name: '#gardening' })).toBeVisible()
  await expect(panel.getByRole('heading', { level: 3, name: 'Posts' })).toBeVisible()
  // Arrow keys walk through the results.
  await tags.getByRole('link', { name: '#gardening' }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(tags.getByRole('button', { name: 'Add as column: #gardening' })).toBeFocused()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('aside').include('header').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})
