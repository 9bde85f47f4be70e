// Who may quote a post, as Mastodon 4.5 decides it (Status::InteractionPolicyConcern):
// the author always (unless it is a private mention), anyone for `public`, the author's
// followers for `followers`, nobody else. Only automatic approval exists here: the mock
// has no posts whose author approves quotes by hand.

import type { QuotePolicy, StatusRecord } from './model.ts'
import type { World } from './world.ts'

export const QUOTE_POLICIES: readonly QuotePolicy[] = ['public', 'followers', 'nobody']

/** What the viewer may do: quote at once, or not at all (`current_user` of the entity). */
export type QuoteDecision = 'automatic' | 'denied'

export function quoteDecision(w: World, s: StatusRecord, viewer: string | null): QuoteDecision {
  if (viewer === null || s.visibility === 'direct' || s.reblogOfKey) return 'denied'
  if (viewer === s.authorKey) return 'automatic'
  if (s.quotePolicy === 'public') return 'automatic'
  if (s.quotePolicy === 'followers' && w.isFollowing(viewer, s.authorKey)) return 'automatic'
  return 'denied'
}

/** Whether `viewer` may quote `s`: it is theirs to see, they are not blocked, its policy lets them. */
export function canQuote(w: World, s: StatusRecord, viewer: string): boolean {
  if (!w.canSee(viewer, s) || w.isBlocking(viewer, s.authorKey) || w.isBlocking(s.authorKey, viewer)) return false
  return quoteDecision(w, s, viewer) === 'automatic'
}

/** The status entity's `quote_approval`. */
export function quoteApproval(w: World, s: StatusRecord, viewer: string | null): { automatic: string[]; manual: string[]; current_user: QuoteDecision } {
  const automatic = s.quotePolicy === 'nobody' ? [] : [s.quotePolicy]
  return { automatic, manual: [], current_user: quoteDecision(w, s, viewer) }
}
