// Sorts any failure of an API call into what the person needs to know.
// masto throws MastoHttpError (statusCode), MastoTimeoutError and
// MastoDeserializeError; an HTML error page from a proxy or a dropped
// connection surface as plain Errors/TypeErrors. masto's error classes are told apart by
// their shape, not their `name`: the production build renames classes, and ts-custom-error
// takes the name from the class.

export type ApiErrorKind = 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'invalid' | 'server' | 'timeout' | 'malformed' | 'network'

export function classifyApiError(error: unknown): ApiErrorKind {
  const e = error as { name?: unknown; statusCode?: unknown } | null
  const status = typeof e?.statusCode === 'number' ? e.statusCode : null
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404 || status === 410) return 'not-found'
  if (status === 429) return 'rate-limited'
  if (status === 422) return 'invalid'
  if (status !== null && status >= 500) return 'server'
  const message = error instanceof Error ? error.message : ''
  const cause = (error as { cause?: { name?: unknown } } | null)?.cause
  // MastoTimeoutError ("Request timed out", caused by the fetch's TimeoutError).
  if (e?.name === 'MastoTimeoutError' || e?.name === 'TimeoutError' || cause?.name === 'TimeoutError' || /timed out/i.test(message)) {
    return 'timeout'
  }
  // MastoDeserializeError carries the content type and data it could not read.
  if (e?.name === 'MastoDeserializeError' || e?.name === 'SyntaxError' || (error instanceof Error && 'contentType' in error && 'data' in error)) {
    return 'malformed'
  }
  // MastoUnexpectedError: "The server returned data with an unknown encoding. The server may be down."
  if (e?.name === 'MastoUnexpectedError' || /unknown encoding/i.test(message)) return 'server'
  // fetch itself failed: Chrome "Failed to fetch", Firefox "NetworkError …", Safari "Load failed".
  if (/failed to fetch|networkerror|load failed|network/i.test(message)) return 'network'
  // masto chokes on an HTML error page (a proxy in front of a down server) with a
  // TypeError of its own: the server answered, but not as Mastodon does.
  if (error instanceof TypeError) return 'server'
  return 'network'
}
