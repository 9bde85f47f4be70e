// Shared Playwright fixtures: each worker gets its own stack (mock instances +
// built app) on free ports; every test starts from the seed; every page is
// fenced in to the local servers (other hosts are blocked and recorded), and
// CSP violations and uncaught page errors fail the test.

import { test as base, expect } from '@playwright/test'
import { startStack, type Stack } from './stack.ts'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface Fence {
  /** Requests the page tried to make to any host but the local test servers. */
  outside: string[]
  /** Images and media from other hosts (blocked; allowed only with `remoteImagesExpected`). */
  outsideImages: string[]
  /** Content-Security-Policy violations reported by the page. */
  cspViolations: string[]
  pageErrors: string[]
}

export interface Control {
  (origin: string, path: string, body?: unknown, method?: string): Promise<Response>
}

async function control(origin: string, path: string, body?: unknown, method = 'POST'): Promise<Response> {
  const res = await fetch(`${origin}/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`)
  return res
}

export const test = base.extend<{ fence: Fence; control: Control; freshSeed: void; remoteImagesExpected: boolean }, { stack: Stack }>({
  // Remote image URLs (avatars, media, emoji) may point anywhere; a test that puts
  // such URLs in image fields sets this, and other outside requests still fail it.
  remoteImagesExpected: [false, { option: true }],
  stack: [
    async ({}, use) => {
      const stack = await startStack()
      await use(stack)
      await stack.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ stack }, use) => {
    await use(stack.appUrl)
  },
  // Every test starts from the seed (instances A and B share one world).
  freshSeed: [
    async ({ stack }, use) => {
      await control(stack.instanceA, '/reset')
      await use()
    },
    { auto: true },
  ],
  control: async ({}, use) => {
    await use(control)
  },
  fence: [
    async ({ context, page, remoteImagesExpected }, use) => {
      const fence: Fence = { outside: [], outsideImages: [], cspViolations: [], pageErrors: [] }
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url())
        if (!LOCAL_HOSTS.has(url.hostname)) {
          const type = route.request().resourceType()
          if (remoteImagesExpected && (type === 'image' || type === 'media')) fence.outsideImages.push(url.href)
          else fence.outside.push(`${type} ${url.href}`)
          await route.abort('blockedbyclient')
          return
        }
        await route.continue()
      })
      await context.exposeBinding('__reportCsp', (_source, line: string) => {
        fence.cspViolations.push(line)
      })
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          // Chromium also reports inline handlers, styles and media URLs merely *parsed*
          // in inert documents (DOMParser, <template>, which the sanitizer uses): those
          // target the document itself and never run or load. Anything aimed at a live
          // element, and any script or navigation attempt, counts.
          const inertParse =
            e.target === document &&
            ['script-src-attr', 'style-src-attr', 'style-src-elem', 'media-src', 'img-src', 'font-src', 'base-uri', 'object-src', 'frame-src', 'child-src', 'manifest-src'].includes(
              e.violatedDirective,
            )
          if (inertParse) return
          const report = (window as unknown as { __reportCsp?: (l: string) => void }).__reportCsp
          const target = e.target instanceof Element ? `<${e.target.nodeName.toLowerCase()}>` : String(e.target)
          report?.(`${e.violatedDirective} ${e.blockedURI} at ${target}`)
        })
      })
      page.on('pageerror', (err) => fence.pageErrors.push(String(err)))
      await use(fence)
      expect(fence.outside, 'requests to hosts other than the local test servers').toEqual([])
      expect(fence.cspViolations, 'Content-Security-Policy violations').toEqual([])
      expect(fence.pageErrors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
