// The way into the composer from a status card. The composer's code (drafts, IndexedDB,
// publishing) loads on first use, so the deck's first load does not carry it.

import type { mastodon } from 'masto'

export type ComposeFromStatus = 'reply' | 'quote' | 'edit' | 'redraft'

export async function composeFromStatus(kind: ComposeFromStatus, status: mastodon.v1.Status, accountKey: string): Promise<void> {
  const { useComposeActions } = await import('./useComposeActions')
  const actions = useComposeActions()
  switch (kind) {
    case 'reply':
      return actions.openReply(status, accountKey)
    case 'quote':
      return actions.openQuote(status, accountKey)
    case 'edit':
      return actions.openEdit(status, accountKey)
    case 'redraft':
      return actions.openRedraft(status, accountKey)
  }
}

export async function composeNew(accountKey?: string | null): Promise<void> {
  const { useComposeActions } = await import('./useComposeActions')
  return useComposeActions().openNew(accountKey)
}

/** Whether the reader may quote the status (Mastodon 4.5's quote approval says so). */
export function canQuote(status: mastodon.v1.Status): boolean {
  const policy = (status.reblog ?? status).quoteApproval?.currentUser
  return policy === 'automatic' || policy === 'manual'
}
