// In-page instrumentation and DOM checks for the security suite (the rules of
// tests/fixtures/xss/README.md, steps 2-4). These functions run inside the
// page, so they must not use anything from this module's scope.

import type { Page } from '@playwright/test'

/** Hooks installed before the app loads: any call marks the page as compromised. */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: string[] } & Record<string, unknown>
    w.__xss = []
    const trap = (name: string) => () => {
      w.__xss.push(name)
    }
    for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = trap(name)
    const open = window.open.bind(window)
    window.open = (...args: Parameters<typeof window.open>) => {
      w.__xss.push(`open ${String(args[0])}`)
      return open(...args)
    }
    const write = document.write.bind(document)
    document.write = (...args: string[]) => {
      w.__xss.push('document.write')
      write(...args)
    }
    const setHTMLUnsafe = (Element.prototype as unknown as { setHTMLUnsafe?: (h: string) => void }).setHTMLUnsafe
    if (setHTMLUnsafe) {
      ;(Element.prototype as unknown as { setHTMLUnsafe: (h: string) => void }).setHTMLUnsafe = function (this: Element, h: string) {
        w.__xss.push('setHTMLUnsafe')
        setHTMLUnsafe.call(this, h)
      }
    }
    for (const name of ['setTimeout', 'setInterval'] as const) {
      const original = window[name] as (...a: unknown[]) => number
      ;(window as unknown as Record<string, unknown>)[name] = (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler === 'string') w.__xss.push(`${name}(string)`)
        return original(handler, ...rest)
      }
    }
  })
}

/** Clicks every button whose accessible text matches, inside main (reveals CWs, media, history …). */
export async function pressAll(page: Page, name: RegExp): Promise<number> {
  return page.evaluate(
    ({ source, flags }) => {
      const re = new RegExp(source, flags)
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('main button')].filter(
        (b) => re.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()) && !b.disabled,
      )
      for (const b of buttons) b.click()
      return buttons.length
    },
    { source: name.source, flags: name.flags },
  )
}

/** Hover, focus and fragment navigation over everything in main (some vectors need them). */
export async function poke(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const all = [...document.querySelectorAll<HTMLElement>('main *')]
    for (const el of all) {
      for (const type of ['mouseover', 'mouseenter', 'mousemove', 'pointerover', 'mouseout', 'dblclick', 'contextmenu', 'animationstart', 'transitionend']) {
        el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }))
      }
      if (typeof el.focus === 'function') el.focus({ preventScroll: true })
    }
    for (const hash of ['#x', '#y', '#m']) {
      history.replaceState(history.state, '', hash)
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    }
    history.replaceState(history.state, '', location.pathname)
    window.scrollTo(0, document.body.scrollHeight)
    await new Promise((r) => setTimeout(r, 1000))
  })
}

export interface Inspection {
  violations: string[]
  containers: number
  anchors: number
  /** External links inside remote content (their target/rel were checked). */
  contentLinks: number
  sentinel: string[]
}

