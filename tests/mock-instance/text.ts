// Turns typed status text into the HTML a Mastodon server would send:
// paragraphs, line breaks, linkified URLs with invisible/ellipsis spans,
// h-card mentions and hashtag links. Custom emoji stay as `:shortcode:`.

export interface MentionTarget {
  username: string
  url: string
}

export const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'"]/g
const MENTION_RE = /(^|[^\w/@])@([a-zA-Z0-9_]+)(?:@([a-zA-Z0-9.-]+(?::\d+)?))?/g
const TAG_RE = /(^|[^\w/&#])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Mentioned handles as written: `user` or `user@host`. */
export function extractMentions(text: string): string[] {
  const withoutUrls = text.replace(URL_RE, ' ')
  return [...withoutUrls.matchAll(MENTION_RE)].map((m) => (m[3] ? `${m[2]}@${m[3]}` : m[2]!))
}

export function extractTags(text: string): string[] {
  const withoutUrls = text.replace(URL_RE, ' ')
  const tags = [...withoutUrls.matchAll(TAG_RE)].map((m) => m[2]!.toLowerCase())
  return [...new Set(tags)]
}

export function extractUrls(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => m[0])
}

export function linkHtml(url: string): string {
  const m = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url)
  const prefix = m?.[1] ?? ''
  const rest = m?.[2] ?? url
  const shown = rest.slice(0, 30)
  const hidden = rest.slice(30)
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${hidden ? 'ellipsis' : ''}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  )
}

/**
 * @param resolveMention maps a written handle to its account, or null when unknown
 * @param tagUrl builds the URL of a hashtag page on the author's server
 */
export function formatStatusHtml(
  text: string,
  resolveMention: (handle: string) => MentionTarget | null,
  tagUrl: (tag: string) => string,
): string {
  const paragraphs = text.replace(/\r\n/g, '\n').trim().split(/\n{2,}/)
  return paragraphs.map((p) => `<p>${formatInline(p, resolveMention, tagUrl).replace(/\n/g, '<br />')}</p>`).join('')
}

function formatInline(
  text: string,
  resolveMention: (handle: string) => MentionTarget | null,
  tagUrl: (tag: string) => string,
): string {
  // Tokenise URLs first so mentions and tags inside them are left alone.
  const parts: string[] = []
  let last = 0
  for (const m of text.matchAll(URL_RE)) {
    parts.push(formatWords(text.slice(last, m.index), resolveMention, tagUrl))
    parts.push(linkHtml(m[0]))
    last = m.index + m[0].length
  }
  parts.push(formatWords(text.slice(last), resolveMention, tagUrl))
  return parts.join('')
}

function formatWords(
  text: string,
  resolveMention: (handle: string) => MentionTarget | null,
  tagUrl: (tag: string) => string,
): string {
  let html = escapeHtml(text)
  html = html.replace(MENTION_RE, (whole, pre: string, user: string, host: string | undefined) => {
    const target = resolveMention(host ? `${user}@${host}` : user)
    if (!target) return whole
    return `${pre}<span class="h-card" translate="no"><a href="${escapeHtml(target.url)}" class="u-url mention">@<span>${escapeHtml(target.username)}</span></a></span>`
  })
  html = html.replace(TAG_RE, (_whole, pre: string, tag: string) => {
    return `${pre}<a href="${escapeHtml(tagUrl(tag.toLowerCase()))}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`
  })
  return html
}

/** Plain-text bio/field value to HTML: escaped, linkified, paragraphs. */
export function formatPlainHtml(text: string, paragraphs: boolean): string {
  const parts: string[] = []
  let last = 0
  for (const m of text.matchAll(URL_RE)) {
    parts.push(escapeHtml(text.slice(last, m.index)))
    parts.push(linkHtml(m[0]).replace('rel="nofollow noopener"', 'rel="me nofollow noopener"'))
    last = m.index + m[0].length
  }
  parts.push(escapeHtml(text.slice(last)))
  const html = parts.join('')
  if (!paragraphs) return html
  return html
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br />')}</p>`)
    .join('')
}
