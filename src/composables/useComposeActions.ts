// Opening the composer: a new post, a reply, a quote, an edit of one's own post, or delete &
// redraft. Each makes a draft (kept until the server confirms it) for the account asked for
// (the column's, or the current one), starting from that account's posting preferences
// (visibility, language) where its server has them, and shows it in the panel.

import type { mastodon } from 'masto'
import { defaultPostLanguage } from '@/compose/languages'
import type { DraftVisibility } from '@/compose/draft-types'
import { editDraft, newDraft, quoteDraft, redraftDraft, replyDraft } from '@/compose/draft'
import { useAccountsStore } from '@/stores/accounts'
import { handleOf } from '@/stores/accounts-storage'
import { useComposerStore } from '@/stores/composer'
import { useDraftsStore } from '@/stores/drafts'
import { useEntitiesStore } from '@/stores/entities'
import { useSettingsStore } from '@/stores/settings'

interface PostingDefaults {
  readonly visibility: DraftVisibility
  readonly language: string | null
}

const preferences = new Map<string, Promise<PostingDefaults>>()
const FALLBACK: PostingDefaults = { visibility: 'public', language: null }
/** The composer opens without the preferences if the server is slower than this (the first time). */
export const PREFERENCES_WAIT_MS = 1500
const VISIBILITIES = new Set<string>(['public', 'unlisted', 'private', 'direct'])

/** Forgets the posting preferences read so far (tests). */
export function forgetPostingDefaults(): void {
  preferences.clear()
}

export function useComposeActions() {
  const accounts = useAccountsStore()
  const drafts = useDraftsStore()
  const composer = useComposerStore()
  const entities = useEntitiesStore()
  const settings = useSettingsStore()

  /** The account's posting preferences (asked once per session); public and no language without. */
  function defaultsOf(key: string): Promise<PostingDefaults> {
    let found = preferences.get(key)
    if (!found) {
      found = accounts
        .call(key, (c) => c.v1.preferences.fetch())
        .then((p) => {
          const visibility = String(p['posting:default:visibility'] ?? 'public')
          const language = p['posting:default:language']
          return {
            visibility: (VISIBILITIES.has(visibility) ? visibility : 'public') as DraftVisibility,
            language: typeof language === 'string' && language ? language : null,
          }
        })
        .catch(() => FALLBACK)
      preferences.set(key, found)
    }
    return found
  }

  function accountFor(accountKey?: string | null) {
    return (accountKey ? accounts.byKey(accountKey) : null) ?? accounts.current ?? accounts.accounts[0] ?? null
  }

  async function start(accountKey: string | null | undefined) {
    const account = accountFor(accountKey)
    if (!account) return null
    // A slow or unreachable server must not keep the composer from opening.
    const defaults = await Promise.race([
      defaultsOf(account.key),
      new Promise<PostingDefaults>((resolve) => setTimeout(() => resolve(FALLBACK), PREFERENCES_WAIT_MS)),
    ])
    return {
      account,
      visibility: defaults.visibility,
      language: defaultPostLanguage(defaults.language ?? settings.locale),
    }
  }

  async function openNew(accountKey?: string | null): Promise<void> {
    const s = await start(accountKey)
    if (!s) return
    const draft = newDraft({ accountKey: s.account.key, visibility: s.visibility, language: s.language })
    await drafts.create(draft)
    composer.showDraft(draft.id)
  }

  async function openReply(status: mastodon.v1.Status, accountKey: string): Promise<void> {
    const s = await start(accountKey)
    if (!s) return
    const target = status.reblog ?? status
    const draft = replyDraft(target, {
      accountKey: s.account.key,
      myAcct: handleOf(s.account),
      defaultVisibility: s.visibility,
      language: s.language,
    })
    await drafts.create(draft)
    composer.showDraft(draft.id)
  }

  async function openQuote(status: mastodon.v1.Status, accountKey: string): Promise<void> {
    const s = await start(accountKey)
    if (!s) return
    const draft = quoteDraft(status.reblog ?? status, { accountKey: s.account.key, defaultVisibility: s.visibility, language: s.language })
    await drafts.create(draft)
    composer.showDraft(draft.id)
  }

  /** Edits one's own post: its source (the text as written) comes from the server. */
  async function openEdit(status: mastodon.v1.Status, accountKey: string): Promise<void> {
    const target = status.reblog ?? status
    const source = await accounts.call(accountKey, (c) => c.v1.statuses.$select(target.id).source.fetch())
    const draft = editDraft(target, source, { accountKey })
    await drafts.create(draft)
    composer.showDraft(draft.id)
  }

  /**
   * Deletes one's own post and opens its text, media and poll as a new draft. The draft is
   * made from what the server answers the delete with (the post's source text).
   */
  async function openRedraft(status: mastodon.v1.Status, accountKey: string): Promise<void> {
    const target = status.reblog ?? status
    const deleted = await accounts.call(accountKey, (c) => c.v1.statuses.$select(target.id).remove())
    entities.markDeleted(accountKey, target.id)
    const draft = redraftDraft(deleted, { accountKey })
    await drafts.create(draft)
    composer.showDraft(draft.id)
  }

  return { openNew, openReply, openQuote, openEdit, openRedraft }
}