/** The DOM rules of the vectors' README, step 3 and 4, over the rendered page. */
export async function inspect(page: Page): Promise<Inspection> {
  return page.evaluate(() => {
    const violations: string[] = []
    const base = document.baseURI
    const SAFE_SCHEMES = ['http:', 'https:']
    const LINK_SCHEMES = [...SAFE_SCHEMES, 'dat:', 'dweb:', 'ipfs:', 'ipns:', 'ssb:', 'gopher:', 'xmpp:', 'magnet:', 'gemini:']
    const URL_ATTRS = ['href', 'src', 'srcset', 'poster', 'xlink:href', 'action', 'formaction', 'cite', 'background', 'ping', 'data']
    // Anywhere in the app's main area.
    const NEVER = 'script,iframe,frame,frameset,object,embed,applet,portal,fencedframe,base,meta,link,math,noscript,template,style'
    // Inside remote content only (the app itself uses svg icons, forms, buttons, dialogs).
    const NEVER_IN_CONTENT = `${NEVER},form,input,button,textarea,select,svg,dialog,img:not(.custom-emoji),video,audio,source,picture`
    const describe = (el: Element) => `<${el.tagName.toLowerCase()} ${[...el.attributes].map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(' ')}>`

    const checkTree = (root: ParentNode, where: string, content: boolean) => {
      for (const el of root.querySelectorAll(NEVER)) violations.push(`${where}: forbidden element ${describe(el)}`)
      if (content) for (const el of root.querySelectorAll(NEVER_IN_CONTENT)) violations.push(`${where}: forbidden in content ${describe(el)}`)
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.attributes) {
          const name = a.name.toLowerCase()
          if (name.startsWith('on')) violations.push(`${where}: event attribute ${describe(el)}`)
          if (content && (name === 'style' || name === 'id' || name === 'name' || name === 'is' || name === 'srcdoc')) {
            violations.push(`${where}: ${name} attribute in content ${describe(el)}`)
          }
          if (URL_ATTRS.includes(name)) {
            const values = name === 'srcset' ? a.value.split(',').map((p) => p.trim().split(/\s+/)[0] ?? '') : [a.value]
            for (const value of values) {
              let protocol = 'invalid:'
              try {
                protocol = new URL(value, base).protocol
              } catch {
                // unparsable: counts as invalid
              }
              const allowed = el.tagName === 'A' && name === 'href' ? LINK_SCHEMES : SAFE_SCHEMES
              // Blurhash placeholders are bitmaps the app draws itself from the hash's numbers.
              const ownPlaceholder = !content && el.tagName === 'IMG' && name === 'src' && value.startsWith('data:image/bmp;base64,')
              if (!allowed.includes(protocol) && !ownPlaceholder) violations.push(`${where}: ${protocol} URL in ${describe(el)}`)
            }
          }
        }
      }
    }

    const main = document.querySelector('main')
    if (!main) return { violations: ['no main element'], containers: 0, anchors: 0, contentLinks: 0, sentinel: [] }
    checkTree(main, 'page', false)
    const containers = [...main.querySelectorAll('.remote-content')]
    containers.forEach((c, i) => {
      checkTree(c, `content#${i}`, true)
      // Mutation stability: what we rendered must parse back to something just as clean.
      const reparsed = new DOMParser().parseFromString(`<body>${c.innerHTML}</body>`, 'text/html').body
      checkTree(reparsed, `reparsed#${i}`, true)
    })
    let anchors = 0
    let contentLinks = 0
    for (const a of main.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      anchors++
      const url = new URL(a.getAttribute('href')!, base)
      if (url.origin === location.origin) continue // in-app route (profile, tag, status)
      if (a.closest('.remote-content')) contentLinks++
      const rel = (a.getAttribute('rel') ?? '').split(/\s+/)
      if (a.getAttribute('target') !== '_blank' || !rel.includes('noopener') || !rel.includes('noreferrer')) {
        violations.push(`external link without target/rel: ${describe(a)}`)
      }
      if (a.closest('.remote-content') && !rel.includes('nofollow')) violations.push(`remote link without nofollow: ${describe(a)}`)
    }
    // DOM clobbering: the globals the app and Vue rely on still have their real types.
    if (!(window.location instanceof Location)) violations.push('window.location clobbered')
    if (typeof document.cookie !== 'string') violations.push('document.cookie clobbered')
    if (!(document.body instanceof HTMLBodyElement)) violations.push('document.body clobbered')
    if (typeof document.getElementById !== 'function') violations.push('document.getElementById clobbered')
    if (typeof window.fetch !== 'function') violations.push('window.fetch clobbered')
    const sentinel = (window as unknown as { __xss: string[] }).__xss ?? []
    return { violations, containers: containers.length, anchors, contentLinks, sentinel }
  })
}
