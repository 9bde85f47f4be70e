import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { mastodon } from 'masto'
import { forgetPostingDefaults, PREFERENCES_WAIT_MS, useComposeActions } from '@/composables/useComposeActions'
import { useComposerStore } from '@/stores/composer'
import { useDraftsStore } from '@/stores/drafts'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts } from '../helpers/accounts'
import { routeCalls } from '../helpers/column-fakes'

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory()
  resetDocument()
  createTestApp()
  seedAccounts([alice], alice.key)
  forgetPostingDefaults()
  await useDraftsStore().load()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function preferencesAnswer(answer: () => Promise<unknown>) {
  const fetch = vi.fn(answer)
  routeCalls({ [alice.key]: { v1: { preferences: { fetch } } } as unknown as mastodon.rest.Client })
  return fetch
}

describe('opening the composer', () => {
  it('starts from the account’s posting preferences', async () => {
    preferencesAnswer(async () => ({ 'posting:default:visibility': 'unlisted', 'posting:default:language': 'nl' }))
    await useComposeActions().openNew(alice.key)
    const draft = useDraftsStore().drafts[0]!
    expect(draft).toMatchObject({ accountKey: alice.key, visibility: 'unlisted', language: 'nl' })
    expect(useComposerStore().draftId).toBe(draft.id)
  })

  it('does not wait long for a slow server: it opens with public and the UI language', async () => {
    vi.useFakeTimers()
    preferencesAnswer(() => new Promise(() => {}))
    const opening = useComposeActions().openNew(alice.key)
    await vi.advanceTimersByTimeAsync(PREFERENCES_WAIT_MS)
    await opening
    expect(useDraftsStore().drafts[0]).toMatchObject({ visibility: 'public', language: 'en' })
    expect(useComposerStore().isOpen).toBe(true)
  })
})
