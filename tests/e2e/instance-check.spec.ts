// The sign-in page checks the instance from the browser, across origins,
// before leaving for its consent page, and explains each way that can fail.

import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { hostOf } from './sign-in-helpers.ts'

const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in', exact: true })

test('"Try the demo instance" goes to the demo server\'s own consent page', async ({ page, stack }) => {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Try the demo instance' }).click()
  await page.waitForURL((url) => url.origin === stack.instanceA && url.pathname === '/oauth/authorize')
  await expect(page.getByRole('heading', { name: 'Authorize Deckodon?' })).toBeVisible()
  await expect(page.getByText('Demo Social', { exact: false }).first()).toBeVisible()
})

test('typing host:port of a local server works (http for localhost), with spaces around it', async ({ page, stack }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Your instance').fill(`  ${hostOf(stack.instanceB)}  `)
  await page.getByLabel('Your instance').press('Enter')
  await page.waitForURL((url) => url.origin === stack.instanceB && url.pathname === '/oauth/authorize')
})

test('a handle works as well as a domain', async ({ page, stack }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Your instance').fill(`@frank@${hostOf(stack.instanceB)}`)
  await signInButton(page).click()
  await page.waitForURL((url) => url.origin === stack.instanceB && url.pathname === '/oauth/authorize')
})

test('an unreachable host, a non-Mastodon server and a server that is down each get their own message', async ({ page, stack, control }) => {
  await page.goto('/sign-in')
  const input = page.getByLabel('Your instance')
  const status = page.locator('#instance-check-status')

  await input.fill('localhost:9')
  await signInButton(page).click()
  await expect(status).toContainText('Could not reach localhost:9')
  await expect(input).toHaveValue('localhost:9')

  // The app's own server answers every path with index.html: not a Mastodon API.
  const appHost = hostOf(stack.appUrl)
  await input.fill(appHost)
  await signInButton(page).click()
  await expect(status).toContainText(`${appHost} answered, but it does not look like a Mastodon server`)

  await control(stack.instanceA, '/faults', { path: '/api/v2/instance', status: 503 })
  await input.fill(hostOf(stack.instanceA))
  await signInButton(page).click()
  await expect(status).toContainText('seems to be down right now (error 503)')
  await expect(input).toHaveValue(hostOf(stack.instanceA))
  await page.getByRole('button', { name: 'Try again' }).click()
  await page.waitForURL((url) => url.origin === stack.instanceA && url.pathname === '/oauth/authorize')
})

test('an empty or malformed address is explained without a request', async ({ page }) => {
  await page.goto('/sign-in')
  await signInButton(page).click()
  await expect(page.locator('#instance-check-status')).toContainText('Enter the address of your instance first')
  await expect(page.getByLabel('Your instance')).toBeFocused()
  await expect(page.getByLabel('Your instance')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Your instance').fill('not an instance')
  await signInButton(page).click()
  await expect(page.locator('#instance-check-status')).toContainText('does not look like an instance address')
})
