import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { EmojiText } from '@/content'

const blobcat = { shortcode: 'blobcat', url: 'https://files.example/blobcat.gif', staticUrl: 'https://files.example/blobcat.png' }

describe('EmojiText', () => {
  it('shows markup in a display name as literal text', () => {
    const wrapper = mount(EmojiText, { props: { text: '<b>x</b><img src=x onerror=alert(1)>' } })
    expect(wrapper.text()).toBe('<b>x</b><img src=x onerror=alert(1)>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.find('img').exists()).toBe(false)
  })

  it('shows custom emoji between the text', () => {
    const wrapper = mount(EmojiText, { props: { text: 'Alice :blobcat: <3', emojis: [blobcat] } })
    expect(wrapper.element.textContent).toBe('Alice  <3')
    const img = wrapper.get('img.custom-emoji')
    expect(img.attributes()).toMatchObject({ src: blobcat.url, alt: ':blobcat:', title: ':blobcat:' })
  })

  it('keeps a hostile shortcode inside the alt text', () => {
    const shortcode = '"><img src=x onerror=alert(1)>'
    const wrapper = mount(EmojiText, { props: { text: `hi :${shortcode}:`, emojis: [{ ...blobcat, shortcode }] } })
    expect(wrapper.findAll('img')).toHaveLength(1)
    expect(wrapper.get('img').attributes('alt')).toBe(`:${shortcode}:`)
  })

  it('leaves Vue template syntax as text', () => {
    const wrapper = mount(EmojiText, { props: { text: "{{ constructor.constructor('globalThis.pwned=1')() }}" } })
    expect(wrapper.text()).toBe("{{ constructor.constructor('globalThis.pwned=1')() }}")
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined()
  })
})
