// Hashtags as a person follows them: from the tag's view (in the panel) and from a hashtag
// column's header, listed under Followed hashtags and unfollowed there, featured on the
// profile; each change checked on the server. One journey, axe in both themes on the way.

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { signedInAs } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

const panelOf = (page: Page) => page.getByRole('complementary')

async function api<T>(origin: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('aside').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
}

test('follow a hashtag from its view and its column, see both in Followed hashtags, unfollow one, feature one', async ({ page, stack }) => {
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await withDeck(page, [{ id: 'c1', type: 'hashtag', accountKey: alice.key, params: { tag: 'caturday' } }])
  await page.goto('/tags/astronomy')
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2, name: '#astronomy' })).toBeVisible()
  await expect(panel.locator('.tag-header__usage')).toContainText(/posts? by \d+ (people|person) in the past 7 days/)
  await expectNoAxeViolations(page)

  await panel.getByRole('button', { name: 'Follow #astronomy' }).click()
  await expect(panel.getByRole('button', { name: 'Unfollow #astronomy' })).toBeEnabled()

  // The column's header follows its own tag.
  const column = page.locator('main section.deck-column')
  await column.getByRole('button', { name: 'Follow #caturday' }).click()
  await expect(column.getByRole('button', { name: 'Unfollow #caturday' })).toBeEnabled()
  const followed = await api<{ name: string }[]>(stack.instanceA, alice.token, '/api/v1/followed_tags')
  expect(followed.map((t) => t.name).sort()).toEqual(['astronomy', 'caturday'])

  await panel.getByRole('button', { name: 'Feature on my profile' }).click()
  await expect(panel.getByRole('button', { name: 'Remove from my profile' })).toBeEnabled()
  const featured = await api<{ name: string }[]>(stack.instanceA, alice.token, '/api/v1/featured_tags')
  expect(featured.map((t) => t.name.toLowerCase())).toContain('astronomy')

  await panel.getByRole('link', { name: 'Followed hashtags' }).click()
  await expect(panel.getByRole('heading', { level: 2, name: 'Followed hashtags' })).toBeVisible()
  const list = panel.getByRole('list', { name: 'Hashtags you follow' })
  await expect(list.getByRole('link')).toHaveText(['#caturday', '#astronomy'])
  await expectNoAxeViolations(page)
  await list.getByRole('button', { name: 'Unfollow #astronomy' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'You no longer follow #astronomy.' })).toBeVisible()
  expect((await api<{ name: string }[]>(stack.instanceA, alice.token, '/api/v1/followed_tags')).map((t) => t.name)).toEqual(['caturday'])

  // Adding the tag as a column, back in its view.
  await list.getByRole('link', { name: '#astronomy' }).click()
  await panel.getByRole('button', { name: 'Add as column' }).click()
  await expect(page.locator('main section.deck-column h2')).toHaveText(['#caturday', '#astronomy'])
})

test('Explore shows what trends on the server: posts, hashtags with their week, links and the posts sharing one', async ({ page, stack }) => {
  await signedInAs(page, stack.instanceA, 'alice')
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explore' }).click()
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2, name: 'Explore' })).toBeVisible()
  await expect(panel.getByRole('feed', { name: 'Trending posts' }).locator('article').first()).toBeVisible()

  await panel.getByRole('link', { name: 'Hashtags' }).click()
  const tags = panel.getByRole('list', { name: 'Trending hashtags' })
  await expect(tags.getByRole('listitem').first()).toContainText(/#\w+.*in the past 7 days/)
  await expectNoAxeViolations(page)

  await panel.getByRole('link', { name: 'News' }).click()
  const links = panel.getByRole('list', { name: 'Trending links' })
  await expect(links.getByRole('listitem').first()).toBeVisible()
  await expectNoAxeViolations(page)
  await links.getByRole('link', { name: 'Posts with this link' }).first().click()
  await expect(panel.getByRole('heading', { level: 2, name: 'Posts with a link' })).toBeVisible()
  await expect(panel.getByRole('feed', { name: 'Posts sharing this link' }).locator('article').first()).toBeVisible()
})

test('People to follow: follow one suggestion and dismiss another, both on the server', async ({ page, stack }) => {
  // erin follows four people: her server has people to suggest (alice follows nearly everyone).
  const erin = await signedInAs(page, stack.instanceA, 'erin')
  await page.goto('/explore?tab=people')
  const panel = panelOf(page)
  const list = panel.getByRole('list', { name: 'People to follow' })
  await expect(list.getByRole('listitem').first()).toContainText('Followed by people you follow')
  await expectNoAxeViolations(page)
  const suggested = async () =>
    ((await (await fetch(`${stack.instanceA}/api/v2/suggestions`, { headers: { authorization: `Bearer ${erin.token}` } })).json()) as { account: { id: string; display_name: string } }[])
  const [first, second] = await suggested()
  await list.getByRole('button', { name: `Follow: ${first!.account.display_name}` }).click()
  await expect(list.getByRole('button', { name: `Unfollow: ${first!.account.display_name}` })).toBeEnabled()
  await list.getByRole('button', { name: `Not interested in ${second!.account.display_name}` }).click()
  await expect(panel.getByRole('status').filter({ hasText: `${second!.account.display_name} will not be suggested again.` })).toBeVisible()
  const after = (await suggested()).map((s) => s.account.id)
  expect(after).not.toContain(first!.account.id)
  expect(after).not.toContain(second!.account.id)
})
