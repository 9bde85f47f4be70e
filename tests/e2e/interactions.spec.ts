// The buttons under a post, in Chromium against both mock instances: a favourite shows at
// once and in every column of the account, a failed one goes back with an error, a boost
// goes out with the visibility chosen, "act as" uses the other account's own token and
// server, and the More menu works from the keyboard and passes axe in both themes.

import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect, type Control } from './fixtures.ts'
import { hostOf, signedInAsAll } from './sign-in-helpers.ts'

interface ColumnSpec {
  id: string
  type: string
  accountKey: string
  params: Record<string, unknown>
}

function deckDocument(columns: ColumnSpec[]): string {
  return JSON.stringify({
    version: 1,
    activeDeckId: 'main',
    decks: [{ id: 'main', name: 'Main', columns: columns.map((c) => ({ ...c, width: 380, collapsed: false })) }],
  })
}

interface RawStatus {
  id: string
  uri: string
  visibility: string
  favourited?: boolean
  favourites_count: number
  reblog: RawStatus | null
}

async function asUser<T>(control: Control, origin: string, username: string, path: string): Promise<T> {
  return (await (await control(origin, `/as/${username}${path}`, undefined, 'GET')).json()) as T
}

/** Bob (on A, followed by Alice) posts something new: it is on top of Alice's home and local columns. */
async function freshPostByBob(control: Control, origin: string, visibility = 'public'): Promise<{ status: RawStatus; text: string }> {
  const text = `Interaction test ${visibility} ${Date.now()} ${Math.random().toString(36).slice(2, 8)}`
  const status = (await (await control(origin, '/as/bob/api/v1/statuses', { status: text, visibility })).json()) as RawStatus
  return { status, text }
}

async function openDeck(page: Page, columns: ColumnSpec[]): Promise<Locator> {
  await page.addInitScript((doc: string) => localStorage.setItem('deckodon:deck', doc), deckDocument(columns))
  await page.goto('/')
  const all = page.locator('main section.deck-column')
  await expect(all).toHaveCount(columns.length)
  return all
}

function card(column: Locator, text: string): Locator {
  return column.getByRole('article').filter({ hasText: text }).first()
}

test('a favourite shows at once, in every column of the account, and sticks', async ({ page, stack, control }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  const { status, text } = await freshPostByBob(control, stack.instanceA)
  const columns = await openDeck(page, [
    { id: 'c1', type: 'home', accountKey: alice!.key, params: {} },
    { id: 'c2', type: 'local', accountKey: alice!.key, params: {} },
  ])
  const inHome = card(columns.nth(0), text)
  const inLocal = card(columns.nth(1), text)
  await expect(inHome).toBeVisible({ timeout: 10_000 })
  await expect(inLocal).toBeVisible({ timeout: 10_000 })

  // The server takes its time: the button must not wait for it.
  await control(stack.instanceA, '/faults', { path: `/api/v1/statuses/${status.id}/favourite`, method: 'POST', kind: 'delay', delay_ms: 2500 })
  const favourite = inHome.getByRole('button', { name: /^Favourite/ })
  await expect(favourite).toHaveAttribute('aria-pressed', 'false')
  await expect(favourite).toHaveText('0')
  await favourite.click()
  await expect(favourite).toHaveAttribute('aria-pressed', 'true', { timeout: 1000 })
  await expect(favourite).toHaveText('1')
  await expect(favourite).toHaveAccessibleName('Favourite, 1 favourite')
  // The other column of the same account shows the same post as favourited.
  const other = inLocal.getByRole('button', { name: /^Favourite/ })
  await expect(other).toHaveAttribute('aria-pressed', 'true', { timeout: 1000 })
  await expect(other).toHaveText('1')
  expect((await asUser<RawStatus>(control, stack.instanceA, 'alice', `/api/v1/statuses/${status.id}`)).favourited).toBe(false)

  // The answer arrives: nothing flips back, and the server agrees.
  await expect.poll(async () => (await asUser<RawStatus>(control, stack.instanceA, 'alice', `/api/v1/statuses/${status.id}`)).favourited, { timeout: 6000 }).toBe(true)
  await expect(favourite).not.toHaveAttribute('aria-busy', 'true')
  await expect(favourite).toHaveAttribute('aria-pressed', 'true')
  await expect(other).toHaveAttribute('aria-pressed', 'true')
  await expect(other).toHaveText('1')
})

