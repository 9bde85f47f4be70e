// Signing in the way a person does: type the instance, go through the
// server's own consent page, come back to the deck.

import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'mastodon-demo'

export const hostOf = (origin: string) => new URL(origin).host

export async function startSignIn(page: Page, instanceOrigin: string, appPath = '/sign-in'): Promise<void> {
  await page.goto(appPath)
  await page.getByLabel('Your instance').fill(hostOf(instanceOrigin))
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => url.origin === instanceOrigin && url.pathname === '/oauth/authorize')
}

export async function consent(page: Page, username: string, decision: 'Authorize' | 'Deny' = 'Authorize'): Promise<void> {
  if (decision === 'Authorize') {
    await page.getByLabel('Username or e-mail address').fill(username)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
  }
  await page.getByRole('button', { name: decision, exact: true }).click()
}

/** Full sign-in; resolves when the deck shows with this account current. */
export async function signIn(page: Page, instanceOrigin: string, username: string, appPath = '/sign-in'): Promise<void> {
  await startSignIn(page, instanceOrigin, appPath)
  await consent(page, username)
  await page.waitForURL((url) => url.pathname.endsWith('/') && !url.search)
  await expect(currentAccountButton(page)).toHaveAccessibleName(new RegExp(`@${username}@${hostOf(instanceOrigin).replace(/[.]/g, '\\.')}`))
}

export function currentAccountButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Current account/ })
}

/** Handles listed on the accounts page, in order. */
export async function listedHandles(page: Page): Promise<string[]> {
  await page.goto('/accounts')
  const items = page.getByRole('main').getByRole('listitem')
  await expect(items.first()).toBeVisible()
  const texts = await items.allInnerTexts()
  return texts.map((t) => /@[\w]+@[\w.:-]+/.exec(t)?.[0] ?? t)
}

async function controlAccount(instanceOrigin: string, username: string) {
  const res = await fetch(`${instanceOrigin}/__control/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  })
  const { access_token: token, account_id: id } = (await res.json()) as { access_token: string; account_id: string }
  const host = hostOf(instanceOrigin)
  const key = `${host}|${id}`
  const account = {
    key,
    origin: instanceOrigin,
    host,
    id,
    username,
    displayName: username,
    avatar: `${instanceOrigin}/system/avatars/${username}.svg`,
    avatarStatic: `${instanceOrigin}/system/avatars/${username}.svg`,
    url: `${instanceOrigin}/@${username}`,
    token,
    scope: 'read write follow push',
    clientId: 'mock-control',
    addedAt: 1,
    needsReauth: false,
  }
  return { key, token, id, account }
}

/**
 * Starts the page signed in as `username` without the OAuth round trip (which
 * sign-in.spec.ts covers): a token from the mock's controls, written where the
 * app keeps its accounts, before the app loads.
 */
export async function signedInAs(page: Page, instanceOrigin: string, username: string): Promise<{ key: string; token: string; id: string }> {
  const [result] = await signedInAsAll(page, [[instanceOrigin, username]])
  return result!
}

/**
 * Like signedInAs, for several accounts at once (on one or more instances), in this
 * order. The accounts document is written only when none exists yet, so a sign-out
 * the test does is not undone by the next navigation.
 */
export async function signedInAsAll(
  page: Page,
  accounts: ReadonlyArray<readonly [instanceOrigin: string, username: string]>,
): Promise<Array<{ key: string; token: string; id: string }>> {
  const made = await Promise.all(accounts.map(([origin, username]) => controlAccount(origin, username)))
  await page.addInitScript((doc: string) => {
    if (!localStorage.getItem('deckodon:accounts')) localStorage.setItem('deckodon:accounts', doc)
  }, JSON.stringify({ version: 1, accounts: made.map((m) => m.account) }))
  return made.map(({ key, token, id }) => ({ key, token, id }))
}
