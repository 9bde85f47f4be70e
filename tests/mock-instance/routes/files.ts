// Static files of the mock instances (Mastodon serves these from /system/):
// generated avatars, headers, custom emoji, media attachments, link-card
// images and the instance thumbnail, so the offline demo never needs an
// external URL. Pictures are drawn by art.ts; uploaded media are served as
// uploaded. Seeded audio is a generated WAV melody, seeded video and gifv a
// small bundled VP9/WebM clip (see CLIP_WEBM_BASE64 at the end).

import { Buffer } from 'node:buffer'
import {
  avatarSvg,
  cardPicture,
  emojiSvg,
  headerSvg,
  mediaPicture,
  pictureSvg,
  sceneFor,
  thumbnailSvg,
} from '../art.ts'
import type { ApiRouter, Ctx } from '../context.ts'
import { hash32, prng } from '../ids.ts'
import type { MediaRecord } from '../model.ts'

const SVG = 'image/svg+xml'
const LONG_CACHE = 'public, max-age=86400'
const SHORT_CACHE = 'public, max-age=60'

function fileResponse(ctx: Ctx, body: string | Uint8Array, type: string, cache: string): Response {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': cache,
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    // Uploaded files are served from the API origin: never let one run script.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; media-src 'self'; sandbox",
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(ctx.req.headers.get('range') ?? '')
  if (range && (range[1] || range[2])) {
    const size = bytes.length
    let start = range[1] ? Number(range[1]) : size - Number(range[2])
    let end = range[1] && range[2] ? Number(range[2]) : size - 1
    start = Math.max(0, start)
    end = Math.min(size - 1, end)
    if (start > end || start >= size) {
      return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } })
    }
    return new Response(bytes.slice(start, end + 1), {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) },
    })
  }
  return new Response(new Uint8Array(bytes), { status: 200, headers: { ...headers, 'content-length': String(bytes.length) } })
}

function notFound(): Response {
  return new Response('<!doctype html><title>The page you are looking for isn\'t here.</title><h1>404</h1>', {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  })
}

function localAccount(ctx: Ctx, username: string) {
  const inst = ctx.state.inst
  return ctx.state.fed.world.findAccountByHandle(username, inst.host)
}

// --- audio -----------------------------------------------------------------

const AUDIO_SECONDS = 5.76
const SAMPLE_RATE = 16_000
const wavCache = new Map<string, Uint8Array>()

/** A short, gentle pentatonic melody as 16-bit mono PCM WAV, different per `seed`. */
export function melodyWav(seed: string, seconds = AUDIO_SECONDS): Uint8Array {
  const cached = wavCache.get(`${seed}/${seconds}`)
  if (cached) return cached
  const rnd = prng(hash32(seed))
  const samples = Math.round(seconds * SAMPLE_RATE)
  const buf = Buffer.alloc(44 + samples * 2)
  buf.write('RIFF', 0, 'ascii')
  buf.writeUInt32LE(36 + samples * 2, 4)
  buf.write('WAVE', 8, 'ascii')
  buf.write('fmt ', 12, 'ascii')
  buf.writeUInt32LE(16, 16) // fmt chunk size
  buf.writeUInt16LE(1, 20) // PCM
  buf.writeUInt16LE(1, 22) // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24)
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28) // byte rate
  buf.writeUInt16LE(2, 32) // block align
  buf.writeUInt16LE(16, 34) // bits per sample
  buf.write('data', 36, 'ascii')
  buf.writeUInt32LE(samples * 2, 40)
  const root = 220 * 2 ** (Math.floor(rnd() * 7) / 12)
  const scale = [0, 2, 4, 7, 9, 12, 14, 16]
  const noteLength = 0.36
  const notes = Math.ceil(seconds / noteLength)
  const freqs = Array.from({ length: notes }, () => root * 2 ** (scale[Math.floor(rnd() * scale.length)]! / 12))
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE
    const n = Math.min(notes - 1, Math.floor(t / noteLength))
    const local = t - n * noteLength
    const env = Math.min(1, local / 0.02) * Math.exp(-local * 5)
    const f = freqs[n]!
    const fade = Math.min(1, (seconds - t) / 0.05)
    const v = (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)) * env * fade * 0.45
    buf.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), 44 + i * 2)
  }
  const out = new Uint8Array(buf)
  if (wavCache.size > 32) wavCache.clear()
  wavCache.set(`${seed}/${seconds}`, out)
  return out
}

// --- media -----------------------------------------------------------------

function serveMedia(ctx: Ctx, m: MediaRecord, variant: 'original' | 'small'): Response {
  if (m.bytes) {
    if (variant === 'original' || m.mime.startsWith('image/')) return fileResponse(ctx, m.bytes, m.mime, LONG_CACHE)
    // Uploaded video/audio: the preview is a generated poster.
    const hint = `${m.type === 'audio' ? 'audio ' : ''}${m.description ?? ''}`
    return fileResponse(ctx, pictureSvg(sceneFor(hint, m.key, 640, 360)), SVG, LONG_CACHE)
  }
  const pic = mediaPicture(m)
  if (variant === 'small') {
    const scale = Math.min(1, 640 / pic.width)
    const display = { width: Math.max(1, Math.round(pic.width * scale)), height: Math.max(1, Math.round(pic.height * scale)) }
    return fileResponse(ctx, pictureSvg(pic, display), SVG, LONG_CACHE)
  }
  switch (m.type) {
    case 'audio':
      return fileResponse(ctx, melodyWav(m.key), 'audio/wav', LONG_CACHE)
    case 'video':
    case 'gifv':
      return fileResponse(ctx, clipBytes(), 'video/webm', LONG_CACHE)
    default:
      return fileResponse(ctx, pictureSvg(pic), SVG, LONG_CACHE)
  }
}

