import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import ComposeMediaList from '@/components/compose/media/ComposeMediaList.vue'
import type { DraftMedia } from '@/compose/draft-types'
import { draftMediaError, UploadFailure } from '@/api/media-upload'
import { createTestI18n } from '../../../helpers/i18n'
import { draftMedia, limits } from './media-fixtures'

enableAutoUnmount(afterEach)

let urlCount = 0
const createObjectURL = vi.fn(() => `blob:test/${++urlCount}`)
const revokeObjectURL = vi.fn()

beforeEach(() => {
  urlCount = 0
  Object.assign(URL, { createObjectURL, revokeObjectURL })
})

afterEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

/** The list inside a parent that applies its moves and removals, as the composer will. */
function mountList(initial: DraftMedia[], locale: 'en' | 'nl' = 'en') {
  const media = ref<DraftMedia[]>(initial)
  const events: Array<[string, ...unknown[]]> = []
  const Host = defineComponent({
    setup() {
      return () =>
        h(ComposeMediaList, {
          media: media.value,
          limits,
          onMove: (localId: string, toIndex: number) => {
            events.push(['move', localId, toIndex])
            const list = media.value.filter((item) => item.localId !== localId)
            list.splice(toIndex, 0, media.value.find((item) => item.localId === localId)!)
            media.value = list
          },
          onRemove: (localId: string) => {
            events.push(['remove', localId])
            media.value = media.value.filter((item) => item.localId !== localId)
          },
          onEdit: (localId: string) => events.push(['edit', localId]),
        })
    },
  })
  const wrapper = mount(Host, { global: { plugins: [createTestI18n(locale)] }, attachTo: document.body })
  const names = () => wrapper.findAll('.compose-media__name').map((name) => name.text())
  const button = (label: string) => wrapper.get(`button[aria-label="${label}"]`)
  return { wrapper, media, events, names, button }
}

describe('ComposeMediaList', () => {
  it('moves an item by keyboard, keeping focus on it and saying where it went', async () => {
    const { events, names, button, wrapper } = mountList([draftMedia('a'), draftMedia('b'), draftMedia('c')])
    expect(button('Move a.png earlier').attributes()).toHaveProperty('disabled')
    expect(button('Move c.png later').attributes()).toHaveProperty('disabled')

    const later = button('Move b.png later')
    ;(later.element as HTMLButtonElement).focus()
    await later.trigger('click')
    await nextTick()
    await nextTick()
    expect(events).toEqual([['move', 'b', 2]])
    expect(names()).toEqual(['a.png', 'c.png', 'b.png'])
    // At the end, "later" no longer works: focus moves to "earlier" on the same item.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move b.png earlier')
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('b.png moved to position 3 of 3')

    await button('Move b.png earlier').trigger('click')
    await nextTick()
    await nextTick()
    expect(names()).toEqual(['a.png', 'b.png', 'c.png'])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move b.png earlier')
  })

  it('removes an item and puts focus on the next one', async () => {
    const { events, names, button, wrapper } = mountList([draftMedia('a'), draftMedia('b'), draftMedia('c')])
    await button('Remove b.png').trigger('click')
    await nextTick()
    await nextTick()
    expect(events).toEqual([['remove', 'b']])
    expect(names()).toEqual(['a.png', 'c.png'])
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit alt text of c.png')
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('b.png removed')
  })

  it('asks to edit an item’s description', async () => {
    const { events, button } = mountList([draftMedia('a')])
    const edit = button('Edit alt text of a.png')
    expect(edit.text()).toBe('Edit')
    await edit.trigger('click')
    expect(events).toEqual([['edit', 'a']])
  })

  it('shows upload progress in a labelled progress bar', () => {
    const { wrapper } = mountList([draftMedia('a', { state: 'uploading', progress: 0.4 })])
    const progress = wrapper.get('progress')
    expect(progress.attributes('aria-label')).toBe('Upload of a.png')
    expect((progress.element as HTMLProgressElement).value).toBeCloseTo(0.4)
    expect(progress.attributes('max')).toBe('1')
    expect(wrapper.get('.compose-media__state').text()).toBe('Uploading, 40%')
  })

  it('says where each item is and why a failed one failed, in the language shown', () => {
    const { wrapper } = mountList(
      [
        draftMedia('a', { state: 'processing' }),
        draftMedia('b', { state: 'failed', error: draftMediaError(new UploadFailure('unsupported', 422, 'File type not allowed')) }),
        draftMedia('c', { state: 'failed', error: 'not a message' }),
      ],
      'nl',
    )
    expect(wrapper.findAll('.compose-media__state').map((state) => state.text())).toEqual([
      'Wordt verwerkt op de server',
      'Uploaden mislukt',
      'Uploaden mislukt',
    ])
    expect(wrapper.findAll('.compose-media__error').map((error) => error.text())).toEqual([
      'De server accepteert dit bestand niet: File type not allowed',
      'Het uploaden is mislukt.',
    ])
    expect(wrapper.findAll('progress')).toHaveLength(0)
  })

  it('flags media without alt text, or with too much', () => {
    const { wrapper } = mountList([
      draftMedia('a', { description: '' }),
      draftMedia('b'),
      draftMedia('c', { description: 'x'.repeat(limits.descriptionLimit + 1) }),
    ])
    const flags = wrapper.findAll('.compose-media__item').map((item) => {
      const flag = item.find('.compose-media__alt')
      return flag.exists() ? flag.text() : null
    })
    expect(flags).toEqual(['Alt text missing', null, 'Alt text too long'])
  })

  it('shows the local file as thumbnail, revoking its address once the item is gone; remote previews only over http(s)', async () => {
    const file = new Blob(['png'], { type: 'image/png' })
    const { wrapper, media } = mountList([
      draftMedia('a', { state: 'local', file }),
      draftMedia('b', { previewUrl: 'https://files.example/b.png' }),
      draftMedia('c', { previewUrl: 'javascript:alert(1)' }),
    ])
    const images = () => wrapper.findAll('.compose-media__thumb img').map((image) => image.attributes('src'))
    expect(images()).toEqual(['blob:test/1', 'https://files.example/b.png'])
    expect(createObjectURL).toHaveBeenCalledWith(file)
    media.value = media.value.slice(1)
    await nextTick()
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:test/1')
    expect(images()).toEqual(['https://files.example/b.png'])
  })

  it('revokes its thumbnails when unmounted', () => {
    const { wrapper } = mountList([draftMedia('a', { state: 'local', file: new Blob(['png'], { type: 'image/png' }) })])
    const url = wrapper.get('.compose-media__thumb img').attributes('src')
    wrapper.unmount()
    expect(revokeObjectURL).toHaveBeenCalledWith(url)
  })

  it('reorders by dragging one item onto another', async () => {
    const { wrapper, events, names } = mountList([draftMedia('a'), draftMedia('b'), draftMedia('c')])
    const items = wrapper.findAll('.compose-media__item')
    const dataTransfer = { setData: vi.fn(), effectAllowed: 'none', dropEffect: 'none' }
    await items[0]!.trigger('dragstart', { dataTransfer })
    expect(dataTransfer.setData).toHaveBeenCalledWith('application/x-deckodon-media', 'a')
    await items[2]!.trigger('dragover', { dataTransfer })
    await items[2]!.trigger('drop', { dataTransfer })
    expect(events).toEqual([['move', 'a', 2]])
    expect(names()).toEqual(['b.png', 'c.png', 'a.png'])
  })
})
