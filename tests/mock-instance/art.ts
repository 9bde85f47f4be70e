// Generated pictures for the mock fediverse, so the offline demo has real
// looking avatars, headers, custom emoji, media and link-card images without
// a single external URL. A picture is a list of simple shapes; the same shapes
// are written as SVG (served by routes/files.ts) and rasterised coarsely to
// compute a matching blurhash (stored by the seed), so the blurred placeholder
// a client shows while loading looks like the picture that then appears.

import { hash32, prng } from './ids.ts'
import { escapeHtml } from './text.ts'

type Paint = string | { top: string; bottom: string }

export type Shape =
  | { k: 'rect'; x: number; y: number; w: number; h: number; rx?: number; fill: Paint; o?: number }
  | { k: 'circle'; cx: number; cy: number; r: number; fill: Paint; o?: number }
  | { k: 'ellipse'; cx: number; cy: number; rx: number; ry: number; fill: Paint; o?: number }
  | { k: 'poly'; pts: [number, number][]; fill: Paint; o?: number }

export interface Picture {
  width: number
  height: number
  shapes: Shape[]
  title: string
}

// --- colours ---------------------------------------------------------------

export function hsl(h: number, s: number, l: number): string {
  const hue = (((h % 360) + 360) % 360) / 360
  const sat = Math.max(0, Math.min(1, s / 100))
  const lig = Math.max(0, Math.min(1, l / 100))
  const q = lig < 0.5 ? lig * (1 + sat) : lig + sat - lig * sat
  const p = 2 * lig - q
  const ch = (t: number) => {
    let x = t
    if (x < 0) x += 1
    if (x > 1) x -= 1
    if (x < 1 / 6) return p + (q - p) * 6 * x
    if (x < 1 / 2) return q
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6
    return p
  }
  const hex = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, '0')
  return `#${hex(ch(hue + 1 / 3))}${hex(ch(hue))}${hex(ch(hue - 1 / 3))}`
}

function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

const r2 = (n: number) => Math.round(n * 100) / 100

// --- SVG output ------------------------------------------------------------

/** `display` scales the picture (the `small` variant) without changing its drawing. */
export function pictureSvg(pic: Picture, display?: { width: number; height: number }): string {
  const defs: string[] = []
  let gradients = 0
  const paint = (p: Paint): string => {
    if (typeof p === 'string') return p
    const id = `g${gradients++}`
    defs.push(
      `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.top}"/><stop offset="1" stop-color="${p.bottom}"/></linearGradient>`,
    )
    return `url(#${id})`
  }
  const body = pic.shapes.map((s) => {
    const o = s.o !== undefined && s.o < 1 ? ` fill-opacity="${r2(s.o)}"` : ''
    switch (s.k) {
      case 'rect':
        return `<rect x="${r2(s.x)}" y="${r2(s.y)}" width="${r2(s.w)}" height="${r2(s.h)}"${s.rx ? ` rx="${r2(s.rx)}"` : ''} fill="${paint(s.fill)}"${o}/>`
      case 'circle':
        return `<circle cx="${r2(s.cx)}" cy="${r2(s.cy)}" r="${r2(s.r)}" fill="${paint(s.fill)}"${o}/>`
      case 'ellipse':
        return `<ellipse cx="${r2(s.cx)}" cy="${r2(s.cy)}" rx="${r2(s.rx)}" ry="${r2(s.ry)}" fill="${paint(s.fill)}"${o}/>`
      case 'poly':
        return `<polygon points="${s.pts.map(([x, y]) => `${r2(x)},${r2(y)}`).join(' ')}" fill="${paint(s.fill)}"${o}/>`
    }
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${display?.width ?? pic.width}" height="${display?.height ?? pic.height}" viewBox="0 0 ${pic.width} ${pic.height}" preserveAspectRatio="xMidYMid slice">` +
    `<title>${escapeHtml(pic.title)}</title>` +
    (defs.length ? `<defs>${defs.join('')}</defs>` : '') +
    body.join('') +
    '</svg>'
  )
}

// --- coarse rasteriser + blurhash ------------------------------------------

function bbox(s: Shape): [number, number] {
  switch (s.k) {
    case 'rect':
      return [s.y, s.y + s.h]
    case 'circle':
      return [s.cy - s.r, s.cy + s.r]
    case 'ellipse':
      return [s.cy - s.ry, s.cy + s.ry]
    case 'poly': {
      let lo = Infinity
      let hi = -Infinity
      for (const [, y] of s.pts) {
        lo = Math.min(lo, y)
        hi = Math.max(hi, y)
      }
      return [lo, hi]
    }
  }
}

function inside(s: Shape, x: number, y: number): boolean {
  switch (s.k) {
    case 'rect':
      return x >= s.x && x <= s.x + s.w && y >= s.y && y <= s.y + s.h
    case 'circle':
      return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r
    case 'ellipse':
      return ((x - s.cx) / s.rx) ** 2 + ((y - s.cy) / s.ry) ** 2 <= 1
    case 'poly': {
      let c = false
      const p = s.pts
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        const [xi, yi] = p[i]!
        const [xj, yj] = p[j]!
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c
      }
      return c
    }
  }
}

/** The picture as a small grid of sRGB pixels (row-major, 3 bytes each). */
export function rasterise(pic: Picture, cols: number, rows: number): Float64Array {
  const out = new Float64Array(cols * rows * 3).fill(255)
  const boxes = pic.shapes.map(bbox)
  const rgb = new Map<string, [number, number, number]>()
  const colour = (c: string) => {
    let v = rgb.get(c)
    if (!v) rgb.set(c, (v = rgbOf(c)))
    return v
  }
  for (let row = 0; row < rows; row++) {
    const y = ((row + 0.5) / rows) * pic.height
    for (let col = 0; col < cols; col++) {
      const x = ((col + 0.5) / cols) * pic.width
      const i = (row * cols + col) * 3
      pic.shapes.forEach((s, n) => {
        if (!inside(s, x, y)) return
        let c: [number, number, number]
        if (typeof s.fill === 'string') c = colour(s.fill)
        else {
          const [lo, hi] = boxes[n]!
          const t = hi > lo ? Math.max(0, Math.min(1, (y - lo) / (hi - lo))) : 0
          const a = colour(s.fill.top)
          const b = colour(s.fill.bottom)
          c = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
        }
        const o = s.o ?? 1
        out[i] = out[i]! * (1 - o) + c[0] * o
        out[i + 1] = out[i + 1]! * (1 - o) + c[1] * o
        out[i + 2] = out[i + 2]! * (1 - o) + c[2] * o
      })
    }
  }
  return out
}

