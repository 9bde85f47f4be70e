// What the benchmark runs against: the two mock instances (with test controls) and the
// built client, on free ports; Chromium as the e2e tests launch it, fenced in to this
// machine; and the documents that sign a page in and lay out its deck before it loads.

import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { startFediverse, type RunningFediverse } from '../mock-instance/server.ts'
import { startAppServer } from '../mock-instance/app-server.ts'
import { instrument, type InstrumentConfig } from './in-page.ts'

export interface BenchStack {
  fed: RunningFediverse
  appUrl: string
  instanceA: string
  instanceB: string
  close(): Promise<void>
}

export async function startBenchStack(): Promise<BenchStack> {
  const fed = await startFediverse({
    instances: [
      { port: 0, idFormat: 'snowflake', title: 'Demo Social', description: 'Instance A (benchmark)' },
      { port: 0, idFormat: 'ulid', title: 'Second Town', description: 'Instance B (benchmark)' },
    ],
    controls: true,
    rateLimit: 1_000_000,
  })
  const [instanceA, instanceB] = fed.urls as [string, string]
  const app = await startAppServer({ port: 0, config: { instance: null, demoInstance: instanceA } })
  const port = (app.httpServer.address() as AddressInfo).port
  return {
    fed,
    appUrl: `http://localhost:${port}`,
    instanceA,
    instanceB,
    close: async () => {
      await Promise.all([app.close(), fed.close()])
    },
  }
}

// --- the control API -----------------------------------------------------------

export async function control(origin: string, path: string, body?: unknown, method = 'POST'): Promise<Response> {
  const res = await fetch(`${origin}/__control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`)
  return res
}

export async function controlJson<T>(origin: string, path: string, body?: unknown, method = 'POST'): Promise<T> {
  return (await (await control(origin, path, body, method)).json()) as T
}

/** Back to the seed (both instances share one world). */
export async function resetWorld(stack: BenchStack): Promise<void> {
  await control(stack.instanceA, '/reset')
}

export const hostOf = (origin: string) => new URL(origin).host

/** A signed-in account as the app stores it (src/stores/accounts-storage.ts), with a token minted by the controls. */
export interface SignedIn {
  key: string
  token: string
  id: string
  origin: string
  stored: Record<string, unknown>
}

export async function signIn(origin: string, username: string): Promise<SignedIn> {
  const { access_token: token, account_id: id } = await controlJson<{ access_token: string; account_id: string }>(origin, '/token', { username })
  const host = hostOf(origin)
  const key = `${host}|${id}`
  const stored = {
    key,
    origin,
    host,
    id,
    username,
    displayName: username,
    avatar: `${origin}/system/avatars/${username}.svg`,
    avatarStatic: `${origin}/system/avatars/${username}.svg`,
    url: `${origin}/@${username}`,
    token,
    scope: 'read write follow push',
    clientId: 'mock-control',
    addedAt: 1,
    needsReauth: false,
  }
  return { key, token, id, origin, stored }
}

export function accountsDocument(accounts: readonly SignedIn[]): string {
  return JSON.stringify({ version: 1, accounts: accounts.map((a) => a.stored) })
}

export interface BenchColumn {
  id: string
  type: 'home' | 'local' | 'federated'
  accountKey: string
}

/** One deck with these columns (src/stores/deck-storage.ts, version 1). */
export function deckDocument(columns: readonly BenchColumn[]): string {
  return JSON.stringify({
    version: 1,
    activeDeckId: 'bench',
    decks: [{ id: 'bench', name: '', columns: columns.map((c) => ({ ...c, params: {}, width: 380, collapsed: false })) }],
  })
}

// --- Chromium ------------------------------------------------------------------

export const CPU_THROTTLING = 4

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      // As in playwright.config.ts.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // Nothing leaves the machine, without intercepting (and slowing) the page's own
      // requests: other host names do not resolve, and anything not on loopback goes to
      // a proxy that does not exist (loopback always bypasses the proxy).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--proxy-server=http://127.0.0.1:9',
      // Timers and frames run on time even though no window is visible.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  })
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface BenchPage {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  /** Requests the page tried to make to any other host (they fail). */
  outside: string[]
  /** Uncaught errors in the page. */
  pageErrors: string[]
  close(): Promise<void>
}

export interface PageOptions {
  viewport?: { width: number; height: number }
  /** localStorage documents written before the app starts. */
  storage?: Record<string, string>
  /** What the in-page probe (in-page.ts) watches for; it is installed before the app starts. */
  instrument?: InstrumentConfig
}

/** A fresh context (empty cache and storage) with one page, CPU throttled through CDP. */
export async function openPage(browser: Browser, appUrl: string, opts: PageOptions = {}): Promise<BenchPage> {
  const context = await browser.newContext({ baseURL: appUrl, viewport: opts.viewport ?? { width: 1920, height: 1080 } })
  const outside: string[] = []
  const pageErrors: string[] = []
  context.on('request', (req) => {
    const url = new URL(req.url())
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOCAL_HOSTS.has(url.hostname)) {
      outside.push(`${req.resourceType()} ${url.href}`)
    }
  })
  if (opts.storage) {
    await context.addInitScript((docs: Record<string, string>) => {
      for (const [k, v] of Object.entries(docs)) if (!localStorage.getItem(k)) localStorage.setItem(k, v)
    }, opts.storage)
  }
  await context.addInitScript(instrument, opts.instrument ?? { firstTimelineTarget: 0 })
  const page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(String(err)))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING })
  return { context, page, cdp, outside, pageErrors, close: () => context.close() }
}

/** JS heap in use after two full garbage collections, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.send('HeapProfiler.disable')
  return usedSize
}

/** Polls `probe` until it returns something truthy. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
