// An instance can host the build under a sub-path (here /client/): deep
// links load, assets come from the sub-path, and navigation stays inside it.

import { test, expect } from './fixtures.ts'

test('a deep link under /client/ loads the right view and stays under the sub-path', async ({ page, stack }) => {
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(`${stack.subpathAppUrl}settings`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src))
  expect(scripts.length).toBeGreaterThan(0)
  for (const src of scripts) expect(new URL(src).pathname).toMatch(/^\/client\//)

  await page.getByRole('navigation').getByRole('link', { name: 'Deck' }).click()
  await expect(page).toHaveURL(stack.subpathAppUrl)
  await expect(page.getByRole('region', { name: 'Deck' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Deck' })).toBeVisible()
  expect(failed).toEqual([])
})