const B83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~'

function encode83(value: number, length: number): string {
  let out = ''
  for (let i = 1; i <= length; i++) out += B83[Math.floor(value / 83 ** (length - i)) % 83]
  return out
}

const toLinear = (v: number) => {
  const x = v / 255
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
}
const toSrgb = (v: number) => {
  const x = Math.max(0, Math.min(1, v))
  return x <= 0.0031308 ? Math.trunc(x * 12.92 * 255 + 0.5) : Math.trunc((1.055 * x ** (1 / 2.4) - 0.055) * 255 + 0.5)
}
const signPow = (v: number, e: number) => Math.sign(v) * Math.abs(v) ** e

/** The standard blurhash encoding (4×4 components, as Mastodon stores it). */
export function blurhashOf(pixels: Float64Array, cols: number, rows: number, cx = 4, cy = 4): string {
  const factors: [number, number, number][] = []
  for (let j = 0; j < cy; j++) {
    for (let i = 0; i < cx; i++) {
      const norm = i === 0 && j === 0 ? 1 : 2
      let r = 0
      let g = 0
      let b = 0
      for (let y = 0; y < rows; y++) {
        const by = Math.cos((Math.PI * j * y) / rows)
        for (let x = 0; x < cols; x++) {
          const basis = by * Math.cos((Math.PI * i * x) / cols)
          const k = (y * cols + x) * 3
          r += basis * toLinear(pixels[k]!)
          g += basis * toLinear(pixels[k + 1]!)
          b += basis * toLinear(pixels[k + 2]!)
        }
      }
      const scale = norm / (cols * rows)
      factors.push([r * scale, g * scale, b * scale])
    }
  }
  const [dc, ...ac] = factors
  let hash = encode83(cx - 1 + (cy - 1) * 9, 1)
  let maxValue = 1
  if (ac.length) {
    const actual = Math.max(...ac.flatMap((f) => f.map(Math.abs)))
    const q = Math.floor(Math.max(0, Math.min(82, Math.floor(actual * 166 - 0.5))))
    maxValue = (q + 1) / 166
    hash += encode83(q, 1)
  } else {
    hash += encode83(0, 1)
  }
  hash += encode83((toSrgb(dc![0]) << 16) + (toSrgb(dc![1]) << 8) + toSrgb(dc![2]), 4)
  for (const f of ac) {
    const q = f.map((v) => Math.floor(Math.max(0, Math.min(18, Math.floor(signPow(v / maxValue, 0.5) * 9 + 9.5)))))
    hash += encode83(q[0]! * 19 * 19 + q[1]! * 19 + q[2]!, 2)
  }
  return hash
}

const blurhashCache = new Map<string, string>()

/** Blurhash of the scene `sceneFor(hint, seed, w, h)` draws; memoised (the seed runs on every reset). */
export function sceneBlurhash(hint: string, seed: string, width: number, height: number): string {
  const key = `${hint}\u0000${seed}\u0000${width}x${height}`
  const cached = blurhashCache.get(key)
  if (cached) return cached
  const pic = sceneFor(hint, seed, width, height)
  const cols = 24
  const rows = Math.max(8, Math.min(48, Math.round((cols * height) / width)))
  const hash = blurhashOf(rasterise(pic, cols, rows), cols, rows)
  blurhashCache.set(key, hash)
  return hash
}

// --- scenes ----------------------------------------------------------------

type Rand = () => number

function hills(w: number, h: number, base: number, amp: number, rnd: Rand, fill: Paint): Shape {
  const phase = rnd() * Math.PI * 2
  const freq = 1 + rnd() * 2
  const pts: [number, number][] = [[0, h]]
  for (let i = 0; i <= 24; i++) {
    const x = (i / 24) * w
    pts.push([x, base + Math.sin(phase + (i / 24) * Math.PI * freq) * amp + Math.sin(phase * 3 + i) * amp * 0.15])
  }
  pts.push([w, h])
  return { k: 'poly', pts, fill }
}

function landscape(w: number, h: number, rnd: Rand, hue: number, sunset: boolean): Shape[] {
  const sky: Paint = sunset ? { top: hsl(260 + hue / 12, 45, 30), bottom: hsl(25, 90, 65) } : { top: hsl(205, 70, 55), bottom: hsl(195, 60, 85) }
  return [
    { k: 'rect', x: 0, y: 0, w, h, fill: sky },
    { k: 'circle', cx: w * (0.2 + rnd() * 0.6), cy: h * (sunset ? 0.55 : 0.25), r: Math.min(w, h) * 0.09, fill: sunset ? hsl(40, 95, 70) : hsl(50, 100, 92) },
    hills(w, h, h * 0.55, h * 0.08, rnd, sunset ? hsl(280, 25, 35) : hsl(140, 25, 55)),
    hills(w, h, h * 0.68, h * 0.07, rnd, sunset ? hsl(285, 30, 22) : hsl(120, 35, 40)),
    hills(w, h, h * 0.82, h * 0.05, rnd, sunset ? hsl(290, 35, 12) : hsl(100, 40, 28)),
  ]
}

