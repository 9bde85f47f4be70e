import { onScopeDispose, readonly, shallowRef } from 'vue'
import { InstanceLookupError, lookupInstance, type InstanceLookupErrorKind } from '@/api/instance'
import { summarizeInstance, type InstanceSummary } from '@/api/instance-summary'
import { normalizeInstanceInput, type InstanceInputProblem } from '@/api/normalize-instance'

export type InstanceCheckState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking'; readonly host: string }
  | { readonly status: 'found'; readonly summary: InstanceSummary }
  /** The input itself is unusable; nothing was requested. */
  | { readonly status: 'invalid'; readonly problem: InstanceInputProblem; readonly input: string }
  | {
      readonly status: 'failed'
      readonly host: string
      readonly kind: InstanceLookupErrorKind
      readonly httpStatus: number | null
    }

/** Runs instance checks for the sign-in page; a new check cancels the one still running. */
export function useInstanceCheck() {
  const state = shallowRef<InstanceCheckState>({ status: 'idle' })
  let running: AbortController | null = null

  async function check(input: string): Promise<void> {
    running?.abort()
    running = null

    const normalized = normalizeInstanceInput(input)
    if (!normalized.ok) {
      state.value = { status: 'invalid', problem: normalized.problem, input: input.trim() }
      return
    }

    const controller = new AbortController()
    running = controller
    state.value = { status: 'checking', host: normalized.host }
    try {
      const result = await lookupInstance(normalized.origin, { signal: controller.signal })
      if (controller.signal.aborted) return
      state.value = { status: 'found', summary: summarizeInstance(result) }
    } catch (error) {
      if (controller.signal.aborted) return // superseded by a newer check or the page closed
      state.value =
        error instanceof InstanceLookupError
          ? { status: 'failed', host: normalized.host, kind: error.kind, httpStatus: error.status }
          : { status: 'failed', host: normalized.host, kind: 'unreachable', httpStatus: null }
    } finally {
      if (running === controller) running = null
    }
  }

  onScopeDispose(() => running?.abort())

  return { state: readonly(state), check }
}
