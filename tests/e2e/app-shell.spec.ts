// The built app shell in Chromium: landmarks, keyboard, languages, themes,
// accessibility (axe-core) and the strict CSP it is served with.

import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures.ts'
import type { Page } from '@playwright/test'
import { signedInAsAll } from './sign-in-helpers.ts'
import { withDeck } from './deck-helpers.ts'

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('the deck opens empty, with landmarks and a way to sign in', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle('Deck · Deckodon')
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Deck' })).toContainText('No columns yet')
  await page.getByRole('link', { name: 'Sign in to get started' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeFocused()
  await expect(page).toHaveTitle('Sign in · Deckodon')
})

test('the skip link is the first stop for the keyboard and jumps to the content', async ({ page }) => {
  await page.goto('/')
  // The app mounts after reading config.json; a person presses Tab once it is there.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
})

test('every screen passes axe-core in the light and the dark theme', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const path of ['/', '/sign-in', '/settings', '/no-such-page']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoAxeViolations(page)
    }
  }
})

test('the theme follows the system and can be chosen in settings', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/settings')
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
  const light = await background()
  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await background()
  expect(dark).not.toBe(light)

  await page.getByLabel('Theme').selectOption('light')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await background()).toBe(light)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await background()).toBe(light)
})

test('switching to Dutch translates the shell at once and is remembered', async ({ page }) => {
  await page.goto('/settings')
  await page.getByLabel('Language').selectOption('nl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen')
  await expect(page.getByRole('navigation')).toContainText('Inloggen')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen')
})

test('the deck speaks the chosen language too: its messages load with it, before and after a switch', async ({ page, stack }) => {
  const [alice] = await signedInAsAll(page, [[stack.instanceA, 'alice']])
  await withDeck(page, [{ id: 'c1', type: 'home', accountKey: alice!.key, params: {} }])
  await page.goto('/')
  const column = page.locator('main section.deck-column').first()
  await expect(column.getByRole('heading', { level: 2 })).toContainText('Home')
  await expect(column.getByRole('button', { name: /^Favourite/ }).first()).toBeVisible()
  // Switched on the settings page, then back to the deck: the deck's Dutch messages come along.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Language').selectOption('nl')
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Deck' }).click()
  await expect(column.getByRole('heading', { level: 2 })).toContainText('Start')
  await expect(column.getByRole('button', { name: /^Favoriet/ }).first()).toBeVisible()
  // A cold start in Dutch straight onto the deck.
  await page.reload()
  await expect(column.getByRole('heading', { level: 2 })).toContainText('Start')
  await expect(column.getByRole('button', { name: /^Favoriet/ }).first()).toBeVisible()
})

test.describe('with a Dutch browser', () => {
  test.use({ locale: 'nl-NL' })
  test('the app starts in Dutch', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
    await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeAttached()
  })
})

test('unknown addresses show a page with a way home', async ({ page }) => {
  await page.goto('/nowhere/at/all')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await page.getByRole('main').getByRole('link').first().click()
  await expect(page).toHaveURL(/\/$/)
})
