// An instance's compose limits, from the instance description every feature shares (one
// lookup per origin); Mastodon's defaults until it is known, or when it cannot be read.
// Apart from instance-features.ts so the limits' code loads with the composer only.

import { composeLimitsOf, type ComposeLimits } from './limits'
import type { InstanceLookupResult } from '@/api/instance'
import { instanceLookupResult } from '@/api/instance-features'

const byResult = new WeakMap<InstanceLookupResult, ComposeLimits>()

/** Reactive compose limits of `origin`. */
export function composeLimitsFor(origin: string): ComposeLimits {
  const result = instanceLookupResult(origin)
  if (!result) return composeLimitsOf(null)
  let limits = byResult.get(result)
  if (!limits) {
    limits = composeLimitsOf(result)
    byResult.set(result, limits)
  }
  return limits
}
