// Whether the composer panel is open beside the deck, and what it shows: one draft, or the
// list of drafts to reopen. The drafts themselves live in the drafts store; closing the panel
// never deletes one (only the server's confirmation does). What the panel shows is kept for
// the tab's session, so a reload opens the same draft again.

import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

const SESSION_KEY = 'deckodon:composer'

function readView(): ComposerView | null {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null')
    if (typeof raw !== 'object' || raw === null) return null
    const view = raw as Record<string, unknown>
    if (view.kind === 'drafts') return { kind: 'drafts' }
    if (view.kind === 'draft' && typeof view.draftId === 'string') return { kind: 'draft', draftId: view.draftId }
  } catch {
    // Storage blocked or garbled: the panel starts closed.
  }
  return null
}

function writeView(view: ComposerView | null): void {
  try {
    if (view) sessionStorage.setItem(SESSION_KEY, JSON.stringify(view))
    else sessionStorage.removeItem(SESSION_KEY)
  } catch {
    // Not kept across a reload; the draft itself still is (IndexedDB).
  }
}

export type ComposerView = { readonly kind: 'draft'; readonly draftId: string } | { readonly kind: 'drafts' }

export const useComposerStore = defineStore('composer', () => {
  const view = ref<ComposerView | null>(readView())
  watch(view, writeView)
  /** Bumped to ask the open panel to move focus into the text (opening, switching drafts). */
  const focusRequest = ref(0)

  /** A post just scheduled (when it will go out), said under the deck's toolbar until dismissed. */
  const scheduledNotice = ref<string | null>(null)

  const isOpen = computed(() => view.value !== null)
  const draftId = computed(() => (view.value?.kind === 'draft' ? view.value.draftId : null))

  function showDraft(id: string): void {
    view.value = { kind: 'draft', draftId: id }
    focusRequest.value++
  }

  function showDrafts(): void {
    view.value = { kind: 'drafts' }
    focusRequest.value++
  }

  function close(): void {
    view.value = null
  }

  return { view, focusRequest, scheduledNotice, isOpen, draftId, showDraft, showDrafts, close }
})
