import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import type { mastodon } from 'masto'
import MediaGallery from '@/components/media/MediaGallery.vue'
import StatusCard from '@/components/status/StatusCard.vue'
import { ACCOUNT_KEY, dangerousMarkup, mountWithApp, statusFixture } from '../status/status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const mediaOf = (name: string) => statusFixture(name).mediaAttachments

function mountGallery(media: mastodon.v1.MediaAttachment[], sensitive = false) {
  return mountWithApp(MediaGallery, { props: { media, sensitive, lang: 'en' } })
}

describe('MediaGallery: sensitive media', () => {
  it('shows only blurhash placeholders, loading nothing, until "Show" is pressed', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.media.image.json'), accountKey: ACCOUNT_KEY },
    })
    const gallery = wrapper.get('.gallery')
    expect(gallery.attributes('role')).toBe('group')
    expect(gallery.attributes('aria-label')).toBe('2 attachments')
    const images = gallery.findAll('img')
    expect(images).toHaveLength(2)
    for (const image of images) {
      expect(image.attributes('src')).toMatch(/^data:image\/bmp;base64,/)
      expect(image.attributes('alt')).toBe('')
    }
    expect(gallery.html()).not.toContain('localhost:3000/system/media_attachments')
    expect(gallery.get('.gallery__cover-text').text()).toBe('Sensitive content')

    const show = gallery.get('button.gallery__reveal')
    expect(show.text()).toBe('Show')
    await show.trigger('click')
    await flushPromises()
    const shown = gallery.findAll('img.gallery__media')
    expect(shown.map((image) => image.attributes('alt'))).toEqual([
      'John Lennon doing a funny walk',
      'hololives #1 detective, watson ameliachan',
    ])
    expect(shown[0]!.attributes('src')).toMatch(/\/small\/963111bc1b0bd6b6\.jpg$/)
    expect(shown[0]!.attributes('referrerpolicy')).toBe('no-referrer')
    // Focus moves to the control that hides them again.
    const hide = gallery.get('button.gallery__hide')
    expect(hide.attributes('aria-label')).toBe('Hide media')
    expect(document.activeElement).toBe(hide.element)

    await hide.trigger('click')
    await flushPromises()
    expect(gallery.find('img.gallery__media').exists()).toBe(false)
    expect(document.activeElement).toBe(gallery.get('button.gallery__reveal').element)
  })

  it('positions images on their focal point', async () => {
    const { wrapper } = await mountGallery(mediaOf('status.media.image.json'))
    const [first, second] = wrapper.findAll('img.gallery__media')
    // focus (-0.5, 0.3): a quarter from the left, 35 % from the top.
    expect((first!.element as HTMLElement).style.objectPosition).toBe('25% 35%')
    expect((second!.element as HTMLElement).style.objectPosition).toBe('75% 25%')
  })
})

describe('MediaGallery: descriptions', () => {
  it('reveals the description behind the ALT badge, as text', async () => {
    const media = mediaOf('status.media.image.json')
    media[0]!.description = '<b>not bold</b> <img src=x onerror=alert(1)>'
    const { wrapper } = await mountGallery(media)
    const badges = wrapper.findAll('button.gallery__alt')
    expect(badges).toHaveLength(2)
    const badge = badges[0]!
    expect(badge.text()).toBe('ALT')
    expect(badge.attributes('aria-label')).toBe('ALT: show the description')
    expect(badge.attributes('aria-expanded')).toBe('false')
    const description = wrapper.get(`#${badge.attributes('aria-controls')}`)
    expect((description.element as HTMLElement).style.display).toBe('none')

    await badge.trigger('click')
    expect(badge.attributes('aria-expanded')).toBe('true')
    expect((description.element as HTMLElement).style.display).toBe('')
    expect(description.text()).toBe('<b>not bold</b> <img src=x onerror=alert(1)>')
    expect(description.attributes('lang')).toBe('en')
    expect(dangerousMarkup(wrapper.element)).toEqual([])
    expect(wrapper.findAll('img').filter((img) => img.attributes('src') === 'x')).toHaveLength(0)
  })

  it('notes a missing description', async () => {
    const { wrapper } = await mountGallery(mediaOf('status.media.audio.json'))
    expect(wrapper.find('button.gallery__alt').exists()).toBe(false)
    expect(wrapper.get('.gallery__alt--missing').text()).toBe('No ALT')
  })

  it('names an image without description as such', async () => {
    const media = mediaOf('status.media.image.json')
    media[0]!.description = null
    const { wrapper } = await mountGallery(media)
    expect(wrapper.get('img.gallery__media').attributes('alt')).toBe('Image without description')
  })
})

