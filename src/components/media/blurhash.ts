// Blurhash placeholders, decoded once per hash into a tiny 32×32 bitmap and handed out as a
// data: URL (an uncompressed BMP: no canvas needed, so it works the same in every browser
// and in tests). The browser's image scaling smooths it into the blur.

import { decode, isBlurhashValid } from 'blurhash'

export const BLURHASH_SIZE = 32
const CACHE_SIZE = 200
const cache = new Map<string, string | null>()

/** A 24-bit bottom-up BMP of RGBA pixels. */
export function rgbaToBmpDataUrl(pixels: Uint8ClampedArray, width: number, height: number): string {
  const rowSize = Math.ceil((width * 3) / 4) * 4
  const imageSize = rowSize * height
  const bytes = new Uint8Array(54 + imageSize)
  const view = new DataView(bytes.buffer)
  bytes[0] = 0x42 // 'B'
  bytes[1] = 0x4d // 'M'
  view.setUint32(2, bytes.length, true)
  view.setUint32(10, 54, true)
  view.setUint32(14, 40, true)
  view.setInt32(18, width, true)
  view.setInt32(22, height, true)
  view.setUint16(26, 1, true)
  view.setUint16(28, 24, true)
  view.setUint32(34, imageSize, true)
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * rowSize
    for (let x = 0; x < width; x++) {
      const source = (y * width + x) * 4
      const target = row + x * 3
      bytes[target] = pixels[source + 2] ?? 0
      bytes[target + 1] = pixels[source + 1] ?? 0
      bytes[target + 2] = pixels[source] ?? 0
    }
  }
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return `data:image/bmp;base64,${btoa(binary)}`
}

/** The placeholder image for a blurhash, or null when there is none or it is malformed. */
export function blurhashDataUrl(hash: string | null | undefined): string | null {
  if (typeof hash !== 'string' || hash.length < 6 || hash.length > 128) return null
  if (cache.has(hash)) return cache.get(hash) ?? null
  let url: string | null = null
  try {
    if (isBlurhashValid(hash).result) url = rgbaToBmpDataUrl(decode(hash, BLURHASH_SIZE, BLURHASH_SIZE), BLURHASH_SIZE, BLURHASH_SIZE)
  } catch {
    url = null
  }
  cache.set(hash, url)
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next()
    if (!oldest.done) cache.delete(oldest.value)
  }
  return url
}
