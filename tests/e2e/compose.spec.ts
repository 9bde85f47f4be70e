// Writing and publishing, in Chromium against the mock instances: what is posted shows up
// live in the deck, drafts survive a reload, and a retried publish never posts twice.

import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { signedInAsAll } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

async function homeDeck(page: Page, instance: string) {
  const [alice] = await signedInAsAll(page, [[instance, 'alice']])
  await withDeck(page, [{ id: 'c1', type: 'home', accountKey: alice!.key, params: {} }])
  await page.goto('/')
  const home = page.locator('main section.deck-column').first()
  await expect(home.locator('article').first()).toBeVisible({ timeout: 10_000 })
  await expect(home.locator('.column-timeline__live')).toHaveText('Live', { timeout: 10_000 })
  return { alice: alice!, home }
}

const composer = (page: Page) => page.getByRole('complementary', { name: /New post|Reply|Edit post|Drafts/ })

test('a new post from the n key appears at the top of the home column, live', async ({ page, stack }) => {
  const { home } = await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  await expect(panel).toBeVisible()
  const text = panel.getByRole('textbox', { name: "What's on your mind?" })
  await expect(text).toBeFocused()
  const words = `Planted the garlic today ${Date.now()}`
  await text.fill(words)
  await expect(panel.getByText(/characters left/)).toBeVisible()
  await panel.getByRole('button', { name: 'Post', exact: true }).click()
  await expect(panel).toBeHidden()
  await expect(home.locator('article').first()).toContainText(words)
})

test('what is typed survives a reload: the composer opens again on the same draft', async ({ page, stack }) => {
  await homeDeck(page, stack.instanceA)
  await page.getByRole('button', { name: 'New post' }).click()
  const panel = composer(page)
  await panel.getByRole('button', { name: 'Content warning' }).click()
  await panel.getByLabel('Content warning', { exact: true }).fill('Garden spoilers')
  await panel.getByRole('textbox', { name: "What's on your mind?" }).fill('The tomatoes are ripe')
  // Drafts are written a moment after typing stops.
  await page.waitForTimeout(600)
  await page.reload()
  await expect(composer(page)).toBeVisible({ timeout: 10_000 })
  await expect(composer(page).getByRole('textbox', { name: "What's on your mind?" })).toHaveValue('The tomatoes are ripe')
  await expect(composer(page).getByLabel('Content warning', { exact: true })).toHaveValue('Garden spoilers')
  // Closing keeps it; the drafts list reopens it.
  await composer(page).getByRole('button', { name: 'Close', exact: true }).click()
  await expect(composer(page)).toBeHidden()
  await page.getByRole('button', { name: 'New post' }).click()
  await composer(page).getByRole('button', { name: /^Drafts \(2\)/ }).click()
  await composer(page).getByRole('button', { name: 'Open draft: Garden spoilers' }).click()
  await expect(composer(page).getByRole('textbox', { name: "What's on your mind?" })).toHaveValue('The tomatoes are ripe')
})

test('over the limit, Post is disabled and says why; the counter counts a link as 23', async ({ page, stack }) => {
  await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  const text = panel.getByRole('textbox', { name: "What's on your mind?" })
  await text.fill(`${'a'.repeat(470)} https://example.com/${'x'.repeat(200)}`)
  // 470 + space + 23 = 494.
  await expect(panel.getByText('6 characters left')).toBeVisible()
  await text.fill('b'.repeat(512))
  await expect(panel.getByText('12 characters over the limit', { exact: true })).toBeVisible()
  const post = panel.getByRole('button', { name: 'Post', exact: true })
  await expect(post).toBeDisabled()
  await expect(panel.getByText('12 characters over the limit of 500.')).toBeVisible()
  await expect(text).toHaveAttribute('aria-invalid', 'true')
})

test('replying from a status mentions its author, and a thread posts each part in order', async ({ page, stack, control }) => {
  const { home } = await homeDeck(page, stack.instanceA)
  const card = home.locator('article').filter({ hasText: /@bob/ }).first()
  await card.getByRole('button', { name: 'Reply' }).click()
  const panel = composer(page)
  await expect(panel.getByRole('heading', { name: 'Reply' })).toBeVisible()
  await expect(panel.getByText(/^Replying to /)).toBeVisible()
  const first = panel.getByRole('textbox', { name: "What's on your mind?" })
  await expect(first).toHaveValue(/^@bob /)
  await first.press('End')
  await first.pressSequentially('Sounds good!')
  await panel.getByRole('button', { name: 'Add a post to the thread' }).click()
  const second = panel.getByRole('textbox', { name: 'Post 2 of 2' })
  await expect(second).toBeFocused()
  await second.fill('And one more thing.')
  await panel.getByRole('button', { name: 'Post thread of 2' }).click()
  await expect(panel).toBeHidden()
  // On the server: the reply answers Bob's post, the second part answers the first.
  const mine = (await (await control(stack.instanceA, '/as/alice/api/v1/accounts/verify_credentials', undefined, 'GET')).json()) as { id: string }
  const posts = (await (await control(stack.instanceA, `/as/alice/api/v1/accounts/${mine.id}/statuses?limit=2`, undefined, 'GET')).json()) as Array<{ id: string; content: string; in_reply_to_id: string | null }>
  expect(posts[0]!.content).toContain('And one more thing.')
  expect(posts[1]!.content).toContain('Sounds good!')
  expect(posts[0]!.in_reply_to_id).toBe(posts[1]!.id)
  expect(posts[1]!.in_reply_to_id).not.toBeNull()
})

test('suggestions: @bo offers accounts from the server, Enter writes the full handle', async ({ page, stack }) => {
  await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const text = composer(page).getByRole('textbox', { name: "What's on your mind?" })
  await text.pressSequentially('Hello @bo')
  const list = composer(page).getByRole('listbox', { name: 'Suggestions' })
  await expect(list.getByRole('option').first()).toContainText('@bob')
  await text.press('Enter')
  await expect(text).toHaveValue(/^Hello @bob /)
  await text.pressSequentially('#garde')
  await expect(list.getByRole('option').first()).toContainText('#garden')
  await text.press('Escape')
  await expect(list).toBeHidden()
})
