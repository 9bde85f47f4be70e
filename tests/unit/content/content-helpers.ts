// Helpers for the content tests: a memory router with the two in-app link targets, and the
// DOM checks from tests/fixtures/xss/README.md step 3.

import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { sanitizeHtml } from '@/content'

const Stub = defineComponent({ render: () => h('div') })

export function createContentRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Stub },
      { path: '/@:acct', name: 'profile', component: Stub },
      { path: '/tags/:tag', name: 'tag', component: Stub },
    ],
  })
}

/** Serialises a sanitized fragment through an inert <template> (for comparisons only). */
export function fragmentHtml(fragment: DocumentFragment): string {
  const template = document.createElement('template')
  template.content.append(fragment.cloneNode(true))
  return template.innerHTML
}

/** sanitizeHtml, serialised. */
export function clean(html: string): string {
  return fragmentHtml(sanitizeHtml(html))
}

export const FORBIDDEN_ELEMENTS = [
  'script', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame',
  'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'template', 'noscript', 'svg', 'math', 'dialog',
]

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'poster', 'xlink:href', 'action', 'formaction', 'cite', 'background', 'ping', 'data']
const LINK_SCHEMES = ['http:', 'https:', 'dat:', 'dweb:', 'ipfs:', 'ipns:', 'ssb:', 'gopher:', 'xmpp:', 'magnet:', 'gemini:']

/** The README's step-3 rules for one rendered container; returns the violations found. */
export function domViolations(root: Element): string[] {
  const problems: string[] = []
  const elements = [root, ...root.querySelectorAll('*')]
  for (const element of elements) {
    const tag = element.localName
    if (FORBIDDEN_ELEMENTS.includes(tag)) problems.push(`forbidden element <${tag}>`)
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`foreign element <${tag}>`)
    for (const attr of element.attributes) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`)
      if (name === 'style' || name === 'id' || name === 'name') problems.push(`${name} attribute on <${tag}>`)
      if (URL_ATTRIBUTES.includes(name)) {
        let protocol: string
        try {
          protocol = new URL(attr.value, location.href).protocol
        } catch {
          protocol = 'unparseable'
        }
        const allowed = tag === 'a' ? LINK_SCHEMES : ['http:', 'https:']
        if (!allowed.includes(protocol)) problems.push(`${name}=${JSON.stringify(attr.value)} on <${tag}>`)
      }
    }
    if (tag === 'a') {
      const rel = (element.getAttribute('rel') ?? '').split(/\s+/)
      // Mentions and hashtags are RouterLinks to the client's own profile and tag routes.
      let inApp: boolean
      try {
        const target = new URL(element.getAttribute('href') ?? '', location.href)
        inApp =
          target.origin === location.origin &&
          /^\/(?:@|tags\/)/.test(target.pathname) &&
          element.classList.contains('mention') &&
          !element.hasAttribute('target')
      } catch {
        inApp = false
      }
      if (!inApp && (element.getAttribute('target') !== '_blank' || !['noopener', 'noreferrer', 'nofollow'].every((token) => rel.includes(token)))) {
        problems.push(`<a href=${element.getAttribute('href')}> without target=_blank and rel=nofollow noopener noreferrer`)
      }
    }
  }
  return problems
}

/** The text a reader sees and copies: text nodes, with each emoji image counted as its alt. */
export function textWithEmojiAlt(root: Node): string {
  let text = ''
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? ''
    else if (node instanceof HTMLImageElement && node.classList.contains('custom-emoji')) text += node.alt
    else text += textWithEmojiAlt(node)
  }
  return text
}
