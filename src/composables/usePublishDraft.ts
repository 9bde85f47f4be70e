// Publishing the draft shown in the composer: uploads first (waiting for what is still going
// up), then the post, or each post of a thread in turn, every one with its own
// Idempotency-Key so a retry never posts twice. The draft is deleted only when the server has
// confirmed every post; until then every failure leaves it as it was, with a message.

import { shallowRef } from 'vue'
import type { mastodon } from 'masto'
import { publishDraft, PublishFailure } from '@/compose/publish'
import { composeLimitsFor } from '@/compose/server-limits'
import type { Draft, Published } from '@/compose/draft-types'
import { useAccountsStore } from '@/stores/accounts'
import { useDraftsStore } from '@/stores/drafts'
import { useEntitiesStore } from '@/stores/entities'
import { MediaNotReady, useMediaUploads } from './useMediaUploads'

export type PublishState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'publishing' }
  | { readonly kind: 'failed'; readonly failure: PublishFailure | null; readonly mediaFailed: boolean }

const isStatus = (p: Published): p is mastodon.v1.Status => 'content' in p

export function usePublishDraft() {
  const accounts = useAccountsStore()
  const drafts = useDraftsStore()
  const entities = useEntitiesStore()
  const uploads = useMediaUploads()
  const state = shallowRef<PublishState>({ kind: 'idle' })

  /**
   * Resolves true once the server confirmed everything and the draft is gone. `confirmed`
   * runs as soon as the server has confirmed, before the draft is deleted.
   */
  async function publish(draft: Draft, confirmed: () => void = () => {}): Promise<boolean> {
    if (state.value.kind === 'publishing') return false
    state.value = { kind: 'publishing' }
    try {
      const origin = accounts.byKey(draft.accountKey)?.origin ?? ''
      // A scheduled post being edited: as the server has it now, so a change of time alone
      // moves it instead of making it again.
      const scheduledOriginal = draft.scheduledId
        ? await accounts
            .call(draft.accountKey, (c) => c.v1.scheduledStatuses.$select(draft.scheduledId!).fetch())
            .catch(() => null)
        : null
      await publishDraft(draft, {
        scheduledOriginal,
        call: accounts.call,
        quotes: composeLimitsFor(origin).quotes,
        mediaIdsFor: (post) => uploads.mediaIdsFor(draft.id, post.localId),
        onPosted: (postLocalId, published) => {
          // Remember at once what is confirmed: a later failure resumes after it.
          drafts.update(draft.id, (d) => ({
            ...d,
            posts: d.posts.map((p) => (p.localId === postLocalId ? { ...p, postedId: published.id } : p)),
          }))
          if (isStatus(published)) entities.putStatus(draft.accountKey, published)
        },
      })
      state.value = { kind: 'idle' }
      confirmed()
      await drafts.remove(draft.id)
      return true
    } catch (error) {
      // Kept for whoever looks into a failed post (the UI says what it means).
      console.warn('[deckodon] publishing failed', error instanceof PublishFailure ? error.cause ?? error : error)
      state.value = {
        kind: 'failed',
        failure: error instanceof PublishFailure ? error : null,
        mediaFailed: error instanceof MediaNotReady,
      }
      return false
    }
  }

  function reset(): void {
    if (state.value.kind !== 'publishing') state.value = { kind: 'idle' }
  }

  return { state, publish, reset }
}
