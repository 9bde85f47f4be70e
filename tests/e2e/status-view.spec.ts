// Threads, profiles and hashtags built from the seeded demo data, rendered by
// the real components in Chromium: what a person sees and can do with a post
// (vote, translate, read the edit history, follow links). They open in the panel
// beside the deck (the complementary landmark); deck-panel.spec.ts covers the panel
// itself with columns around it.

import AxeBuilder from '@axe-core/playwright'
import type { mastodon } from 'masto'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { signedInAs } from './sign-in-helpers.ts'

type Status = mastodon.v1.Status

const panelOf = (page: Page) => page.getByRole('complementary')

async function api<T>(origin: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`${path}: ${res.status}`)
  return (await res.json()) as T
}

/** Raw (snake_case) statuses from alice's home timeline, several pages deep. */
async function homeStatuses(origin: string, token: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = []
  let maxId = ''
  for (let i = 0; i < 8; i++) {
    const page = await api<Record<string, unknown>[]>(origin, token, `/api/v1/timelines/home?limit=40${maxId ? `&max_id=${maxId}` : ''}`)
    if (page.length === 0) break
    all.push(...page)
    maxId = page.at(-1)!.id as string
  }
  return all
}

test('a thread shows its posts in order, with the focused one marked, and passes axe', async ({ page, stack }) => {
  const { token } = await signedInAs(page, stack.instanceA, 'alice')
  const statuses = await homeStatuses(stack.instanceA, token)
  const busy = statuses.find((s) => (s.replies_count as number) >= 5 && !s.reblog)!
  expect(busy).toBeTruthy()
  const context = await api<{ ancestors: unknown[]; descendants: unknown[] }>(stack.instanceA, token, `/api/v1/statuses/${busy.id as string}/context`)
  await page.goto(`/@${(busy.account as { acct: string }).acct}/${busy.id as string}`)
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2, name: 'Post' })).toBeVisible()
  const items = panel.getByRole('feed', { name: 'Thread' }).getByRole('article')
  await expect(panel.locator('.status-list__item')).toHaveCount(context.ancestors.length + 1 + context.descendants.length)
  await expect(panel.locator('.status-list__item--focus')).toHaveCount(1)
  // The post the thread is about is in view, below its ancestors.
  await expect(panel.locator('.status-list__item--focus')).toBeInViewport()
  expect(await items.count()).toBeGreaterThan(5)
  const results = await new AxeBuilder({ page }).include('main').analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([])
})

test('voting in an open poll shows the results with your choice', async ({ page, stack }) => {
  const { token } = await signedInAs(page, stack.instanceA, 'alice')
  const statuses = await homeStatuses(stack.instanceA, token)
  const withPoll = statuses
    .map((s) => (s.reblog as Record<string, unknown> | null) ?? s)
    .find((s) => {
      const poll = s.poll as { expired: boolean; voted?: boolean; multiple: boolean } | null
      return poll && !poll.expired && !poll.voted && !poll.multiple
    })!
  expect(withPoll, 'the seed has an open single-choice poll alice has not voted in').toBeTruthy()
  await page.goto(`/@x/${withPoll.id as string}`)
  const poll = panelOf(page).locator('.status-list__item--focus').getByRole('group', { name: /poll|choose one/i }).first()
  await poll.getByRole('radio').first().check()
  await page.getByRole('button', { name: 'Vote' }).click()
  await expect(panelOf(page)).toContainText('Your choice')
  const after = await api<Status>(stack.instanceA, token, `/api/v1/statuses/${withPoll.id as string}`)
  expect((after.poll as unknown as { own_votes: number[] }).own_votes).toEqual([0])
})

test('a post in another language can be translated and shown in the original again', async ({ page, stack }) => {
  const { token } = await signedInAs(page, stack.instanceA, 'alice')
  const statuses = await homeStatuses(stack.instanceA, token)
  const foreign = statuses.find((s) => !s.reblog && s.language && s.language !== 'en' && s.visibility === 'public')!
  expect(foreign).toBeTruthy()
  await page.goto(`/@x/${foreign.id as string}`)
  const focus = page.locator('.status-list__item--focus')
  await focus.getByRole('button', { name: 'Translate' }).click()
  await expect(focus).toContainText('[en]')
  await expect(focus).toContainText('Mock Translate')
  await focus.getByRole('button', { name: 'Show original' }).click()
  await expect(focus).not.toContainText('[en]')
})

