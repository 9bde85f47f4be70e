import { describe, expect, it } from 'vitest'
import { parseContent, textWithEmoji, type ContentNode, type EmojiLike } from '@/content'

const blobcat: EmojiLike = {
  shortcode: 'blobcat',
  url: 'https://files.example/emoji/blobcat.gif',
  staticUrl: 'https://files.example/emoji/blobcat.png',
}

function find(nodes: readonly ContentNode[], kind: ContentNode['kind']): ContentNode[] {
  const found: ContentNode[] = []
  for (const node of nodes) {
    if (node.kind === kind) found.push(node)
    if ('children' in node) found.push(...find(node.children, kind))
  }
  return found
}

describe('parseContent: custom emoji', () => {
  it('turns :shortcode: in the text into emoji, keeping the text around them', () => {
    expect(parseContent('<p>hi :blobcat: there:blobcat:</p>', { emojis: [blobcat] })).toEqual([
      {
        kind: 'element',
        tag: 'p',
        attrs: {},
        children: [
          { kind: 'text', text: 'hi ' },
          { kind: 'emoji', ...blobcat },
          { kind: 'text', text: ' there' },
          { kind: 'emoji', ...blobcat },
        ],
      },
    ])
  })

  it('leaves shortcodes that are not in the emoji list as text, even next to real ones', () => {
    expect(textWithEmoji(':nope:blobcat: :blob cat:', [blobcat])).toEqual([
      { kind: 'text', text: ':nope' },
      { kind: 'emoji', ...blobcat },
      { kind: 'text', text: ' :blob cat:' },
    ])
  })

  it('matches shortcodes with regex metacharacters literally', () => {
    const tricky: EmojiLike = { ...blobcat, shortcode: 'a.*+?(b)|[c]' }
    expect(find(parseContent('<p>:aXXb: :a.*+?(b)|[c]:</p>', { emojis: [tricky] }), 'emoji')).toEqual([
      { kind: 'emoji', ...tricky },
    ])
    expect(textWithEmoji(':aXXb:', [tricky])).toEqual([{ kind: 'text', text: ':aXXb:' }])
  })

  it('rejects emoji whose image is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '/relative.png', 'blob:https://x.example/1']) {
      const emoji = { shortcode: 'evil', url, staticUrl: url }
      expect(textWithEmoji('an :evil: one', [emoji])).toEqual([{ kind: 'text', text: 'an :evil: one' }])
      expect(textWithEmoji(':evil:', [{ ...emoji, url: blobcat.url }])).toEqual([{ kind: 'text', text: ':evil:' }])
    }
  })

  it('never inserts emoji inside attribute values', () => {
    const nodes = parseContent('<p lang=":blobcat:"><a href="https://x.example/:blobcat:" class="h-:blobcat:">x</a></p>', {
      emojis: [blobcat],
    })
    expect(find(nodes, 'emoji')).toEqual([])
    expect(find(nodes, 'link')).toMatchObject([{ href: 'https://x.example/:blobcat:' }])
  })

  it('does not treat markup in the text around an emoji as markup', () => {
    expect(textWithEmoji('<b>:blobcat:</b>', [blobcat])).toEqual([
      { kind: 'text', text: '<b>' },
      { kind: 'emoji', ...blobcat },
      { kind: 'text', text: '</b>' },
    ])
  })
})

describe('parseContent: mentions, hashtags and links', () => {
  it('matches a mention to the status mention by URL, so a remote account opens in the client', () => {
    const html =
      '<p><span class="h-card"><a href="https://remote.example/@alice" class="u-url mention">@<span>alice</span></a></span> hi</p>'
    const nodes = parseContent(html, { mentions: [{ url: 'https://remote.example/@alice', acct: 'alice@remote.example' }] })
    expect(find(nodes, 'mention')).toEqual([
      {
        kind: 'mention',
        href: 'https://remote.example/@alice',
        acct: 'alice@remote.example',
        children: [{ kind: 'text', text: '@' }, { kind: 'element', tag: 'span', attrs: {}, children: [{ kind: 'text', text: 'alice' }] }],
      },
    ])
  })

  it('matches a mention by URL even without the mention class', () => {
    const nodes = parseContent('<a href="https://remote.example/@alice">Alice</a>', {
      mentions: [{ url: 'https://remote.example/@alice', acct: 'alice@remote.example' }],
    })
    expect(find(nodes, 'mention')).toMatchObject([{ acct: 'alice@remote.example' }])
  })

  it('keeps a mention-classed link that matches no mention unresolved', () => {
    const nodes = parseContent('<a href="https://evil.example/@Gargron" class="u-url mention">@Gargron</a>', {
      mentions: [{ url: 'https://mastodon.social/@Gargron', acct: 'Gargron@mastodon.social' }],
    })
    expect(find(nodes, 'mention')).toMatchObject([{ href: 'https://evil.example/@Gargron', acct: null }])
  })

  it('routes hashtags by their lower-cased name', () => {
    const nodes = parseContent(
      '<a href="https://x.example/tags/CatsOfMastodon" class="mention hashtag" rel="tag">#<span>CatsOfMastodon</span></a> ' +
        '<a href="https://other.example/tag/Dogs">#Dogs</a>',
    )
    expect(find(nodes, 'hashtag').map((node) => node.kind === 'hashtag' && node.tag)).toEqual(['catsofmastodon', 'dogs'])
  })

  it('keeps links whose text merely starts with # as links', () => {
    const nodes = parseContent('<a href="https://news.example/story">#1 reason to read</a>')
    expect(find(nodes, 'hashtag')).toEqual([])
    expect(find(nodes, 'link')).toMatchObject([{ host: 'news.example' }])
  })

  it('gives a link the host it really points to, whatever its text says', () => {
    const nodes = parseContent('<a href="https://evil.example/login">https://bank.example/login</a>')
    expect(find(nodes, 'link')).toEqual([
      { kind: 'link', href: 'https://evil.example/login', host: 'evil.example', children: [{ kind: 'text', text: 'https://bank.example/login' }] },
    ])
  })

  it('gives a link its real host when the URL hides it behind user info', () => {
    expect(find(parseContent('<a href="https://bank.example@evil.example/">bank</a>'), 'link')).toMatchObject([{ host: 'evil.example' }])
  })

  it('shows an internationalised host in its punycode form', () => {
    expect(find(parseContent('<a href="https://аpple.example/">apple</a>'), 'link')).toMatchObject([{ host: 'xn--pple-43d.example' }])
  })

  it('never nests a link inside a link', () => {
    // A table cell lets the parser nest anchors; the table itself is then unwrapped.
    const nodes = parseContent('<a href="https://a.example/">a <table><tr><td><a href="https://b.example/">b</a></td></tr></table></a>')
    const links = find(nodes, 'link')
    expect(links).toHaveLength(1)
    expect(links[0]).toMatchObject({ host: 'a.example', children: [{ kind: 'text', text: 'a ' }, { kind: 'text', text: 'b' }] })
  })
})
