// What a fresh device shows after its first sign-in, instead of an empty deck: the home
// timeline and the notifications, and on a small server its local timeline too (there the
// local timeline is a neighbourhood worth reading; on a big one it is a fire hose).

import type { ColumnSpec } from './column-spec'

/** At most this many monthly active users, and a server counts as small. */
export const SMALL_SERVER_ACTIVE_USERS = 1000

export type StarterColumn = Pick<ColumnSpec, 'type' | 'accountKey' | 'params'>

/** The starter columns for an account; `activeUsers` is null when the server does not say. */
export function starterColumns(accountKey: string, activeUsers: number | null): StarterColumn[] {
  const columns: StarterColumn[] = [
    { type: 'home', accountKey, params: {} },
    { type: 'notifications', accountKey, params: {} },
  ]
  if (activeUsers !== null && activeUsers <= SMALL_SERVER_ACTIVE_USERS) columns.push({ type: 'local', accountKey, params: {} })
  return columns
}
