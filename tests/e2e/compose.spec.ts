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

// A 2×2 PNG, enough for the server to take as an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVQI12P4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
)

test('a thread with a content warning and a poll, then two images with alt text and a focal point, arrives in the home column', async ({ page, stack, control }) => {
  const { home, alice } = await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  // First post: content warning and a poll.
  await panel.getByRole('button', { name: 'Content warning' }).click()
  await panel.getByLabel('Content warning', { exact: true }).fill('Vegetable politics')
  await panel.getByRole('textbox', { name: "What's on your mind?" }).fill('Which is the best soup?')
  await panel.getByRole('button', { name: 'Add a poll' }).click()
  await panel.getByRole('textbox', { name: 'Option 1' }).fill('Leek')
  await panel.getByRole('textbox', { name: 'Option 2' }).fill('Pumpkin')
  await panel.getByRole('checkbox', { name: 'Allow several choices' }).check()
  // Second post: two images, each described, the first with a focal point.
  await panel.getByRole('button', { name: 'Add a post to the thread' }).click()
  const second = panel.getByRole('region', { name: 'Post 2 of 2' })
  await second.getByRole('textbox', { name: 'Post 2 of 2' }).fill('The contenders:')
  await second.locator('input[type="file"]').setInputFiles([
    { name: 'leek.png', mimeType: 'image/png', buffer: PNG },
    { name: 'pumpkin.png', mimeType: 'image/png', buffer: PNG },
  ])
  await expect(second.getByText('Uploaded')).toHaveCount(2, { timeout: 15_000 })
  for (const [name, alt] of [
    ['leek.png', 'A bunch of leeks on a wooden table'],
    ['pumpkin.png', 'An orange pumpkin'],
  ] as const) {
    await second.getByRole('button', { name: `Edit alt text of ${name}` }).click()
    const dialog = page.getByRole('dialog', { name: `Describe ${name}` })
    await dialog.getByLabel('Alt text').fill(alt)
    if (name === 'leek.png') {
      const point = dialog.getByRole('slider', { name: 'Focal point' })
      await point.focus()
      await point.press('Shift+ArrowLeft')
      await point.press('Shift+ArrowUp')
    }
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
  }
  await expect(second.getByText('Alt text missing')).toHaveCount(0)
  await panel.getByRole('button', { name: 'Post thread of 2' }).click()
  await expect(panel).toBeHidden({ timeout: 15_000 })

  // Both arrive live: the second on top, the first (behind its warning) under it.
  await expect(home.locator('article').first()).toContainText('The contenders:')
  await expect(home.locator('article').nth(1)).toContainText('Vegetable politics')
  // The server holds what was sent.
  const posts = (await (await control(stack.instanceA, `/as/alice/api/v1/accounts/${alice.id}/statuses?limit=2`, undefined, 'GET')).json()) as Array<{
    spoiler_text: string
    poll: { options: Array<{ title: string }>; multiple: boolean } | null
    media_attachments: Array<{ description: string; meta: { focus?: { x: number; y: number } } | null }>
  }>
  expect(posts[1]!.spoiler_text).toBe('Vegetable politics')
  expect(posts[1]!.poll?.options.map((o) => o.title)).toEqual(['Leek', 'Pumpkin'])
  expect(posts[1]!.poll?.multiple).toBe(true)
  expect(posts[0]!.media_attachments.map((m) => m.description)).toEqual(['A bunch of leeks on a wooden table', 'An orange pumpkin'])
  expect(posts[0]!.media_attachments[0]!.meta?.focus).toEqual({ x: -0.25, y: 0.25 })
})
