// What an instance offers (translation today), fetched once per origin and
// shared by every view. A server that lacks /api/v2/instance simply offers less.

import { shallowReactive } from 'vue'
import { lookupInstance } from '@/api/instance'

export interface InstanceFeatures {
  readonly translation: boolean
}

const known = shallowReactive(new Map<string, InstanceFeatures>())
const loading = new Map<string, Promise<void>>()

function load(origin: string): Promise<void> {
  let p = loading.get(origin)
  if (!p) {
    p = lookupInstance(origin)
      .then((result) => {
        const translation = result.apiVersion === 'v2' && result.instance.configuration?.translation?.enabled === true
        known.set(origin, { translation })
      })
      .catch(() => {
        known.set(origin, { translation: false })
      })
    loading.set(origin, p)
  }
  return p
}

/** Reactive features of `origin`; everything off until known. */
export function instanceFeatures(origin: string): InstanceFeatures {
  if (!known.has(origin)) void load(origin)
  return known.get(origin) ?? { translation: false }
}
