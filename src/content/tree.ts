// A sanitized fragment -> a plain tree of content nodes (what the renderer turns into VNodes).
//
// The walk reads nodeName, attributes and text only; anything it does not recognise is
// flattened into its children, so the tree holds nothing the sanitizer did not allow even if a
// future DOMPurify changed its behaviour. Custom emoji are found in TEXT nodes only, after
// sanitizing, so `:shortcode:` inside an attribute value is never touched.

import {
  ALLOWED_ATTRIBUTES,
  filterClassTokens,
  parseImageUrl,
  parseLinkHref,
  sanitizeHtml,
  type AllowedElement,
} from './sanitize'

/** Elements in the tree; anchors always become `mention`, `hashtag` or `link` nodes. */
export type AllowedTag = Exclude<AllowedElement, 'a'>

/** Masto's CustomEmoji shape (the fields used here). */
export interface EmojiLike {
  shortcode: string
  url: string
  staticUrl: string
}

/** Masto's StatusMention shape (the fields used here). */
export interface MentionLike {
  url: string
  acct: string
}

export interface ContentContext {
  emojis?: readonly EmojiLike[]
  mentions?: readonly MentionLike[]
}

export type ContentNode =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: AllowedTag; attrs: Record<string, string>; children: ContentNode[] }
  /** acct (`user` or `user@host`) is set when the href matched one of the status's mentions. */
  | { kind: 'mention'; href: string; acct: string | null; children: ContentNode[] }
  /** tag is the hashtag's name without '#', lower-cased. */
  | { kind: 'hashtag'; href: string; tag: string; children: ContentNode[] }
  /** host is the real destination host (punycode for IDNs), or the scheme for host-less URLs. */
  | { kind: 'link'; href: string; host: string; children: ContentNode[] }
  | { kind: 'emoji'; shortcode: string; url: string; staticUrl: string }

export type EmojiNode = Extract<ContentNode, { kind: 'emoji' }>
export type TextNode = Extract<ContentNode, { kind: 'text' }>

const TREE_TAGS: ReadonlySet<string> = new Set<AllowedTag>([
  'p', 'br', 'span', 'del', 's', 'pre', 'blockquote', 'code', 'b', 'strong', 'u', 'i', 'em',
  'ul', 'ol', 'li', 'ruby', 'rt', 'rp',
])

// Letters, marks, digits, underscore, middle dot and ZWNJ: what Mastodon accepts in a hashtag.
const HASHTAG_NAME = /^[\p{L}\p{M}\p{N}_\u00B7\u200C]+$/u

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** Shortcode -> emoji, keeping only emoji whose url and staticUrl are both http(s). */
export type EmojiMap = ReadonlyMap<string, EmojiNode>

export function buildEmojiMap(emojis: readonly EmojiLike[] | undefined): EmojiMap {
  const map = new Map<string, EmojiNode>()
  for (const emoji of emojis ?? []) {
    const shortcode = emoji.shortcode
    if (!shortcode || shortcode.includes(':') || map.has(shortcode)) continue
    const url = parseImageUrl(emoji.url)
    const staticUrl = parseImageUrl(emoji.staticUrl)
    if (url === null || staticUrl === null) continue
    map.set(shortcode, { kind: 'emoji', shortcode, url, staticUrl })
  }
  return map
}

/**
 * Splits plain text on `:shortcode:` for the shortcodes in the map (compared literally, one
 * linear pass). The text stays text: nothing here is ever parsed as HTML.
 */
export function splitEmoji(text: string, emojis: EmojiMap): (TextNode | EmojiNode)[] {
  if (emojis.size === 0 || !text.includes(':')) return text ? [{ kind: 'text', text }] : []
  const out: (TextNode | EmojiNode)[] = []
  let textStart = 0
  let open = text.indexOf(':')
  while (open !== -1) {
    const close = text.indexOf(':', open + 1)
    if (close === -1) break
    const emoji = emojis.get(text.slice(open + 1, close))
    if (emoji) {
      if (open > textStart) out.push({ kind: 'text', text: text.slice(textStart, open) })
      out.push({ ...emoji })
      textStart = close + 1
      open = text.indexOf(':', textStart)
    } else {
      // The closing colon may open the next shortcode (":not-one:blobcat:").
      open = close
    }
  }
  if (textStart < text.length) out.push({ kind: 'text', text: text.slice(textStart) })
  return out
}

