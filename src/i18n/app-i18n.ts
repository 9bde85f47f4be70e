// The running app's i18n, for code that loads a message part outside a route (the composer
// opens over whatever view is shown). Without one (component tests) there is nothing to load:
// tests hand every message over at once.

import { loadMessagePart, type AppI18n, type MessagePart } from './index'

let current: AppI18n | null = null

export function setAppI18n(i18n: AppI18n): void {
  current = i18n
}

/** Makes sure the part's messages are there (never rejects). */
export function loadAppMessages(part: MessagePart): Promise<void> {
  return current ? loadMessagePart(current, part) : Promise.resolve()
}
