// Signing in to any instance with many accounts at once, in Chromium against
// the two mock instances, through their real consent pages.

import { test, expect } from './fixtures.ts'
import { consent, currentAccountButton, hostOf, listedHandles, signIn, startSignIn } from './sign-in-helpers.ts'

interface OAuthEvent {
  type: string
  accountKey: string | null
  pkce: boolean
  detail: string
}
interface LoggedRequest {
  path: string
  accountKey: string | null
  tokenKind: string
  status: number
}

async function logOf(control: (o: string, p: string, b?: unknown, m?: string) => Promise<Response>, origin: string) {
  return (await (await control(origin, '/log', undefined, 'GET')).json()) as { requests: LoggedRequest[]; oauth: OAuthEvent[] }
}

test('two accounts on one instance and one on another: switch, reload, and a second tab keeps up', async ({ page, context, stack, control }) => {
  const a = stack.instanceA
  const b = stack.instanceB
  await signIn(page, a, 'alice')
  // The first account on a fresh device gets a starter deck; Demo Social is small, so its
  // local timeline too. Later sign-ins leave the deck as it is.
  const starter = [/^Home/, /^Notifications/, /^Local/]
  await expect(page.locator('section.deck-column h2')).toHaveText(starter)
  await signIn(page, a, 'bob')
  await signIn(page, b, 'frank')
  await expect(page.locator('section.deck-column h2')).toHaveText(starter)
  // Signing in to the same account again updates it instead of adding a duplicate.
  await signIn(page, a, 'alice')
  expect((await listedHandles(page)).sort()).toEqual([`@alice@${hostOf(a)}`, `@bob@${hostOf(a)}`, `@frank@${hostOf(b)}`].sort())

  // Switch through the header's account switcher, by keyboard.
  await currentAccountButton(page).focus()
  await page.keyboard.press('Enter')
  const bobItem = page.getByRole('menuitem', { name: new RegExp(`@bob@${hostOf(a)}`) })
  await expect(page.getByRole('menu')).toBeVisible()
  for (let i = 0; i < 6 && !(await bobItem.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown')
  await expect(bobItem).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menu')).toBeHidden()
  await expect(currentAccountButton(page)).toHaveAccessibleName(/@bob@/)
  await expect(currentAccountButton(page)).toBeFocused()

  await page.reload()
  await expect(currentAccountButton(page)).toHaveAccessibleName(/@bob@/)
  expect(await listedHandles(page)).toHaveLength(3)

  // A second tab sees an account added in the first one, without reloading.
  const second = await context.newPage()
  await second.goto('/accounts')
  await expect(second.getByRole('main').getByRole('listitem')).toHaveCount(3)
  await signIn(page, a, 'carol')
  await expect(second.getByRole('main').getByRole('listitem')).toHaveCount(4)
  await expect(second.getByRole('main')).toContainText(`@carol@${hostOf(a)}`)
  // …while each tab keeps its own current account.
  await expect(currentAccountButton(second)).not.toHaveAccessibleName(/@carol@/)

  // Every request carried a token its server knew: none went to the wrong instance.
  for (const origin of [a, b]) {
    const { requests } = await logOf(control, origin)
    expect(requests.filter((r) => r.tokenKind === 'invalid' || r.tokenKind === 'revoked')).toEqual([])
  }
  const onB = (await logOf(control, b)).requests.filter((r) => r.accountKey)
  expect(onB.length).toBeGreaterThan(0)
  expect(onB.every((r) => r.accountKey === `frank@${hostOf(b)}`)).toBe(true)
})

test('the server sees PKCE S256 with a matching verifier, and the code leaves the address bar', async ({ page, stack, control }) => {
  const callbackUrls: string[] = []
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) callbackUrls.push(f.url())
  })
  await signIn(page, stack.instanceA, 'alice')
  const { oauth } = await logOf(control, stack.instanceA)
  expect(oauth.find((e) => e.type === 'authorized')).toMatchObject({ pkce: true, accountKey: `alice@${hostOf(stack.instanceA)}` })
  expect(oauth.find((e) => e.type === 'token')).toMatchObject({ pkce: true })
  expect(oauth.filter((e) => e.type === 'token_error')).toEqual([])
  expect(page.url()).not.toMatch(/code=|state=/)
  // Nothing in the history still holds the code.
  await page.goBack()
  expect(page.url()).not.toMatch(/code=/)
})

test('a forged state is rejected and changes no account', async ({ page, stack }) => {
  await signIn(page, stack.instanceA, 'alice')
  await page.goto('/oauth/callback?code=stolen-code&state=forged-state')
  await expect(page.getByRole('alert')).toContainText('could not be verified')
  expect(page.url()).not.toMatch(/stolen-code/)
  expect(await listedHandles(page)).toEqual([`@alice@${hostOf(stack.instanceA)}`])
})

