import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import MediaGallery from '@/components/media/MediaGallery.vue'
import { mountWithApp, statusFixture } from '../status/status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

async function openFirst() {
  const media = statusFixture('status.media.image.json').mediaAttachments
  const mounted = await mountWithApp(MediaGallery, { props: { media, lang: 'en' } })
  const thumbnail = mounted.wrapper.findAll('button.gallery__open')[0]!
  expect(thumbnail.attributes('aria-haspopup')).toBe('dialog')
  await thumbnail.trigger('click')
  // The viewer loads on first use.
  await vi.waitFor(() => mounted.wrapper.get('dialog'))
  await flushPromises()
  return { ...mounted, thumbnail, dialog: () => mounted.wrapper.get('dialog') }
}

describe('MediaViewer', () => {
  it('opens a labelled dialog from a thumbnail, showing the full image and its description', async () => {
    const { dialog } = await openFirst()
    const element = dialog()
    expect(element.attributes()).toHaveProperty('open')
    expect(element.get(`#${element.attributes('aria-labelledby')}`).text()).toBe('Attachment 1 of 2')
    const caption = element.get(`#${element.attributes('aria-describedby')}`)
    expect(caption.text()).toBe('John Lennon doing a funny walk')
    const image = element.get('img.viewer__media')
    expect(image.attributes('src')).toMatch(/\/original\/963111bc1b0bd6b6\.jpg$/)
    expect(image.attributes('alt')).toBe('John Lennon doing a funny walk')
    const original = element.get('a.viewer__action')
    expect(original.attributes()).toMatchObject({ target: '_blank', rel: 'nofollow noopener noreferrer' })
    // Focus starts on the close button.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Close')
  })

  it('uses showModal where the browser has it', async () => {
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute('open', '')
    })
    const close = vi.fn(function (this: HTMLDialogElement) {
      this.removeAttribute('open')
    })
    Object.assign(HTMLDialogElement.prototype, { showModal, close })
    try {
      const { dialog, wrapper } = await openFirst()
      expect(showModal).toHaveBeenCalledTimes(1)
      await dialog().get('button[aria-label="Close"]').trigger('click')
      await flushPromises()
      expect(close).toHaveBeenCalled()
      expect(wrapper.find('dialog').exists()).toBe(false)
    } finally {
      delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal
      delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).close
    }
  })

  it('moves between attachments with the arrow keys and the buttons', async () => {
    const { dialog } = await openFirst()
    await dialog().trigger('keydown', { key: 'ArrowRight' })
    expect(dialog().get('h2').text()).toBe('Attachment 2 of 2')
    expect(dialog().get('figcaption').text()).toBe('hololives #1 detective, watson ameliachan')
    await dialog().trigger('keydown', { key: 'ArrowRight' })
    expect(dialog().get('h2').text()).toBe('Attachment 1 of 2')
    await dialog().trigger('keydown', { key: 'ArrowLeft' })
    expect(dialog().get('h2').text()).toBe('Attachment 2 of 2')
    await dialog().get('button[aria-label="Previous attachment"]').trigger('click')
    expect(dialog().get('h2').text()).toBe('Attachment 1 of 2')
    await dialog().get('button[aria-label="Next attachment"]').trigger('click')
    expect(dialog().get('h2').text()).toBe('Attachment 2 of 2')
    await dialog().trigger('keydown', { key: 'Home' })
    expect(dialog().get('h2').text()).toBe('Attachment 1 of 2')
  })

  it('closes with Escape and returns focus to the thumbnail', async () => {
    const { wrapper, thumbnail, dialog } = await openFirst()
    await dialog().trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(document.activeElement).toBe(thumbnail.element)
  })

  it('returns focus to the thumbnail of the attachment last shown', async () => {
    const { wrapper, dialog } = await openFirst()
    await dialog().trigger('keydown', { key: 'ArrowRight' })
    await dialog().get('button[aria-label="Close"]').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.findAll('button.gallery__open')[1]!.element)
  })

  it('closes on a click on the backdrop, not on the content', async () => {
    const { wrapper, dialog } = await openFirst()
    await dialog().get('figure').trigger('click')
    expect(wrapper.find('dialog').exists()).toBe(true)
    await dialog().trigger('click')
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
  })

  it('notes a missing description', async () => {
    const media = statusFixture('status.media.image.json').mediaAttachments
    media[0]!.description = null
    const { wrapper } = await mountWithApp(MediaGallery, { props: { media } })
    await wrapper.get('button.gallery__open').trigger('click')
    await vi.waitFor(() => wrapper.get('figcaption'))
    expect(wrapper.get('figcaption').text()).toBe('No description')
  })

  it('shows a video with controls', async () => {
    const media = statusFixture('status.media.video.json').mediaAttachments
    const { wrapper } = await mountWithApp(MediaGallery, { props: { media } })
    await wrapper.get('button[aria-label="View larger"]').trigger('click')
    const video = await vi.waitFor(() => wrapper.get('dialog video'))
    expect(video.attributes()).toHaveProperty('controls')
    expect(video.attributes('aria-label')).toBe('bae hololive gangnam style')
  })
})
