// What an instance lets a post carry, from its /api/v2/instance configuration (v1's where
// that is all there is), with Mastodon's defaults for whatever a server leaves out: many
// servers that are not Mastodon send only part of it.

import type { InstanceLookupResult } from '@/api/instance'

export interface PollLimits {
  readonly maxOptions: number
  readonly maxCharactersPerOption: number
  /** Seconds. */
  readonly minExpiration: number
  /** Seconds. */
  readonly maxExpiration: number
}

export interface ComposeLimits {
  readonly maxCharacters: number
  readonly charactersReservedPerUrl: number
  readonly maxMediaAttachments: number
  /** MIME types the server takes; null when it does not say (then images, video and audio are tried). */
  readonly supportedMimeTypes: readonly string[] | null
  /** Bytes; null when the server does not say. */
  readonly imageSizeLimit: number | null
  readonly videoSizeLimit: number | null
  /** Characters of alt text. */
  readonly descriptionLimit: number
  readonly polls: PollLimits
  /** The server takes quote posts and quote policies (Mastodon 4.5, API version 7). */
  readonly quotes: boolean
}

export const DEFAULT_COMPOSE_LIMITS: ComposeLimits = {
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  supportedMimeTypes: null,
  imageSizeLimit: null,
  videoSizeLimit: null,
  descriptionLimit: 1500,
  polls: { maxOptions: 4, maxCharactersPerOption: 50, minExpiration: 300, maxExpiration: 2_629_746 },
  quotes: false,
}

/** API version of Mastodon 4.5, the first with quote posts. */
const QUOTES_API_VERSION = 7

const positive = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback
const positiveOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null

type Loose = Record<string, unknown> | undefined
const section = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

/** The limits of the instance described by `result`; the defaults without one. */
export function composeLimitsOf(result: InstanceLookupResult | null): ComposeLimits {
  if (!result) return DEFAULT_COMPOSE_LIMITS
  const d = DEFAULT_COMPOSE_LIMITS
  const config = section((result.instance as unknown as Record<string, unknown>).configuration)
  const statuses = section(config?.statuses)
  const media = section(config?.mediaAttachments)
  const polls = section(config?.polls)
  const types = media?.supportedMimeTypes
  const apiVersion = Number(section((result.instance as unknown as Record<string, unknown>).apiVersions)?.mastodon)
  // v1 instances put the character limit at the top level on some servers (Pleroma, Akkoma).
  const topLevelMax = (result.instance as unknown as Record<string, unknown>).maxTootChars
  return {
    maxCharacters: positive(statuses?.maxCharacters, positive(topLevelMax, d.maxCharacters)),
    charactersReservedPerUrl: positive(statuses?.charactersReservedPerUrl, d.charactersReservedPerUrl),
    maxMediaAttachments: positive(statuses?.maxMediaAttachments, d.maxMediaAttachments),
    supportedMimeTypes: Array.isArray(types) && types.every((t) => typeof t === 'string') ? (types as string[]) : null,
    imageSizeLimit: positiveOrNull(media?.imageSizeLimit),
    videoSizeLimit: positiveOrNull(media?.videoSizeLimit),
    descriptionLimit: positive(media?.descriptionLimit, d.descriptionLimit),
    polls: {
      maxOptions: positive(polls?.maxOptions, d.polls.maxOptions),
      maxCharactersPerOption: positive(polls?.maxCharactersPerOption, d.polls.maxCharactersPerOption),
      minExpiration: positive(polls?.minExpiration, d.polls.minExpiration),
      maxExpiration: positive(polls?.maxExpiration, d.polls.maxExpiration),
    },
    quotes: result.apiVersion === 'v2' && Number.isFinite(apiVersion) && apiVersion >= QUOTES_API_VERSION,
  }
}