test('an edited post shows its edit history', async ({ page, stack }) => {
  const { token } = await signedInAs(page, stack.instanceA, 'alice')
  const statuses = await homeStatuses(stack.instanceA, token)
  const edited = statuses.map((s) => (s.reblog as Record<string, unknown> | null) ?? s).find((s) => s.edited_at)!
  expect(edited).toBeTruthy()
  const versions = await api<unknown[]>(stack.instanceA, token, `/api/v1/statuses/${edited.id as string}/history`)
  await page.goto(`/@x/${edited.id as string}`)
  await page.locator('.status-list__item--focus').getByRole('button', { name: /^Edited/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit history' })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('.remote-content')).toHaveCount(versions.length)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('hashtags and mentions in posts open in the app; a profile shows verified links', async ({ page, stack }) => {
  await signedInAs(page, stack.instanceA, 'alice')
  await page.goto('/tags/caturday')
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { level: 2 }).first()).toHaveText('#caturday')
  await expect(panel.locator('.status-list__item').first()).toBeVisible()
  const tagLink = panel.locator('.remote-content a.hashtag').first()
  await tagLink.click()
  await expect(page).toHaveURL(/\/tags\/[^?]+\?as=alice(@|%40)/)

  await page.goto('/@yuki')
  await expect(panel.getByText('Verified').first()).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'Posts' })).toBeVisible()
  await expect(panel.locator('.status-list__item').first()).toBeVisible()
})

test('a mention opens the mentioned profile in the app, also for an account on another server', async ({ page, stack }) => {
  const { token } = await signedInAs(page, stack.instanceA, 'alice')
  const statuses = await homeStatuses(stack.instanceA, token)
  const remoteHost = new URL(stack.instanceB).host
  const withMention = statuses.find((s) => !s.reblog && (s.mentions as { acct: string }[]).some((m) => m.acct.endsWith(`@${remoteHost}`)))!
  expect(withMention, 'the seed mentions an account on the other instance').toBeTruthy()
  const target = (withMention.mentions as { acct: string }[]).find((m) => m.acct.endsWith(`@${remoteHost}`))!
  await page.goto(`/@x/${withMention.id as string}`)
  await page.locator('.status-list__item--focus .remote-content a.mention:not(.hashtag)', { hasText: target.acct.split('@')[0]! }).first().click()
  // Opened as the account that saw the mention (alice, on A), which resolves the remote handle.
  await expect(page).toHaveURL(new RegExp(`/@${target.acct.replace(/[.]/g, '\\.')}\\?as=alice(@|%40)`))
  await expect(panelOf(page)).toContainText(`@${target.acct}`)
})

test('a missing post and a failing server each get a clear message, and retry works', async ({ page, stack, control }) => {
  const { token } = await signedInAs(page, stack.instanceA, 'alice')
  await page.goto('/@x/does-not-exist')
  await expect(panelOf(page).getByRole('alert')).toContainText('could not be found')

  const [first] = await api<Status[]>(stack.instanceA, token, '/api/v1/timelines/home?limit=1')
  await control(stack.instanceA, '/faults', { path: `/api/v1/statuses/${first!.id}`, status: 503, count: 2 })
  await page.goto(`/@x/${first!.id}`)
  await expect(panelOf(page).getByRole('alert')).toContainText('is having trouble right now')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.locator('.status-list__item--focus')).toBeVisible()
})

test('views ask to sign in when no account is signed in', async ({ page }) => {
  await page.goto('/tags/caturday')
  await expect(panelOf(page).getByRole('link', { name: 'Sign in' })).toBeVisible()
  await expect(panelOf(page)).toContainText('Sign in to see posts')
})

test('a link shows where it really goes when focused with the keyboard', async ({ page, stack }) => {
  await signedInAs(page, stack.instanceA, 'alice')
  const posted = (await (
    await fetch(`${stack.instanceA}/__control/as/bob/api/v1/statuses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Read this' }),
    })
  ).json()) as { id: string }
  await fetch(`${stack.instanceA}/__control/inject`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status_id: posted.id, patch: { content: '<p>Log in at <a href="https://evil.example/login">https://bank.example</a></p>' } }),
  })
  await page.goto(`/@bob/${posted.id}`)
  const link = page.locator('.remote-content a', { hasText: 'https://bank.example' })
  await expect(link).toHaveAttribute('title', 'evil.example')
  await link.focus()
  const shown = await link.evaluate((a) => getComputedStyle(a, '::after').content)
  expect(shown).toContain('evil.example')
})