function mountains(w: number, h: number, rnd: Rand): Shape[] {
  const out: Shape[] = [{ k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(210, 70, 50), bottom: hsl(200, 50, 88) } }]
  for (let i = 0; i < 4; i++) {
    const cx = w * (0.1 + i * 0.27 + rnd() * 0.08)
    const peak = h * (0.18 + rnd() * 0.2)
    const half = w * (0.22 + rnd() * 0.1)
    const base = h * 0.8
    out.push({ k: 'poly', pts: [[cx - half, base], [cx, peak], [cx + half, base]], fill: hsl(220, 12, 38 + i * 5) })
    const capY = peak + (base - peak) * 0.25
    const capHalf = half * 0.25
    out.push({ k: 'poly', pts: [[cx - capHalf, capY], [cx, peak], [cx + capHalf, capY]], fill: '#f4f7fb' })
  }
  out.push(hills(w, h, h * 0.8, h * 0.04, rnd, { top: hsl(110, 35, 40), bottom: hsl(100, 40, 25) }))
  return out
}

function sea(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const horizon = h * (0.45 + rnd() * 0.1)
  const out: Shape[] = [
    { k: 'rect', x: 0, y: 0, w, h: horizon, fill: { top: hsl(200 + hue / 30, 60, 60), bottom: hsl(30, 70, 85) } },
    { k: 'circle', cx: w * (0.25 + rnd() * 0.5), cy: horizon * 0.75, r: Math.min(w, h) * 0.07, fill: hsl(45, 100, 80) },
    { k: 'rect', x: 0, y: horizon, w, h: h - horizon, fill: { top: hsl(195, 60, 45), bottom: hsl(210, 70, 22) } },
  ]
  for (let i = 0; i < 7; i++) {
    out.push({ k: 'ellipse', cx: rnd() * w, cy: horizon + (h - horizon) * (0.15 + rnd() * 0.8), rx: w * 0.06, ry: h * 0.006, fill: '#ffffff', o: 0.45 })
  }
  const bx = w * (0.2 + rnd() * 0.5)
  const by = horizon + (h - horizon) * 0.3
  const s = Math.min(w, h) * 0.12
  out.push({ k: 'poly', pts: [[bx - s, by], [bx + s, by], [bx + s * 0.7, by + s * 0.3], [bx - s * 0.7, by + s * 0.3]], fill: hsl(10, 60, 35) })
  out.push({ k: 'poly', pts: [[bx, by - s * 1.4], [bx, by - s * 0.1], [bx + s * 0.8, by - s * 0.1]], fill: '#fbfaf5' })
  out.push({ k: 'poly', pts: [[bx - s * 0.1, by - s * 1.2], [bx - s * 0.1, by - s * 0.1], [bx - s * 0.7, by - s * 0.1]], fill: '#ece7da' })
  return out
}

function cat(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const fur = [hsl(30, 70, 50), hsl(0, 0, 20), hsl(30, 10, 60), hsl(25, 40, 85)][Math.floor(rnd() * 4)]!
  const u = Math.min(w, h)
  const cx = w * (0.4 + rnd() * 0.2)
  const floor = h * 0.78
  return [
    { k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(hue, 25, 82), bottom: hsl(hue, 25, 70) } },
    { k: 'rect', x: w * 0.6, y: h * 0.08, w: w * 0.3, h: h * 0.42, fill: { top: hsl(205, 70, 70), bottom: hsl(200, 60, 88) } },
    { k: 'rect', x: w * 0.745, y: h * 0.08, w: w * 0.01, h: h * 0.42, fill: '#ffffff' },
    { k: 'rect', x: 0, y: floor, w, h: h - floor, fill: { top: hsl(30, 35, 45), bottom: hsl(25, 35, 30) } },
    { k: 'ellipse', cx, cy: floor, rx: u * 0.34, ry: u * 0.08, fill: hsl(hue + 180, 45, 55) },
    { k: 'poly', pts: [[cx + u * 0.2, floor - u * 0.05], [cx + u * 0.42, floor - u * 0.12], [cx + u * 0.44, floor - u * 0.08], [cx + u * 0.22, floor]], fill: fur },
    { k: 'ellipse', cx, cy: floor - u * 0.13, rx: u * 0.25, ry: u * 0.15, fill: fur },
    { k: 'circle', cx: cx - u * 0.15, cy: floor - u * 0.3, r: u * 0.12, fill: fur },
    { k: 'poly', pts: [[cx - u * 0.26, floor - u * 0.34], [cx - u * 0.24, floor - u * 0.48], [cx - u * 0.16, floor - u * 0.4]], fill: fur },
    { k: 'poly', pts: [[cx - u * 0.14, floor - u * 0.4], [cx - u * 0.06, floor - u * 0.48], [cx - u * 0.04, floor - u * 0.34]], fill: fur },
    { k: 'ellipse', cx: cx - u * 0.19, cy: floor - u * 0.31, rx: u * 0.018, ry: u * 0.026, fill: hsl(80, 60, 40) },
    { k: 'ellipse', cx: cx - u * 0.11, cy: floor - u * 0.31, rx: u * 0.018, ry: u * 0.026, fill: hsl(80, 60, 40) },
    { k: 'circle', cx: cx - u * 0.15, cy: floor - u * 0.26, r: u * 0.012, fill: hsl(350, 60, 70) },
  ]
}

