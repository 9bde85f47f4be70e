import { describe, expect, it } from 'vitest'
import { htmlToPlainText } from '@/content/html-to-text'

describe('htmlToPlainText', () => {
  it('keeps the words, drops the tags and decodes entities', () => {
    expect(htmlToPlainText('<p>Fish &amp; <em>chips</em></p><p>Second</p>')).toBe('Fish & chips Second')
  })

  it('separates lines broken with <br>', () => {
    expect(htmlToPlainText('one<br>two<br/>three')).toBe('one two three')
  })

  it('drops the contents of script and style elements', () => {
    expect(htmlToPlainText('<p>Hi</p><script>steal()</script><style>p{}</style>')).toBe('Hi')
  })

  it('never runs event handlers from the markup', () => {
    const flag = globalThis as { pwned?: boolean }
    htmlToPlainText('<img src="x" onerror="globalThis.pwned = true"><svg onload="globalThis.pwned = true"></svg>')
    expect(flag.pwned).toBeUndefined()
  })
})
