// Remote HTML -> a sanitized, inert DocumentFragment.
//
// The allowlist is Mastodon's own MASTODON_STRICT config for remote content:
// a client must be no looser than the server, because remote servers are not trusted to have
// applied it. DOMPurify parses the string with DOMParser (an inert document: no scripts run,
// nothing loads) and hands back a fragment owned by that document. Nothing here sets innerHTML
// or serialises and re-parses the result (namespace mXSS); the fragment is read, not mounted.

import DOMPurify, { type Config, type DOMPurify as DOMPurifyInstance } from 'dompurify'

/** Elements that survive sanitizing (headings are turned into `<p><strong>` on the way). */
export const ALLOWED_ELEMENTS = [
  'p', 'br', 'span', 'a', 'del', 's', 'pre', 'blockquote', 'code', 'b', 'strong', 'u', 'i', 'em',
  'ul', 'ol', 'li', 'ruby', 'rt', 'rp',
] as const

export type AllowedElement = (typeof ALLOWED_ELEMENTS)[number]

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const

/** Attributes allowed per element; `lang` is allowed on every element. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'rel', 'class', 'translate'],
  span: ['class', 'translate'],
  p: ['class'],
  ol: ['start', 'reversed'],
  li: ['value'],
}

/** Schemes an `<a href>` may use (Mastodon's LINK_PROTOCOLS). */
export const LINK_PROTOCOLS: ReadonlySet<string> = new Set([
  'http:', 'https:', 'dat:', 'dweb:', 'ipfs:', 'ipns:', 'ssb:', 'gopher:', 'xmpp:', 'magnet:', 'gemini:',
])

const CLASS_PREFIX = /^(?:h|p|u|dt|e)-/
const CLASS_NAMES: ReadonlySet<string> = new Set(['mention', 'hashtag', 'ellipsis', 'invisible', 'quote-inline'])
// U+200E/F marks, U+202A–E embeddings/overrides, U+2066–9 isolates, and U+061C (Arabic letter mark).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const INTEGER = /^[+-]?\d{1,9}$/

/** Keeps the class tokens Mastodon keeps (microformats and its own markers); '' if none. */
export function filterClassTokens(value: string): string {
  const kept: string[] = []
  for (const token of value.split(/[\t\n\f\r ]+/)) {
    if (token && (CLASS_PREFIX.test(token) || CLASS_NAMES.has(token)) && !kept.includes(token)) kept.push(token)
  }
  return kept.join(' ')
}

/**
 * Parses a remote href: bidi controls removed, then a full URL (relative hrefs have no base
 * here and fail) with an allowed scheme. Returns the parsed URL, or null.
 */
export function parseLinkHref(href: string): URL | null {
  const cleaned = href.replace(BIDI_CONTROLS, '').trim()
  if (!cleaned) return null
  let url: URL
  try {
    url = new URL(cleaned)
  } catch {
    return null
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url : null
}

/** An http(s) URL for an image (custom emoji), normalised; null for anything else. */
export function parseImageUrl(value: string): string | null {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return null
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
}

const CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_ELEMENTS, ...HEADINGS, '#text'],
  ALLOWED_ATTR: ['lang', 'href', 'rel', 'class', 'translate', 'start', 'reversed', 'value'],
  // The hrefs that reach this check were already reduced to absolute URLs with an allowed scheme.
  ALLOWED_URI_REGEXP: /^(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|xmpp|magnet|gemini):/i,
  // Non-URL attributes: without this DOMPurify tests their values against the URI pattern.
  ADD_URI_SAFE_ATTR: ['lang', 'rel', 'translate', 'start', 'reversed', 'value', 'class'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  // Unknown elements unwrap to their children, except these (and DOMPurify's defaults: script,
  // style, template, svg, math, iframe, noscript ...), whose contents go with them.
  KEEP_CONTENT: true,
  ADD_FORBID_CONTENTS: ['object', 'applet', 'embed', 'canvas', 'button', 'select', 'textarea', 'datalist', 'frameset', 'frame'],
  RETURN_DOM_FRAGMENT: true,
} satisfies Config

let purifier: DOMPurifyInstance | null = null

// A private instance: its hooks never touch the global DOMPurify that other code might use.
function getPurifier(): DOMPurifyInstance {
  if (purifier) return purifier
  const instance = DOMPurify(window)
  instance.addHook('uponSanitizeAttribute', (node, event) => {
    const tag = node.nodeName.toLowerCase()
    const name = event.attrName
    if (name !== 'lang' && !(ALLOWED_ATTRIBUTES[tag]?.includes(name) ?? false)) {
      event.keepAttr = false
      return
    }
    let value: string | null = event.attrValue
    switch (name) {
      case 'class':
        value = filterClassTokens(value) || null
        break
      case 'translate':
        value = value.trim().toLowerCase() === 'no' ? 'no' : null
        break
      case 'href':
        value = parseLinkHref(value)?.href ?? null
        break
      case 'start':
      case 'value':
        value = INTEGER.test(value.trim()) ? String(Number(value.trim())) : null
        break
      case 'reversed':
        value = ''
        break
    }
    if (value === null) event.keepAttr = false
    else event.attrValue = value
  })
  purifier = instance
  return instance
}

function unwrap(element: Element): void {
  const parent = element.parentNode
  if (!parent) return
  while (element.firstChild) parent.insertBefore(element.firstChild, element)
  element.remove()
}

// Headings become <p><strong>; anchors without a usable href, or inside another, become their text.
function finish(fragment: DocumentFragment): void {
  const doc = fragment.ownerDocument
  for (const heading of fragment.querySelectorAll(HEADINGS.join(','))) {
    const paragraph = doc.createElement('p')
    const lang = heading.getAttribute('lang')
    if (lang !== null) paragraph.setAttribute('lang', lang)
    const strong = paragraph.appendChild(doc.createElement('strong'))
    while (heading.firstChild) strong.appendChild(heading.firstChild)
    heading.replaceWith(paragraph)
  }
  for (const anchor of fragment.querySelectorAll('a')) {
    // A table cell lets the parser nest anchors; a link never sits inside another link.
    if (!anchor.hasAttribute('href') || anchor.parentElement?.closest('a')) unwrap(anchor)
  }
}

/**
 * Sanitizes remote HTML to Mastodon's strict allowlist. The fragment belongs to an inert
 * document; read it (see `buildContentTree`) rather than inserting it into the page.
 */
export function sanitizeHtml(html: string): DocumentFragment {
  const fragment: unknown = getPurifier().sanitize(html, CONFIG)
  // Fail closed: a document without <body> (`<frameset>`) leaves DOMPurify nothing to return,
  // and in an environment DOMPurify does not support it would hand back the input string.
  if (!(fragment instanceof DocumentFragment)) return document.implementation.createHTMLDocument('').createDocumentFragment()
  finish(fragment)
  return fragment
}
