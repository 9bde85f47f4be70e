// With prefers-reduced-motion, a gifv waits for a press instead of looping on its own.
// (Its own file: the media query is read once per module graph.)

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import MediaGallery from '@/components/media/MediaGallery.vue'
import { mountWithApp, statusFixture } from '../status/status-fixtures'

enableAutoUnmount(afterEach)

beforeAll(() => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('prefers-reduced-motion: reduce'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }))
})

describe('MediaGallery with reduced motion', () => {
  it('does not autoplay a gifv, and plays it on request', async () => {
    const media = statusFixture('status.media.gifv-cw-emojis-mentions-tags-edited.json').mediaAttachments
    const { wrapper } = await mountWithApp(MediaGallery, { props: { media } })
    const video = wrapper.get('video').element as HTMLVideoElement
    expect(video.autoplay).toBe(false)
    const play = vi.fn(() => Promise.resolve())
    video.play = play
    const toggle = wrapper.get('button[aria-label="Play animation"]')
    await toggle.trigger('click')
    expect(play).toHaveBeenCalledTimes(1)
    expect(toggle.attributes('aria-label')).toBe('Pause animation')

    // The viewer shows it with controls, still without autoplay.
    await wrapper.get('button.gallery__open').trigger('click')
    const inViewer = await vi.waitFor(() => wrapper.get('dialog video'))
    expect(inViewer.attributes()).toHaveProperty('controls')
    expect((inViewer.element as HTMLVideoElement).autoplay).toBe(false)
  })
})