test('reusing a code fails cleanly', async ({ page, stack }) => {
  let firstCallback = ''
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.url().includes('/oauth/callback?code=') && !firstCallback) firstCallback = r.url()
  })
  await signIn(page, stack.instanceA, 'alice')
  const oldCode = new URL(firstCallback).searchParams.get('code')!
  // Start a new sign-in so a valid state is pending, then present the old code with it.
  await startSignIn(page, stack.instanceA)
  const state = new URL(page.url()).searchParams.get('state')!
  await page.goto(`/oauth/callback?code=${encodeURIComponent(oldCode)}&state=${encodeURIComponent(state)}`)
  await expect(page.getByRole('alert')).toContainText('expired or was already used')
  expect(await listedHandles(page)).toEqual([`@alice@${hostOf(stack.instanceA)}`])
})

test('pressing Deny on the consent page is explained, with a retry that keeps the instance', async ({ page, stack }) => {
  await startSignIn(page, stack.instanceA)
  await consent(page, 'alice', 'Deny')
  await expect(page.getByRole('alert')).toContainText(`You chose not to give Deckodon access to your account on ${hostOf(stack.instanceA)}`)
  await page.getByRole('link', { name: 'Try signing in again' }).click()
  await expect(page.getByLabel('Your instance')).toHaveValue(hostOf(stack.instanceA))
})

test('a server that refuses web apps (CORS) gets its own message', async ({ page, stack, control }) => {
  await control(stack.instanceA, '/faults', { path: '/api/v2/instance', kind: 'nocors', count: 2 })
  await page.goto('/sign-in')
  await page.getByLabel('Your instance').fill(hostOf(stack.instanceA))
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.locator('#instance-check-status')).toContainText('does not allow web apps like this one to use its API (CORS)')
  await expect(page.getByLabel('Your instance')).toHaveValue(hostOf(stack.instanceA))
})

test('a revoked token asks that account, and only that one, to sign in again', async ({ page, stack, control }) => {
  const host = hostOf(stack.instanceA)
  await signIn(page, stack.instanceA, 'alice')
  await signIn(page, stack.instanceA, 'bob')
  await control(stack.instanceA, '/revoke-user', { username: 'alice' })
  await page.reload()
  const banner = page.getByRole('region', { name: /sign in again/i })
  await expect(banner).toContainText(`@alice@${host}`)
  await expect(banner).not.toContainText(`@bob@${host}`)
  await banner.getByRole('link', { name: 'Sign in again' }).click()
  await expect(page.getByLabel('Your instance')).toHaveValue(host)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/oauth/authorize')
  await consent(page, 'alice')
  await page.waitForURL((url) => url.pathname === '/')
  await expect(page.getByRole('region', { name: /sign in again/i })).toHaveCount(0)
  expect(await listedHandles(page)).toHaveLength(2)
})

test('signing out revokes that token and leaves the other accounts working', async ({ page, stack, control }) => {
  const host = hostOf(stack.instanceA)
  await signIn(page, stack.instanceA, 'alice')
  await signIn(page, stack.instanceA, 'bob')
  await page.goto('/accounts')
  const alice = page.getByRole('main').getByRole('listitem').filter({ hasText: `@alice@${host}` })
  await alice.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('status')).toContainText(`Signed out of @alice@${host}`)
  expect(await listedHandles(page)).toEqual([`@bob@${host}`])

  const { oauth } = await logOf(control, stack.instanceA)
  expect(oauth.filter((e) => e.type === 'revoked').map((e) => e.accountKey)).toEqual([`alice@${host}`])
  // Bob's token still works: a reload refreshes his profile without a re-auth prompt.
  await control(stack.instanceA, '/log', undefined, 'DELETE')
  await page.reload()
  await expect(currentAccountButton(page)).toHaveAccessibleName(/@bob@/)
  // A profile refresh of the page before the reload may still land in the log, so the check
  // is what was asked, not how often: only Bob's token, always accepted, Alice's never again.
  const verifies = async () =>
    (await logOf(control, stack.instanceA)).requests
      .filter((r) => r.path === '/api/v1/accounts/verify_credentials')
      .map((r) => `${r.accountKey} ${r.status}`)
  await expect.poll(verifies).toContain(`bob@${host} 200`)
  expect(new Set(await verifies())).toEqual(new Set([`bob@${host} 200`]))
  await expect(page.getByRole('region', { name: /sign in again/i })).toHaveCount(0)
})

test('signing in works when the app is hosted under a sub-path', async ({ page, stack }) => {
  await signIn(page, stack.instanceB, 'grace', `${stack.subpathAppUrl}sign-in`)
  expect(new URL(page.url()).pathname).toBe('/client/')
})

test('when the server has forgotten our app, the next sign-in registers it again', async ({ page, stack, control }) => {
  await signIn(page, stack.instanceA, 'alice')
  // A reset wipes the server's apps and tokens, as a server rebuilt from scratch would.
  await control(stack.instanceA, '/reset')
  await control(stack.instanceA, '/log', undefined, 'DELETE')
  await signIn(page, stack.instanceA, 'alice')
  const { oauth } = await logOf(control, stack.instanceA)
  expect(oauth.filter((e) => e.type === 'app_created')).toHaveLength(1)
  expect(await listedHandles(page)).toEqual([`@alice@${hostOf(stack.instanceA)}`])
})
