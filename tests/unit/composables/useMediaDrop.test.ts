import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useMediaDrop } from '@/composables/useMediaDrop'

/** jsdom has no DragEvent or DataTransfer: an event carrying just what the composable reads. */
function dragEvent(type: string, data: { types: string[]; files?: File[] }): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { types: data.types, files: data.files ?? [], dropEffect: 'none' } })
  return event
}

function pasteEvent(files: File[], text = ''): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { files, getData: () => text } })
  return event
}

const photo = new File(['x'], 'photo.png', { type: 'image/png' })

function mountDropZone(disabled = ref(false)) {
  const onFiles = vi.fn()
  let dragging: Readonly<{ value: boolean }> = { value: false }
  const wrapper = mount(
    defineComponent({
      setup() {
        const target = ref<HTMLElement | null>(null)
        dragging = useMediaDrop(target, onFiles, { disabled }).dragging
        return () => h('div', { ref: target, class: 'zone' }, [h('p', { class: 'inner' }, 'text'), h('textarea')])
      },
    }),
    { attachTo: document.body },
  )
  return { wrapper, onFiles, dragging: () => dragging.value, zone: wrapper.get('.zone').element, inner: wrapper.get('.inner').element }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('useMediaDrop', () => {
  it('shows the drop state while files are dragged over, across its children, and reports dropped files', async () => {
    const { zone, inner, onFiles, dragging, wrapper } = mountDropZone()
    await nextTick()
    const enter = dragEvent('dragenter', { types: ['Files'] })
    zone.dispatchEvent(enter)
    expect(enter.defaultPrevented).toBe(true)
    expect(dragging()).toBe(true)
    // Moving onto a child: enter the child, then leave the zone itself.
    inner.dispatchEvent(dragEvent('dragenter', { types: ['Files'] }))
    zone.dispatchEvent(dragEvent('dragleave', { types: ['Files'] }))
    expect(dragging()).toBe(true)
    const over = dragEvent('dragover', { types: ['Files'] })
    inner.dispatchEvent(over)
    expect(over.defaultPrevented).toBe(true)
    const drop = dragEvent('drop', { types: ['Files'], files: [photo] })
    inner.dispatchEvent(drop)
    expect(drop.defaultPrevented).toBe(true)
    expect(onFiles).toHaveBeenCalledWith([photo])
    expect(dragging()).toBe(false)
    wrapper.unmount()
  })

  it('ends the drop state when the files are dragged away', async () => {
    const { zone, onFiles, dragging } = mountDropZone()
    await nextTick()
    zone.dispatchEvent(dragEvent('dragenter', { types: ['Files'] }))
    zone.dispatchEvent(dragEvent('dragleave', { types: ['Files'] }))
    expect(dragging()).toBe(false)
    expect(onFiles).not.toHaveBeenCalled()
  })

  it('leaves dragged text to the browser', async () => {
    const { zone, onFiles, dragging } = mountDropZone()
    await nextTick()
    const enter = dragEvent('dragenter', { types: ['text/plain'] })
    zone.dispatchEvent(enter)
    const drop = dragEvent('drop', { types: ['text/plain'] })
    zone.dispatchEvent(drop)
    expect(enter.defaultPrevented).toBe(false)
    expect(drop.defaultPrevented).toBe(false)
    expect(dragging()).toBe(false)
    expect(onFiles).not.toHaveBeenCalled()
  })

  it('takes pasted files and leaves pasted text to the text field', async () => {
    const { wrapper, onFiles } = mountDropZone()
    await nextTick()
    const textarea = wrapper.get('textarea').element
    const text = pasteEvent([], 'hello')
    textarea.dispatchEvent(text)
    expect(text.defaultPrevented).toBe(false)
    expect(onFiles).not.toHaveBeenCalled()
    const image = pasteEvent([photo])
    textarea.dispatchEvent(image)
    expect(image.defaultPrevented).toBe(true)
    expect(onFiles).toHaveBeenCalledWith([photo])
  })

  it('while disabled, reports nothing but still keeps a dropped file from opening in the tab', async () => {
    const { zone, onFiles, dragging } = mountDropZone(ref(true))
    await nextTick()
    zone.dispatchEvent(dragEvent('dragenter', { types: ['Files'] }))
    expect(dragging()).toBe(false)
    const drop = dragEvent('drop', { types: ['Files'], files: [photo] })
    zone.dispatchEvent(drop)
    expect(drop.defaultPrevented).toBe(true)
    zone.dispatchEvent(pasteEvent([photo]))
    expect(onFiles).not.toHaveBeenCalled()
  })

  it('stops listening once unmounted', async () => {
    const { zone, onFiles, wrapper } = mountDropZone()
    await nextTick()
    wrapper.unmount()
    zone.dispatchEvent(dragEvent('drop', { types: ['Files'], files: [photo] }))
    expect(onFiles).not.toHaveBeenCalled()
  })
})
