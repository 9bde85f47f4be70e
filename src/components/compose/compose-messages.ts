// What the composer says about a draft it cannot send yet, and about a publish that failed:
// the problems and failures are data (src/compose/draft-problems.ts, publish.ts); here they become sentences.

import type { Composer } from 'vue-i18n'
import type { Draft } from '@/compose/draft-types'
import type { DraftProblem } from '@/compose/draft-problems'
import type { PublishFailure } from '@/compose/publish'
import { formatAbsoluteTime } from '@/composables/useRelativeTime'

type T = Composer['t']

/** Where in a thread a problem is ("Post 2: …") when the draft has several posts. */
function wherePrefix(t: T, problem: DraftProblem, draft: Draft): string {
  if (draft.posts.length < 2 || problem.postId === null) return ''
  const index = draft.posts.findIndex((p) => p.localId === problem.postId)
  return index < 0 ? '' : `${t('compose.problems.inPost', { number: index + 1 })} `
}

function mediaName(draft: Draft, mediaId: unknown): string {
  for (const post of draft.posts) {
    const found = post.media.find((m) => m.localId === mediaId)
    if (found) return found.fileName
  }
  return ''
}

export function describeProblem(t: T, problem: DraftProblem, draft: Draft): string {
  const v = problem.values
  const n = (key: string) => Number(v[key] ?? 0)
  let text: string
  switch (problem.kind) {
    case 'too-long':
      text = t('compose.problems.tooLong', { over: n('over'), max: n('max') }, n('over'))
      break
    case 'empty':
      text = t('compose.problems.empty')
      break
    case 'poll-needs-text':
      text = t('compose.problems.pollNeedsText')
      break
    case 'poll-too-few-options':
      text = t('compose.problems.pollTooFew')
      break
    case 'poll-too-many-options':
      text = t('compose.problems.pollTooMany', { max: n('max') })
      break
    case 'poll-option-empty':
      text = t('compose.problems.pollOptionEmpty', { number: n('index') + 1 })
      break
    case 'poll-option-too-long':
      text = t('compose.problems.pollOptionTooLong', { number: n('index') + 1, max: n('max') })
      break
    case 'poll-option-duplicate':
      text = t('compose.problems.pollOptionDuplicate', { number: n('index') + 1 })
      break
    case 'poll-expiry-out-of-range':
      text = t('compose.problems.pollExpiry')
      break
    case 'poll-with-media':
      text = t('compose.problems.pollWithMedia')
      break
    case 'too-many-media':
      text = t('compose.problems.tooManyMedia', { max: n('max') })
      break
    case 'media-not-ready':
      text =
        v.state === 'failed'
          ? t('compose.problems.mediaFailed', { name: mediaName(draft, v.mediaId) })
          : t('compose.problems.mediaUploading', { name: mediaName(draft, v.mediaId) })
      break
    case 'description-too-long':
      text = t('compose.problems.descriptionTooLong', { name: mediaName(draft, v.mediaId), max: n('max') })
      break
    case 'schedule-invalid':
      text = t('compose.problems.scheduleInvalid')
      break
    case 'schedule-too-soon':
      text = t('compose.problems.scheduleTooSoon', { minutes: n('minutes') })
      break
    case 'schedule-thread':
      text = t('compose.problems.scheduleThread')
      break
    case 'quotes-unsupported':
      text = t('compose.problems.quotesUnsupported')
      break
  }
  return `${wherePrefix(t, problem, draft)}${text}`
}

/** Problems that only mean "not yet" (nothing written, a file still going up): said quietly. */
export function isQuietProblem(problem: DraftProblem): boolean {
  return problem.kind === 'empty' || (problem.kind === 'media-not-ready' && problem.values.state !== 'failed')
}

export interface FailedPublish {
  readonly failure: PublishFailure | null
  readonly mediaFailed: boolean
}

/** The field a server's refusal is about, for showing it next to that field. */
export function failedField(failure: PublishFailure): string | null {
  return failure.kind === 'validation' ? (failure.field ?? null) : null
}

export function describeFailure(t: T, failed: FailedPublish, locale: string): string {
  if (failed.mediaFailed) return t('compose.failure.media')
  const failure = failed.failure
  if (!failure) return t('compose.failure.unknown')
  switch (failure.kind) {
    case 'validation':
      return failure.serverMessage
        ? t('compose.failure.validation', { message: failure.serverMessage })
        : t('compose.failure.validationPlain')
    case 'rate-limited':
      return failure.retryAt !== null && Number.isFinite(Date.parse(failure.retryAt))
        ? t('compose.failure.rateLimitedUntil', { time: formatAbsoluteTime(failure.retryAt, locale) })
        : t('compose.failure.rateLimited')
    case 'offline':
      return t('compose.failure.offline')
    case 'timeout':
      return t('compose.failure.timeout')
    case 'auth':
      return t('compose.failure.auth')
    case 'gone':
      return t('compose.failure.gone')
    case 'server':
      return t('compose.failure.server')
    default:
      return t('compose.failure.unknown')
  }
}
