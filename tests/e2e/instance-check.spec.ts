// The sign-in entry point looks instances up from the browser, across
// origins, and explains each way it can fail.

import { test, expect } from './fixtures.ts'

test('"Try the demo instance" finds the demo server', async ({ page, stack }) => {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Try the demo instance' }).click()
  await expect(page.getByLabel('Your instance')).toHaveValue(stack.instanceA)
  const host = new URL(stack.instanceA).host
  await expect(page.locator('#instance-check-status')).toContainText(`Found it: Demo Social at ${host}`)
  await expect(page.getByText('4.5.0')).toBeVisible()
})

test('typing host:port of a local server works (http for localhost)', async ({ page, stack }) => {
  await page.goto('/sign-in')
  const host = new URL(stack.instanceB).host
  await page.getByLabel('Your instance').fill(`  ${host}  `)
  await page.getByLabel('Your instance').press('Enter')
  await expect(page.locator('#instance-check-status')).toContainText(`Found it: Second Town at ${host}`)
})

test('an unreachable host, a non-Mastodon server and a server that is down each get their own message', async ({ page, stack, control }) => {
  await page.goto('/sign-in')
  const input = page.getByLabel('Your instance')
  const status = page.locator('#instance-check-status')

  await input.fill('localhost:9')
  await page.getByRole('button', { name: 'Check instance' }).click()
  await expect(status).toContainText('Could not reach localhost:9')
  await expect(input).toHaveValue('localhost:9')

  // The app's own server answers every path with index.html: not a Mastodon API.
  const appHost = new URL(stack.appUrl).host
  await input.fill(appHost)
  await page.getByRole('button', { name: 'Check instance' }).click()
  await expect(status).toContainText(`${appHost} answered, but it does not look like a Mastodon server`)

  await control(stack.instanceA, '/faults', { path: '/api/v2/instance', status: 503 })
  await input.fill(new URL(stack.instanceA).host)
  await page.getByRole('button', { name: 'Check instance' }).click()
  await expect(status).toContainText('seems to be down right now (error 503)')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(status).toContainText('Found it: Demo Social')
})

test('an empty address is explained without a request', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Check instance' }).click()
  await expect(page.locator('#instance-check-status')).toContainText('Enter the address of your instance first')
  await expect(page.getByLabel('Your instance')).toBeFocused()
  await expect(page.getByLabel('Your instance')).toHaveAttribute('aria-invalid', 'true')
})
