import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import MediaDescriptionEditor from '@/components/compose/media/MediaDescriptionEditor.vue'
import type { DraftMedia } from '@/compose/draft-types'
import { createTestI18n } from '../../../helpers/i18n'
import { draftMedia, limits } from './media-fixtures'

enableAutoUnmount(afterEach)

const createObjectURL = vi.fn(() => 'blob:test/editor')
const revokeObjectURL = vi.fn()

beforeEach(() => {
  Object.assign(URL, { createObjectURL, revokeObjectURL })
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

async function mountEditor(media: DraftMedia) {
  const wrapper = mount(MediaDescriptionEditor, {
    props: { media, limits },
    global: { plugins: [createTestI18n('en')] },
    attachTo: document.body,
  })
  await flushPromises()
  const textarea = wrapper.get('textarea')
  const save = wrapper.get('button[type="submit"]')
  return { wrapper, textarea, save }
}

describe('MediaDescriptionEditor', () => {
  it('is a labelled dialog that starts in the alt text field', async () => {
    const { wrapper, textarea } = await mountEditor(draftMedia('a', { description: 'A cat' }))
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes()).toHaveProperty('open')
    expect(dialog.get(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('Describe a.png')
    expect(wrapper.get(`label[for="${textarea.attributes('id')}"]`).text()).toBe('Alt text')
    expect((textarea.element as HTMLTextAreaElement).value).toBe('A cat')
    expect(document.activeElement).toBe(textarea.element)
  })

  it('counts the alt text as it is typed, against the server’s limit', async () => {
    const { textarea, wrapper } = await mountEditor(draftMedia('a', { description: '' }))
    const counter = wrapper.get(`#${textarea.attributes('aria-describedby')}`)
    expect(counter.text()).toBe('0 of 20 characters')
    // An emoji is one character to Mastodon.
    await textarea.setValue('Sunset 🌅')
    expect(counter.text()).toBe('8 of 20 characters')
  })

  it('over the limit, says by how much and will not save', async () => {
    const { textarea, save, wrapper } = await mountEditor(draftMedia('a', { description: '' }))
    await textarea.setValue('x'.repeat(23))
    expect(textarea.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('[role="alert"]').text()).toBe('The alt text is 3 characters too long.')
    expect(textarea.attributes('aria-describedby')).toContain(wrapper.get('[role="alert"]').attributes('id'))
    expect(save.attributes()).toHaveProperty('disabled')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('save')).toBeUndefined()

    await textarea.setValue('x'.repeat(20))
    expect(save.attributes()).not.toHaveProperty('disabled')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('saves the alt text and the focal point chosen by keyboard, then closes', async () => {
    const file = new Blob(['png'], { type: 'image/png' })
    const { textarea, wrapper } = await mountEditor(draftMedia('a', { description: '', file, focus: { x: 0.5, y: 0.5 } }))
    expect(wrapper.get('.focal-point img').attributes('src')).toBe('blob:test/editor')
    await textarea.setValue('  A cat on a mat  ')
    await wrapper.get('[role="slider"]').trigger('keydown', { key: 'ArrowDown', shiftKey: true })
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('save')).toEqual([[{ description: 'A cat on a mat', focus: { x: 0.5, y: 0.25 } }]])
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:test/editor')
  })

  it('closes without saving on Cancel or Escape', async () => {
    const first = await mountEditor(draftMedia('a'))
    await first.textarea.setValue('Changed')
    await first.wrapper.get('button[type="button"]').trigger('click')
    expect(first.wrapper.emitted('close')).toHaveLength(1)
    expect(first.wrapper.emitted('save')).toBeUndefined()

    const second = await mountEditor(draftMedia('b'))
    await second.wrapper.get('dialog').trigger('cancel')
    expect(second.wrapper.emitted('close')).toHaveLength(1)
    expect(second.wrapper.emitted('save')).toBeUndefined()
  })

  it('offers a focal point only for images, using the server preview when the file is gone', async () => {
    const video = await mountEditor(draftMedia('v', { mimeType: 'video/mp4', previewUrl: 'https://files.example/v.png' }))
    expect(video.wrapper.find('[role="slider"]').exists()).toBe(false)
    const image = await mountEditor(draftMedia('i', { previewUrl: 'https://files.example/i.png' }))
    expect(image.wrapper.get('.focal-point img').attributes('src')).toBe('https://files.example/i.png')
    expect(createObjectURL).not.toHaveBeenCalled()
  })
})