describe('MediaGallery: players', () => {
  it('plays a video in place with controls, its poster and description', async () => {
    const { wrapper } = await mountGallery(mediaOf('status.media.video.json'))
    const video = wrapper.get('video')
    expect(video.attributes()).toMatchObject({
      src: 'https://files.mastodon.social/media_attachments/files/110/446/998/744/903/560/original/de8b837b9615a35c.mp4',
      poster: 'https://files.mastodon.social/media_attachments/thumbnails/110/446/998/744/903/560/original/e3e301df52746ea9.png',
      'aria-label': 'bae hololive gangnam style',
      preload: 'none',
    })
    expect(video.attributes()).toHaveProperty('controls')
    expect(wrapper.get('button[aria-label="View larger"]').attributes('aria-haspopup')).toBe('dialog')
  })

  it('plays audio with an audio element', async () => {
    const { wrapper } = await mountGallery(mediaOf('status.media.audio.json'))
    const audio = wrapper.get('audio')
    expect(audio.attributes('src')).toBe('https://mastodon.social/media_proxy/110447012463944310/original')
    expect(audio.attributes('aria-label')).toBe('Audio without description')
    expect(audio.attributes()).toHaveProperty('controls')
  })

  it('loops a gifv silently, with a button to pause it', async () => {
    const status = statusFixture('status.media.gifv-cw-emojis-mentions-tags-edited.json')
    const { wrapper } = await mountGallery(status.mediaAttachments)
    const video = wrapper.get('video')
    const element = video.element as HTMLVideoElement
    expect(element.muted).toBe(true)
    expect(element.loop).toBe(true)
    expect(element.autoplay).toBe(true)
    expect(video.attributes()).not.toHaveProperty('controls')
    const open = wrapper.get('button.gallery__open')
    expect(open.attributes('aria-label')).toBe('a furry cube breakdancing')

    let paused = 0
    element.pause = () => {
      paused += 1
    }
    const toggle = wrapper.get('button[aria-label="Pause animation"]')
    await toggle.trigger('click')
    expect(paused).toBe(1)
    expect(toggle.attributes('aria-label')).toBe('Play animation')
    expect(element.autoplay).toBe(false)
  })

  it('only uses http(s) addresses for media', async () => {
    const media = mediaOf('status.media.image.json')
    media[0]!.previewUrl = 'javascript:alert(1)'
    media[0]!.url = 'data:text/html,<script>alert(1)</script>'
    media[1]!.blurhash = 'not a blurhash'
    const { wrapper } = await mountGallery(media, true)
    // The first blurhash is fine; the second is not, so it gets a plain placeholder.
    expect(wrapper.findAll('img').map((img) => img.attributes('src')?.slice(0, 15))).toEqual(['data:image/bmp;'])
    await wrapper.get('button.gallery__reveal').trigger('click')
    expect(dangerousMarkup(wrapper.element)).toEqual([])
    expect(wrapper.findAll('img.gallery__media')).toHaveLength(1)
    expect(wrapper.findAll('.gallery__item')[0]!.text()).toContain('This attachment cannot be shown here.')
    expect(wrapper.html()).not.toContain('javascript:')
    expect(wrapper.html()).not.toContain('data:text')
  })
})
