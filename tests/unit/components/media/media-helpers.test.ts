import { describe, expect, it } from 'vitest'
import { decode } from 'blurhash'
import { BLURHASH_SIZE, blurhashDataUrl, rgbaToBmpDataUrl } from '@/components/media/blurhash'
import { focusPosition, mediaAspect, mediaKind } from '@/components/media/media-kind'
import { hostOfUrl, isMissingImage, safeMediaUrl } from '@/components/media/safe-media-url'
import { statusFixture } from '../status/status-fixtures'

describe('safeMediaUrl', () => {
  it.each([
    ['https://files.example/a.png', 'https://files.example/a.png'],
    ['http://localhost:3000/a.png', 'http://localhost:3000/a.png'],
    ['HTTPS://Files.Example/a b.png', 'https://files.example/a%20b.png'],
  ])('keeps %s', (input, output) => {
    expect(safeMediaUrl(input)).toBe(output)
  })

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:image/png;base64,AAAA',
    'blob:https://x.example/1',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example/a.png',
    '/relative.png',
    'not a url',
    '',
    null,
    undefined,
  ])('drops %j', (input) => {
    expect(safeMediaUrl(input)).toBeNull()
  })

  it('gives the host of an address', () => {
    expect(hostOfUrl('https://www.theguardian.com/money')).toBe('www.theguardian.com')
    expect(hostOfUrl('http://localhost:3000/@a')).toBe('localhost:3000')
    expect(hostOfUrl('javascript:alert(1)')).toBeNull()
  })

  it("recognises Mastodon's placeholder images", () => {
    expect(isMissingImage('https://mastodon.social/headers/original/missing.png')).toBe(true)
    expect(isMissingImage('http://localhost:3000/avatars/original/missing.png')).toBe(true)
    expect(isMissingImage('https://files.example/headers/real.png')).toBe(false)
  })
})

describe('blurhash placeholders', () => {
  it('decodes a blurhash into a small bitmap', () => {
    const url = blurhashDataUrl('UGC~-#M{0JfkNFofR%M{IURj%Mt7E0oM%MR*')
    expect(url).toMatch(/^data:image\/bmp;base64,/)
    const bytes = Uint8Array.from(atob(url!.split(',')[1]!), (c) => c.charCodeAt(0))
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('BM')
    const view = new DataView(bytes.buffer)
    expect(view.getInt32(18, true)).toBe(BLURHASH_SIZE)
    expect(view.getInt32(22, true)).toBe(BLURHASH_SIZE)
    expect(bytes.length).toBe(54 + BLURHASH_SIZE * BLURHASH_SIZE * 3)
  })

  it('writes the pixels bottom-up in BGR order', () => {
    // 1×2: a red pixel above a blue one.
    const url = rgbaToBmpDataUrl(new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255]), 1, 2)
    const bytes = Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0))
    // Rows are padded to 4 bytes; the bottom row (blue) comes first.
    expect([...bytes.slice(54, 57)]).toEqual([255, 0, 0])
    expect([...bytes.slice(58, 61)]).toEqual([0, 0, 255])
  })

  it('matches the colours the blurhash package decodes', () => {
    const hash = 'UPN1Ddxup{IT9an~.8RjK-oy%gkE%#W?i^t6'
    const pixels = decode(hash, BLURHASH_SIZE, BLURHASH_SIZE)
    const bytes = Uint8Array.from(atob(blurhashDataUrl(hash)!.split(',')[1]!), (c) => c.charCodeAt(0))
    // The top-left pixel is the first of the last row in the file.
    const topLeft = 54 + (BLURHASH_SIZE - 1) * BLURHASH_SIZE * 3
    expect([bytes[topLeft + 2], bytes[topLeft + 1], bytes[topLeft]]).toEqual([pixels[0], pixels[1], pixels[2]])
  })

  it.each([null, undefined, '', 'short', '<script>alert(1)</script>', 'U'.repeat(200)])('gives null for %j', (hash) => {
    expect(blurhashDataUrl(hash)).toBeNull()
  })
})

describe('media kinds and layout', () => {
  it('reads kind, aspect and focal point from the fixtures', () => {
    const [image] = statusFixture('status.media.image.json').mediaAttachments
    expect(mediaKind(image!)).toBe('image')
    expect(mediaAspect(image!)).toBe(1)
    expect(focusPosition(image!)).toBe('25% 35%')
    const [gifv] = statusFixture('status.media.gifv-cw-emojis-mentions-tags-edited.json').mediaAttachments
    expect(mediaKind(gifv!)).toBe('gifv')
    expect(mediaAspect(gifv!)).toBeCloseTo(16 / 9)
    expect(mediaKind({ type: 'hologram' as 'image' })).toBe('unknown')
  })

  it('tolerates missing metadata', () => {
    const [image] = statusFixture('status.media.image.json').mediaAttachments
    image!.meta = null
    expect(mediaAspect(image!)).toBeNull()
    expect(focusPosition(image!)).toBe('50% 50%')
  })
})
