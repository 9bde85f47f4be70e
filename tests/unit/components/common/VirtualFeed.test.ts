import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import VirtualFeed from '@/components/common/VirtualFeed.vue'
import {
  MAX_FEEDS,
  MAX_HEIGHTS_PER_FEED,
  clearFeedHeights,
  feedHeights,
  forgetFeedHeights,
  keptFeedCount,
} from '@/timeline/feed-heights'

interface Post {
  id: string
  text: string
}

const posts = (prefix: string, count: number, from = 0): Post[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${from + i}`, text: `post ${from + i}` }))

// --- A ResizeObserver that the test drives: jsdom has none, and no layout to observe. ---

class FakeResizeObserver {
  static all: FakeResizeObserver[] = []
  readonly targets = new Set<Element>()
  constructor(readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this)
  }
  observe(target: Element): void {
    this.targets.add(target)
  }
  unobserve(target: Element): void {
    this.targets.delete(target)
  }
  disconnect(): void {
    this.targets.clear()
  }
  /** Reports these elements at these border-box heights to every observer that watches them. */
  static report(sizes: ReadonlyArray<readonly [Element, number]>): void {
    for (const observer of FakeResizeObserver.all) {
      const entries = sizes
        .filter(([el]) => observer.targets.has(el))
        .map(
          ([el, height]) =>
            ({
              target: el,
              borderBoxSize: [{ blockSize: height, inlineSize: 300 }],
              contentBoxSize: [{ blockSize: height, inlineSize: 300 }],
              devicePixelContentBoxSize: [],
              contentRect: new DOMRect(0, 0, 300, height),
            }) as unknown as ResizeObserverEntry,
        )
      if (entries.length > 0) observer.callback(entries, observer as unknown as ResizeObserver)
    }
  }
}

/**
 * A scroller with a layout jsdom does not have: `height` px tall, `above` px of content above
 * the feed (scrollMargin), scrollTop that moves and reports like a browser (a scroll event
 * dispatched by the test).
 */
function layoutScroller(height: number, above: { px: number }) {
  const el = document.createElement('div')
  document.body.append(el)
  let top = 0
  Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => height })
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => 1_000_000 })
  Object.defineProperty(el, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = Math.max(0, value)
    },
  })
  el.scrollTo = ((opts: ScrollToOptions) => {
    if (typeof opts.top === 'number') el.scrollTop = opts.top
  }) as typeof el.scrollTo
  el.getBoundingClientRect = () => new DOMRect(0, 0, 300, height)
  const scrollTo = async (value: number) => {
    el.scrollTop = value
    el.dispatchEvent(new Event('scroll'))
    await flushPromises()
  }
  /** Gives the feed its place in the scroller: `above.px` below the scroller's content top. */
  const placeFeed = (feed: Element) => {
    feed.getBoundingClientRect = () => new DOMRect(0, above.px - top, 300, 0)
  }
  return { el, scrollTo, placeFeed }
}

type FeedProps = {
  items: readonly Post[]
  cacheKey?: string
  busy?: boolean
  scroller: HTMLElement | null
  estimateSize?: number
  heightStep?: number
}

// The component is generic over its items; these tests feed it posts.
const PostFeed = VirtualFeed<Post>

function mountFeed(props: FeedProps, attachTo?: HTMLElement) {
  return mount(PostFeed, {
    props: {
      items: props.items,
      itemKey: (p: Post) => p.id,
      scroller: props.scroller,
      cacheKey: props.cacheKey ?? 'col-1',
      label: 'Home',
      busy: props.busy,
      estimateSize: props.estimateSize ?? 100,
      heightStep: props.heightStep ?? 0,
    },
    slots: {
      default: ({ item, index, setSize }: { item: Post; index: number; setSize: number }) =>
        h('article', { 'aria-posinset': index + 1, 'aria-setsize': setSize }, [
          h('p', item.text),
          h('button', { type: 'button', class: `act-${item.id}` }, 'act'),
        ]),
    },
    attachTo: attachTo ?? document.body,
  })
}

const feedOf = (wrapper: VueWrapper) => wrapper.get('[role="feed"]')
const renderedKeys = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-key]').map((row) => row.attributes('data-key'))
const renderedIndexes = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-index]').map((row) => Number(row.attributes('data-index')))
const exposed = (wrapper: VueWrapper) =>
  wrapper.vm as unknown as { scrollToKey(key: string, align?: string): boolean; firstVisibleKey(): string | null }

/** Mounts a virtualised feed in a 600px scroller with `above.px` of content above the feed. */
async function mountVirtual(
  items: readonly Post[],
  options: { cacheKey?: string; above?: number; estimateSize?: number; heightStep?: number } = {},
) {
  const above = { px: options.above ?? 0 }
  const scroller = layoutScroller(600, above)
  const wrapper = mountFeed(
    { items, scroller: null, cacheKey: options.cacheKey, estimateSize: options.estimateSize, heightStep: options.heightStep },
    scroller.el,
  )
  scroller.placeFeed(feedOf(wrapper).element)
  await wrapper.setProps({ scroller: scroller.el })
  await flushPromises()
  return { wrapper, scroller, above }
}

beforeEach(() => {
  document.body.innerHTML = ''
  FakeResizeObserver.all = []
  clearFeedHeights()
})
// Nothing of a feed (a scheduled re-render, a row ref) outlives its test.
enableAutoUnmount(afterEach)
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('VirtualFeed without a layout (jsdom, scroller not known yet)', () => {
  it('is a labelled feed that renders the first rows in order, with keys and positions for the slot', () => {
    const wrapper = mountFeed({ items: posts('s', 100), scroller: null, busy: true })
    const feed = feedOf(wrapper)
    expect(feed.attributes('aria-label')).toBe('Home')
    expect(feed.attributes('aria-busy')).toBe('true')
    expect(renderedKeys(wrapper)).toEqual(posts('s', 30).map((p) => p.id))
    expect(renderedIndexes(wrapper)).toEqual(Array.from({ length: 30 }, (_, i) => i))
    const articles = wrapper.findAll('article')
    expect(articles[0]!.text()).toContain('post 0')
    expect(articles[0]!.attributes('aria-posinset')).toBe('1')
    expect(articles[29]!.attributes('aria-posinset')).toBe('30')
    expect(articles[29]!.attributes('aria-setsize')).toBe('100')
  })

  it('renders every item of a short feed, and falls back when the scroller has no height', async () => {
    const scroller = document.createElement('div') // jsdom: clientHeight 0
    document.body.append(scroller)
    const wrapper = mountFeed({ items: posts('s', 3), scroller }, scroller)
    await flushPromises()
    expect(renderedKeys(wrapper)).toEqual(['s0', 's1', 's2'])
    expect(feedOf(wrapper).attributes('aria-busy')).toBe('false')
    await wrapper.setProps({ items: posts('s', 5) })
    expect(renderedKeys(wrapper)).toEqual(['s0', 's1', 's2', 's3', 's4'])
    expect(exposed(wrapper).firstVisibleKey()).toBe('s0')
    expect(exposed(wrapper).scrollToKey('s4')).toBe(true)
    expect(exposed(wrapper).scrollToKey('nope')).toBe(false)
  })
})

describe('VirtualFeed with a layout', () => {
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver)
  })

  it('renders only the rows in and near the viewport, in a spacer as tall as every row', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 200))
    const feed = feedOf(wrapper)
    expect(feed.attributes('style')).toContain('height: 20000px')
    const first = renderedIndexes(wrapper)
    expect(first[0]).toBe(0)
    expect(first.length).toBeGreaterThanOrEqual(6) // 600px of 100px rows
    expect(first.length).toBeLessThan(15)

    await scroller.scrollTo(10_000)
    const later = renderedIndexes(wrapper)
    expect(later).toContain(100)
    expect(later).not.toContain(0)
    expect(later.length).toBeLessThan(20)
    // Rows sit at their place inside the feed.
    const row100 = wrapper.get('[data-index="100"]')
    expect(row100.attributes('style')).toContain('translateY(10000px)')
    expect(exposed(wrapper).firstVisibleKey()).toBe('s100')
  })

  it('after a jump, mounts the rows in view at once and the rows near them one per frame', async () => {
    const frames: FrameRequestCallback[] = []
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      frames.push(cb)
      return frames.length
    })
    try {
      const { wrapper, scroller } = await mountVirtual(posts('s', 200))
      await scroller.scrollTo(10_000)
      // In view: rows 100-105 (600px of 100px rows); near ones come later.
      const first = renderedIndexes(wrapper)
      for (let index = 100; index <= 105; index++) expect(first).toContain(index)
      expect(first.length).toBeLessThanOrEqual(6 + 1)
      let turns = 0
      while (frames.length > 0 && turns < 20) {
        frames.shift()!(performance.now())
        await flushPromises()
        turns++
      }
      const later = renderedIndexes(wrapper)
      expect(later.length).toBeGreaterThan(first.length)
      expect(later).toContain(99)
      expect(later).toContain(106)
      expect(turns).toBeGreaterThan(1)
    } finally {
      raf.mockRestore()
    }
  })

  it('measures rows, and the heights come back when the feed is mounted again for the same cache key', async () => {
    const first = await mountVirtual(posts('s', 50), { cacheKey: 'col-a' })
    const rows = first.wrapper.findAll('[data-index]')
    const measured = rows.length
    FakeResizeObserver.report(rows.map((row) => [row.element, 250] as const))
    await flushPromises()
    expect(feedOf(first.wrapper).attributes('style')).toContain(`height: ${measured * 250 + (50 - measured) * 100}px`)
    expect(feedHeights('col-a').get('s0')).toBe(250)
    first.wrapper.unmount()

    FakeResizeObserver.all = []
    const again = await mountVirtual(posts('s', 50), { cacheKey: 'col-a' })
    // Laid out at the remembered heights before any new measurement.
    expect(feedOf(again.wrapper).attributes('style')).toContain(`height: ${measured * 250 + (50 - measured) * 100}px`)
    expect(again.wrapper.get('[data-index="1"]').attributes('style')).toContain('translateY(250px)')
    again.wrapper.unmount()

    const other = await mountVirtual(posts('s', 50), { cacheKey: 'col-b' })
    expect(feedOf(other.wrapper).attributes('style')).toContain('height: 5000px')
  })

  it('with a height step, holds its height while rows are measured, and what follows stays after the last row', async () => {
    const { wrapper } = await mountVirtual(posts('s', 20), { cacheKey: 'col-step', heightStep: 500 })
    const style = () => feedOf(wrapper).attributes('style')
    // 20 rows of 100: 2,000 px of rows in a box of 2,500, the 500 taken back by the margin.
    expect(style()).toContain('height: 2500px')
    expect(style()).toContain('margin-bottom: -500px')
    const rows = wrapper.findAll('[data-index]')
    FakeResizeObserver.report([[rows[0]!.element, 150]])
    await flushPromises()
    expect(style()).toContain('height: 2500px')
    expect(style()).toContain('margin-bottom: -450px')
    // Rows outgrow the box: it grows by a step past them.
    FakeResizeObserver.report(rows.slice(1, 6).map((row) => [row.element, 200] as const))
    await flushPromises()
    expect(style()).toContain(`height: ${2550 + 500}px`)
    // More than two steps short of it: it shrinks back to a step past them.
    await wrapper.setProps({ items: posts('s', 5) })
    await flushPromises()
    expect(style()).toContain(`height: ${150 + 4 * 200 + 500}px`)
    // No step (a timeline at its end): exactly as tall as its rows.
    await wrapper.setProps({ heightStep: 0 })
    expect(style()).toContain(`height: ${150 + 4 * 200}px`)
    expect(style()).toContain('margin-bottom: 0px')
  })

  it('does not forget a height when a row reports no size (a collapsed column)', async () => {
    const { wrapper } = await mountVirtual(posts('s', 20), { cacheKey: 'col-c' })
    const row = wrapper.get('[data-index="0"]').element
    FakeResizeObserver.report([[row, 240]])
    await flushPromises()
    FakeResizeObserver.report([[row, 0]])
    await flushPromises()
    expect(feedHeights('col-c').get('s0')).toBe(240)
    expect(feedOf(wrapper).attributes('style')).toContain(`height: ${240 + 19 * 100}px`)
  })

  it('keeps the focused row rendered when it scrolls far out of view, and lets it go when focus leaves', async () => {
    const outside = document.createElement('button')
    document.body.append(outside)
    const { wrapper, scroller } = await mountVirtual(posts('s', 300))
    const button = wrapper.get('.act-s2').element as HTMLButtonElement
    button.focus()
    await flushPromises()

    await scroller.scrollTo(20_000)
    const indexes = renderedIndexes(wrapper)
    expect(indexes).toContain(2)
    expect(indexes).toContain(200)
    expect(indexes).not.toContain(3)
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b)) // DOM order stays the feed's order
    expect(document.activeElement).toBe(button)

    outside.focus()
    await flushPromises()
    expect(renderedIndexes(wrapper)).not.toContain(2)
  })

  it('keeps the first visible row in place when items are added above it', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 100, 10))
    await scroller.scrollTo(1_000)
    const before = exposed(wrapper).firstVisibleKey()
    expect(before).toBe('s20')
    const rowBefore = wrapper.get('[data-key="s20"]').element

    await wrapper.setProps({ items: [...posts('s', 5, 5), ...posts('s', 100, 10)] })
    await flushPromises()
    expect(scroller.el.scrollTop).toBe(1_500)
    expect(exposed(wrapper).firstVisibleKey()).toBe(before)
    expect(wrapper.get('[data-key="s20"]').attributes('style')).toContain('translateY(1500px)')
    expect(wrapper.get('[data-key="s20"]').element).toBe(rowBefore) // the row was not re-created

    // A gap filled above, and the first visible row itself removed: the next one stays put.
    await wrapper.setProps({ items: [...posts('s', 10, 0), ...posts('s', 10, 10), ...posts('s', 89, 21)] })
    await flushPromises()
    // s21 was 100px below the top of the viewport; it still is.
    expect(wrapper.get('[data-key="s21"]').attributes('style')).toContain('translateY(2000px)')
    expect(scroller.el.scrollTop).toBe(1_900)
  })

  it('lets new items push the rows down when the reader is at the top', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 100, 10))
    await scroller.scrollTo(10)
    await wrapper.setProps({ items: [...posts('s', 5, 5), ...posts('s', 100, 10)] })
    await flushPromises()
    expect(scroller.el.scrollTop).toBe(10)
    expect(renderedKeys(wrapper)[0]).toBe('s5')
  })

  it('does not pull the reader back down after a jump it has not heard of yet (new posts shown at the top)', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 100, 10))
    await scroller.scrollTo(1_000)
    // The column goes to the top and shows what was waiting, in one go: no scroll event yet.
    scroller.el.scrollTop = 0
    await wrapper.setProps({ items: [...posts('s', 5, 5), ...posts('s', 100, 10)] })
    expect(renderedKeys(wrapper)[0]).toBe('s5')
    // The new rows turn out taller than estimated; nothing above the reader to correct for.
    FakeResizeObserver.report(wrapper.findAll('[data-index]').slice(0, 5).map((row) => [row.element, 300] as const))
    await flushPromises()
    expect(scroller.el.scrollTop).toBe(0)
  })

  it('goes to the top at once with scrollToTop', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 100))
    await scroller.scrollTo(3_000)
    expect(renderedKeys(wrapper)).not.toContain('s0')
    ;(wrapper.vm as unknown as { scrollToTop(): void }).scrollToTop()
    await flushPromises()
    expect(scroller.el.scrollTop).toBe(0)
    expect(renderedKeys(wrapper)[0]).toBe('s0')
  })

  it('places rows below the content above the feed, and follows when that content grows', async () => {
    const { wrapper, scroller, above } = await mountVirtual(posts('s', 100), { above: 50 })
    await scroller.scrollTo(1_000)
    // The feed starts 50px into the scroller: s9 spans 950–1050, half of it in view.
    expect(exposed(wrapper).firstVisibleKey()).toBe('s9')
    expect(wrapper.get('[data-key="s9"]').attributes('style')).toContain('translateY(900px)')

    // A "new posts" button appears above the feed (40px).
    above.px = 90
    const parent = feedOf(wrapper).element.parentElement!
    FakeResizeObserver.report([[parent, 2_000]])
    await flushPromises()
    expect(scroller.el.scrollTop).toBe(1_040)
    expect(exposed(wrapper).firstVisibleKey()).toBe('s9')

    // At the top, the content is simply pushed down.
    await scroller.scrollTo(0)
    above.px = 50
    FakeResizeObserver.report([[parent, 1_960]])
    await flushPromises()
    expect(scroller.el.scrollTop).toBe(0)
  })

  it('scrolls a row into view by key', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 200), { above: 30 })
    expect(exposed(wrapper).scrollToKey('s120')).toBe(true)
    expect(scroller.el.scrollTop).toBe(30 + 120 * 100)
    scroller.el.dispatchEvent(new Event('scroll'))
    await flushPromises()
    expect(renderedKeys(wrapper)).toContain('s120')
    expect(exposed(wrapper).firstVisibleKey()).toBe('s120')
    expect(exposed(wrapper).scrollToKey('missing')).toBe(false)
  })

  it('keeps its rows while the scroller is hidden (no box) and re-reads the position when it is back', async () => {
    const { wrapper, scroller } = await mountVirtual(posts('s', 200))
    await scroller.scrollTo(5_000)
    const shown = renderedKeys(wrapper)
    Object.defineProperty(scroller.el, 'clientHeight', { configurable: true, get: () => 0 })
    FakeResizeObserver.report([[scroller.el, 0]])
    await flushPromises()
    expect(renderedKeys(wrapper)).toEqual(shown)

    // The browser reset the position while the column was hidden.
    scroller.el.scrollTop = 0
    Object.defineProperty(scroller.el, 'clientHeight', { configurable: true, get: () => 600 })
    FakeResizeObserver.report([[scroller.el, 600]])
    await flushPromises()
    expect(renderedKeys(wrapper)[0]).toBe('s0')
  })
})

describe('feed heights cache', () => {
  it('keeps heights per cache key, ignores non-sizes and forgets on request', () => {
    const a = feedHeights('a')
    a.set('x', 120.4)
    a.set('y', 0)
    a.set('z', Number.NaN)
    expect(feedHeights('a').get('x')).toBe(120)
    expect(feedHeights('a').size).toBe(1)
    expect(feedHeights('b').get('x')).toBeUndefined()
    forgetFeedHeights('a')
    expect(feedHeights('a').get('x')).toBeUndefined()
  })

  it('is bounded: least recently used rows and feeds go first', () => {
    const a = feedHeights('a')
    for (let i = 0; i <= MAX_HEIGHTS_PER_FEED; i++) a.set(`k${i}`, 100)
    expect(a.size).toBe(MAX_HEIGHTS_PER_FEED)
    expect(a.get('k0')).toBeUndefined()
    expect(a.get(`k${MAX_HEIGHTS_PER_FEED}`)).toBe(100)

    for (let i = 0; i < MAX_FEEDS + 5; i++) feedHeights(`feed-${i}`).set('k', 50)
    expect(keptFeedCount()).toBe(MAX_FEEDS)
    expect(feedHeights('feed-0').get('k')).toBeUndefined()
    expect(feedHeights(`feed-${MAX_FEEDS + 4}`).get('k')).toBe(50)
    // A handle whose feed was dropped is kept again by its next write.
    a.set('again', 70)
    expect(feedHeights('a').get('again')).toBe(70)
  })
})