function garden(w: number, h: number, rnd: Rand): Shape[] {
  const soil = h * 0.7
  const out: Shape[] = [
    { k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(200, 65, 70), bottom: hsl(190, 50, 90) } },
    hills(w, h, h * 0.5, h * 0.03, rnd, hsl(120, 30, 55)),
    { k: 'rect', x: 0, y: soil, w, h: h - soil, fill: { top: hsl(25, 45, 30), bottom: hsl(20, 40, 18) } },
  ]
  const n = 7
  for (let i = 0; i < n; i++) {
    const x = ((i + 0.5) / n) * w + (rnd() - 0.5) * w * 0.05
    const top = h * (0.3 + rnd() * 0.2)
    const petal = hsl([350, 45, 280, 15, 55][i % 5]!, 80, 62)
    const r = Math.min(w, h) * 0.035
    out.push({ k: 'rect', x: x - r * 0.15, y: top, w: r * 0.3, h: soil - top, fill: hsl(110, 45, 35) })
    out.push({ k: 'ellipse', cx: x + r * 0.8, cy: top + (soil - top) * 0.5, rx: r * 0.9, ry: r * 0.35, fill: hsl(115, 45, 40) })
    for (let p = 0; p < 5; p++) {
      const a = (p / 5) * Math.PI * 2
      out.push({ k: 'circle', cx: x + Math.cos(a) * r, cy: top + Math.sin(a) * r, r: r * 0.75, fill: petal })
    }
    out.push({ k: 'circle', cx: x, cy: top, r: r * 0.55, fill: hsl(45, 90, 55) })
  }
  return out
}

function bread(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const u = Math.min(w, h)
  const table = h * 0.55
  return [
    { k: 'rect', x: 0, y: 0, w, h: table, fill: { top: hsl(hue, 15, 88), bottom: hsl(hue, 15, 78) } },
    { k: 'rect', x: 0, y: table, w, h: h - table, fill: { top: hsl(28, 45, 48), bottom: hsl(25, 45, 32) } },
    { k: 'ellipse', cx: w * 0.5, cy: h * 0.7, rx: u * 0.55, ry: u * 0.17, fill: hsl(35, 50, 62) },
    { k: 'ellipse', cx: w * 0.5, cy: h * 0.6, rx: u * 0.4, ry: u * 0.2, fill: { top: hsl(32, 70, 55), bottom: hsl(25, 65, 32) } },
    { k: 'ellipse', cx: w * 0.5 - u * 0.12, cy: h * 0.53, rx: u * 0.1, ry: u * 0.02, fill: hsl(40, 55, 85), o: 0.85 },
    { k: 'ellipse', cx: w * 0.5 + u * 0.02, cy: h * 0.51, rx: u * 0.12, ry: u * 0.022, fill: hsl(40, 55, 85), o: 0.85 },
    { k: 'ellipse', cx: w * 0.5 + u * 0.16, cy: h * 0.54, rx: u * 0.08, ry: u * 0.018, fill: hsl(40, 55, 85), o: 0.85 },
    { k: 'circle', cx: w * (0.12 + rnd() * 0.05), cy: h * 0.3, r: u * 0.08, fill: hsl(hue + 120, 40, 60), o: 0.6 },
  ]
}

function city(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const out: Shape[] = [
    { k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(235, 45, 10), bottom: hsl(260 + hue / 20, 40, 32) } },
    { k: 'circle', cx: w * (0.7 + rnd() * 0.2), cy: h * 0.17, r: Math.min(w, h) * 0.06, fill: '#f5f1d6' },
  ]
  for (let i = 0; i < 24; i++) out.push({ k: 'circle', cx: rnd() * w, cy: rnd() * h * 0.45, r: Math.min(w, h) * 0.004, fill: '#ffffff', o: 0.8 })
  let x = 0
  let windows = 0
  while (x < w) {
    const bw = w * (0.07 + rnd() * 0.08)
    const top = h * (0.35 + rnd() * 0.35)
    out.push({ k: 'rect', x, y: top, w: bw - 2, h: h - top, fill: hsl(230, 20, 14 + rnd() * 10) })
    for (let wy = top + h * 0.03; wy < h - h * 0.04 && windows < 70; wy += h * 0.06) {
      for (let wx = x + bw * 0.15; wx < x + bw - bw * 0.2; wx += bw * 0.3) {
        if (rnd() < 0.45) {
          out.push({ k: 'rect', x: wx, y: wy, w: bw * 0.15, h: h * 0.025, fill: hsl(45, 90, 65) })
          windows++
        }
      }
    }
    x += bw
  }
  return out
}

function train(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const ground = h * 0.68
  const body = hsl(hue, 60, 45)
  const x0 = w * (0.05 + rnd() * 0.1)
  const tw = w * 0.85
  const out: Shape[] = [
    { k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(210, 55, 65), bottom: hsl(40, 40, 88) } },
    hills(w, h, h * 0.5, h * 0.04, rnd, hsl(130, 25, 55)),
    { k: 'rect', x: 0, y: ground, w, h: h - ground, fill: { top: hsl(35, 15, 55), bottom: hsl(35, 15, 38) } },
    { k: 'rect', x: 0, y: ground + h * 0.1, w, h: h * 0.015, fill: hsl(0, 0, 30) },
    { k: 'rect', x: 0, y: ground + h * 0.16, w, h: h * 0.015, fill: hsl(0, 0, 30) },
    { k: 'rect', x: x0, y: ground - h * 0.25, w: tw, h: h * 0.3, rx: h * 0.05, fill: { top: body, bottom: hsl(hue, 60, 30) } },
    { k: 'rect', x: x0, y: ground - h * 0.04, w: tw, h: h * 0.025, fill: hsl(45, 90, 60) },
  ]
  for (let i = 0; i < 8; i++) {
    out.push({ k: 'rect', x: x0 + tw * (0.04 + i * 0.12), y: ground - h * 0.2, w: tw * 0.08, h: h * 0.09, rx: h * 0.01, fill: hsl(200, 40, 82) })
  }
  return out
}

