import { afterEach, describe, expect, it, vi } from 'vitest'

const created: Array<{ options: Record<string, unknown>; close: ReturnType<typeof vi.fn> }> = []
vi.mock('masto', () => ({
  createStreamingAPIClient: (options: Record<string, unknown>) => {
    const client = { options, close: vi.fn() }
    created.push(client)
    return client
  },
}))
vi.mock('@/api/instance-features', () => ({
  instanceStreamingUrl: async () => 'wss://streaming.example',
}))

const { STREAM_RETRY_ATTEMPTS, closeStreaming, retireStreaming, streamingClientFor } = await import('@/api/streaming')

const identity = { key: 'example|1', origin: 'https://example', token: 'tok' }

afterEach(() => {
  closeStreaming(identity.key)
  created.length = 0
})

describe('one streaming client per account', () => {
  it('reconnects a bounded number of times, so a long outage never means waiting many minutes', async () => {
    await streamingClientFor(identity)
    expect(created[0]!.options).toMatchObject({ retry: STREAM_RETRY_ATTEMPTS, accessToken: 'tok', streamingApiUrl: 'wss://streaming.example' })
    expect(STREAM_RETRY_ATTEMPTS).toBeLessThanOrEqual(7)
  })

  it('a client that gave up is retired: the next one asked for is fresh', async () => {
    const first = await streamingClientFor(identity)
    expect(await streamingClientFor(identity)).toBe(first)
    await retireStreaming(identity.key, first!)
    expect(created[0]!.close).toHaveBeenCalled()
    const second = await streamingClientFor(identity)
    expect(second).not.toBe(first)
  })

  it('retiring an old client leaves the one made since alone', async () => {
    const first = await streamingClientFor(identity)
    await retireStreaming(identity.key, first!)
    const second = await streamingClientFor(identity)
    await retireStreaming(identity.key, first!)
    expect(await streamingClientFor(identity)).toBe(second)
    expect(created[1]!.close).not.toHaveBeenCalled()
  })
})
