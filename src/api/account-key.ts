// Every signed-in account is known by its key, `${host}|${id}`: the server plus the
// account's (opaque) id there. Clients, columns, drafts and cached entities carry it, so a
// request is only ever sent with the token of the account it belongs to.

export function accountKey(host: string, id: string): string {
  return `${host}|${id}`
}

/** The server part of an account key (`host`, with a port when it has one). */
export function hostOfAccountKey(key: string): string {
  return key.split('|')[0] ?? ''
}
