// The deck's layout in Chromium: columns of two accounts on two instances, added with
// the picker, reordered, resized and collapsed, a second deck; everything survives a
// reload. The column content is not asserted here (its own specs cover it).

import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures.ts'
import { hostOf, signedInAsAll } from './sign-in-helpers.ts'
import type { Page } from '@playwright/test'

async function addColumn(page: Page, handle: string, type: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: 'Add column' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a column' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: handle }).check()
  await dialog.getByLabel('Column type').selectOption(type)
  await fill?.(dialog)
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Add column' })).toBeFocused()
}

const titles = (page: Page) => page.locator('section.deck-column h2').allInnerTexts()

test('columns of two accounts: add, reorder, resize, collapse, decks, all kept after reload', async ({ page, stack }) => {
  await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  const alice = `@alice@${hostOf(stack.instanceA)}`
  const frank = `@frank@${hostOf(stack.instanceB)}`
  await page.goto('/')
  await expect(page.getByRole('region', { name: 'Deck' })).toContainText('No columns yet')

  await addColumn(page, alice, 'home')
  await addColumn(page, frank, 'local')
  await addColumn(page, alice, 'hashtag', async (dialog) => {
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog.getByLabel('Hashtag', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.getByLabel('Hashtag', { exact: true })).toBeFocused()
    await dialog.getByLabel('Hashtag', { exact: true }).fill('caturday')
  })
  expect(await titles(page)).toEqual(['Home', 'Local', '#caturday'])
  await expect(page.getByRole('region', { name: `Local ${frank}` })).toBeVisible()
  await expect(page.getByRole('region', { name: `Home ${alice}` })).toBeVisible()

  // Escape closes the picker and gives focus back.
  await page.getByRole('button', { name: 'Add column' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Add column' })).toBeFocused()

  // Reorder with a button, then with the keyboard.
  await page.getByRole('button', { name: 'Move column Home right' }).click()
  expect(await titles(page)).toEqual(['Local', 'Home', '#caturday'])
  await page.getByRole('button', { name: 'Move column #caturday left' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Move column #caturday left' })).toBeFocused()
  await page.keyboard.press('Enter')
  expect(await titles(page)).toEqual(['#caturday', 'Local', 'Home'])
  await expect(page.getByRole('button', { name: 'Move column #caturday right' })).toBeFocused()

  // Resize by keyboard.
  const handle = page.getByRole('separator', { name: 'Width of column Home' })
  await handle.focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
  await expect(handle).toHaveAttribute('aria-valuenow', '440')
  const box = await page.getByRole('region', { name: `Home ${alice}` }).boundingBox()
  expect(Math.round(box!.width)).toBe(440)

  // Collapse.
  await page.getByRole('button', { name: 'Collapse column Local' }).click()
  await expect(page.getByRole('button', { name: 'Expand column Local' })).toHaveAttribute('aria-expanded', 'false')

  await expectNoAxeViolations(page)

  // A second deck, with a column of its own; then back.
  await page.getByRole('button', { name: 'New deck' }).click()
  await page.getByLabel('Deck name').fill('Second')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.locator('section.deck-column')).toHaveCount(0)
  await addColumn(page, frank, 'notifications')
  expect(await titles(page)).toEqual(['Notifications'])
  await page.getByRole('combobox', { name: 'Deck', exact: true }).selectOption({ label: 'My deck' })
  expect(await titles(page)).toEqual(['#caturday', 'Local', 'Home'])

  await page.reload()
  await expect(page.locator('section.deck-column')).toHaveCount(3)
  expect(await titles(page)).toEqual(['#caturday', 'Local', 'Home'])
  await expect(page.getByRole('separator', { name: 'Width of column Home' })).toHaveAttribute('aria-valuenow', '440')
  await expect(page.getByRole('button', { name: 'Expand column Local' })).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('region', { name: `Local ${frank}` })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Deck', exact: true }).locator('option')).toHaveText(['My deck', 'Second'])
  await page.getByRole('combobox', { name: 'Deck', exact: true }).selectOption({ label: 'Second' })
  expect(await titles(page)).toEqual(['Notifications'])
  await expect(page.getByRole('region', { name: `Notifications ${frank}` })).toBeVisible()
})

test('a narrow screen shows one column at a time', async ({ page, stack }) => {
  await signedInAsAll(page, [
    [stack.instanceA, 'alice'],
    [stack.instanceB, 'frank'],
  ])
  await page.setViewportSize({ width: 390, height: 800 })
  await page.goto('/')
  await addColumn(page, `@alice@${hostOf(stack.instanceA)}`, 'home')
  await addColumn(page, `@frank@${hostOf(stack.instanceB)}`, 'trending')
  await expect(page.locator('section.deck-column')).toHaveCount(1)
  expect(await titles(page)).toEqual(['Trending'])
  await page.getByLabel('Show column').selectOption({ index: 0 })
  expect(await titles(page)).toEqual(['Home'])
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoAxeViolations(page)
})

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.deck').analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}
