// What blocks a draft from being published on a server with given limits, each problem as
// data (kind, post, values): the composer keeps Post disabled while there are any, and
// components/compose/compose-messages.ts turns them into sentences.

import type { Draft, DraftPost } from './draft-types'
import type { ComposeLimits } from './limits'
import { codePointLength, graphemeLength, postLength } from './counter'

export type DraftProblemKind =
  | 'too-long'
  | 'empty'
  | 'poll-needs-text'
  | 'poll-too-few-options'
  | 'poll-too-many-options'
  | 'poll-option-empty'
  | 'poll-option-too-long'
  | 'poll-option-duplicate'
  | 'poll-expiry-out-of-range'
  | 'poll-with-media'
  | 'too-many-media'
  | 'media-not-ready'
  | 'description-too-long'
  | 'schedule-invalid'
  | 'schedule-too-soon'
  | 'schedule-thread'
  | 'quotes-unsupported'

/** One thing that blocks publishing; the UI turns it into a message. `postId` null: the draft's. */
export interface DraftProblem {
  readonly postId: string | null
  readonly kind: DraftProblemKind
  readonly values: Readonly<Record<string, string | number>>
}

/** The server's minimum lead for a scheduled post (ScheduledStatusValidator). */
export const MIN_SCHEDULE_LEAD_MS = 5 * 60_000

const isBlank = (s: string) => /^\p{White_Space}*$/u.test(s)

function postProblems(post: DraftPost, limits: ComposeLimits): DraftProblem[] {
  const problems: DraftProblem[] = []
  const add = (kind: DraftProblemKind, values: Record<string, string | number> = {}) =>
    problems.push({ postId: post.localId, kind, values })

  const length = postLength(post, limits)
  if (length > limits.maxCharacters) add('too-long', { over: length - limits.maxCharacters, max: limits.maxCharacters })
  const noText = isBlank(post.text)
  // The server wants text or media; a poll does not stand in for text.
  if (noText && post.media.length === 0 && !post.poll) add('empty')
  else if (noText && post.media.length === 0) add('poll-needs-text')

  if (post.poll) {
    const { options, expiresIn } = post.poll
    const polls = limits.polls
    if (options.length < 2) add('poll-too-few-options', { min: 2 })
    if (options.length > polls.maxOptions) add('poll-too-many-options', { max: polls.maxOptions })
    const seen = new Set<string>()
    options.forEach((option, index) => {
      const trimmed = option.trim()
      if (trimmed === '') add('poll-option-empty', { index })
      else if (seen.has(trimmed)) add('poll-option-duplicate', { index })
      seen.add(trimmed)
      const over = graphemeLength(trimmed) - polls.maxCharactersPerOption
      if (over > 0) add('poll-option-too-long', { index, max: polls.maxCharactersPerOption, over })
    })
    if (!(expiresIn >= polls.minExpiration && expiresIn <= polls.maxExpiration))
      add('poll-expiry-out-of-range', { min: polls.minExpiration, max: polls.maxExpiration })
    if (post.media.length > 0) add('poll-with-media')
  }

  if (post.media.length > limits.maxMediaAttachments) add('too-many-media', { max: limits.maxMediaAttachments })
  for (const media of post.media) {
    if (media.state !== 'ready') add('media-not-ready', { mediaId: media.localId, state: media.state })
    const over = codePointLength(media.description) - limits.descriptionLimit
    if (over > 0) add('description-too-long', { mediaId: media.localId, max: limits.descriptionLimit, over })
  }
  return problems
}

/** Everything that blocks publishing `draft` on a server with `limits`; empty when it can go. */
export function draftProblems(draft: Draft, limits: ComposeLimits, now = Date.now()): DraftProblem[] {
  const problems = draft.posts.filter((p) => !p.postedId).flatMap((p) => postProblems(p, limits))
  if (draft.scheduledAt !== null) {
    const at = Date.parse(draft.scheduledAt)
    if (!Number.isFinite(at)) problems.push({ postId: null, kind: 'schedule-invalid', values: {} })
    else if (at <= now + MIN_SCHEDULE_LEAD_MS) problems.push({ postId: null, kind: 'schedule-too-soon', values: { minutes: 5 } })
    // A later post would answer a status that does not exist yet.
    if (draft.posts.length > 1) problems.push({ postId: null, kind: 'schedule-thread', values: {} })
  }
  if (draft.quoteOf && !limits.quotes) problems.push({ postId: null, kind: 'quotes-unsupported', values: {} })
  return problems
}
