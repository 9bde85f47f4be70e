import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import DeckView from '@/views/DeckView.vue'
import { createTestApp, resetDocument } from '../helpers/test-app'

enableAutoUnmount(afterEach)
afterEach(resetDocument)

describe('DeckView', () => {
  it('is a region labelled "Deck" by its heading', () => {
    const wrapper = mount(DeckView, { global: createTestApp({ locale: 'en' }).global })
    const region = wrapper.get('section')
    const heading = wrapper.get(`#${region.attributes('aria-labelledby')}`)
    expect(heading.element.tagName).toBe('H1')
    expect(heading.text()).toBe('Deck')
  })

  it('explains the empty deck and links to sign-in', () => {
    const wrapper = mount(DeckView, { global: createTestApp({ locale: 'en' }).global })
    expect(wrapper.get('h2').text()).toBe('No columns yet')
    expect(wrapper.text()).toContain('Sign in with your Mastodon account first')
    const link = wrapper.get('a')
    expect(link.text()).toBe('Sign in to get started')
    expect(link.attributes('href')).toBe('/sign-in')
  })
})
