// Every vector from tests/fixtures/xss/vectors.json through the content path (parseContent +
// RemoteContent for HTML fields, EmojiText for plain-text fields, and the URL fields of custom
// emoji and mentions), checked against the DOM rules of the fixture README's step 3 in jsdom.
// The real-browser suite (e2e) covers what jsdom cannot run: events, CSS, navigation.

import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { EmojiText, RemoteContent, parseContent, resetContentCache } from '@/content'
import { readProjectFile } from '../helpers/read-file'
import { clean, createContentRouter, domViolations, textWithEmojiAlt } from './content-helpers'

interface Vector {
  id: string
  html: string
  category: string
}

const vectors = JSON.parse(readProjectFile('tests/fixtures/xss/vectors.json')) as Vector[]
const goodImage = 'https://files.example/emoji/ok.png'

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
}

/** The README's step 3 checks, and again on the rendered markup parsed a second time (inertly). */
function violationsWithReparse(root: Element): string[] {
  const problems = domViolations(root)
  const template = document.createElement('template')
  template.innerHTML = root.outerHTML
  const again = document.createElement('div')
  again.append(template.content.cloneNode(true))
  return [...problems, ...domViolations(again).map((problem) => `after re-parse: ${problem}`)]
}

describe('every XSS vector from the fixture set', () => {
  it('renders remote HTML and URL fields with no script, handler, foreign element, style, id/name or unsafe URL', async () => {
    resetContentCache()
    const router = createContentRouter()
    await router.push('/')
    await router.isReady()
    const failures: string[] = []
    let anchors = 0
    let images = 0
    for (const vector of vectors) {
      const mounts = [
        // The vector as a whole HTML field (status content, note, field value).
        { html: vector.html, emojis: [], mentions: [] },
        // The vector inside Mastodon-shaped content, and as the URL or shortcode of its emoji and mentions.
        {
          html: `<p>:ok: <a href="https://ok.example/">ok</a> :blobcat: :${vector.html}: <a href="${escapeAttribute(vector.html)}" class="u-url mention">@alice</a> ${vector.html}</p>`,
          emojis: [
            { shortcode: 'ok', url: goodImage, staticUrl: goodImage },
            { shortcode: 'blobcat', url: vector.html, staticUrl: vector.html },
            { shortcode: vector.html, url: goodImage, staticUrl: goodImage },
          ],
          mentions: [{ url: vector.html, acct: 'alice@remote.example' }],
        },
      ]
      for (const [index, props] of mounts.entries()) {
        const wrapper = mount(RemoteContent, { props: { ...props, lang: 'en', cacheKey: `${vector.id}|${index}` }, global: { plugins: [router] } })
        const problems = violationsWithReparse(wrapper.element)
        if (problems.length > 0) failures.push(`${vector.id} [${index}]: ${problems.join('; ')}`)
        anchors += wrapper.element.querySelectorAll('a').length
        images += wrapper.element.querySelectorAll('img').length
        wrapper.unmount()
      }
    }
    console.log(`XSS vectors checked in jsdom: ${vectors.length} (${anchors} links, ${images} emoji images rendered)`)
    expect(failures).toEqual([])
    // The checks ran on real output, not on empty containers.
    expect(anchors).toBeGreaterThan(vectors.length)
    expect(images).toBeGreaterThan(vectors.length)
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined()
  }, 120_000) // mounts 783 vectors twice in jsdom: seconds, more on a loaded CI machine

  it('shows plain-text fields as exactly the injected text, with emoji only as images labelled by shortcode', () => {
    const failures: string[] = []
    for (const vector of vectors) {
      const text = `${vector.html} :${vector.html}: :blobcat:`
      const emojis = [
        { shortcode: vector.html, url: goodImage, staticUrl: goodImage },
        { shortcode: 'blobcat', url: vector.html, staticUrl: vector.html },
      ]
      const plain = mount(EmojiText, { props: { text: vector.html } })
      const withEmoji = mount(EmojiText, { props: { text, emojis } })
      const plainOk = plain.element.textContent === vector.html && plain.element.children.length === 0
      const images = [...withEmoji.element.children]
      const emojiOk =
        textWithEmojiAlt(withEmoji.element) === text &&
        images.every((image) => image.localName === 'img' && image.classList.contains('custom-emoji')) &&
        domViolations(withEmoji.element).length === 0
      if (!plainOk || !emojiOk) failures.push(vector.id)
      plain.unmount()
      withEmoji.unmount()
    }
    expect(failures).toEqual([])
  })

  it('gives the same result when sanitized output is sanitized again', () => {
    const unstable = vectors.filter((vector) => {
      const once = clean(vector.html)
      return clean(once) !== once
    })
    expect(unstable.map((vector) => vector.id)).toEqual([])
  })

  it('never builds a tree element outside the allowlist', () => {
    const allowed = new Set(['p', 'br', 'span', 'del', 's', 'pre', 'blockquote', 'code', 'b', 'strong', 'u', 'i', 'em', 'ul', 'ol', 'li', 'ruby', 'rt', 'rp'])
    const seen = new Set<string>()
    const visit = (nodes: ReturnType<typeof parseContent>) => {
      for (const node of nodes) {
        if (node.kind === 'element') seen.add(node.tag)
        if ('children' in node) visit(node.children)
      }
    }
    for (const vector of vectors) visit(parseContent(vector.html, {}))
    expect([...seen].filter((tag) => !allowed.has(tag))).toEqual([])
  })
})
