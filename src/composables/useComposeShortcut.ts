// "n" opens a new post, as in Mastodon's own web client.

import { useKeyShortcut } from './useKeyShortcut'

export function useComposeShortcut(enabled: () => boolean, open: () => void): void {
  useKeyShortcut('n', enabled, open)
}
