// What a person does on someone's profile, checked on the server: follow a locked account
// (a request) and take the request back; mute for an hour; block a whole server after a
// question; the followers list with a follow button per row. axe in both themes.

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { hostOf, signedInAs } from './sign-in-helpers.ts'

const panelOf = (page: Page) => page.getByRole('complementary')

async function api<T>(origin: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

test('ask to follow a locked account and take the request back; see who follows someone, with a follow button each', async ({ page, stack }) => {
  const rick = await signedInAs(page, stack.instanceA, 'rick')
  await page.goto('/@erin')
  const panel = panelOf(page)
  await panel.getByRole('button', { name: 'Follow', exact: true }).click()
  await expect(panel.getByRole('button', { name: 'Cancel request' })).toBeEnabled()
  const erinId = (await api<{ id: string }>(stack.instanceA, rick.token, '/api/v1/accounts/lookup?acct=erin')).id
  const rel = async () => (await api<{ requested: boolean; following: boolean }[]>(stack.instanceA, rick.token, `/api/v1/accounts/relationships?id[]=${erinId}`))[0]!
  expect(await rel()).toMatchObject({ requested: true, following: false })
  await panel.getByRole('button', { name: 'Cancel request' }).click()
  await expect(panel.getByRole('button', { name: 'Follow', exact: true })).toBeEnabled()
  expect(await rel()).toMatchObject({ requested: false })

  await panel.getByRole('navigation', { name: 'Profile sections' }).getByRole('link', { name: 'Followers' }).click()
  const followers = panel.getByRole('list', { name: /^Followers of / })
  await expect(followers.getByRole('listitem').first()).toBeVisible()
  expect(await followers.getByRole('listitem').count()).toBeGreaterThan(1)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('aside').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})

test('mute someone for an hour, and block a whole server after a question', async ({ page, stack }) => {
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await page.goto('/@bob')
  const panel = panelOf(page)
  await panel.getByText('More', { exact: true }).click()
  await panel.getByRole('button', { name: 'Mute', exact: true }).click()
  const form = panel.getByRole('form', { name: /^Mute / })
  await form.getByLabel('For how long').selectOption({ label: '1 hour' })
  await form.getByRole('button', { name: 'Mute', exact: true }).click()
  await expect(panel.getByText(/^Muted until /)).toBeVisible()
  const mutes = await api<{ username: string; mute_expires_at: string | null }[]>(stack.instanceA, alice.token, '/api/v1/mutes')
  const bobMute = mutes.find((m) => m.username === 'bob')
  expect(bobMute?.mute_expires_at).toBeTruthy()
  const left = Date.parse(bobMute!.mute_expires_at!) - Date.now()
  expect(left).toBeGreaterThan(50 * 60_000)
  expect(left).toBeLessThanOrEqual(60 * 60_000)

  const hostB = hostOf(stack.instanceB)
  await page.goto(`/@frank@${hostB}`)
  await panel.getByText('More', { exact: true }).click()
  await panel.getByRole('button', { name: `Block ${hostB}` }).click()
  await expect(panel).toContainText(`Block all of ${hostB}?`)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('aside').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
  await panel.getByRole('button', { name: `Block ${hostB}` }).click()
  await expect(panel.getByRole('status').filter({ hasText: `${hostB} is blocked.` })).toBeVisible()
  await expect(panel.getByText(`You block everyone on ${hostB}.`)).toBeVisible()
  expect(await api<string[]>(stack.instanceA, alice.token, '/api/v1/domain_blocks')).toEqual([hostB])
})
