import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import PreviewCard from '@/components/status/PreviewCard.vue'
import StatusCard from '@/components/status/StatusCard.vue'
import { ACCOUNT_KEY, dangerousMarkup, fixture, mountWithApp, statusFixture } from './status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

describe('PreviewCard', () => {
  it('links the whole card out to the page, with title, description and host', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.card.json'), accountKey: ACCOUNT_KEY },
    })
    const link = wrapper.get('.card a.card__link')
    expect(link.attributes()).toMatchObject({
      href: 'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
      target: '_blank',
      rel: 'nofollow noopener noreferrer',
    })
    expect(link.get('.card__title').text()).toBe('‘I lost my £193,000 inheritance – with one wrong digit on my sort code’')
    expect(link.get('.card__description').text()).toContain('When Peter Teich’s money went to another Barclays customer')
    expect(link.get('.card__source').text()).toBe('www.theguardian.com')
    // No image and no blurhash: no picture at all.
    expect(link.find('img').exists()).toBe(false)
  })

  it('shows the provider, a blurhash placeholder and the fediverse author of a card with authors', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.card-with-authors.json'), accountKey: ACCOUNT_KEY },
    })
    const card = wrapper.get('.card')
    expect(card.get('.card__source').text()).toBe('itch.io · halcy.itch.io')
    expect(card.get('.card__title').text()).toBe('cat game by halcy')
    const byline = card.get('.card__byline')
    expect(byline.text().replace(/\s+/g, ' ').trim()).toBe('By halcy\u200b')
    expect(byline.get('img.custom-emoji').attributes('alt')).toBe(':icosahedron:')
    const placeholder = card.get('img.card__image--blur')
    expect(placeholder.attributes('src')).toMatch(/^data:image\/bmp;base64,/)
    expect(placeholder.attributes('alt')).toBe('')
    const more = card.get('.card__more a')
    expect(more.attributes('href')).toBe('/@halcy@icosahedron.website')
    expect(more.text()).toContain('More from')
    expect(more.get('img.custom-emoji').attributes('alt')).toBe(':icosahedron:')
  })

  it('loads the image with no referrer and drops the placeholder once it has loaded', async () => {
    const card = fixture<mastodon.v1.PreviewCard>('preview-card.photo.json')
    card.image = 'https://cdn.example/card.jpg'
    card.blurhash = 'UPN1Ddxup{IT9an~.8RjK-oy%gkE%#W?i^t6'
    const { wrapper } = await mountWithApp(PreviewCard, { props: { card } })
    const image = wrapper.get('img:not(.card__image--blur)')
    expect(image.attributes('src')).toBe('https://cdn.example/card.jpg')
    expect(image.attributes('referrerpolicy')).toBe('no-referrer')
    expect(wrapper.find('img.card__image--blur').exists()).toBe(true)
    await image.trigger('load')
    expect(wrapper.find('img.card__image--blur').exists()).toBe(false)
  })

  it('never injects the embed HTML, and shows markup in the text fields as text', async () => {
    // The fixture's own html is a YouTube <iframe> embed.
    const real = await mountWithApp(PreviewCard, { props: { card: fixture<mastodon.v1.PreviewCard>('preview-card.video.json') } })
    expect(real.wrapper.find('iframe').exists()).toBe(false)
    expect(real.wrapper.get('a').attributes('href')).toBe('https://www.youtube.com/watch?v=OMv_EPMED8Y')

    const card = fixture<mastodon.v1.PreviewCard>('preview-card.video.json')
    card.html = '<iframe src="https://evil.example/embed"></iframe><script>alert(1)</script>'
    card.title = '<b>Title</b><img src=x onerror=alert(2)>'
    card.description = '<script>alert(3)</script>'
    card.providerName = '<i>provider</i>'
    card.authors = [{ name: '<u>author</u>', url: 'javascript:alert(4)', account: null }]
    card.image = 'javascript:alert(5)'
    const { wrapper } = await mountWithApp(PreviewCard, { props: { card } })
    expect(dangerousMarkup(wrapper.element)).toEqual([])
    expect(wrapper.find('iframe').exists()).toBe(false)
    expect(wrapper.html()).not.toContain('evil.example')
    expect(wrapper.get('.card__title').text()).toBe('<b>Title</b><img src=x onerror=alert(2)>')
    expect(wrapper.get('.card__description').text()).toBe('<script>alert(3)</script>')
    expect(wrapper.get('.card__source').text()).toContain('<i>provider</i>')
    expect(wrapper.get('.card__byline').text()).toBe('By <u>author</u>')
    // Only the blurhash placeholder: the javascript: image is not used.
    expect(wrapper.findAll('img').map((img) => img.attributes('src')?.slice(0, 15))).toEqual(['data:image/bmp;'])
  })

  it('shows nothing for a card whose address is not http(s)', async () => {
    const card = fixture<mastodon.v1.PreviewCard>('preview-card.link.json')
    card.url = 'javascript:alert(1)'
    const { wrapper } = await mountWithApp(PreviewCard, { props: { card } })
    expect(wrapper.find('a').exists()).toBe(false)
  })

  it('is left out when the status has media or a quote', async () => {
    const status = statusFixture('status.media.video.json')
    status.card = fixture<mastodon.v1.PreviewCard>('preview-card.link.json')
    const { wrapper } = await mountWithApp(StatusCard, { props: { status, accountKey: ACCOUNT_KEY } })
    expect(wrapper.find('.card').exists()).toBe(false)
  })
})
