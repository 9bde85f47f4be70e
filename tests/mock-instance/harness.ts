// Starts a fresh two-instance fediverse on free ports for one test file.

import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto'
import { startFediverse, type RunningFediverse } from './server.ts'

export interface TestFediverse {
  fed: RunningFediverse
  /** Origins of instance A (snowflake ids) and B (ULID-like ids). */
  a: string
  b: string
  /** Mints a token for a local user through the control API. */
  token(origin: string, username: string, scopes?: string): Promise<string>
  client(origin: string, username: string): Promise<mastodon.rest.Client>
  streaming(origin: string, token: string): mastodon.streaming.Client
  control(origin: string, path: string, body?: unknown, method?: string): Promise<Response>
  close(): Promise<void>
}

export async function startTestFediverse(opts: { seedNow?: number; rateLimit?: number } = {}): Promise<TestFediverse> {
  const fed = await startFediverse({
    instances: [
      { port: 0, idFormat: 'snowflake', title: 'Demo Social', description: 'Instance A' },
      { port: 0, idFormat: 'ulid', title: 'Second Town', description: 'Instance B' },
    ],
    controls: true,
    seedNow: opts.seedNow ?? Date.now(),
    rateLimit: opts.rateLimit,
  })
  const [a, b] = fed.urls as [string, string]
  const control = (origin: string, path: string, body?: unknown, method = 'POST') =>
    fetch(`${origin}/__control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const token = async (origin: string, username: string, scopes?: string) => {
    const res = await control(origin, '/token', { username, scopes })
    if (!res.ok) throw new Error(`token for ${username}: ${res.status}`)
    return ((await res.json()) as { access_token: string }).access_token
  }
  return {
    fed,
    a,
    b,
    token,
    control,
    client: async (origin, username) => createRestAPIClient({ url: origin, accessToken: await token(origin, username) }),
    streaming: (origin, accessToken) =>
      createStreamingAPIClient({ streamingApiUrl: origin.replace(/^http/, 'ws'), accessToken, retry: 3 }),
    close: () => fed.close(),
  }
}

/**
 * One fediverse for the test file, reset to the seed before each test
 * (both instances share one world). Returns a getter for the running harness.
 */
export function useTestFediverse(opts: { seedNow?: number; rateLimit?: number } = {}): () => TestFediverse {
  let h: TestFediverse | undefined
  beforeAll(async () => {
    h = await startTestFediverse(opts)
  })
  afterAll(async () => {
    await h?.close()
  })
  beforeEach(async () => {
    await h!.control(h!.a, '/reset')
  })
  return () => h!
}