export function registerFileRoutes(router: ApiRouter): void {
  router.get('/system/avatars/:username.svg', (ctx) => {
    const a = localAccount(ctx, ctx.path.username!)
    if (!a) return notFound()
    return fileResponse(ctx, avatarSvg(a), SVG, SHORT_CACHE)
  })

  router.get('/system/headers/:username.svg', (ctx) => {
    const a = localAccount(ctx, ctx.path.username!)
    if (!a) return notFound()
    return fileResponse(ctx, headerSvg(a), SVG, SHORT_CACHE)
  })

  // Pictures uploaded through update_credentials; an old version is gone once replaced.
  router.get('/system/accounts/:kind/:username/:file', (ctx) => {
    const a = localAccount(ctx, ctx.path.username!)
    const upload = ctx.path.kind === 'avatars' ? a?.avatarUpload : ctx.path.kind === 'headers' ? a?.headerUpload : undefined
    if (!upload || !ctx.path.file!.startsWith(`${upload.version}.`)) return notFound()
    return fileResponse(ctx, upload.bytes, upload.mime, LONG_CACHE)
  })

  router.get('/system/emoji/:shortcode.svg', (ctx) => {
    const host = ctx.state.inst.host
    const e = ctx.state.fed.world.customEmojis.find((x) => x.home === host && x.shortcode === ctx.path.shortcode)
    if (!e) return notFound()
    return fileResponse(ctx, emojiSvg(e.shortcode, e.hue), SVG, LONG_CACHE)
  })

  router.get('/system/media/:id/:file', (ctx) => {
    const inst = ctx.state.inst
    const key = inst.ids.media.keyFor(ctx.path.id!)
    const m = key ? ctx.state.fed.world.media.get(key) : undefined
    const variant = /^(original|small)\.[a-z0-9.+-]+$/.exec(ctx.path.file!)?.[1] as 'original' | 'small' | undefined
    if (!m || m.home !== inst.host || !variant) return notFound()
    return serveMedia(ctx, m, variant)
  })

  router.get('/system/cards/:name.svg', (ctx) => {
    const name = ctx.path.name!
    if (!/^[a-z0-9][a-z0-9_-]{0,80}$/i.test(name)) return notFound()
    return fileResponse(ctx, pictureSvg(cardPicture(name)), SVG, LONG_CACHE)
  })

  router.get('/system/thumbnail.svg', (ctx) => {
    const inst = ctx.state.inst
    return fileResponse(ctx, thumbnailSvg(inst.opts.title, inst.host), SVG, LONG_CACHE)
  })
}

// --- the bundled clip ------------------------------------------------------

let clip: Uint8Array | null = null

export function clipBytes(): Uint8Array {
  clip ??= new Uint8Array(Buffer.from(CLIP_WEBM_BASE64, 'base64'))
  return clip
}

