import { describe, expect, it } from 'vitest'
import DOMPurify from 'dompurify'
import { sanitizeHtml } from '@/content'
import { clean } from './content-helpers'

describe('sanitizeHtml: what Mastodon content needs survives', () => {
  it('keeps h-card mentions with their microformat classes and hashtags', () => {
    const mention =
      '<span class="h-card" translate="no"><a href="https://remote.example/@bob" class="u-url mention">@<span>bob</span></a></span>'
    const hashtag = '<a href="https://remote.example/tags/cats" class="mention hashtag" rel="tag">#<span>cats</span></a>'
    expect(clean(`<p>${mention} ${hashtag}</p>`)).toBe(`<p>${mention} ${hashtag}</p>`)
  })

  it('keeps lists with start, reversed and value', () => {
    const html = '<ol start="3" reversed=""><li value="7">seven</li><li>six</li></ol><ul><li>dot</li></ul>'
    expect(clean(html)).toBe(html)
  })

  it('keeps code blocks, quotes, ruby annotations and inline formatting', () => {
    const html =
      '<pre><code>const a = 1 &lt; 2</code></pre><blockquote><p>quoted</p></blockquote>' +
      '<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><del>d</del><s>s</s><u>u</u><b>b</b><strong>st</strong><i>i</i><em>em</em>' +
      '<p>line<br>break</p>'
    expect(clean(html)).toBe(html)
  })

  it('keeps lang on any element and translate="no"', () => {
    expect(clean('<p lang="de">Hallo <span lang="fr" translate="no">toi</span> <em lang="en">you</em></p>')).toBe(
      '<p lang="de">Hallo <span lang="fr" translate="no">toi</span> <em lang="en">you</em></p>',
    )
  })

  it('keeps the invisible/ellipsis spans of shortened links and quote-inline paragraphs', () => {
    const html =
      '<p class="quote-inline">RE: <a href="https://example.com/very/long/path" rel="nofollow noopener" translate="no">' +
      '<span class="invisible">https://</span><span class="ellipsis">example.com/very</span><span class="invisible">/long/path</span></a></p>'
    expect(clean(html)).toBe(html)
  })

  it('keeps every microformat prefix and the Mastodon class names, and drops repeated tokens', () => {
    expect(clean('<span class="h-card p-name u-photo dt-published e-content mention mention">x</span>')).toBe(
      '<span class="h-card p-name u-photo dt-published e-content mention">x</span>',
    )
  })

  it('keeps links with the other schemes Mastodon allows', () => {
    for (const href of ['gemini://gemini.example/', 'magnet:?xt=urn:btih:abc', 'xmpp:me@chat.example', 'ipfs://bafy/x']) {
      expect(clean(`<a href="${href}">x</a>`)).toMatch(/^<a href="/)
    }
  })
})

describe('sanitizeHtml: what must go goes', () => {
  it('removes active and foreign elements together with their content', () => {
    const out = clean(
      '<p>ok</p><script>steal()</script><style>p{color:red}</style><template>tpl</template><iframe src="https://evil.example/">if</iframe>' +
        '<object data="x">obj</object><embed src="x"><form action="https://evil.example/"><input name="pw"><button>go</button></form>' +
        '<svg><circle/><text>svgtext</text></svg><math><mi>mathtext</mi></math><img src="x" onerror="alert(1)"><video src="v">vid</video>' +
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="x"><noscript>ns</noscript>',
    )
    expect(out).toBe('<p>ok</p>')
  })

  it('unwraps unknown harmless elements to their children', () => {
    expect(clean('<div><section><p>kept <abbr title="t">text</abbr></p></section></div>')).toBe('<p>kept text</p>')
  })

  it('removes event handlers, style, id, name and data attributes', () => {
    expect(
      clean('<p onclick="alert(1)" style="position:fixed" id="location" name="cookie" data-x="1" title="t" dir="rtl">x</p>'),
    ).toBe('<p>x</p>')
  })

  it('only keeps attributes on the elements that may carry them', () => {
    expect(clean('<span start="3" rel="me">a</span><p translate="no" value="2">b</p><ol value="4"><li start="2" class="h-x">c</li></ol>')).toBe(
      '<span>a</span><p>b</p><ol><li>c</li></ol>',
    )
    expect(clean('<ol start="3; x"><li value="one">c</li></ol>')).toBe('<ol><li>c</li></ol>')
  })

  it('turns links with unsafe, relative or missing hrefs into their text', () => {
    const hrefs = [
      'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)', '/relative/path', '//evil.example/x', '#fragment', '', 'file:///etc/passwd', 'blob:https://a.example/1',
      'javascript&colon;alert(1)', '\u0001javascript:alert(1)', 'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    ]
    for (const href of hrefs) {
      expect(clean(`<a href="${href.replaceAll('"', '&quot;')}" class="mention">text <b>bold</b></a>`), href).toBe('text <b>bold</b>')
    }
    expect(clean('<a class="u-url">no href</a>')).toBe('no href')
    expect(clean('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">enc</a>')).toBe('enc')
  })

  it('drops class tokens that are not microformats or Mastodon markers, anchored at the start', () => {
    expect(clean('<span class="xh-foo mention-evil hashtags invisible2 h- bg-red quote-inline">x</span>')).toBe(
      '<span class="h- quote-inline">x</span>',
    )
    expect(clean('<span class="xh-foo mention-evil">x</span>')).toBe('<span>x</span>')
  })

  it('keeps translate only when it is "no"', () => {
    expect(clean('<span translate="yes">a</span><span translate="">b</span><span translate="NO">c</span>')).toBe(
      '<span>a</span><span>b</span><span translate="no">c</span>',
    )
  })
})

describe('sanitizeHtml: rewriting', () => {
  it('turns headings into bold paragraphs', () => {
    expect(clean('<h1>Title</h1><h3 lang="en" class="h-x">Sub <em>title</em></h3><h6>six</h6>')).toBe(
      '<p><strong>Title</strong></p><p lang="en"><strong>Sub <em>title</em></strong></p><p><strong>six</strong></p>',
    )
  })

  it('strips bidi control characters from link targets', () => {
    expect(clean('<a href="https://exa\u202Emple.com/\u2066path\u200F">x</a>')).toBe('<a href="https://example.com/path">x</a>')
  })

  it('rejects hrefs that still are not URLs once bidi controls are gone', () => {
    expect(clean('<a href="https://\u202E">x</a><a href="http://[::1">y</a>')).toBe('xy')
  })

  it('gives the same result when its output is sanitized again', () => {
    const samples = [
      '<h2>Head <a href="https://x.example/">link</a></h2><p><span class="h-card"><a href="https://a.example/@b" class="u-url mention">@b</a></span></p>',
      '<p><div>broken <h1>nest</h1></div></p><ol start="2"><li value="3"><pre>x</pre></li></ol>',
      '<a href="javascript:1">x<a href="https://ok.example/">y</a></a><table><tr><td>cell</td></tr></table>',
      '<a href="https://a.example/">a <table><tr><td><a href="https://b.example/">b</a></td></tr></table></a>',
    ]
    for (const sample of samples) {
      const once = clean(sample)
      expect(clean(once)).toBe(once)
    }
  })

  it('returns nothing for a frameset document, which has no body', () => {
    expect(clean('<frameset onload="alert(1)"><frame src="javascript:alert(1)"></frameset>')).toBe('')
  })

  it('returns an inert fragment, not nodes of the page', () => {
    const fragment = sanitizeHtml('<p>x</p>')
    expect(fragment.ownerDocument).not.toBe(document)
  })

  it('leaves the global DOMPurify untouched by its hooks', () => {
    sanitizeHtml('<p class="x">warm up</p>')
    expect(DOMPurify.sanitize('<span class="app-class" title="t">x</span>')).toBe('<span class="app-class" title="t">x</span>')
  })
})
