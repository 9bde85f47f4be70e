// Dismissing a follow suggestion (DELETE /api/v1/suggestions/:account_id). masto 8 types the
// method as needing a string argument it does not use; the request takes none.

import type { mastodon } from 'masto'

interface Dismissable {
  remove(): Promise<void>
}

export function dismissSuggestion(client: mastodon.rest.Client, accountId: string): Promise<void> {
  return (client.v1.suggestions.$select(accountId) as unknown as Dismissable).remove()
}
