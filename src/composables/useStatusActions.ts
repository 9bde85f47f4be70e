// What a list of statuses can do before the deck's interaction buttons exist:
// vote in polls, refresh them, translate, and show the edit history. Each
// request goes out as the account the view is bound to.

import { shallowReactive } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { useAccountsStore } from '@/stores/accounts'

export interface StatusActionsOptions {
  readonly accountKey: () => string
  /** Replace a status in the caller's list (polls come back updated). */
  readonly replace: (status: mastodon.v1.Status) => void
  readonly lang: () => string
}

export function useStatusActions(options: StatusActionsOptions) {
  const accounts = useAccountsStore()
  const translations = shallowReactive(new Map<string, mastodon.v1.Translation>())
  const histories = shallowReactive(new Map<string, mastodon.v1.StatusEdit[]>())
  const errors = shallowReactive(new Map<string, ApiErrorKind>())

  async function run(statusId: string, fn: (client: mastodon.rest.Client) => Promise<void>): Promise<void> {
    errors.delete(statusId)
    try {
      await accounts.call(options.accountKey(), fn)
    } catch (error) {
      errors.set(statusId, classifyApiError(error))
    }
  }

  /** Statuses are shown as themselves or inside a boost; actions target the one shown. */
  const shown = (s: mastodon.v1.Status) => s.reblog ?? s

  function withPoll(outer: mastodon.v1.Status, poll: mastodon.v1.Poll): mastodon.v1.Status {
    return outer.reblog ? { ...outer, reblog: { ...outer.reblog, poll } } : { ...outer, poll }
  }

  return {
    translations,
    histories,
    errors,
    vote: (outer: mastodon.v1.Status, choices: number[]) => {
      const s = shown(outer)
      if (!s.poll) return Promise.resolve()
      const pollId = s.poll.id
      return run(s.id, async (c) => options.replace(withPoll(outer, await c.v1.polls.$select(pollId).votes.create({ choices }))))
    },
    refreshPoll: (outer: mastodon.v1.Status) => {
      const s = shown(outer)
      if (!s.poll) return Promise.resolve()
      const pollId = s.poll.id
      return run(s.id, async (c) => options.replace(withPoll(outer, await c.v1.polls.$select(pollId).fetch())))
    },
    translate: (outer: mastodon.v1.Status) => {
      const s = shown(outer)
      return run(s.id, async (c) => {
        translations.set(s.id, await c.v1.statuses.$select(s.id).translate({ lang: options.lang() }))
      })
    },
    showOriginal: (outer: mastodon.v1.Status) => {
      translations.delete(shown(outer).id)
    },
    showHistory: (outer: mastodon.v1.Status) => {
      const s = shown(outer)
      return run(s.id, async (c) => {
        histories.set(s.id, await c.v1.statuses.$select(s.id).history.list())
      })
    },
  }
}