test('a favourite the server refuses goes back, with the error under the post', async ({ page, stack, control }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  const { status, text } = await freshPostByBob(control, stack.instanceA)
  const columns = await openDeck(page, [{ id: 'c1', type: 'home', accountKey: alice!.key, params: {} }])
  const post = card(columns.nth(0), text)
  await expect(post).toBeVisible({ timeout: 10_000 })

  await control(stack.instanceA, '/faults', { path: `/api/v1/statuses/${status.id}/favourite`, method: 'POST', status: 500 })
  const favourite = post.getByRole('button', { name: /^Favourite/ })
  await favourite.click()
  await expect(post.getByRole('alert')).toHaveText(`${hostOf(stack.instanceA)} is having trouble right now. Try again later.`)
  await expect(favourite).toHaveAttribute('aria-pressed', 'false')
  await expect(favourite).toHaveText('0')
  await expect(favourite).not.toHaveAttribute('aria-busy', 'true')
  expect((await asUser<RawStatus>(control, stack.instanceA, 'alice', `/api/v1/statuses/${status.id}`)).favourited).toBe(false)

  // The fault was for one request: pressing again works.
  await favourite.click()
  await expect(favourite).toHaveAttribute('aria-pressed', 'true')
  await expect(post.getByRole('alert')).toHaveCount(0)
  await expect.poll(async () => (await asUser<RawStatus>(control, stack.instanceA, 'alice', `/api/v1/statuses/${status.id}`)).favourited).toBe(true)
})

test('acting as another signed-in account uses that account’s own server and token', async ({ page, stack, control }) => {
  const [alice] = await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  const { status, text } = await freshPostByBob(control, stack.instanceA)
  const columns = await openDeck(page, [{ id: 'c1', type: 'home', accountKey: alice!.key, params: {} }])
  const post = card(columns.nth(0), text)
  await expect(post).toBeVisible({ timeout: 10_000 })
  await control(stack.instanceB, '/log', undefined, 'DELETE')

  const frankHandle = `@frank@${hostOf(stack.instanceB)}`
  await post.getByRole('button', { name: 'More actions' }).click()
  const menu = post.getByRole('menu')
  await menu.getByRole('menuitem', { name: `Act as ${frankHandle}` }).click()
  await expect(menu).toHaveAccessibleName(`Actions as ${frankHandle}`)
  await menu.getByRole('menuitem', { name: `Favourite as ${frankHandle}` }).click()
  await expect(post.getByRole('status')).toHaveText(`Favourited as ${frankHandle}`)

  // On B, the post (resolved there) is favourited by frank …
  const search = await asUser<{ statuses: RawStatus[] }>(
    control,
    stack.instanceB,
    'frank',
    `/api/v2/search?q=${encodeURIComponent(status.uri)}&resolve=true&type=statuses&limit=1`,
  )
  expect(search.statuses[0]).toMatchObject({ favourited: true, favourites_count: 1 })
  // … and the requests for it carried frank's token.
  const log = ((await (await fetch(`${stack.instanceB}/__control/log`)).json()) as { requests: Array<{ method: string; path: string; accountKey: string | null }> }).requests
  const favourites = log.filter((r) => r.method === 'POST' && r.path.endsWith('/favourite'))
  expect(favourites.map((r) => r.accountKey)).toEqual([`frank@${hostOf(stack.instanceB)}`])
  // Alice did not favourite it, here or on her server.
  expect(await asUser<RawStatus>(control, stack.instanceA, 'alice', `/api/v1/statuses/${status.id}`)).toMatchObject({ favourited: false, favourites_count: 1 })
  await expect(post.getByRole('button', { name: /^Favourite/ })).toHaveAttribute('aria-pressed', 'false')
})

