// Live deck columns, in Chromium against both mock instances: each column streams on its
// own account's connection (one socket per account), a post arrives in exactly the
// columns that should show it, deletes apply at once, and a reader scrolled down gets a
// "new posts" button instead of a jumping column.

import { test, expect } from './fixtures.ts'
import { signedInAsAll } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

test('posts arrive live in the right columns, deletes apply, and scrolled-down readers get a button', async ({ page, stack, control }) => {
  const [alice, frank] = await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  await withDeck(page, [
    { id: 'c1', type: 'home', accountKey: alice!.key, params: {} },
    { id: 'c2', type: 'local', accountKey: frank!.key, params: {} },
    { id: 'c3', type: 'notifications', accountKey: alice!.key, params: {} },
  ])
  await page.goto('/')

  const columns = page.locator('main section.deck-column')
  await expect(columns).toHaveCount(3)
  const home = columns.nth(0)
  const local = columns.nth(1)
  const notifications = columns.nth(2)
  for (const column of [home, local, notifications]) {
    await expect(column.locator('article').first()).toBeVisible({ timeout: 10_000 })
    await expect(column.locator('.column-timeline__live')).toHaveText('Live', { timeout: 10_000 })
  }
  // One socket per account: Alice's two columns share hers (on A), Frank has his own (on B).
  const sockets = async (origin: string) =>
    ((await (await fetch(`${origin}/__control/state`)).json()) as { streamingConnections: number }).streamingConnections
  expect(await sockets(stack.instanceA)).toBe(1)
  expect(await sockets(stack.instanceB)).toBe(1)

  // Bob (on A, followed by Alice) posts: it goes on top of Alice's home column.
  const bobText = `Live from A ${Date.now()}`
  const mentionText = `@alice the kettle is on ${Date.now()}`
  const posted = (await (await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: bobText })).json()) as { id: string }
  await expect(home.locator('.status-list__item').first()).toContainText(bobText)
  // It mentions nobody: Alice's notifications column stays as it was.
  await expect(notifications).not.toContainText(bobText)

  // A mention of Alice arrives in her notifications column as a new row.
  await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: mentionText })
  await expect(notifications.locator('article').first()).toContainText(mentionText.replace('@alice ', ''))

  // Frank posts on B: it shows in his local column; Bob's post (from A) never does.
  const frankText = `Live from B ${Date.now()}`
  await control(stack.instanceB, '/as/frank/api/v1/statuses', { status: frankText })
  await expect(local.locator('.status-list__item').first()).toContainText(frankText)
  await expect(local).not.toContainText(bobText)

  // Bob edits his post: Alice's column shows the new words in place.
  const editedText = `${bobText} (edited)`
  await control(stack.instanceA, `/as/bob/api/v1/statuses/${posted.id}`, { status: editedText }, 'PUT')
  await expect(home.locator('.status-list__item').filter({ hasText: bobText })).toContainText(editedText)

  // Bob deletes his post: it leaves Alice's column.
  await control(stack.instanceA, `/as/bob/api/v1/statuses/${posted.id}`, undefined, 'DELETE')
  await expect(home).not.toContainText(bobText)

  // Alice reads further down: a new post waits behind a button instead of moving the column.
  const body = home.locator('.deck-column__body')
  await body.evaluate((el) => el.scrollTo({ top: 600 }))
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(100)
  const laterText = `Later from A ${Date.now()}`
  await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: laterText })
  const button = home.locator('.column-timeline__new')
  await expect(button).toHaveText('1 new post')
  await expect(home).not.toContainText(laterText)
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(100)

  await button.click()
  await expect(button).toHaveCount(0)
  await expect(home.locator('.status-list__item').first()).toContainText(laterText)
  await expect(home.locator('.status-list__item').first()).toBeInViewport()
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeLessThan(40)
})

test('favourites streamed to a grouped notifications column join one row', async ({ page, stack, control }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  await withDeck(page, [
    { id: 'n', type: 'notifications', accountKey: alice!.key, params: {} },
  ])
  await page.goto('/')
  const column = page.locator('main section.deck-column').first()
  await expect(column.locator('.column-timeline__live')).toHaveText('Live', { timeout: 10_000 })
  const text = `Grouping test ${Date.now()}`
  const posted = (await (await control(stack.instanceA, '/as/alice/api/v1/statuses', { status: text })).json()) as { id: string }

  await control(stack.instanceA, `/as/bob/api/v1/statuses/${posted.id}/favourite`, {})
  const rows = column.locator('article.notification').filter({ hasText: text })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('favourited your post')
  await control(stack.instanceA, `/as/carol/api/v1/statuses/${posted.id}/favourite`, {})
  await expect(rows.first()).toContainText('and 1 other favourited your post')
  await expect(rows).toHaveCount(1)
})