/** Plain text with custom emoji, for display names, spoiler texts, poll options, field names. */
export function textWithEmoji(text: string, emojis?: readonly EmojiLike[]): (TextNode | EmojiNode)[] {
  return splitEmoji(text, buildEmojiMap(emojis))
}

interface WalkContext {
  emojis: EmojiMap
  /** Mention URL (normalised) -> acct. */
  mentions: ReadonlyMap<string, string>
}

function buildMentionMap(mentions: readonly MentionLike[] | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const mention of mentions ?? []) {
    const url = parseLinkHref(mention.url)
    if (url && !map.has(url.href) && mention.acct) map.set(url.href, mention.acct)
  }
  return map
}

function classTokens(element: Element): string[] {
  return filterClassTokens(element.getAttribute('class') ?? '').split(' ').filter(Boolean)
}

function elementAttrs(element: Element, tag: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const name of ['lang', ...(ALLOWED_ATTRIBUTES[tag] ?? [])]) {
    const value = element.getAttribute(name)
    if (value === null) continue
    if (name === 'class') {
      const classes = filterClassTokens(value)
      if (classes) attrs.class = classes
    } else if (name === 'translate') {
      if (value === 'no') attrs.translate = 'no'
    } else {
      attrs[name] = value
    }
  }
  return attrs
}

function anchorNode(element: Element, children: ContentNode[], ctx: WalkContext): ContentNode[] {
  const url = parseLinkHref(element.getAttribute('href') ?? '')
  if (!url) return children
  const href = url.href
  const classes = classTokens(element)
  const text = (element.textContent ?? '').trim()

  const acct = ctx.mentions.get(href)
  if (acct !== undefined) return [{ kind: 'mention', href, acct, children }]

  const isHashtagClass = classes.includes('hashtag')
  if (classes.includes('mention') && !isHashtagClass) return [{ kind: 'mention', href, acct: null, children }]
  if (isHashtagClass || text.startsWith('#')) {
    const tag = (text.startsWith('#') ? text.slice(1) : text).toLowerCase()
    // A "#1 reason" link text is not a hashtag: such links stay links to where they point.
    if (HASHTAG_NAME.test(tag)) return [{ kind: 'hashtag', href, tag, children }]
  }
  return [{ kind: 'link', href, host: url.host || url.protocol, children }]
}

function walk(nodes: NodeListOf<ChildNode>, ctx: WalkContext, inAnchor: boolean): ContentNode[] {
  const out: ContentNode[] = []
  for (const node of nodes) {
    if (node.nodeType === TEXT_NODE) {
      out.push(...splitEmoji(node.textContent ?? '', ctx.emojis))
      continue
    }
    if (node.nodeType !== ELEMENT_NODE) continue
    const element = node as Element
    const tag = element.nodeName.toLowerCase()
    if (tag === 'a') {
      // Nested anchors are flattened: a link never sits inside another link.
      const children = walk(element.childNodes, ctx, true)
      out.push(...(inAnchor ? children : anchorNode(element, children, ctx)))
    } else if (TREE_TAGS.has(tag)) {
      const children = tag === 'br' ? [] : walk(element.childNodes, ctx, inAnchor)
      out.push({ kind: 'element', tag: tag as AllowedTag, attrs: elementAttrs(element, tag), children })
    } else {
      out.push(...walk(element.childNodes, ctx, inAnchor))
    }
  }
  return out
}

/** Builds the content tree from a fragment returned by `sanitizeHtml`. */
export function buildContentTree(fragment: DocumentFragment, ctx: ContentContext = {}): ContentNode[] {
  return walk(fragment.childNodes, { emojis: buildEmojiMap(ctx.emojis), mentions: buildMentionMap(ctx.mentions) }, false)
}

/** Remote HTML -> sanitized content tree, with custom emoji, mentions, hashtags and links. */
export function parseContent(html: string, ctx: ContentContext = {}): ContentNode[] {
  return buildContentTree(sanitizeHtml(html), ctx)
}
