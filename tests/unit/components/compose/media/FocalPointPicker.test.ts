import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import FocalPointPicker from '@/components/compose/media/FocalPointPicker.vue'
import type { FocusPoint } from '@/api/media-upload'
import { createTestI18n } from '../../../helpers/i18n'

enableAutoUnmount(afterEach)

/** The picker with its v-model applied, as a parent would. */
function mountPicker(focus: FocusPoint | null = null, locale: 'en' | 'nl' = 'en') {
  const wrapper = mount(FocalPointPicker, {
    props: {
      src: 'blob:test/1',
      focus,
      'onUpdate:focus': (next: FocusPoint) => wrapper.setProps({ focus: next }),
    },
    global: { plugins: [createTestI18n(locale)] },
    attachTo: document.body,
  })
  const control = wrapper.get('[role="slider"]')
  const focusNow = () => wrapper.props('focus')
  return { wrapper, control, focusNow }
}

describe('FocalPointPicker', () => {
  it('is one labelled control that says where the point is', () => {
    const { control, wrapper } = mountPicker({ x: 0.25, y: -0.5 })
    expect(control.attributes()).toMatchObject({
      tabindex: '0',
      'aria-label': 'Focal point',
      'aria-valuetext': 'x 0.25, y -0.5 (bottom)',
    })
    expect(wrapper.get('img').attributes('alt')).toBe('')
  })

  it('moves with the arrow keys in Mastodon’s coordinates: right is +x, up is +y', async () => {
    const { control, focusNow } = mountPicker()
    await control.trigger('keydown', { key: 'ArrowRight' })
    expect(focusNow()).toEqual({ x: 0.05, y: 0 })
    await control.trigger('keydown', { key: 'ArrowUp' })
    expect(focusNow()).toEqual({ x: 0.05, y: 0.05 })
    await control.trigger('keydown', { key: 'ArrowDown', shiftKey: true })
    expect(focusNow()).toEqual({ x: 0.05, y: -0.2 })
    await control.trigger('keydown', { key: 'ArrowLeft', shiftKey: true })
    expect(focusNow()).toEqual({ x: -0.2, y: -0.2 })
    expect(control.attributes('aria-valuetext')).toBe('x -0.2, y -0.2 (centre)')
  })

  it('stops at the edges and goes back to the centre with Home', async () => {
    const { control, focusNow } = mountPicker({ x: 0.9, y: 0.9 })
    await control.trigger('keydown', { key: 'ArrowRight', shiftKey: true })
    await control.trigger('keydown', { key: 'ArrowUp', shiftKey: true })
    expect(focusNow()).toEqual({ x: 1, y: 1 })
    expect(control.attributes('aria-valuetext')).toBe('x 1, y 1 (top right)')
    await control.trigger('keydown', { key: 'Home' })
    expect(focusNow()).toEqual({ x: 0, y: 0 })
  })

  it('places the point where the image is clicked, with y counted upwards', async () => {
    const { control, focusNow } = mountPicker()
    control.element.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 50, width: 200, height: 100 })
    // A quarter in from the left, a quarter down from the top.
    await control.trigger('pointerdown', { button: 0, pointerId: 1, clientX: 150, clientY: 75 })
    expect(focusNow()).toEqual({ x: -0.5, y: 0.5 })
    expect(document.activeElement).toBe(control.element)
    await control.trigger('pointermove', { pointerId: 1, clientX: 300, clientY: 150 })
    expect(focusNow()).toEqual({ x: 1, y: -1 })
    await control.trigger('pointerup', { pointerId: 1 })
    await control.trigger('pointermove', { pointerId: 1, clientX: 200, clientY: 100 })
    expect(focusNow()).toEqual({ x: 1, y: -1 })
  })

  it('says the value in Dutch with Dutch numbers', () => {
    const { control } = mountPicker({ x: -0.75, y: 0.5 }, 'nl')
    expect(control.attributes('aria-valuetext')).toBe('x -0,75; y 0,5 (linksboven)')
  })
})
