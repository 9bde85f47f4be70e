// Editing one's own profile from the Accounts page: a new name and bio, a field, an avatar
// picture uploaded as multipart; the server's record is checked, and the account switcher
// follows. axe in both themes on the form.

import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures.ts'
import { hostOf, signedInAs } from './sign-in-helpers.ts'

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

test('edit your profile with a new avatar, name, bio and field, checked on the server', async ({ page, stack }) => {
  const alice = await signedInAs(page, stack.instanceA, 'alice')
  await page.goto('/accounts')
  await page.getByRole('link', { name: 'Edit profile' }).click()
  const panel = page.getByRole('complementary')
  const form = panel.getByRole('form', { name: `Your profile as @alice@${hostOf(stack.instanceA)}` })
  await expect(form.getByLabel('Display name')).toHaveValue('Alice Demo')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const results = await new AxeBuilder({ page }).include('aside').analyze()
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  await form.getByLabel('Display name').fill('Alice in the Garden')
  await form.getByLabel('Bio').fill('Tomatoes, tulips and the occasional snail.')
  await form.getByRole('button', { name: 'Remove field 4' }).click()
  await form.getByRole('button', { name: 'Add a field' }).click()
  await form.getByLabel('Label 4').fill('Seeds')
  await form.getByLabel('Content 4').fill('swap on Saturdays')
  await form.getByLabel('Profile picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG })
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Your profile is saved.' })).toBeVisible()

  const res = await fetch(`${stack.instanceA}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${alice.token}` } })
  const me = (await res.json()) as { display_name: string; avatar: string; source: { note: string; fields: { name: string; value: string; verified_at: string | null }[] } }
  expect(me.display_name).toBe('Alice in the Garden')
  expect(me.source.note).toBe('Tomatoes, tulips and the occasional snail.')
  expect(me.source.fields.at(-1)).toMatchObject({ name: 'Seeds', value: 'swap on Saturdays' })
  // The verified website kept its verification: its content did not change.
  expect(me.source.fields.find((f) => f.name === 'Website')?.verified_at).not.toBeNull()
  expect(me.avatar).toMatch(/\/system\/accounts\/avatars\/alice\/1\.png$/)
  expect(Buffer.from(await (await fetch(me.avatar)).arrayBuffer())).toEqual(PNG)
  await expect(page.getByRole('button', { name: /^Current account: Alice in the Garden/ })).toBeVisible()
})
