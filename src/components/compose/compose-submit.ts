// Publishing from the composer: what blocks it (as sentences, the "not yet" ones said
// quietly), where the publish is, what the server said when it failed (next to the text
// when the refusal is about it), and the submit button's label. Beside the form rather
// than in composables/ because it speaks through compose-messages.ts.

import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Draft } from '@/compose/draft-types'
import type { ComposeLimits } from '@/compose/limits'
import { draftProblems } from '@/compose/draft-problems'
import { usePublishDraft } from '@/composables/usePublishDraft'
import { useComposerStore } from '@/stores/composer'
import { describeFailure, describeProblem, failedField, isQuietProblem } from './compose-messages'

export function useComposeSubmit(draft: () => Draft, limits: MaybeRefOrGetter<ComposeLimits>, onPublished: () => void) {
  const { t, locale } = useI18n()
  const composer = useComposerStore()
  const publishing = usePublishDraft()

  const problems = computed(() => draftProblems(draft(), toValue(limits)))
  const problemTexts = computed(() => problems.value.map((p) => ({ text: describeProblem(t, p, draft()), quiet: isQuietProblem(p) })))
  const state = publishing.state
  const busy = computed(() => state.value.kind === 'publishing')
  const failure = computed(() => (state.value.kind === 'failed' ? state.value : null))
  const failureText = computed(() => (failure.value ? describeFailure(t, failure.value, locale.value) : ''))
  const textErrorPost = computed(() => (failure.value?.failure && failedField(failure.value.failure) === 'text' ? draft().posts.find((p) => !p.postedId)?.localId : null))

  const submitLabel = computed(() => {
    const d = draft()
    if (d.editOf) return t('compose.submit.edit')
    if (d.scheduledAt !== null) return t('compose.submit.schedule')
    return d.posts.length > 1 ? t('compose.submit.thread', { count: d.posts.length }) : t('compose.submit.post')
  })

  async function submit(): Promise<void> {
    if (problems.value.length || busy.value) return
    const scheduledAt = draft().scheduledAt
    await publishing.publish(draft(), () => {
      // The panel closes; the deck says when the scheduled post will go out.
      if (scheduledAt) composer.scheduledNotice = scheduledAt
      onPublished()
    })
  }

  return { problems, problemTexts, busy, failure, failureText, textErrorPost, submitLabel, submit, reset: publishing.reset }
}