function cup(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const u = Math.min(w, h)
  const table = h * 0.6
  const cx = w * (0.45 + rnd() * 0.1)
  const drink = hsl(25, 55, 25)
  const mug = hsl(hue, 45, 60)
  return [
    { k: 'rect', x: 0, y: 0, w, h: table, fill: { top: hsl(hue + 30, 20, 80), bottom: hsl(hue + 30, 20, 68) } },
    { k: 'rect', x: 0, y: table, w, h: h - table, fill: { top: hsl(30, 35, 55), bottom: hsl(28, 35, 40) } },
    { k: 'ellipse', cx, cy: h * 0.8, rx: u * 0.3, ry: u * 0.07, fill: '#f3f1ec' },
    { k: 'circle', cx: cx + u * 0.18, cy: h * 0.6, r: u * 0.09, fill: mug },
    { k: 'circle', cx: cx + u * 0.18, cy: h * 0.6, r: u * 0.05, fill: hsl(hue + 30, 20, 72) },
    { k: 'rect', x: cx - u * 0.18, y: h * 0.42, w: u * 0.36, h: u * 0.36, rx: u * 0.04, fill: { top: mug, bottom: hsl(hue, 45, 45) } },
    { k: 'ellipse', cx, cy: h * 0.42, rx: u * 0.18, ry: u * 0.04, fill: drink },
    { k: 'ellipse', cx: cx - u * 0.05, cy: h * 0.3, rx: u * 0.03, ry: u * 0.08, fill: '#ffffff', o: 0.35 },
    { k: 'ellipse', cx: cx + u * 0.05, cy: h * 0.25, rx: u * 0.03, ry: u * 0.09, fill: '#ffffff', o: 0.3 },
  ]
}

function chart(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const out: Shape[] = [
    { k: 'rect', x: 0, y: 0, w, h, fill: '#f6f7fb' },
    { k: 'rect', x: 0, y: 0, w, h: h * 0.1, fill: hsl(hue, 45, 40) },
    { k: 'rect', x: 0, y: h * 0.1, w: w * 0.22, h: h * 0.9, fill: '#e6e8f0' },
  ]
  for (let i = 0; i < 6; i++) out.push({ k: 'rect', x: w * 0.03, y: h * (0.16 + i * 0.08), w: w * (0.1 + rnd() * 0.06), h: h * 0.025, rx: 3, fill: '#b6bccb' })
  const bars = 8
  const left = w * 0.28
  const span = w * 0.66
  for (let i = 0; i < bars; i++) {
    const bh = h * (0.15 + rnd() * 0.5)
    out.push({ k: 'rect', x: left + (i / bars) * span, y: h * 0.88 - bh, w: (span / bars) * 0.7, h: bh, fill: hsl(hue + i * 12, 60, 55) })
  }
  out.push({ k: 'rect', x: left, y: h * 0.88, w: span, h: 2, fill: '#7a8194' })
  return out
}

function forest(w: number, h: number, rnd: Rand): Shape[] {
  const ground = h * 0.75
  const out: Shape[] = [
    { k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(205, 45, 72), bottom: hsl(40, 50, 88) } },
    { k: 'rect', x: 0, y: ground, w, h: h - ground, fill: { top: hsl(30, 55, 40), bottom: hsl(25, 50, 25) } },
  ]
  for (let i = 0; i < 9; i++) {
    const x = ((i + 0.5) / 9) * w + (rnd() - 0.5) * w * 0.04
    const r = Math.min(w, h) * (0.09 + rnd() * 0.06)
    const top = ground - h * (0.3 + rnd() * 0.2)
    out.push({ k: 'rect', x: x - r * 0.12, y: top, w: r * 0.24, h: ground - top + 4, fill: hsl(25, 35, 25) })
    out.push({ k: 'circle', cx: x, cy: top, r, fill: hsl([20, 35, 48, 10, 90][Math.floor(rnd() * 5)]!, 75, 45 + rnd() * 10) })
  }
  for (let i = 0; i < 12; i++) out.push({ k: 'ellipse', cx: rnd() * w, cy: ground + rnd() * (h - ground), rx: w * 0.01, ry: h * 0.006, fill: hsl(25 + rnd() * 25, 80, 50) })
  return out
}

function bird(w: number, h: number, rnd: Rand): Shape[] {
  const u = Math.min(w, h)
  const cx = w * (0.35 + rnd() * 0.3)
  const water = h * 0.62
  return [
    { k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(190, 35, 78), bottom: hsl(50, 40, 88) } },
    hills(w, h, h * 0.5, h * 0.03, rnd, hsl(140, 20, 50)),
    { k: 'rect', x: 0, y: water, w, h: h - water, fill: { top: hsl(195, 35, 55), bottom: hsl(200, 40, 35) } },
    { k: 'rect', x: cx + u * 0.03, y: h * 0.55, w: u * 0.012, h: h * 0.25, fill: hsl(30, 10, 30) },
    { k: 'rect', x: cx + u * 0.07, y: h * 0.55, w: u * 0.012, h: h * 0.25, fill: hsl(30, 10, 30) },
    { k: 'ellipse', cx: cx + u * 0.05, cy: h * 0.5, rx: u * 0.13, ry: u * 0.07, fill: hsl(210, 8, 60) },
    { k: 'poly', pts: [[cx - u * 0.04, h * 0.48], [cx - u * 0.08, h * 0.3], [cx - u * 0.02, h * 0.3], [cx + u * 0.02, h * 0.47]], fill: hsl(210, 8, 70) },
    { k: 'circle', cx: cx - u * 0.05, cy: h * 0.28, r: u * 0.04, fill: hsl(210, 8, 75) },
    { k: 'poly', pts: [[cx - u * 0.08, h * 0.27], [cx - u * 0.2, h * 0.29], [cx - u * 0.08, h * 0.3]], fill: hsl(45, 80, 50) },
    { k: 'ellipse', cx: cx + u * 0.05, cy: h * 0.86, rx: u * 0.15, ry: u * 0.02, fill: '#ffffff', o: 0.25 },
  ]
}

