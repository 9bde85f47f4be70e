// Writing and publishing, in Chromium against the mock instances: what is posted shows up
// live in the deck, drafts survive a reload, and a retried publish never posts twice.

import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
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

  // Deleting a draft from the list asks first; Escape keeps it.
  await composer(page).getByRole('button', { name: /^Drafts \(/ }).click()
  await composer(page).getByRole('button', { name: 'Delete draft: Garden spoilers' }).click()
  const question = composer(page).getByRole('group', { name: 'Delete this draft for good?' })
  await expect(question.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(question).toBeHidden()
  await expect(composer(page)).toBeVisible()
  await composer(page).getByRole('button', { name: 'Delete draft: Garden spoilers' }).click()
  await question.getByRole('button', { name: 'Delete draft' }).click()
  await expect(composer(page).getByRole('button', { name: 'Open draft: Garden spoilers' })).toHaveCount(0)
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
      const results = await new AxeBuilder({ page }).include('dialog[open]').analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
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

async function statusesOf(control: (o: string, p: string, b?: unknown, m?: string) => Promise<Response>, origin: string, id: string, limit = 5) {
  return (await (await control(origin, `/as/alice/api/v1/accounts/${id}/statuses?limit=${limit}`, undefined, 'GET')).json()) as Array<{
    id: string
    content: string
    edited_at: string | null
    quote: { state: string; quoted_status: { id: string } | null } | null
  }>
}

test('editing one’s own post loads its source and the change shows in the column', async ({ page, stack }) => {
  const { home } = await homeDeck(page, stack.instanceA)
  const mine = home.locator('article').filter({ hasText: 'Coffee #2 of the day' }).first()
  await mine.getByRole('button', { name: 'More actions' }).click()
  await mine.getByRole('menuitem', { name: 'Edit' }).click()
  const panel = composer(page)
  await expect(panel.getByRole('heading', { name: 'Edit post' })).toBeVisible()
  const text = panel.getByRole('textbox', { name: "What's on your mind?" })
  await expect(text).toHaveValue(/^Coffee #2 of the day :coffee:/)
  await text.fill('Coffee #3 of the day :coffee: (edited)')
  await panel.getByRole('button', { name: 'Save edit' }).click()
  await expect(panel).toBeHidden()
  await expect(home.locator('article').filter({ hasText: 'Coffee #3 of the day' })).toHaveCount(1)
})

test('a scheduled post is listed with its time and can be cancelled', async ({ page, stack, control }) => {
  const { alice } = await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  await panel.getByRole('textbox', { name: "What's on your mind?" }).fill('Reminder: water the seedlings')
  await panel.getByRole('checkbox', { name: 'Schedule for later' }).check()
  await expect(panel.getByLabel('When to publish')).toBeVisible()
  await panel.getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(panel).toBeHidden()
  const scheduled = (await (await control(stack.instanceA, '/as/alice/api/v1/scheduled_statuses', undefined, 'GET')).json()) as Array<{ params: { text: string } }>
  expect(scheduled.map((s) => s.params.text)).toEqual(['Reminder: water the seedlings'])
  // Nothing published yet.
  expect((await statusesOf(control, stack.instanceA, alice.id, 1))[0]!.content).not.toContain('water the seedlings')

  // The deck says when it will go out, with the way to the list.
  const notice = page.getByRole('status').filter({ hasText: 'Post scheduled for' })
  await expect(notice).toBeVisible()
  await notice.getByRole('link', { name: 'See scheduled posts' }).click()
  await expect(page).toHaveURL(/\/scheduled$/)
  const view = page.getByRole('region', { name: /^@alice@/ })
  const item = view.getByRole('listitem').filter({ hasText: 'Reminder: water the seedlings' })
  await expect(item).toContainText('Publishes')
  const results = await new AxeBuilder({ page }).include('.deck-panel').analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  await item.getByRole('button', { name: 'Cancel post' }).click()
  await item.getByRole('group').getByRole('button', { name: 'Cancel post' }).click()
  await expect(page.getByText('Scheduled post canceled.')).toBeVisible()
  await expect(view.getByText(/Nothing scheduled for @alice@/)).toBeVisible()
  expect(await (await control(stack.instanceA, '/as/alice/api/v1/scheduled_statuses', undefined, 'GET')).json()).toEqual([])
})

test('quoting a post: the composer shows what is quoted and the server links the quote', async ({ page, stack, control }) => {
  const { home, alice } = await homeDeck(page, stack.instanceA)
  const card = home.locator('article').filter({ hasText: /@bob/ }).first()
  await card.getByRole('button', { name: 'More actions' }).click()
  await card.getByRole('menuitem', { name: 'Quote' }).click()
  const panel = composer(page)
  await expect(panel.getByText(/^Quoting /)).toBeVisible()
  await panel.getByRole('textbox', { name: "What's on your mind?" }).fill('Seconded.')
  await panel.getByRole('button', { name: 'Post', exact: true }).click()
  await expect(panel).toBeHidden()
  const [latest] = await statusesOf(control, stack.instanceA, alice.id, 1)
  expect(latest!.content).toContain('Seconded.')
  expect(latest!.quote?.state).toBe('accepted')
  expect(latest!.quote?.quoted_status).not.toBeNull()
})

test('a publish whose answer never comes is retried with the same key: exactly one post', async ({ page, stack, control }) => {
  test.setTimeout(90_000)
  const { home, alice } = await homeDeck(page, stack.instanceA)
  // The server stores the post and then never answers this request.
  await control(stack.instanceA, '/faults', { path: '/api/v1/statuses', exact: true, method: 'POST', kind: 'hang-after', times: 1 })
  await page.locator('body').press('n')
  const panel = composer(page)
  const words = `Only once ${Date.now()}`
  await panel.getByRole('textbox', { name: "What's on your mind?" }).fill(words)
  await panel.getByRole('button', { name: 'Post', exact: true }).click()
  await expect(panel.getByRole('button', { name: 'Posting…' })).toBeVisible()
  // After the 15 s timeout the client asks again with the same Idempotency-Key.
  await expect(panel).toBeHidden({ timeout: 40_000 })
  const mine = await statusesOf(control, stack.instanceA, alice.id, 5)
  expect(mine.filter((s) => s.content.includes(words))).toHaveLength(1)
  await expect(home.locator('article').filter({ hasText: words })).toHaveCount(1)
  const log = ((await (await control(stack.instanceA, '/log', undefined, 'GET')).json()) as { requests: Array<{ path: string; method?: string; idempotencyKey?: string | null }> }).requests
  const keys = log.filter((r) => r.path === '/api/v1/statuses' && r.idempotencyKey).map((r) => r.idempotencyKey)
  expect(keys.length).toBeGreaterThanOrEqual(2)
  expect(new Set(keys).size).toBe(1)
})

test('a refusal is shown where it belongs and nothing is cleared: 422 under the text, 429 with the time, offline with a retry', async ({ page, stack, control }) => {
  await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  const text = panel.getByRole('textbox', { name: "What's on your mind?" })
  await text.fill('Trying my luck')
  await control(stack.instanceA, '/faults', {
    path: '/api/v1/statuses', exact: true, method: 'POST', kind: 'status', status: 422, times: 1,
    body: { error: 'Validation failed: Text contains a forbidden word', details: { text: [{ error: 'ERR_INVALID', description: 'contains a forbidden word' }] } },
  })
  await panel.getByRole('button', { name: 'Post', exact: true }).click()
  await expect(panel.getByText(/The server refused the post: .*forbidden word/).first()).toBeVisible()
  await expect(text).toHaveAttribute('aria-invalid', 'true')
  await expect(text).toHaveValue('Trying my luck')

  const reset = new Date(Date.now() + 5 * 60_000).toISOString()
  await control(stack.instanceA, '/faults', { path: '/api/v1/statuses', exact: true, method: 'POST', kind: 'status', status: 429, times: 1, headers: { 'X-RateLimit-Reset': reset }, body: { error: 'Too many requests' } })
  await panel.getByRole('button', { name: 'Try again' }).click()
  await expect(panel.getByText(/Too many posts for now\. Your draft is kept; you can post again after/)).toBeVisible()
  await expect(text).toHaveValue('Trying my luck')

  await page.context().setOffline(true)
  await panel.getByRole('button', { name: 'Try again' }).click()
  await expect(panel.getByText(/You seem to be offline\. Your draft is kept/)).toBeVisible({ timeout: 20_000 })
  await expect(text).toHaveValue('Trying my luck')
  await page.context().setOffline(false)
  await panel.getByRole('button', { name: 'Try again' }).click()
  await expect(panel).toBeHidden()
})

test('delete and redraft: after a question, the post goes and its text opens as a new draft', async ({ page, stack, control }) => {
  const { home, alice } = await homeDeck(page, stack.instanceA)
  const mine = home.locator('article').filter({ hasText: 'Coffee #2 of the day' }).first()
  await mine.getByRole('button', { name: 'More actions' }).click()
  await mine.getByRole('menuitem', { name: 'Delete and redraft' }).click()
  await expect(mine.getByText('Delete this post and open it as a new draft?')).toBeVisible()
  await mine.getByRole('button', { name: 'Delete and redraft' }).click()
  const panel = composer(page)
  const text = panel.getByRole('textbox', { name: "What's on your mind?" })
  await expect(text).toHaveValue(/^Coffee #2 of the day :coffee:/)
  await expect(home.locator('article').filter({ hasText: 'Coffee #2 of the day' })).toHaveCount(0)
  await text.fill('Coffee #2 of the day, take two :coffee:')
  await panel.getByRole('button', { name: 'Post', exact: true }).click()
  await expect(panel).toBeHidden()
  // The column was scrolled to reach the old post: back at the top, the new one shows.
  await home.locator('.deck-column__body').evaluate((el) => el.scrollTo(0, 0))
  await expect(home.locator('article').first()).toContainText('take two')
  const posts = await statusesOf(control, stack.instanceA, alice.id, 40)
  expect(posts.filter((p) => p.content.includes('Coffee #2 of the day'))).toHaveLength(1)
})

test('the composer passes axe-core in the light and the dark theme, with a poll and suggestions open', async ({ page, stack }) => {
  await homeDeck(page, stack.instanceA)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.locator('body').press('n')
    const panel = composer(page)
    await panel.getByRole('button', { name: 'Content warning' }).click()
    await panel.getByRole('button', { name: 'Add a poll' }).click()
    await panel.getByRole('textbox', { name: "What's on your mind?" }).pressSequentially('Hi @bo')
    await expect(panel.getByRole('listbox', { name: 'Suggestions' })).toBeVisible()
    const results = await new AxeBuilder({ page }).include('.compose-panel').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await panel.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(panel).toBeHidden()
  }
})

test('files dropped on a post or pasted into its text are attached and uploaded', async ({ page, stack }) => {
  await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  const post = panel.locator('.compose-post').first()
  const png = [...PNG]
  const transfer = (name: string) =>
    page.evaluateHandle(
      ([bytes, fileName]) => {
        const data = new DataTransfer()
        data.items.add(new File([new Uint8Array(bytes)], fileName, { type: 'image/png' }))
        return data
      },
      [png, name] as const,
    )
  const dropped = await transfer('dropped.png')
  await post.dispatchEvent('dragenter', { dataTransfer: dropped })
  await post.dispatchEvent('dragover', { dataTransfer: dropped })
  await post.dispatchEvent('drop', { dataTransfer: dropped })
  const pasted = await transfer('pasted.png')
  await panel.getByRole('textbox', { name: "What's on your mind?" }).evaluate((el, data) => {
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, pasted)
  const list = panel.getByRole('list', { name: 'Attached media' })
  await expect(list.getByText('dropped.png')).toBeVisible()
  await expect(list.getByText('pasted.png')).toBeVisible()
  await expect(list.getByText('Uploaded')).toHaveCount(2, { timeout: 15_000 })
})

test('a scheduled post opened from the list can be moved to another time (the same post, moved)', async ({ page, stack, control }) => {
  await homeDeck(page, stack.instanceA)
  await page.locator('body').press('n')
  const panel = composer(page)
  await panel.getByRole('textbox', { name: "What's on your mind?" }).fill('Seed swap on Saturday')
  await panel.getByRole('checkbox', { name: 'Schedule for later' }).check()
  await panel.getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(panel).toBeHidden()
  const before = (await (await control(stack.instanceA, '/as/alice/api/v1/scheduled_statuses', undefined, 'GET')).json()) as Array<{ id: string; scheduled_at: string }>
  expect(before).toHaveLength(1)

  await page.goto('/scheduled')
  await page.getByRole('listitem').filter({ hasText: 'Seed swap on Saturday' }).getByRole('button', { name: 'Edit' }).click()
  await expect(panel.getByRole('textbox', { name: "What's on your mind?" })).toHaveValue('Seed swap on Saturday')
  const later = new Date(Date.now() + 3 * 86_400_000)
  later.setSeconds(0, 0)
  const pad = (n: number) => String(n).padStart(2, '0')
  const local = `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}`
  await panel.getByLabel('When to publish').fill(local)
  await panel.getByRole('button', { name: 'Schedule', exact: true }).click()
  await expect(panel).toBeHidden()
  const after = (await (await control(stack.instanceA, '/as/alice/api/v1/scheduled_statuses', undefined, 'GET')).json()) as Array<{ id: string; scheduled_at: string }>
  expect(after.map((s) => s.id)).toEqual([before[0]!.id])
  expect(Date.parse(after[0]!.scheduled_at)).toBe(later.getTime())
})

test('a composer closed with nothing written leaves no draft behind; Escape closes it and focus goes back', async ({ page, stack }) => {
  await homeDeck(page, stack.instanceA)
  const newPost = page.getByRole('button', { name: 'New post' })
  await newPost.click()
  await expect(composer(page).getByRole('button', { name: 'Drafts (1)' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(composer(page)).toBeHidden()
  await expect(newPost).toBeFocused()
  await newPost.click()
  await expect(composer(page).getByRole('button', { name: 'Drafts (1)' })).toBeVisible()
})

test('from another page, New post and the n key open the composer beside the deck', async ({ page, stack }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  await withDeck(page, [{ id: 'c1', type: 'home', accountKey: alice!.key, params: {} }])
  await page.goto('/settings')
  await page.getByRole('banner').getByRole('button', { name: 'New post' }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/')
  const text = composer(page).getByRole('textbox', { name: "What's on your mind?" })
  await expect(text).toBeFocused()
  await text.fill('Written from the settings page')
  // On the deck the toolbar has the button; the header does not repeat it.
  await expect(page.getByRole('button', { name: 'New post' })).toHaveCount(1)

  await page.goto('/accounts')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.locator('body').press('n')
  await expect(page).toHaveURL((url) => url.pathname === '/')
  await expect(composer(page).getByRole('textbox', { name: "What's on your mind?" })).toBeFocused()
  await expect(composer(page).getByRole('textbox', { name: "What's on your mind?" })).toHaveValue('')
  // The first draft was kept, though the page was left the moment it was typed.
  await expect(composer(page).getByRole('button', { name: /^Drafts \(2\)/ })).toBeVisible()
})

test('the scheduled posts view lists every scheduled post, past the first page, soonest first', async ({ page, stack, control }) => {
  await homeDeck(page, stack.instanceA)
  // 45 posts over three days (Mastodon allows 25 a day); the server pages them 40 at a time.
  const start = Date.now() + 2 * 86_400_000
  for (let i = 44; i >= 0; i--) {
    const at = new Date(start + Math.floor(i / 15) * 86_400_000 + (i % 15) * 60_000).toISOString()
    const response = await control(stack.instanceA, '/as/alice/api/v1/statuses', { status: `Planned post ${i + 1}`, scheduled_at: at })
    expect(response.status).toBe(200)
  }
  await page.goto('/scheduled')
  const view = page.getByRole('region', { name: /^@alice@/ })
  await expect(view.getByRole('listitem')).toHaveCount(45)
  await expect(view.getByRole('listitem').first()).toContainText(/Planned post 1(?!\d)/)
  await expect(view.getByRole('listitem').last()).toContainText('Planned post 45')
})
