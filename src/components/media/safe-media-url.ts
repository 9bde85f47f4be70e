// Remote addresses used for images, media and outbound links: only http(s) ever reaches
// a src or href. Anything else (javascript:, data:, relative, malformed) gives null.

export function safeMediaUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}

/** The host of an http(s) address ("www.theguardian.com"), or null. */
export function hostOfUrl(url: string | null | undefined): string | null {
  const safe = safeMediaUrl(url)
  return safe ? new URL(safe).host : null
}

/** Mastodon's placeholder images for accounts without an avatar or header. */
export function isMissingImage(url: string | null | undefined): boolean {
  return typeof url === 'string' && /\/(avatars|headers)\/original\/missing\.png(\?|$)/.test(url)
}