function nightSky(w: number, h: number, rnd: Rand): Shape[] {
  const out: Shape[] = [{ k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(230, 55, 8), bottom: hsl(250, 40, 28) } }]
  for (let i = 0; i < 40; i++) {
    out.push({ k: 'circle', cx: rnd() * w, cy: rnd() * h * 0.7, r: Math.min(w, h) * (0.002 + rnd() * 0.005), fill: '#ffffff', o: 0.5 + rnd() * 0.5 })
  }
  out.push({ k: 'ellipse', cx: w * 0.5, cy: h * 0.35, rx: w * 0.45, ry: h * 0.05, fill: hsl(260, 40, 70), o: 0.12 })
  out.push({ k: 'circle', cx: w * (0.15 + rnd() * 0.2), cy: h * 0.2, r: Math.min(w, h) * 0.05, fill: '#f4f0dc' })
  out.push(hills(w, h, h * 0.8, h * 0.05, rnd, hsl(230, 30, 6)))
  return out
}

function bookshelf(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const out: Shape[] = [{ k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(30, 30, 35), bottom: hsl(25, 35, 22) } }]
  const shelves = 3
  for (let s = 0; s < shelves; s++) {
    const base = h * ((s + 1) / shelves) - h * 0.03
    out.push({ k: 'rect', x: 0, y: base, w, h: h * 0.03, fill: hsl(28, 40, 18) })
    let x = w * 0.03
    while (x < w * 0.95) {
      const bw = w * (0.025 + rnd() * 0.03)
      const bh = (h / shelves) * (0.6 + rnd() * 0.3)
      out.push({ k: 'rect', x, y: base - bh, w: bw - 1, h: bh, fill: hsl(hue + rnd() * 200, 45, 35 + rnd() * 30) })
      x += bw
    }
  }
  return out
}

function abstract(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const out: Shape[] = [{ k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(hue, 55, 30), bottom: hsl(hue + 60, 55, 55) } }]
  for (let i = 0; i < 9; i++) {
    out.push({ k: 'circle', cx: rnd() * w, cy: rnd() * h, r: Math.min(w, h) * (0.08 + rnd() * 0.25), fill: hsl(hue + rnd() * 140, 70, 55 + rnd() * 20), o: 0.45 })
  }
  return out
}

function waveform(w: number, h: number, rnd: Rand, hue: number): Shape[] {
  const out: Shape[] = [{ k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(hue, 40, 22), bottom: hsl(hue + 40, 45, 12) } }]
  const bars = 40
  for (let i = 0; i < bars; i++) {
    const amp = h * (0.05 + Math.abs(Math.sin(i * 0.45 + rnd())) * 0.3)
    out.push({ k: 'rect', x: w * 0.08 + (i / bars) * w * 0.84, y: h / 2 - amp, w: ((w * 0.84) / bars) * 0.6, h: amp * 2, rx: 2, fill: hsl(hue + 180, 70, 65) })
  }
  return out
}

const SCENES: [RegExp, (w: number, h: number, rnd: Rand, hue: number) => Shape[]][] = [
  [/\b(audio|podcast|recording|song|sound|music|voice)/, waveform],
  [/\b(cat|kitten|cats|katze|kat|猫)/, cat],
  [/\b(chart|graph|screenshot|diagram|dashboard|settings|screen|mockup)/, chart],
  [/\b(stars|orion|milky way|telescope|nebula|astronomy|moonrise|jupiter|sterren)/, nightSky],
  [/\b(book|books|shelf|shelves|library|bücher|novel)/, bookshelf],
  [/\b(heron|bird|duck|gull|reiger)/, bird],
  [/\b(train|station|tram|rail|platform|zug|sleeper)/, train],
  [/\b(bread|sourdough|loaf|cake|bake|baking|brood|croissant|pastry|crumb)/, bread],
  [/\b(coffee|tea|mug|ramen|bowl|soup|cup|latte|matcha|stroopwafel)/, cup],
  [/\b(garden|flower|tulip|tomato|seedling|allotment|bloom|dahlia|planting)/, garden],
  [/\b(mountain|alps|peak|hike|summit|berg)/, mountains],
  [/\b(sea|beach|harbou?r|lake|canal|boat|ocean|coast|river|zee|maas)/, sea],
  [/\b(sunset|dusk|sunrise|golden hour)/, (w, h, r, hue) => landscape(w, h, r, hue, true)],
  [/\b(forest|tree|autumn|leaves|woods|park|herfst)/, forest],
  [/\b(city|night|street|skyline|neon|tokyo|lights)/, city],
  [/\b(field|meadow|hills|landscape|valley|countryside)/, (w, h, r, hue) => landscape(w, h, r, hue, false)],
]

/** The picture for a media description / card name: its keywords pick the subject, `seed` the variation. */
export function sceneFor(hint: string, seed: string, width: number, height: number): Picture {
  const rnd = prng(hash32(seed))
  const hue = hash32(`${seed}/hue`) % 360
  const text = hint.toLowerCase()
  const draw = SCENES.find(([re]) => re.test(text))?.[1] ?? abstract
  return { width, height, shapes: draw(width, height, rnd, hue), title: hint.slice(0, 200) }
}

// --- avatars, headers, emoji, thumbnail ------------------------------------

export function initialsOf(displayName: string, username: string): string {
  const clean = displayName
    .replace(/:[a-zA-Z0-9_]+:/g, ' ')
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .trim()
  const words = clean.split(/\s+/).filter((w) => /^\p{L}/u.test(w))
  if (words.length === 0) return username.slice(0, 2).toUpperCase()
  const first = [...words[0]!][0]!
  // CJK names read fine as a single character.
  if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(first)) return first
  const second = words.length > 1 ? [...words[1]!][0]! : ([...words[0]!][1] ?? '')
  return (first + second).toUpperCase()
}