// A 5.76 s, 480×270, 25 fps VP9 WebM (12 KB, no audio) made for this project
// with ffmpeg's synthetic sources — a moon rising over a dusk gradient:
//   ffmpeg -f lavfi -i "gradients=s=480x270:r=25:d=5.76:speed=0.03:n=3:seed=7:c0=0x2a1f5c:c1=0xe0785a:c2=0xf7c873" \
//     -f lavfi -i "color=c=white@0:s=64x64:r=25:d=5.76,format=rgba,geq=r=255:g=244:b=214:a='255*lt(hypot(X-32\,Y-32)\,30)'" \
//     -filter_complex "[0][1]overlay=x='30+t*66':y='150-70*sin(t*0.55)':shortest=1,format=yuv420p" \
//     -c:v libvpx-vp9 -b:v 0 -crf 50 -an clip.webm
// WebM/VP9 rather than Mastodon's MP4/H.264 so it also plays in Playwright's Chromium.
const CLIP_WEBM_BASE64 =
  'GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibUKHgQJChYECGFOAZwEAAAAAAC8FEU2bdLpNu4tTq4QVSalmU6yBoU27i1OrhBZUrmtTrIHYTbuMU6uEElTDZ1OsggEnTbuMU6uEHFO7a1Osgi7d7AEAAAAAAABZAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAVSalmsirXsYMPQkBNgI1MYXZmNTkuMjcuMTAwV0GNTGF2ZjU5LjI3LjEwMESJiEC2gAAAAAAAFlSua8quAQAAAAAAAEHXgQFzxYiPYqOMYFsTMZyBACK1nIN1bmSIgQCGhVZfVlA5g4EBI+ODhAJiWgDgkrCCAeC6ggEOmoECVbCEVbmBARJUw2dAgXNzoGPAgGfImkWjh0VOQ09ERVJEh41MYXZmNTkuMjcuMTAwc3PbY8CLY8WIj2KjjGBbEzFnyKVFo4dFTkNPREVSRIeYTGF2YzU5LjM3LjEwMCBsaWJ2cHgtdnA5Z8iiRaOIRFVSQVRJT05Eh5QwMDowMDowNS43NjAwMDAwMDAAAB9DtnVliOeBAKNCzoEAAICCSYNCAB3wENYqOCQcGPYQAQh+ndm9vry71ij9GMfSAAzR+m9LgWvNxWvKW1VV8LbKAAAAAAHRZ47n//9sgxjqnHJ0rR8H4FQazm8e5j18XBUJFKYhNvYo0JzIAvIZagafPMVyJ10mD65wuL8mNSE8gV1drRJegbKOQhBCvMAUsxXAs7e/Qm588rPlXoXQBLxa60FPkM6+kMqYl3Lt3pViDrEa6aIosIL4GLlFx+yPRPBGkHvruMcbhacOcRyMMDCEH++Rtj/Zt8FoVhSuNO72Rfxl7yDGM9loWzJX5cpbtOmvZeUNXuRTy0X1W6eCOGMJdw/+do+YylJm/xkuR8iz5Aa5K4EVvN5CfNeht7uSO4fGdLOdkYetQC4qhq8LfkzPxRQ/6iTjCJ4VZlbL36tB5UVVCSIRYX+G02qOz3Lx4VdwzLqaor+gkRht8IkKUq1mU9g9Isbf2g1zAlC0kn0ziZW0LtfDy17/CSZu7PobcEZ2HJ0RqxKo02kqmd8Kp/AOSo1K88kRfy7iDXavsGOZKmNcAg0dg5QMFm+9SZeGOxiEKn6A2WLnHcZg7yl3imtbFjIt/E6tmIEDgLnO4gV/lw2ht/+7Q7HucjqZ3TOj8ugBVkDY1/4U6pjSCImnIQj/5DL5ngI+J/1CQSA3R6vBw57N6z/YTktMiR4chOT2JdUshYmyMTYgJmX7P/BIKd15JyHss6yTTEmcSTykNvCN1t70fp+fw7WOpSz+nof1ZJY/QqqILLwzXf+56mJ2mn2PULE34s2UwEZ0LWqGDO5cGxOhVB8C7FmAm+q+iR7RR+H3ba77vxejOB3ZRxhKSSOyAD9rm0nx97lcLEQGeRYC7vyHEElXbkSVFeddSfqob4moZXAsxPNZ5IY7M9/vTFbDl6bhwXqHTfkXCATZm0n1byId/RAS8ifp6vgcsYv+W+sQCb9e8ZMB3wCjs4EAKACGAECSHEBZAQADACfRDwMAAAAAAAtXGNMaBxGsjqB2sGH9L2gn938+55dAYeBDEKO4gQBQAIYAQJKMRFgBAAGAYAAAAAAACla6fnHD70Y2LFhg866GR8YkuKT62PLySYkP4zxbi2O3jACjsIEAeACGAECSDEBZAQABgGAAAAAAAAxVkYaHJMwi3DBB6wBbuxHVzXxwpI4DkH0mOKO7gQCgAIYAQJKMQFahAAGAYAAAAAAAEFa8HzS2v/0Bk/I77KwRTAAEk5fV74R7xka7XnAWKNYq2f6+Bjijs4EAyACGAECSDEBZAQABgGAAAAAAAA1XJlhccNAvWQ4zB4MgVilVaEt/At/jTTK168jNHKOwgQDwAIYAQJKMMFgBAAGAYAAAAAAADFa78UnG6zJo43eZAFYp0sfKFcZP9Ay4b6oAo7eBARgAhgBAkgwQWQEAAYBgAAAAAAAMVrvxScaEFQKJpVAAYPPaS7oWLRp7KEHkcYFSQEIFrDoAo8SBAUAAhgBAkowcVGEAAoBg9QAAAAAAABRXbpu93WkVaReQNrZLLnuyErDsAFYiNbO+vFAz+fhgUaij8jCCME8aFh2lAKOtgQFoAIYAQJIMQFkBAAGAIAAAAAAADFckzViMGef/P3GwAGBN/A44SSLTOHSYo7yBAZAAhgDAkvCBUYQABmAAAAAAABRWBIAZkypTBu7Q8f4B2KQnGTkeAGIOn4k6h+J6NlPkn2wNFvdxrCyjtYEBuACGAECSDBBZAQABgGAAAAAAAA1W9om0ynIKjFvprR4AYnJJYGlMuaLZ2JTwvWENQX6Ao7yBAeAAhgBAkowUVqEAAYBgAAAAAAASVyaBOVqSQd4x7M3fUexav40ABrqMXT0erD8JqypPFy3SlGZ/xwCjt4ECCACGAECSDBRZAQABgGAAAAAAAA9W9oihh7peA2fHcEXIlgBgTfuo8NQsNksU1Wq8F1Ek0ACjvoECMACGAECSjBxYAQABgGAAAAAAABFXFhLlSvcVq2VUEC8inrHAABi3tL4QA3PqntqUqYQ1VU0VwGkbKbgco7OBAlgAhgBAkgwUWQEAAYAgAAAAAAANVxjRxJ8qUNikQGxUAGBnGISP+Gm2HYydxTIP/gCjyoECgACGAECSjBhUYQABgGAAAAAAABpXJkk4QGKW5uzDIyBpvEbqAet4y+6rwMvvYGBVViY+AXERR8WkUekvpJ205+v2cj/HHMvgo7qBAqgAhgBAkgwgWQEAAYBgAAAAAAAPVvaRZ7djSYMtfqk3NMAAWspSADjA9PD1q5mibDgiddIueswAo7yBAtAAhgBAkowYWAEAAYBgAAAAAAAPViK2mFrTMWIqNr7bhMQAKsDG/LuX2MzM/RybmPECek/47QOHg4CjvYEC+ACGAECSDEBZAQACgGAP9cAAAAAAElb1po1kkXVMIBjGw+jqk7U8AGAg8TFnh3fUvtQ/4T4mAoxwsACjx4EDIACGAMCSjEBUYQABgGAAAAAAAA5WFwZdT4mRtyeif6BMAFtI/bI3Z7V1feMNu9jjUvVRFk00rhyG+sAV+JvP1fANksAAo7eBA0gAhgBAkgxAWQEAAYBgAAAAAAAPVu5yHVADlXOkgmRDEIkAW0xE3dufoW66HqCbiUbQ3hL4o7WBA3AAhgBAkoxEWAEAAYBgAAAAAAANViK0ril9px4H/zxIsGApuVXaGDcpJ1GTek7iZO9qoKO6gQOYAIYAQJIMQFkBAAGAYAAAAAAAEVbxCIgQuM9sgM1MZ3J2gnFAWCvAnTB1yAqRh9t0PVTykiGgAKPUgQPAAIYAQJKMQFRhAAGAYAAAAAAAHVYisar6618uP9XypG4V4w3AyYPJ6Xheflzm7dgAHN/c4b3oMm5DRXjOF0uQGq5BzKUcDVvgdU3htYNpqTsAo7aBA+gAhgBAkgxAWQEAAYBgAAAAAAANViKuvSmxyph4OlpoAGK/BhXD/cEPLwKXgozIlyx7RkCjtoEEEACGAECSjEBYAQABgCAAAAAAAA9WFwYyU1UFqy9GfEjKYABgIytxEn9tOtrfCJzYdsyUYKO+gQQ4AIYAQJIMQFkBAAGAYAAAAAAAE1YipvqwCJgd8S0P8Gl+xpvuHYBgIXAi2fZqMhUsVJYCRLOgbAl4tgCjwIEEYACGAECSjEBWoQABgGAAAAAAABNWNHqFD9aAzzrSoYexczxyP00AWrqmeV+GjcihDWTA2LKbSdhSvUi6b1ijuoEEiACGAECSDEBZAQABgGAAAAAAAAxWF+nU07Y3hHXA1oBgIvUnduPmpLmxyQCkdTgUzkIX1lGEbICj5YEEsACGAMCSjEBUYQACgGD4gAAAAAAAI1gz94ur98fBW/UO+wzL9U67y1OBw+vWdbCV9S2SALQnjIpAYhyxsdGi2POJGwCxApfAB/KWU7OAy2nv08U+4bQDypPjSM4c0LIPXlHgo7eBBNgAhgBAkgxAWQEAAYBgAAAAAAAMWCvr3G/9lNvwMtWAVXFwaCJ25B9l5Zn7V3mv2TeajZbgo9qBBQAAhgBAkoxEVGEAAYBgAAAAAAAeWC/cFFVcO46aZUf2T3UuJWRboPcS4+SIv0a8/VXgaY8l6R0sF/aEpNednjdC9V5ROIs++NW3WxhmqegMzcg4DXIU4ACjt4EFKACGAECSDERZAQABgCAAAAAAAA9YM/OAj6wIkmlAjnpnK7hoa6XsdB6WEJUs2nFGZnCpdACjx4EFUACGAECSjERYAQABgGAAAAAAABlYL4Bnc1fllxJUju+x6I0k5ZIKrWJ+FlwAaGuho6xfwFw/j6icBKZyd3sHx2WATXEAo8OBBXgAhgBAkgxAWQEAAYBgAAAAAAAXWDP2c7x1MqzaXhgEYislxpR8TR6LtgBoa6ERffBsZCs7i6A/1TEaaoQzSo6Ao8+BBaAAhgBAkoxAVqEAAYBgAAAAAAAcWC+AVzX6tUsTzw7WGUhtPClgYuYcghKl/pgDAGhqx1F4z3wD/oAfrGoCQcrMxlVMxb1nh/YHYcAAo8GBBcgAhgBAkgxAWQEAAYBgAAAAAAASWDgiE7iuYGMW2la6rZXTWrasaGulF2CpP0kfPDyKdwNKk7DmAFJHr/akAKPIgQXwAIYAQJKMQFgBAAGAYAAAAAAAGVgjNANZyq/U0W+BkD6DJ9N76SwBBS4vKABbEB0ES3nlsgaHsYrU5K7/WJtc719Y4wBgo8OBBhgAhgBAkgxAWQEAAYBgAAAAAAAVWCUm8QjN67mVQkvN/ZFVYmqlfk0AXBYiaB7C+9agELO0Uew2atHFWuZYT/oAo+aBBkAAhgDAkoxAVGEAAYBgAAAAAAAnWCMJMNlp9Kd39ryKQ2QIKftqNf+0fA4UUAP2BVZak04DSL1BUCsAWxGkw90tv8URAJFG/6z1Ww8lqhFT/eUFihbApNAumpFp6oq3RcpWwACjwIEGaACGAECSDEBZAQABgGAAAAAAABVYJShWBFBvFGNDsxak1kjYsNhr0gBcFfPeaOh6p9F6br0CdCWSs36YVPCjzIEGkACGAECSjERYAQABgGAAAAAAAB1YIwkw2WqlmXfzUABB0ormqpBbr4Dat+0igMPkTFvdnyi8X3yGsjnxE+453llwZP/AemsGYgCjvoEGuACGAECSDEBZAQABgCAAAAAAABNYJSbxCODxV0Yy1hcPk76j2tgAWwj0p1WEFFI4FqnsleNP7MPUfTIAo9+BBuAAhgBAkoxEVqEAAYBgAAAAAAAvWCM0xRdzQ5uOd9cRw+hjK8ZxxAOW+D5+m2XOEds41pnmgYvQgH/IQ2b34OzIegBa/v/j6yoLaU3Zap2n64eeCJJUMzcESCFSAKO8gQcIAIYAQJIMQFkBAAGAIAAAAAAAElglJvEI5trnDdIxieCIpNUPWFlnjJHvTqV+Ttp8ld4ybUPNutgAo8qBBzAAhgBAkoxEWAEAAYBgAAAAAAAjWCMJMbKx2r67XVqbxXj7KBh5/RagQEmmAzcEFT89AzTeLVBZaqSRDHkbX7cN3CanelkRaKO9gQdYAIYAQJIMQFkBAAGAYAAAAAAAFlglKFZM6ay2UuGxuoGaAWkyPMSGeYBZa/pswgUH8CWv0c7Tt+avAKPxgQeAAIYAQJKMQFRhAAGAYAAAAAAAPFgjCTG0QwxxjWKfXiFb1bxpWPpgZFrIZZ9h9TJqP70k4l7JdlsMSbeKhXT7QMzHDOE7e7lDnJO3bZa44FZw9M7nKpihfHSMGih7XqUQfL4LBWGhpCdQIiBMggCjwIEHqACGAECSDEBZAQABgGAAAAAAABdYIV3CQtYCcf+omqYLkVY+ViEfiuMVAFmiq92HCtgPjGeROk39U9eHHwCj1YEH0ACGAMCSjEBUYQABgGAAAAAAACZYJSlm8LNq6FLrTtIlurVPatlPgQnGO4xUqtFodJ/e/NKYsORsbFmjeWCoHRMwnraeWV2Z/byfMrAeqRzErICjv4EH+ACGAECSDEBZAQABgGAAAAAAABZYIwity3Xmg1iELootiAuJ3BtXn1KAWWyuCTr4uESG1mW3MHH3ipffoKPMgQggAIYAQJKMQFahAAGAYAAAAAAAIVghZYZi0bts1jKOx/FrijHHASEiUmdPb/OHerUzEtLVgFd7WOG+Lvc35vALQQXsV2iMZb/hAKO9gQhIAIYAQJIMQFkBAAGAYAAAAAAAElglJvFmqmi3KRPNhp0boSCvOFd6yTY05pyUWL7/1R6nlPFTZ7c0AKPOgQhwAIYAQJKMQFgBAAGAYAAAAAAAH1gjNOLkVjAVpunwmxhDjP65XeK0XFSVG4bXs2Kr2rBYBL3THCjS3+3M+xwHn03uBs1AYO5nf/Sgo8OBCJgAhgBAkgxEWQEAAYBgAAAAAAAXWCMIt3LCX/4A8b3njB/qlTcnViF3aQBYBL3ZnAju8IPNkO+7bqCo+ZWVoiq4o+uBCMAAhgBAkoxEVGEAAYBgAAAAAAA1WCUo2vhCSKtUb7jAdx3Jt0TX/BCVb+LJZVehQnUTfkfiMqHSGmx9hC15QDyULzWLl9ew0ABYIj0ll/2fkcMOOzPw93/wriiJFvmG12MYH4Q68arIAKPNgQjoAIYAQJIMQFkBAAGAYAAAAAAAIVgjMtjgBPq4Ta/7V9lR51BrztGceW94A5kn8AS5nBPAAFgiPSWd+JIlsqxwmrSn7KRaz9Wz8wCjzoEJEACGAECSjEBYAQABgGAAAAAAACRYIwk2XpdJU3+UKC7blDkbagqdcJ4l8f3wrY6AEsVYvonw3QBYIj2WWh2pTWjlFprUHEFdPXlaAKO+gQk4AIYAQJIMQFkBAAIAYBzcAAAAABVYIWRJc+6GkLOjkWTqOuCVYP/bxYBYIj2WSymkNxer8SsUd7lzCbyj64EJYACGAMCSjEBUYQABgGAAAAAAADVYIzTsXCVwOvao9fXlahCh5jlN7TDXg4XzD7gk0L0vw5pQGi4cK1dDoSRiELxUCP8kHwV0AFgiPSVdvbBmntSb7575AbfeCgPUpaRn6tZbRnFOKSygo76BCYgAhgBAkgxAWQEAAYBgAAAAAAAXWCcXrlNFToxtJRiroeQ1AEqeWjhnQYBYDp+z50BTnrdkVugT/6ed5qO8gQmwAIYAQJKMRFgBAAIAYNWAAAAAABVc0yo64Sb7rhPXqXXp278WaoOuzoBm68LuSdqsdpIYWP8uu9wQo8GBCdgAhgBAkgxAWQEAAYBgAAAAAAAZXNYXPqV57a5s41R2dYccGIEgDgsGUrJwAGccgT5A+LHKAGVNNM+KGfZhQKPbgQoAAIYAQJKMQFRhAAGAYAAAAAAAKlzWFEUrxko9gylMJElERZwxG2bBb7Lxd/mo2AQ2Ezi3deUVki82ADfoAGccgjuVTjGjnjei1aIgNdbWaXRqCCaqN85d+KO3gQooAIYAQJIMGFkBAAKAYBhQAAAAAAAKXNLv611RZ58hQGby/2f6fDnXErGuP6qUKGlwbSC/AKPNgQpQAIYAwJKMFFRhAAGAYAAAAAAAFFzVvwxLEaB8ntmDTngki+xfORgAZvLlVBzH99bhQ6G0jgdYbVy4qvzZQUNTY/MBpgaBWhc5+oCjuoEKeACGAECSDEBZAQABgGAAAAAAAApczme7C/fz7xjuW/7wYSBIu5qGADNhy522i/kos8r6jC6FMICjxIEKoACGAECSjCBWoQABgGAAAAAAABRc1coR+b7zEIPkO/aFMtUxxRmakFv6Cly/ecRiIn3PyxzMX5ffaaDbDoQNCBiAo8CBCsgAhgBAkgxAWQEAAYBgAAAAAAARXNXIDXh9akhPZ8S4x/BIHmBb/vBg85jsvCBPoEGPJikqZ444NzVUqVVgo9CBCvAAhgBAkoxAWAEAAYBgAAAAAAAZXNXTEQIBvha4g86nepklF7SswAFYK6dwAFv+8GEgS7xVCuNE/so6BR4MjbWSHcf6GMzxpbppXV9+IKO+gQsYAIYAQJIMQFkBAAGAYAAAAAAADlzOaGRdII3Yo/iE8mFYXCEgtdLc8nQFxH1rmgjVeDz0T9tuDRCLwACj94ELQACGAMCSjEBUYQADAGDUwSIAAAAAADNiL9f0Ew2cdk8/f568cfuQW6ovy8+DhowE8JY/XJAMmm8Li3xkO6bheVLUfrp0GDOc6ABcdRJQXjiXM1DPCfvO6NHGcgBZZqVnmC1MszZJ8SrkMyCzIC9qOq2oXoAAo8CBC2gAhgBAkgxAWQEAAYBgAAAAAAAOWHataSxkj5XGJLdNKwBYSwoMB6G9DHY0SWBKpUnZnEpjDD35EUDSTB4Ao86BC5AAhgBAkoxAWAEAAYBgAAAAAAAXWGE+eWXXrj+aMDitoPLTbEeP3jDn8wBYT9z6glJUEWppyk//0GZmkXzcaZcYvPg3XWZtld87HwCjyIELuACGAECSDEBZAQABgGAAAAAAABRgeVj5GPbI0zP5vbbYDps+KGf+QFhLCgvGxm5fbWqOpbOA9BDtHZwEOgjhFOoXMgVUQKPSgQvgAIYAQJKMQFahAAGAYAAAAAAAFFgaPuG31Sf75jU4TpcG42l7omsAWEsKDAehvRg6oWioVJtgG/n9an/2+TDX0fdh3hj5opeFu/vsKPl+AKPDgQwIAIYAQJIMQFkBAAGAYAAAAAAAFGBgLWcKfqpLxlJOaO5AwljvzMAAWEQuiED8vPi6IiWhbOf9761N6vrzqry7AKPlgQwwAIYAwJKMUFRhAAGAYAAAAAAAJwoJDc+1LIgtAhPljVG4ueKW1Pj1OETwAW6QI3h+sNAVTgU92uWXQFZ2rwqhpPDYoNpTKhpL2cqd/XEIppPRz6O+impdZew8WViqEp7OVACjxoEMWACGAECSDEBZAQABgGAAAAAAABRhwMXnawl1uobzsvHcILI6bW3sGFhLCgvGxm5Kr4OeMCyO4zN3fcZxCshYvHPxGgCj9IEMgACGAECSjERUYQABgGAAAAAAADFgp7BB2tDYtpCHx54djc/bjzghbzoOtzvlUXzOUwMrC9XJDfi7+T0hi49b6cHBzIqAZBLtD2mOawsAnA8g2Dg12hPCuiuaFHGF4XSUCtHvGFfcPQ9CxfzDbKSb7A0Ao8KBDKgAhgBAkgxAWQEAAYBgAAAAAAAWYKewQfZoX5sfVvqQBhQ4sqrdlLSsAFhELogz4En9ffpn5Bcy8+TbidDIXRCj1YEM0ACGAECSjEBYAQABgGAAAAAAAB5gp7BB6I4IJN+KEmMaPGk7Hw2LAkK6i+ABcCosi7BYSwoLxsZyg5JzjVyEmRZudeRSHWV3ZS0T0l3J4OpnRLCjw4EM+ACGAECSDEBZAQABgGAAAAAAABRhwNJ4wS2Yzw9uv9IdWHle5vsGAFhLCF9PRPe0RBQnu5ccAVwKXQBQtMt2cACj7YENIACGAMCSjEBUYQABgGAAAAAAAC8fhWAKJGGrzcSyuIAYDc0NpP9KosZJLB9NJ0YGQhGoUGQA9RaUTD6nwALgaX3jAFnf4DVN2ftQVUQdxtlR3OxDMm87gW78bO6xOOXWV9J4uPmB4CFS1wCjxIENSACGAECSDEBZAQABgGAAAAAAABdhl2BayI1wHDyzve+FZdrAGbqcN9crAFhLCgvGxnK4ENcwGxPEKYOtwSo3Pteoo9KBDXAAhgBAkoxEWAEAAYBgAAAAAAAdYLA5B5doUZQxuxLNN2mnHHBYmisVLpc2wVQdvABYSwoMB6G9IKmD6I0BkuU43y8pTr7SokRX0DQ3pjQAo8iBDZgAhgBAkgxAWQEAAYBgAAAAAAAbYe3/e1BoT/XbMjR+/06nJbeZhtymYj5yK9qAWEsIX1D1V1+maKuFrck/WPUlw5gsF4Cj2IENwACGAECSjEBUYQABgGAAAAAAAB9iNfvA4FvLQb59Y3vix8A23R81laYtEFUlarT/1DtgWEsKC8rKEo/U7GHtaK9pb5nQjD40CbYxXZGzbrEbP0bJCuCjz4EN6ACGAECSDEBZAQABgGAAAAAAAB5g4QxMk0kqptkfLwiqGvTfUs76fuyiF9BrGrp0e4BYSwoMCv4P4gCEnX2H81pAzPaBS3D8JLkHdQCjy4EOEACGAECSjEBYAQABgGAAAAAAAB0N+kK15MeRfA5ejwiBdxgGjkj3dvtLu/VDgvYsQFhFHN2ohd2t02gOb7zCNh0PrptxhC7EgKPMgQ44AIYAQJIMRFkBAAGAYAAAAAAAISt1lhMGLA0HZpt6sFm0vYtftKgOsSIF9PIp1F1EroWaAFhLCF8ZatIpzJgWJ/0TiqqtDTZ6WKPWgQ5gAIYAQJKMRFahAAGAYAAAAAAAJmKJ6G/vcDomwTWk4V/WnQRka7pHZziwyAAUdvItj9s6v/qBL2AAZPS12vJofaxQj+VpByQqS+RIn/lSuoFA1wCjwoEOiACGAECSDERZAQABgGAAAAAAABtgxOJyukDeiPlGSJYdi4rl1BY5XqKecpPy1ABYRRzLtzzbEeuvZuI6cnnliKPfgQ6wAIYAwJKMQFRhAAGAYAAAAAAALQ5ZyswY4JzrxWeanqLSeTGUuKBsZAJNNe+e0wLPNjRxK8FfxByqwyuZFHaYAGT0uBOKaH4h7NwyHS9jr6h80EI6PSyPtxElvvCjyIEO2ACGAECSDEBZAQABgGAAAAAAACBhyWQLOHqPvydCIbveQvP6gAACM6M6fLctKH+KW4O8AFhLCgwI+gKx6uPE7tRjhO/FPKPUgQ8AAIYAQJKMRFRhAAGAYAAAAAAAJmLKSwbxmJ2Y4mVQHtU4bS5wrn4MW+b5p7JETZcup9g8GITExXIAZUaDnOakaKDMCuhi8rn+VGjl7oXzFWEAo8KBDygAhgBAkgxAWQEAAYBgAAAAAAAaDfpDZOjZF0bKGzqh32ZmfTSaczYXUGlIV0BlRor52ydewVR2XxBBacqkM26jwoEPUACGAECSjERYAQABgGAAAAAAABthyQlHIC2b+y/DGXjIXT43GfOphXWMIPgNIABlRnFh621p8WBs1Cn59SNIAKO/gQ94AIYAQJIMQFkBAAGAYAAAAAAAGGD0VP7rxydPewNCfZv0xlx2XfK9WjqyIGVGg5e1L+ckQhTRSCiNM9QAo8WBD6AAhgBAkoxAVqEAAYBgAAAAAAAcYFul3TC80bo3V+DoQ2NQ5DfxXF4Je0ZQmAAGdGVGiv21FSpgopSoScvStCvWCACju4EPyACGAECSDEBZAQABgGAAAAAAABhZ1oo6IAcoVX91T3evlJ8rrWttELjzvLRlRpYx+xqAbhkSOvago7uBD/AAhgBAkoxAWAEAAYBgAAAAAAAYYHOQWMvISg5JH74zIKiBJO3gGp5FXBAAZUZ83OaIyMwgTRGYpKPCgRAYAIYAQJIMQFkBAAGAYAAAAAAAHFfF0MKQ5hFjdwJHMJvxQT1Td155ZR1hyBVwY3hlRoOXtS/kg2UW6ValXBSAo82BEEAAhgDAkoxAVGEAAYBgAAAAAAAlW5PidNqARx2dkZkLM2K11jAT/7LMhfqXDmDh0WpNXU5owLnUAGVGiv21FSqDeIIC/8u1wm5XMKO4gRBoAIYAQJIMQFkBAAGAYAAAAAAAE1ubNoPZnzu1pFh+3m81kGHTwABig4ehWcRY/ThZEfaGUJCjvoEQkACGAECSjERYAQABgGAAAAAAABpcmndp9ApK2S3tMFE1EHXtnvmXaNzWsaqOgFhLBB2dG9EZPqz3H2Gso8CBELgAhgBAkgxEWQEAAYBgAAAAAAAaXJNWoiOwhnaE5x4CUXjezCiKy+0zjFj8wABYSw1jz9gA2Zk1nMOcT0WAo7qBEOAAhgBAkoxAVqEAAYBgAAAAAAAXXArO7M5/GrGNKBDz3hAHrjioa7ttL4BYSwQdnRuh9L6728KAo7iBEQgAhgBAkgxEWQEAAYAgAAAAAAAWXAXDdpn9AuHnq/xnEf6U3V+6EmbAAFhLDWIj/Nc2WefePKO2gREwAIYAQJKMQFgBAAGAYAAAAAAAFVvphJ4cHlrnuNVJTnJcr6ZGAZyD4lg1VkdKPpIc9Qngo7OBEVgAhgBAkgxAWQEAAYAgAAAAAAASW/qAEkVlLltvQh9L0uBn3xSgWEFm4CgXiscCMaCjz4ERgACGAECSjEBUYQABgGAAAAAAAC9cCtJQWbdpzUiQqvRkOvw4jhXngq1dJnWw+tFfLu0xpEDpwo42M+gZCPYs7jZNAGVFicrBU8DcKTCjsYERqACGAECSDEBZAQABgGAAAAAAABJbb7Rc3aXNmKKF247cvhqvLABYQWJUZIUUB/ijyIER0ACGAMCSjEBUYQACgGAXYAAAAAAAJVvpo5GY/rLEdVXubrCBeNANjhHy6OPK9OSrF5RLgr3qNNG0wABYQUwBm060k7gFAKO0gRH4AIYAQJIMHFkBAAGAYAAAAAAAFFtvijCeTAlVz/KCzAGlXochZ24AWEE9vnAZCigP8KO1gRIgAIYAQJKMEFahAAGAIAAAAAAAFlrZQdScphD3FHRJsMiK8rrCu4IniwBYQUwEJWKPAKCjuYESSACGAECSDBBZAQABgGAAAAAAABhbcT4BsVdWmfVsShM69lD00nZjYFntaABhzLg0LPdUe8+emKO/gRJwAIYAQJKMGFgBAAGAYAAAAAAAH1tw9x1vvkASHNmA6KcudLAyNB0bU9J83fb+XG3MZKZYS3DyiCAxHQQAo7mBEpgAhgBAkgwkWQEAAYBgAAAAAAAaVoO1/+llOL/qHUT+hJBvIJhSyPBbM8irLABYQUImDVRSmWyj0oESwACGAECSjBRUYQABgGAAAAAAADFWg62kBL9stn20eJULOSM3G3lz5q8NHDS2VoAsTVkpdtv+IaQAVediznIKrYn7wdQUWErMl7nmZ32kvICjvIES6ACGAMCSjBBUYQABgGAAAAAAAB1kGKncAC/2GucpJu1+2o0R9znWG88TMR2V2CIWQFhBRWqhJEMwgKPGgRMQAIYAQJKMFFgBAAOAYf4wY/AAAAAAACBUdfswgqHZYYW+ihOfFhCBAlKcGj6oqzz+5duE5EV/cGLXa2Ur1JB/VpLyAKO9gRM4AIYAQJIMHFkBAAGAYAAAAAAAHlaDtm5v+RJwBn4ZxscQxaRU0YAjvKk+94cmhFFAAFhA7Jga57H+AKPAgRNgAIYAQJKMKFahAAGAYAAAAAAAHGMyYsUwVfKLShZu9W6SwOwNoL6qsP9pOVcO9hAfy4lmteQrNjjnDTDCAKPCgROIAIYAQJIMQFkBAAGAYAAAAAAAIlaDKZvKrbYRXdP/ZuSxD6rsPxAhI9aXQYVBYAA1NcRZZABYSmiuWvFrLUJ4H0O2dUeb54ITsKO7gQAAAIYAQJKMQFgBAAGAYAAAAAAAGGMyYp9/bM6KEu05Cdsz2w92asEEJv7IAFhKUe0CSyHbl16uBPCjvYEAKACGAECSDERZAQABgGAAAAAAAB5jMmK6LDo1Rk1GnG18blr3hE5+oruW6PooW2VAchgMxudgtC87CeCjQvWBAFCAgkmDQgAd8BDWKjgkHBj2EAEYfp3Zvb/T/pc6xR+j9V8DfABQTbHCPNu4sH+vtWngXrvTAAAAAAEQeWf/+8B///6Ln//2AO25Q6fvKuE52qi9NMcdi2MSXDRnwOh+3gcmoiZf/o773HQVM0f7eBe9TvgnmrwPJYd9orlFe+mi4pTI5PLIdRRT6CFhX9bgDnaIoemZRDb7YaBZWgRNFcCABSEgzamAb+YElv1F7rsBskLH0i1Db0oCq5LjaHlprP01y5Ie9CxlcwE54sdZaLoquYrTH3Bxe5B5oxrlorhavcaqXL0y53Q0k2Smb3sBMUjjjvqSiBUyEIsf9ncsThATh1X/9Q/mlKZlDGKPTSXjtlo1XFzrHy4DxSkmgpPuAJrSoEAVTMIDNR/bF1kZ9kaDFxSe1CbBTLkkMYwHGg0ndo8iCZVeYyeWCAAd5EHb+tv7pN7mJGtydr2qvD6eFkqt44eH4UZ3MeSXqRvH1PaAuSAAGJJfANiik//AgEaGPM91BksIL4GLlFuqYdUrTtd3niXuLYGHSPph2zEHdoUihxlz+eYu8I69+CIUSESoTG+hH8cDIICUCuvgULzxbDlFVkiDXbWVofekKtWZt0WdqTBpx/gCHPEyG7VytwnLXke1e/wkmbp5Uk07lyhS8KddHsyGzb+bn3N63diUKZqP4qzftGYYWP2K5frkoOojVOegwybCsw7tZ+x4ZwfaCdmil5E4uTegBdgMsKdF1r7eej9WPrFbBS58w2xk1i5akkGExKfYue2Y7yf8GfeU8r0C8kfI5GRxNHD/LYRgKcYRO+IKZWy9+rQeUnhISvNpOlQUq4M77KGI0+8BcWy3eR1TGFgddLLjEa2gBIOb3SvCTukiPbuX9bPQwQj/5DL5aNn9r8oS4zdjI9eLFjAq35X9LD7RVxL72xmqFRsMdMUDeEbNqD6FvkskijvVDTKeJ/Gs4uHjfOU+WVI9kqMlK+3exfJdX/yxaFqAwucqS3iv/8sAo76BAHgAhgBAkgxAWQEAAoBg+iAAAAAAABpYrG4f30o+daB8rX/tyP6EOqlE91FSji/AAGIByV7CyYdOgFatLqO9gQCgAIYAQJKMQFgBAAKAYB0GAAAAAAAZWJBznWSFaLkMj+ddzvZTlTKhtpOaJaWiAAXu7I3ybmH0u4zr7KO/gQDIAIYAQJIMRFkBAAGAYAAAAAAAHFiSdX8s44t8nDlXBZ2viOS9T1gDEiLW1aBm3AANqdkAPGha2iBS0E4Ao8eBAPAAhgBAkoxAVqEAAYBgAAAAAAAiWJx1KVSiwbx/ENaDtBPJFl4jr8jTjEpPyikOwtSvtPhM4AsBd9v7m/5zkhGLC9mfuKPCgQEYAIYAQJIMQFkBAAIAYPUAAAAAABdVM94Mk1bVLdpZz0RvzbjbCaN+5h5hQGBOAJrRzbUEwLlxEJbxbdPI9hOAo+uBAUAAhgDAkoxAVGEAAYBgAAAAAAA7WDAkluc2JkoDLBh6KbAUYNHy/1W/lcMGJDmnsYLYaKPWnG2D+b0OdamqpH4n8hGOspwyZmWORjfXuYAo59FIzhSoe/f0k3A5kiNfBlrwDLR5g+tUAKO1gQFoAIYAQJIMQFkBAAGAYAAAAAAAE1iSdX4v7+hHbzhytQDyKXPlLgBa1i3MTP0TSkE9+WCj24EBkACGAECSjERUYQABgGAAAAAAADNY74T/bOO4x6ppjrGbiFZxrgkMfEDy1CVOlrKWtQpu8JFHweryePnPJBvIqSPyvwrr8IAUj8oTBE708nlvjQsbzJJawACju4EBuACGAECSDEBZAQABgGAAAAAAABhXNcOYmkSqm60IQd488rw3P2opcH5b7QBa1i6ginckssctqSWso8mBAeAAhgBAkoxAWAEAAoBgD/sAAAAAAB9Ynjg4e/DBgDsfuBCXtbNrfBKrvhs5/wlyzSmKr3MAJxF4HtI/TmxnvmuCGmKZV2lwo7mBAggAhgBAkgxAWQEAAYBgAAAAAAAWVyBOcHDcsE7c0R6WjuBHwZsywTVbUASsmmTyJEnuRe9ej4Cj2oECMACGAMCSjEBUYQABgGAAAAAAAC5YnjhK7jV049k3lK3H09mU1NG5zQ4vAkV9Pzbm1B/arUC2uiFx+egNwG0w8fQAYhpepaAMO3C3TD1m0Fqrd9UWapu0AKO1gQJYAIYAQJIMQFkBAAGAIAAAAAAAE1cgTwByNKXcCe/vaCRksgaJBhhbbK1KMRtRXr9U3aCjwoECgACGAECSjERYAQABgGAAAAAAAB1YJ5kbNP3ahE4cGAp5n54vEEevuhL9iDLJ0TBrgGIvN+nl/Lq3u1et3gnpQKO5gQKoAIYAQJIMQFkBAAGAIAAAAAAAFlcglVeQH+Fhi2zagw5QJ1vJ5kJyGPBblVUG3g1PmAuZ9RIAHFO7a6O7j7OBALeK94EB8YIBrvCBA7uQs4IUALeK94EB8YInPPCBgA=='