test('a boost goes out with the visibility chosen, and pressing again undoes it', async ({ page, stack, control }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  const { status, text } = await freshPostByBob(control, stack.instanceA)
  const columns = await openDeck(page, [{ id: 'c1', type: 'local', accountKey: alice!.key, params: {} }])
  const post = card(columns.nth(0), text)
  await expect(post).toBeVisible({ timeout: 10_000 })

  const boost = post.getByRole('button', { name: /^Boost/ })
  await expect(boost).toHaveAttribute('aria-haspopup', 'menu')
  await boost.click()
  const menu = post.getByRole('menu', { name: 'Boost with visibility' })
  await expect(menu.getByRole('menuitem')).toHaveText(['Boost publicly', 'Boost as quiet public', 'Boost to followers only'])
  await menu.getByRole('menuitem', { name: 'Boost as quiet public' }).click()
  await expect(boost).toHaveAttribute('aria-pressed', 'true')
  await expect(boost).toBeFocused()

  const ownPosts = () => asUser<RawStatus[]>(control, stack.instanceA, 'alice', `/api/v1/accounts/${alice!.id}/statuses?limit=5`)
  await expect.poll(async () => (await ownPosts()).find((s) => s.reblog?.id === status.id)?.visibility).toBe('unlisted')
  expect((await asUser<RawStatus>(control, stack.instanceA, 'bob', `/api/v1/statuses/${status.id}`)).reblog).toBeNull()

  await boost.click()
  await expect(boost).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(async () => (await ownPosts()).some((s) => s.reblog?.id === status.id)).toBe(false)
})

test('the More menu works from the keyboard, and the card passes axe in both themes', async ({ page, stack, control }) => {
  const [alice] = await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  const { text } = await freshPostByBob(control, stack.instanceA)
  const columns = await openDeck(page, [{ id: 'c1', type: 'home', accountKey: alice!.key, params: {} }])
  const post = card(columns.nth(0), text)
  await expect(post).toBeVisible({ timeout: 10_000 })
  await post.evaluate((element) => element.setAttribute('data-axe-card', ''))

  const more = post.getByRole('button', { name: 'More actions' })
  await more.focus()
  await page.keyboard.press('Enter')
  const menu = post.getByRole('menu', { name: 'More actions for this post' })
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  const bob = `@bob@${hostOf(stack.instanceA)}`
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Copy link',
    `Open the original on ${hostOf(stack.instanceA)}`,
    'Quote',
    `Unfollow ${bob}`,
    `Mute ${bob}`,
    `Block ${bob}`,
    `Act as @frank@${hostOf(stack.instanceB)}`,
  ])
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: /^Open the original/ })).toBeFocused()
  await page.keyboard.press('End')
  await expect(menu.getByRole('menuitem', { name: /^Act as/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowRight')
  await expect(post.getByRole('menu', { name: `Actions as @frank@${hostOf(stack.instanceB)}` })).toBeVisible()
  await expect(post.getByRole('menuitem', { name: 'Back' })).toBeFocused()

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('[data-axe-card]').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  // Escape goes back a level, then closes, with focus on More again.
  await page.keyboard.press('Escape')
  await expect(post.getByRole('menuitem', { name: /^Act as/ })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(post.getByRole('menu')).toHaveCount(0)
  await expect(more).toBeFocused()
  await expect(more).toHaveAttribute('aria-expanded', 'false')

  // The boost menu too, and the card closed passes axe as well.
  const boost = post.getByRole('button', { name: /^Boost/ })
  await boost.focus()
  await page.keyboard.press('ArrowDown')
  await expect(post.getByRole('menuitem', { name: 'Boost publicly' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(boost).toBeFocused()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('[data-axe-card]').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})