export function avatarSvg(opts: { displayName: string; username: string; hue: number; bot: boolean; group: boolean; suspended: boolean }): string {
  const size = 400
  if (opts.suspended) {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><title>Missing avatar</title>` +
      `<rect width="${size}" height="${size}" fill="#d9e1e8"/><circle cx="200" cy="160" r="80" fill="#9baec8"/><ellipse cx="200" cy="380" rx="150" ry="120" fill="#9baec8"/></svg>`
    )
  }
  const h = opts.hue
  const initials = escapeHtml(initialsOf(opts.displayName, opts.username))
  const deco = opts.group
    ? `<circle cx="110" cy="120" r="46" fill="#ffffff" fill-opacity="0.18"/><circle cx="290" cy="120" r="46" fill="#ffffff" fill-opacity="0.18"/>`
    : opts.bot
      ? `<rect x="60" y="60" width="280" height="280" rx="60" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="14"/><circle cx="200" cy="40" r="18" fill="#ffffff" fill-opacity="0.5"/>`
      : `<circle cx="330" cy="70" r="120" fill="#ffffff" fill-opacity="0.12"/><circle cx="60" cy="360" r="90" fill="#000000" fill-opacity="0.08"/>`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<title>${escapeHtml(opts.displayName || opts.username)}</title>` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(h, 65, 58)}"/><stop offset="1" stop-color="${hsl(h + 40, 60, 38)}"/></linearGradient></defs>` +
    `<rect width="${size}" height="${size}" fill="url(#bg)"/>${deco}` +
    `<text x="200" y="200" dy="0.35em" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif" font-size="${initials.length > 2 ? 120 : 150}" font-weight="700" fill="#ffffff">${initials}</text>` +
    '</svg>'
  )
}

export function headerSvg(opts: { username: string; hue: number }): string {
  const w = 1500
  const h = 500
  const rnd = prng(hash32(`header/${opts.username}`))
  const shapes: Shape[] = [{ k: 'rect', x: 0, y: 0, w, h, fill: { top: hsl(opts.hue + 20, 55, 72), bottom: hsl(opts.hue - 20, 50, 45) } }]
  for (let i = 0; i < 6; i++) shapes.push({ k: 'circle', cx: rnd() * w, cy: rnd() * h * 0.6, r: 40 + rnd() * 160, fill: '#ffffff', o: 0.08 + rnd() * 0.1 })
  shapes.push(hills(w, h, h * 0.62, h * 0.08, rnd, hsl(opts.hue, 40, 40)))
  shapes.push(hills(w, h, h * 0.78, h * 0.06, rnd, hsl(opts.hue - 15, 45, 28)))
  return pictureSvg({ width: w, height: h, shapes, title: `Header of ${opts.username}` })
}

const EMOJI_FACE = (body: string, extra = '') =>
  `<circle cx="64" cy="70" r="46" fill="${body}"/><polygon points="24,52 30,10 56,32" fill="${body}"/><polygon points="104,52 98,10 72,32" fill="${body}"/>` +
  `<ellipse cx="48" cy="68" rx="6" ry="9" fill="#3b2b20"/><ellipse cx="80" cy="68" rx="6" ry="9" fill="#3b2b20"/><polygon points="58,84 70,84 64,90" fill="#e78a8a"/>${extra}`

