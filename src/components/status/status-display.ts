// Pure helpers for showing statuses and accounts: handles, in-app routes, quote shapes,
// languages. Remote strings stay text here; nothing is parsed as HTML.

import type { mastodon } from 'masto'
import type { RouteLocationRaw } from 'vue-router'
import { hostOfUrl } from '@/components/media/safe-media-url'

type AccountLike = Pick<mastodon.v1.Account, 'acct' | 'url'>

/**
 * The full handle without the leading @: remote accounts already carry their domain;
 * local ones (acct = username) get the host of their profile address.
 */
export function fullAcct(account: AccountLike): string {
  const acct = account.acct ?? ''
  if (acct.includes('@')) return acct
  const host = hostOfUrl(account.url)
  return host ? `${acct}@${host}` : acct
}

/** The name to show: the display name, or the username when it is blank. */
export function plainDisplayName(account: Pick<mastodon.v1.Account, 'displayName' | 'username'>): string {
  return (account.displayName ?? '').trim() || account.username || ''
}

/**
 * `user@host` of the signed-in account a link opens as (its `?as=` query; never a token).
 * Status ids and what a server knows belong to one server, so links from a column or view
 * carry the account they were shown as; null or absent: the tab's current account.
 */
export type LinkAs = string | null | undefined

function asQuery(as: LinkAs): { query?: { as: string } } {
  return as ? { query: { as } } : {}
}

/** In-app profile route: `/@user@host`, the full handle, so any server can look it up. */
export function profileRoute(account: AccountLike, as?: LinkAs): RouteLocationRaw {
  return { name: 'profile', params: { acct: fullAcct(account) }, ...asQuery(as) }
}

/** In-app thread route: `/@user@host/:statusId`; the id means something only on the `as` account's server. */
export function statusRoute(status: Pick<mastodon.v1.Status, 'id'> & { account: AccountLike }, as?: LinkAs): RouteLocationRaw {
  return { name: 'status', params: { acct: fullAcct(status.account), statusId: status.id }, ...asQuery(as) }
}

/** In-app hashtag route: `/tags/:tag`. */
export function tagRoute(tag: string, as?: LinkAs): RouteLocationRaw {
  return { name: 'tag', params: { tag }, ...asQuery(as) }
}

/** The status a card shows: the boosted one for a boost, else the status itself. */
export function shownStatus(status: mastodon.v1.Status): mastodon.v1.Status {
  return status.reblog ?? status
}

/** `${accountKey}|${status.id}|${status.editedAt ?? ''}`: the content cache key. */
export function contentCacheKey(accountKey: string, status: Pick<mastodon.v1.Status, 'id' | 'editedAt'>): string {
  return `${accountKey}|${status.id}|${status.editedAt ?? ''}`
}

export type QuoteLike = mastodon.v1.Quote | mastodon.v1.ShallowQuote

/** The quoted status when the server sent it in full (a Quote, not a ShallowQuote). */
export function quotedStatusOf(quote: QuoteLike | null | undefined): mastodon.v1.Status | null {
  if (!quote || typeof quote !== 'object') return null
  const quoted = (quote as mastodon.v1.Quote).quotedStatus
  return quoted && typeof quoted === 'object' && typeof quoted.id === 'string' ? quoted : null
}

/** "nl-BE" -> "nl". */
export function primaryLanguage(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''
}

/** The status is in a known language other than the reader's. */
export function isOtherLanguage(statusLanguage: string | null | undefined, uiLocale: string): boolean {
  const language = primaryLanguage(statusLanguage)
  return language !== '' && language !== primaryLanguage(uiLocale)
}

/**
 * Mastodon's Translation entity as the server sends it. masto types only part of it, and
 * names the source language `detectedLanguageSource`; the API says `detected_source_language`.
 */
export interface TranslationLike {
  content: string
  provider?: string | null
  spoilerText?: string | null
  language?: string | null
  detectedSourceLanguage?: string | null
  detectedLanguageSource?: string | null
}

export function translationSourceLanguage(translation: TranslationLike): string | null {
  return translation.detectedSourceLanguage ?? translation.detectedLanguageSource ?? null
}
