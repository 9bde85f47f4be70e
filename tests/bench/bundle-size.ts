// Figure 1: the JavaScript and CSS a browser loads for the first render of a page, each
// response body gzipped (level 9) on its own and summed. Measured from what Chromium
// actually fetched, not from the files in dist/.

import { gzipSync } from 'node:zlib'
import type { Browser, Response } from '@playwright/test'
import { sumAssets, type AssetTotals, type LoadedAsset } from './stats.ts'
import { accountsDocument, deckDocument, openPage, signIn, sleep, type BenchStack } from './setup.ts'

export interface PageWeight extends AssetTotals {
  path: string
}

const QUIET_MS = 1000

function isCode(res: Response): string | null {
  const type = res.request().resourceType()
  if (type === 'script' || type === 'stylesheet') return type
  // A modulepreload may be reported as 'other'; it is script all the same.
  const path = new URL(res.url()).pathname
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'script'
  if (path.endsWith('.css')) return 'stylesheet'
  return null
}

async function weigh(browser: Browser, stack: BenchStack, path: string, storage: Record<string, string>, ready: string): Promise<PageWeight> {
  const bench = await openPage(browser, stack.appUrl, { storage })
  try {
    const bodies: Promise<LoadedAsset | null>[] = []
    let lastCode = Date.now()
    bench.page.on('response', (res) => {
      const type = isCode(res)
      if (!type || res.status() !== 200) return
      lastCode = Date.now()
      bodies.push(res.body().then((body) => ({ url: res.url(), type, body: new Uint8Array(body) }), () => null))
    })
    await bench.page.goto(path)
    await bench.page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 })
    await bench.page.waitForLoadState('networkidle')
    // The first render is complete when no more code has arrived for a while.
    while (Date.now() - lastCode < QUIET_MS) await sleep(200)
    const assets = (await Promise.all(bodies)).filter((a): a is LoadedAsset => a !== null)
    return { path, ...sumAssets(assets, (b) => gzipSync(b, { level: 9 })) }
  } finally {
    await bench.close()
  }
}

export async function measureBundles(browser: Browser, stack: BenchStack): Promise<{ signIn: PageWeight; deck: PageWeight }> {
  // The sign-in page as a first-time visitor sees it: no accounts stored.
  const signInPage = await weigh(browser, stack, '/sign-in', {}, 'main input')
  // The deck as a signed-in person opens it: one home column, first statuses shown.
  const alice = await signIn(stack.instanceA, 'alice')
  const storage = {
    'deckodon:accounts': accountsDocument([alice]),
    'deckodon:deck': deckDocument([{ id: 'home', type: 'home', accountKey: alice.key }]),
  }
  const deck = await weigh(browser, stack, '/', storage, 'main section.deck-column .status-list__item, main section.deck-column [data-status-id]')
  return { signIn: signInPage, deck }
}
