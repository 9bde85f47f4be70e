import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { RemoteContent, type EmojiLike, type MentionLike } from '@/content'
import { createContentRouter, domViolations } from './content-helpers'

const emojis: EmojiLike[] = [
  { shortcode: 'blobcat', url: 'https://files.example/blobcat.gif', staticUrl: 'https://files.example/blobcat.png' },
]
const mentions: MentionLike[] = [{ url: 'https://remote.example/@alice', acct: 'alice@remote.example' }]
const content =
  '<p><span class="h-card"><a href="https://remote.example/@alice" class="u-url mention">@<span>alice</span></a></span> ' +
  'look :blobcat: <a href="https://x.example/tags/Cats" class="mention hashtag" rel="tag">#<span>Cats</span></a> ' +
  '<a href="https://evil.example/login" rel="nofollow noopener" target="_self">https://bank.example</a></p>'

async function mountContent(props: Record<string, unknown>) {
  const router = createContentRouter()
  await router.push('/')
  await router.isReady()
  const wrapper = mount(RemoteContent, { props: { html: content, emojis, mentions, ...props }, global: { plugins: [router] } })
  return { wrapper, router }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('RemoteContent', () => {
  it('opens a mentioned remote account inside the client', async () => {
    const { wrapper, router } = await mountContent({})
    const mention = wrapper.get('a.mention:not(.hashtag)')
    expect(mention.attributes('href')).toBe('/@alice@remote.example')
    expect(mention.attributes('target')).toBeUndefined()
    expect(mention.text()).toBe('@alice')
    await mention.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('profile'))
    expect(router.currentRoute.value.params.acct).toBe('alice@remote.example')
  })

  it('opens a hashtag inside the client', async () => {
    const { wrapper, router } = await mountContent({})
    const hashtag = wrapper.get('a.hashtag')
    expect(hashtag.attributes('href')).toBe('/tags/cats')
    await hashtag.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/tags/cats'))
  })

  it('opens other links in a new tab without opener, referrer or endorsement, titled with the real host', async () => {
    const { wrapper } = await mountContent({})
    const link = wrapper.get('a[href="https://evil.example/login"]')
    expect(link.attributes()).toEqual({
      href: 'https://evil.example/login',
      target: '_blank',
      rel: 'nofollow noopener noreferrer',
      title: 'evil.example',
      // Shown after the link on keyboard focus, where a title tooltip never appears.
      'data-host': 'evil.example',
    })
    expect(link.text()).toBe('https://bank.example')
  })

  it('renders an unresolved mention as an external link', async () => {
    const { wrapper } = await mountContent({ html: '<a href="https://evil.example/@Gargron" class="u-url mention">@Gargron</a>' })
    const link = wrapper.get('a')
    expect(link.attributes()).toMatchObject({ href: 'https://evil.example/@Gargron', target: '_blank', title: 'evil.example' })
  })

  it('shows custom emoji as images labelled with their shortcode', async () => {
    const { wrapper } = await mountContent({})
    const img = wrapper.get('img')
    expect(img.attributes()).toEqual({
      class: 'custom-emoji',
      src: 'https://files.example/blobcat.gif',
      alt: ':blobcat:',
      title: ':blobcat:',
      draggable: 'false',
      loading: 'lazy',
      referrerpolicy: 'no-referrer',
    })
  })

  it('shows the static emoji image when the reader prefers reduced motion', async () => {
    vi.resetModules()
    const listeners: ((event: { matches: boolean }) => void)[] = []
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => listeners.push(listener),
    }))
    const { RemoteContent: FreshRemoteContent } = await import('@/content')
    const router = createContentRouter()
    const wrapper = mount(FreshRemoteContent, { props: { html: '<p>:blobcat:</p>', emojis }, global: { plugins: [router] } })
    expect(wrapper.get('img').attributes('src')).toBe('https://files.example/blobcat.png')
    for (const listener of listeners) listener({ matches: false })
    await wrapper.vm.$nextTick()
    expect(wrapper.get('img').attributes('src')).toBe('https://files.example/blobcat.gif')
  })

  it('marks the root with the status language and the remote-content class, as the requested element', async () => {
    const { wrapper } = await mountContent({ lang: 'de', tag: 'section' })
    expect(wrapper.element.tagName).toBe('SECTION')
    expect(wrapper.classes()).toEqual(['remote-content'])
    expect(wrapper.attributes('lang')).toBe('de')
    const { wrapper: noLang } = await mountContent({ lang: null })
    expect(noLang.element.tagName).toBe('DIV')
    expect(noLang.attributes('lang')).toBeUndefined()
  })

  it('renders allowed elements with only their allowed attributes', async () => {
    const { wrapper } = await mountContent({
      html: '<ol start="3" reversed onclick="x()"><li value="5" style="color:red">a</li></ol><p class="quote-inline bad" lang="fr" id="x">b<br></p>',
    })
    expect(wrapper.get('ol').attributes()).toEqual({ start: '3', reversed: '' })
    expect(wrapper.get('li').attributes()).toEqual({ value: '5' })
    expect(wrapper.get('p').attributes()).toEqual({ class: 'quote-inline', lang: 'fr' })
    expect(wrapper.find('br').exists()).toBe(true)
  })

  it('shows hostile markup as harmless content', async () => {
    const { wrapper } = await mountContent({
      html: '<p>a<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script><a href="javascript:alert(1)">js</a></p>',
    })
    expect(wrapper.html()).not.toMatch(/img|script|javascript/)
    expect(wrapper.text()).toBe('ajs')
    expect(domViolations(wrapper.element)).toEqual([])
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined()
  })

  it('re-renders when the html changes', async () => {
    const { wrapper } = await mountContent({ html: '<p>one</p>' })
    await wrapper.setProps({ html: '<p>two</p>' })
    expect(wrapper.text()).toBe('two')
  })

  it('still renders mentions and hashtags as safe external links without a router', () => {
    const wrapper = mount(RemoteContent, { props: { html: content, emojis, mentions } })
    for (const link of wrapper.findAll('a')) {
      expect(link.attributes()).toMatchObject({ target: '_blank', rel: 'nofollow noopener noreferrer' })
    }
    expect(wrapper.findAll('a')).toHaveLength(3)
  })
})
