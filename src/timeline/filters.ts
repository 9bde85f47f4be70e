// Client-side filters (Mastodon 4): a status carries the filters of the reader that matched
// it (`filtered`); the client decides per context whether to hide it or collapse it.

import type { mastodon } from 'masto'

export type FilterContext = mastodon.v2.FilterContext

type Filterable = Pick<mastodon.v1.Status, 'filtered'> & { reblog?: Pick<mastodon.v1.Status, 'filtered'> | null }

/** The filter results that apply in `context` (all of them when no context is given). */
export function matchingFilters(status: Filterable, context?: FilterContext): mastodon.v1.FilterResult[] {
  const results = [...(status.filtered ?? []), ...(status.reblog?.filtered ?? [])]
  return results.filter((result) => {
    const filter = result?.filter
    if (!filter) return false
    if (filter.expiresAt && new Date(filter.expiresAt).getTime() <= Date.now()) return false
    return !context || !Array.isArray(filter.context) || filter.context.includes(context)
  })
}

/** A filter with action "hide" matched: lists leave the status out entirely. */
export function isHiddenByFilter(status: Filterable, context?: FilterContext): boolean {
  return matchingFilters(status, context).some((result) => result.filter.filterAction === 'hide')
}

/** Titles of the "warn" filters that matched (the status is collapsed behind them). */
export function warningFilterTitles(status: Filterable, context?: FilterContext): string[] {
  const titles = matchingFilters(status, context)
    .filter((result) => result.filter.filterAction === 'warn' || !result.filter.filterAction)
    .map((result) => result.filter.title)
  return [...new Set(titles)]
}

/** A "blur" filter matched (Mastodon 4.4): the media are hidden as if sensitive. */
export function isBlurredByFilter(status: Filterable, context?: FilterContext): boolean {
  return matchingFilters(status, context).some((result) => result.filter.filterAction === 'blur')
}
