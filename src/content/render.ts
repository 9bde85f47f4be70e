// Content tree -> VNodes. Elements get only the attributes the tree holds (which are only the
// allowlisted ones); text becomes text VNodes. Mentions and hashtags become in-app links (AppLink),
// every other link opens in a new tab without an opener, referrer or endorsement.

import { h, type FunctionalComponent, type PropType, type VNode, type VNodeArrayChildren } from 'vue'
import { AppLink } from './app-link'
import type { ContentNode, EmojiNode } from './tree'

export const EXTERNAL_LINK_REL = 'nofollow noopener noreferrer'

export interface RenderOptions {
  /** Show custom emoji's static images (prefers-reduced-motion). */
  reducedMotion: boolean
  /** Without a router (e.g. a component test without one), mentions and hashtags link out. */
  inAppLinks: boolean
  /**
   * `user@host` of the signed-in account the content is shown as: in-app links open as that
   * account (`?as=`), and a local mention (`user`) gets that account's host.
   */
  linkAs?: string | null
}

/** The in-app link query for `linkAs` (a handle, never a token). */
function linkQuery(linkAs: string | null | undefined): { query?: { as: string } } {
  return linkAs ? { query: { as: linkAs } } : {}
}

/** A mention's acct as a full handle: a local one (`user`) is on the server that sent it, the `linkAs` account's. */
function fullMentionAcct(acct: string, linkAs: string | null | undefined): string {
  if (acct.includes('@') || !linkAs) return acct
  const host = linkAs.slice(linkAs.lastIndexOf('@') + 1)
  return host ? `${acct}@${host}` : acct
}

export function renderEmoji(node: EmojiNode, reducedMotion: boolean): VNode {
  const label = `:${node.shortcode}:`
  return h('img', {
    class: 'custom-emoji',
    src: reducedMotion ? node.staticUrl : node.url,
    alt: label,
    title: label,
    draggable: 'false',
    loading: 'lazy',
    referrerpolicy: 'no-referrer',
  })
}

function externalLink(href: string, title: string, className: string | undefined, children: VNodeArrayChildren): VNode {
  // data-host feeds the CSS that shows the real host on keyboard focus (title only shows on hover).
  return h('a', { href, class: className, title, 'data-host': title, target: '_blank', rel: EXTERNAL_LINK_REL }, children)
}

function renderNode(node: ContentNode, options: RenderOptions): VNode | string {
  switch (node.kind) {
    case 'text':
      return node.text
    case 'emoji':
      return renderEmoji(node, options.reducedMotion)
    case 'element': {
      // '^' sets each one as a plain attribute (never a DOM property).
      const props: Record<string, string> = {}
      for (const [name, value] of Object.entries(node.attrs)) props[name === 'class' ? 'class' : `^${name}`] = value
      return node.tag === 'br' ? h('br', props) : h(node.tag, props, renderContentNodes(node.children, options))
    }
    case 'mention': {
      const children = renderContentNodes(node.children, options)
      if (node.acct === null || !options.inAppLinks) {
        return externalLink(node.href, node.acct === null ? hostOf(node.href) : `@${node.acct}`, 'u-url mention', children)
      }
      return h(
        AppLink,
        {
          to: { name: 'profile', params: { acct: fullMentionAcct(node.acct, options.linkAs) }, ...linkQuery(options.linkAs) },
          class: 'u-url mention',
          title: `@${node.acct}`,
        },
        () => children,
      )
    }
    case 'hashtag': {
      const children = renderContentNodes(node.children, options)
      if (!options.inAppLinks) return externalLink(node.href, hostOf(node.href), 'mention hashtag', children)
      return h(
        AppLink,
        { to: { name: 'tag', params: { tag: node.tag }, ...linkQuery(options.linkAs) }, class: 'mention hashtag' },
        () => children,
      )
    }
    case 'link':
      return externalLink(node.href, node.host, undefined, renderContentNodes(node.children, options))
  }
}

function hostOf(href: string): string {
  try {
    const url = new URL(href)
    return url.host || url.protocol
  } catch {
    return ''
  }
}

export function renderContentNodes(nodes: readonly ContentNode[], options: RenderOptions): VNodeArrayChildren {
  return nodes.map((node) => renderNode(node, options))
}

/** Renders a content tree (no wrapper element). */
export const ContentNodes: FunctionalComponent<{
  nodes: readonly ContentNode[]
  reducedMotion?: boolean
  inAppLinks?: boolean
  linkAs?: string | null
}> = (props) =>
  renderContentNodes(props.nodes, {
    reducedMotion: props.reducedMotion ?? false,
    inAppLinks: props.inAppLinks ?? true,
    linkAs: props.linkAs ?? null,
  })

ContentNodes.props = {
  nodes: { type: Array as PropType<readonly ContentNode[]>, required: true },
  reducedMotion: { type: Boolean, default: false },
  inAppLinks: { type: Boolean, default: true },
  linkAs: { type: String as PropType<string | null>, default: null },
}
