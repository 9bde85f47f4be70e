// The parameters the server appends to our callback URL. The router takes them
// out of the address bar before anything renders (history.replace) and parks
// them here for the callback view: codes and state never stay in the URL or
// in the history.

export interface CallbackParams {
  readonly code: string | null
  readonly state: string | null
  readonly error: string | null
  readonly errorDescription: string | null
}

let parked: CallbackParams | null = null

const first = (value: unknown): string | null => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v !== '' ? v : null
}

export function parkCallbackParams(query: Record<string, unknown>): void {
  parked = {
    code: first(query.code),
    state: first(query.state),
    error: first(query.error),
    errorDescription: first(query.error_description),
  }
}

/** Returns the parked parameters once; a reload of the callback page finds none. */
export function takeCallbackParams(): CallbackParams | null {
  const params = parked
  parked = null
  return params
}
