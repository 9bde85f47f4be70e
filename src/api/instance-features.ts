// What an instance offers (translation today), fetched once per origin and
// shared by every view. A server that lacks /api/v2/instance simply offers less.

import { shallowReactive } from 'vue'
import { lookupInstance, type InstanceLookupResult } from './instance'

export interface InstanceFeatures {
  readonly translation: boolean
  /** The streaming API's base URL (`configuration.urls.streaming`), or null without one. */
  readonly streaming: string | null
}

const NOTHING: InstanceFeatures = { translation: false, streaming: null }

const known = shallowReactive(new Map<string, InstanceFeatures>())
/** What the lookup answered (null: it failed), for features read elsewhere (compose limits). */
const results = shallowReactive(new Map<string, InstanceLookupResult | null>())
const loading = new Map<string, Promise<void>>()

function load(origin: string): Promise<void> {
  let p = loading.get(origin)
  if (!p) {
    p = lookupInstance(origin)
      .then((result) => {
        const translation = result.apiVersion === 'v2' && result.instance.configuration?.translation?.enabled === true
        const url: unknown =
          result.apiVersion === 'v2' ? result.instance.configuration?.urls?.streaming : result.instance.urls?.streamingApi
        results.set(origin, result)
        known.set(origin, { translation, streaming: typeof url === 'string' && /^(wss?|https?):\/\//.test(url) ? url : null })
      })
      .catch(() => {
        results.set(origin, null)
        known.set(origin, NOTHING)
      })
    loading.set(origin, p)
  }
  return p
}

/** Reactive features of `origin`; everything off until known. */
export function instanceFeatures(origin: string): InstanceFeatures {
  if (!known.has(origin)) void load(origin)
  return known.get(origin) ?? NOTHING
}

/** The streaming URL of `origin` once known (null when the server has none or is unreachable). */
export async function instanceStreamingUrl(origin: string): Promise<string | null> {
  await load(origin)
  return known.get(origin)?.streaming ?? null
}

/** Reactive: the instance's description from the same one lookup; null until known or when it failed. */
export function instanceLookupResult(origin: string): InstanceLookupResult | null {
  if (!known.has(origin)) void load(origin)
  return results.get(origin) ?? null
}