/** A distinct little glyph per shortcode (128×128). */
export function emojiSvg(shortcode: string, hue: number): string {
  const s = shortcode.toLowerCase()
  const c = (l: number, sat = 70) => hsl(hue, sat, l)
  let body: string
  if (s.includes('blobcat') || s.includes('meow')) {
    body = EMOJI_FACE('#f7c33f', s.includes('heart') ? '<path d="M92 96 C92 86 106 84 108 94 C110 84 124 86 124 96 C124 108 108 118 108 118 C108 118 92 108 92 96 Z" fill="#e8374d"/>' : '')
  } else if (s.includes('verified') || s.includes('check')) {
    const pts: string[] = []
    for (let i = 0; i < 24; i++) {
      const r = i % 2 ? 50 : 60
      const a = (i / 24) * Math.PI * 2
      pts.push(`${r2(64 + Math.cos(a) * r)},${r2(64 + Math.sin(a) * r)}`)
    }
    body = `<polygon points="${pts.join(' ')}" fill="#3c8ce7"/><polyline points="40,66 57,83 90,47" fill="none" stroke="#ffffff" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>`
  } else if (s.includes('parrot')) {
    body =
      `<ellipse cx="66" cy="76" rx="34" ry="42" fill="${hsl(hue, 80, 55)}"/><circle cx="60" cy="40" r="26" fill="${hsl(hue + 40, 80, 55)}"/>` +
      `<polygon points="36,38 14,50 36,54" fill="#f2a33a"/><circle cx="56" cy="36" r="6" fill="#ffffff"/><circle cx="55" cy="36" r="3" fill="#222222"/><ellipse cx="84" cy="92" rx="18" ry="28" fill="${hsl(hue + 120, 80, 50)}"/>`
  } else if (s.includes('fediverse')) {
    const pts = [0, 1, 2, 3, 4].map((i) => {
      const a = -Math.PI / 2 + (i / 5) * Math.PI * 2
      return [64 + Math.cos(a) * 44, 64 + Math.sin(a) * 44] as const
    })
    const lines = pts.flatMap((p, i) => pts.slice(i + 1).map((q) => `<line x1="${r2(p[0])}" y1="${r2(p[1])}" x2="${r2(q[0])}" y2="${r2(q[1])}" stroke="#a4a4c8" stroke-width="4"/>`))
    body = lines.join('') + pts.map((p, i) => `<circle cx="${r2(p[0])}" cy="${r2(p[1])}" r="13" fill="${hsl(i * 72, 75, 55)}"/>`).join('')
  } else if (s.includes('coffee') || s.includes('tea')) {
    body =
      `<circle cx="98" cy="72" r="16" fill="none" stroke="${c(45)}" stroke-width="9"/><rect x="26" y="44" width="66" height="64" rx="12" fill="${c(45)}"/>` +
      `<ellipse cx="59" cy="46" rx="33" ry="8" fill="#5b3a24"/><path d="M48 34 C40 24 56 18 48 8 M68 34 C60 24 76 18 68 8" fill="none" stroke="#b9b9b9" stroke-width="5" stroke-linecap="round"/>`
  } else if (s.includes('wave')) {
    body =
      `<circle cx="60" cy="72" r="44" fill="#f7c33f"/><ellipse cx="46" cy="66" rx="5" ry="8" fill="#3b2b20"/><ellipse cx="72" cy="66" rx="5" ry="8" fill="#3b2b20"/>` +
      `<path d="M44 86 Q59 98 74 86" fill="none" stroke="#3b2b20" stroke-width="5" stroke-linecap="round"/><ellipse cx="106" cy="36" rx="14" ry="20" fill="#f7c33f" stroke="#d99f1c" stroke-width="4"/>`
  } else if (s.includes('book')) {
    body =
      `<path d="M14 30 L62 38 L62 112 L14 104 Z" fill="${c(50)}"/><path d="M114 30 L66 38 L66 112 L114 104 Z" fill="${c(40)}"/>` +
      `<path d="M24 48 L54 53 M24 62 L54 67 M24 76 L54 81" stroke="#ffffff" stroke-opacity="0.6" stroke-width="4"/>`
  } else if (s.includes('onigiri')) {
    body = `<path d="M64 12 C80 12 120 86 112 104 C106 116 22 116 16 104 C8 86 48 12 64 12 Z" fill="#fbfbf7" stroke="#d7d7cf" stroke-width="3"/><rect x="40" y="78" width="48" height="38" fill="#213327"/>`
  } else if (s.includes('waffle') || s.includes('stroop')) {
    const grid = [40, 56, 72, 88].map((v) => `<path d="M${v} 22 V106 M22 ${v} H106" stroke="#b5762f" stroke-width="4"/>`).join('')
    body = `<circle cx="64" cy="64" r="50" fill="#dc9a4f"/>${grid}<circle cx="64" cy="64" r="50" fill="none" stroke="#a9692a" stroke-width="6"/>`
  } else if (s.includes('sparkle') || s.includes('star')) {
    body = '<polygon points="64,8 76,52 120,64 76,76 64,120 52,76 8,64 52,52" fill="#f9c623"/><polygon points="104,10 109,24 122,28 109,32 104,46 99,32 86,28 99,24" fill="#ffe27a"/>'
  } else {
    body = `<rect x="8" y="8" width="112" height="112" rx="26" fill="${c(55)}"/><text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="64" font-weight="700" fill="#ffffff">${escapeHtml(s.slice(0, 1).toUpperCase())}</text>`
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"><title>:${escapeHtml(shortcode)}:</title>${body}</svg>`
}

function thumbnailPicture(title: string, host: string): Picture {
  const hue = hash32(host.replace(/:\d+$/, '') + title) % 360
  const pic = sceneFor('hills landscape', `thumb/${title}`, 1200, 630)
  pic.shapes.push({ k: 'rect', x: 0, y: 0, w: 1200, h: 630, fill: hsl(hue, 60, 30), o: 0.35 })
  pic.title = title
  return pic
}

/** The instance thumbnail (/system/thumbnail.svg): a landscape with the server's name. */
export function thumbnailSvg(title: string, host: string): string {
  const body = pictureSvg(thumbnailPicture(title, host)).replace(/<\/svg>$/, '')
  return `${body}<text x="600" y="315" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="96" font-weight="700" fill="#ffffff">${escapeHtml(title)}</text></svg>`
}

/** Blurhash of the instance thumbnail, for /api/v2/instance `thumbnail.blurhash`. */
export function thumbnailBlurhash(title: string, host: string): string {
  return blurhashOf(rasterise(thumbnailPicture(title, host), 24, 13), 24, 13)
}

/** First frame of the bundled demo clip (routes/files.ts), used as the poster and blurhash of seeded videos. */
export function clipPoster(title: string): Picture {
  const w = 480
  const h = 270
  return {
    width: w,
    height: h,
    title,
    shapes: [
      { k: 'rect', x: 0, y: 0, w, h, fill: '#2a1f5c' },
      { k: 'poly', pts: [[200, 0], [262, 0], [330, 270], [268, 270]], fill: '#e0785a' },
      { k: 'poly', pts: [[262, 0], [480, 0], [480, 270], [330, 270]], fill: '#f5c472' },
      { k: 'circle', cx: 62, cy: 182, r: 30, fill: '#fbf1da' },
    ],
  }
}

let clipHash: string | null = null

export function clipBlurhash(): string {
  clipHash ??= blurhashOf(rasterise(clipPoster(''), 24, 14), 24, 14)
  return clipHash
}

// --- media and link cards --------------------------------------------------

export interface MediaLike {
  key: string
  type: string
  description: string | null
  width: number
  height: number
}

/** What a seeded attachment shows: video/gifv the bundled clip's poster, audio a waveform, images a scene from their description. */
export function mediaPicture(m: MediaLike): Picture {
  if (m.type === 'video' || m.type === 'gifv') return clipPoster(m.description ?? 'Video')
  const w = Math.max(16, m.width || 640)
  const h = Math.max(16, m.height || 360)
  if (m.type === 'audio') return sceneFor(`audio ${m.description ?? ''}`, m.key, w, h)
  return sceneFor(m.description ?? '', m.key, w, h)
}

export function mediaBlurhash(m: MediaLike): string | null {
  if (m.type === 'audio') return null
  if (m.type === 'video' || m.type === 'gifv') return clipBlurhash()
  return sceneBlurhash(m.description ?? '', m.key, m.width, m.height)
}

export const CARD_WIDTH = 640
export const CARD_HEIGHT = 336

const cardHint = (name: string) => name.replace(/[-_]+/g, ' ')

/** The image of a link card served at /system/cards/:name.svg. */
export function cardPicture(name: string): Picture {
  return sceneFor(cardHint(name), `card/${name}`, CARD_WIDTH, CARD_HEIGHT)
}

export function cardBlurhash(name: string): string {
  return sceneBlurhash(cardHint(name), `card/${name}`, CARD_WIDTH, CARD_HEIGHT)
}
