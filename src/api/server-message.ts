// The server's own words for a refused request (Mastodon's `error` field on a 422, e.g.
// "Validation failed: Name has already been taken"), which masto puts in the error's message.

export function serverMessageOf(error: unknown): string | null {
  const e = error as { statusCode?: unknown; message?: unknown } | null
  if (typeof e?.statusCode !== 'number' || e.statusCode !== 422) return null
  const message = typeof e.message === 'string' ? e.message.trim() : ''
  return message === '' ? null : message.slice(0, 300)
}
