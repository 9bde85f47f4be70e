// A scheduled post opened for editing: a draft made from what the server keeps of it (its
// parameters, which are plain text, and its media), bound to that scheduled post's id.

import type { mastodon } from 'masto'
import type { Draft, DraftPoll, DraftVisibility } from './draft-types'
import { newDraft, readyMedia } from './draft'

const VISIBILITIES = new Set<string>(['public', 'unlisted', 'private', 'direct'])

interface LoosePoll {
  readonly options?: unknown
  readonly expiresIn?: unknown
  readonly multiple?: unknown
  readonly hideTotals?: unknown
}

function pollOf(value: unknown): DraftPoll | null {
  if (typeof value !== 'object' || value === null) return null
  const poll = value as LoosePoll
  const options = Array.isArray(poll.options) ? poll.options.filter((o): o is string => typeof o === 'string') : []
  if (options.length === 0) return null
  const expiresIn = Number(poll.expiresIn)
  return {
    options,
    expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 86_400,
    multiple: poll.multiple === true || poll.multiple === 'true',
    hideTotals: poll.hideTotals === true || poll.hideTotals === 'true',
  }
}

export function scheduledDraft(scheduled: mastodon.v1.ScheduledStatus, accountKey: string, now = Date.now()): Draft {
  const p = scheduled.params as mastodon.v1.StatusParams & { language?: unknown; poll?: unknown }
  const visibility = (VISIBILITIES.has(String(p.visibility)) ? p.visibility : 'public') as DraftVisibility
  const draft = newDraft({ accountKey, visibility, language: typeof p.language === 'string' ? p.language : '' }, now)
  const first = draft.posts[0]!
  const spoiler = p.spoilerText ?? ''
  return {
    ...draft,
    scheduledId: scheduled.id,
    scheduledAt: scheduled.scheduledAt,
    // Only its id is kept with a scheduled reply: enough to stay a reply.
    inReplyTo: p.inReplyToId ? { id: p.inReplyToId, url: null, acct: '', displayName: '', excerpt: '' } : null,
    posts: [
      {
        ...first,
        text: p.text ?? '',
        spoilerText: spoiler,
        cwEnabled: spoiler !== '',
        sensitive: p.sensitive === true,
        media: (scheduled.mediaAttachments ?? []).map(readyMedia),
        poll: pollOf(p.poll),
      },
    ],
  }
}
