// The few facts the sign-in page shows about an instance, the same for v1 and v2 answers.

import { htmlToPlainText } from '@/content/html-to-text'
import type { InstanceLookupResult } from './instance'

export type RegistrationsState = 'open' | 'approval' | 'closed'

export interface InstanceSummary {
  readonly origin: string
  readonly domain: string
  readonly title: string
  readonly version: string
  /** Plain text, at most DESCRIPTION_MAX_LENGTH characters; '' when the instance has none. */
  readonly description: string
  /** v2 reports monthly active users, v1 the total; null when the server omits both. */
  readonly users: { readonly count: number; readonly period: 'month' | 'total' } | null
  readonly registrations: RegistrationsState | null
}

export const DESCRIPTION_MAX_LENGTH = 300

function shorten(text: string): string {
  if (text.length <= DESCRIPTION_MAX_LENGTH) return text
  const cut = text.slice(0, DESCRIPTION_MAX_LENGTH)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > DESCRIPTION_MAX_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

function registrationsState(enabled: unknown, approvalRequired: unknown): RegistrationsState | null {
  if (typeof enabled !== 'boolean') return null
  if (!enabled) return 'closed'
  return approvalRequired === true ? 'approval' : 'open'
}

// Compatible servers leave out fields masto's types call required, so everything beyond
// the checked core is read defensively.
export function summarizeInstance(result: InstanceLookupResult): InstanceSummary {
  if (result.apiVersion === 'v2') {
    const { instance } = result
    const active = countOrNull(instance.usage?.users?.activeMonth)
    return {
      origin: result.origin,
      domain: instance.domain,
      title: instance.title,
      version: instance.version,
      // v2's description is plain text by definition; we still render it as text only.
      description: shorten((instance.description ?? '').replace(/\s+/g, ' ').trim()),
      users: active === null ? null : { count: active, period: 'month' },
      registrations: registrationsState(instance.registrations?.enabled, instance.registrations?.approvalRequired),
    }
  }
  const { instance } = result
  const total = countOrNull(instance.stats?.userCount)
  // v1 descriptions are admin-written HTML.
  const description = htmlToPlainText(instance.shortDescription || instance.description || '')
  return {
    origin: result.origin,
    domain: instance.uri,
    title: instance.title,
    version: instance.version,
    description: shorten(description),
    users: total === null ? null : { count: total, period: 'total' },
    registrations: registrationsState(instance.registrations, instance.approvalRequired),
  }
}
