import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, watchEffect } from 'vue'
import type { mastodon } from 'masto'
import type { InstanceLookupResult } from '@/api/instance'
import { DEFAULT_COMPOSE_LIMITS } from '@/compose/limits'
import { fixture } from '../components/status/status-fixtures'

const lookupInstance = vi.fn<(origin: string) => Promise<InstanceLookupResult>>()
vi.mock('@/api/instance', () => ({ lookupInstance: (origin: string) => lookupInstance(origin) }))

function v2(change: (i: mastodon.v2.Instance) => mastodon.v2.Instance): InstanceLookupResult {
  const instance = fixture<mastodon.v2.Instance>('instance.v2.json')
  return { apiVersion: 'v2', origin: 'https://big.example', instance: change(instance) }
}

beforeEach(() => {
  vi.resetModules()
  lookupInstance.mockReset()
})

const load = async () => ({ ...(await import('@/api/instance-features')), ...(await import('@/compose/server-limits')) })
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('compose limits of an instance', () => {
  it('are the server’s, once known, and update whoever reads them', async () => {
    lookupInstance.mockResolvedValue(
      v2((i) => ({ ...i, configuration: { ...i.configuration, statuses: { ...i.configuration.statuses, maxCharacters: 5000 } } })),
    )
    const { composeLimitsFor } = await load()
    const seen: number[] = []
    watchEffect(() => seen.push(composeLimitsFor('https://big.example').maxCharacters))
    await settle()
    await nextTick()
    expect(seen).toEqual([500, 5000])
  })

  it('share one request with the other features', async () => {
    lookupInstance.mockResolvedValue(v2((i) => i))
    const { composeLimitsFor, instanceFeatures, instanceStreamingUrl } = await load()
    composeLimitsFor('https://big.example')
    instanceFeatures('https://big.example')
    await instanceStreamingUrl('https://big.example')
    composeLimitsFor('https://big.example')
    expect(lookupInstance).toHaveBeenCalledTimes(1)
  })

  it('are Mastodon’s defaults when the server cannot be asked', async () => {
    lookupInstance.mockRejectedValue(new Error('down'))
    const { composeLimitsFor, instanceStreamingUrl } = await load()
    await instanceStreamingUrl('https://down.example')
    expect(composeLimitsFor('https://down.example')).toEqual(DEFAULT_COMPOSE_LIMITS)
  })
})
