// Trends pages by offset (Mastodon's trends have no Link ids). masto does not type `offset`
// on these methods; it goes out as a query parameter all the same.

import type { mastodon } from 'masto'

interface OffsetParams {
  readonly limit: number
  readonly offset: number
}

type Lister<T> = (params: mastodon.DefaultPaginationParams) => PromiseLike<T[]>
const withOffset = <T>(list: Lister<T>, params: OffsetParams) => list(params as mastodon.DefaultPaginationParams)

export const trendingStatuses = (c: mastodon.rest.Client, params: OffsetParams) =>
  withOffset<mastodon.v1.Status>((p) => c.v1.trends.statuses.list(p), params)

export const trendingTags = (c: mastodon.rest.Client, params: OffsetParams) =>
  withOffset<mastodon.v1.Tag>((p) => c.v1.trends.tags.list(p), params)

export const trendingLinks = (c: mastodon.rest.Client, params: OffsetParams) =>
  withOffset<mastodon.v1.TrendLink>((p) => c.v1.trends.links.list(p), params)
