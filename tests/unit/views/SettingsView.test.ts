import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import SettingsView from '@/views/SettingsView.vue'
import { SETTINGS_STORAGE_KEY } from '@/stores/settings'
import { createTestApp, resetDocument } from '../helpers/test-app'

enableAutoUnmount(afterEach)
afterEach(resetDocument)

function mountSettings() {
  return mount(SettingsView, { global: createTestApp({ locale: 'en' }).global })
}

function labelledSelect(wrapper: ReturnType<typeof mountSettings>, label: string) {
  const labelEl = wrapper.findAll('label').find((candidate) => candidate.text() === label)
  expect(labelEl, label).toBeDefined()
  return wrapper.get(`select#${labelEl?.attributes('for')}`)
}

describe('SettingsView', () => {
  it('offers the languages by their own names', () => {
    const select = labelledSelect(mountSettings(), 'Language')
    expect(select.findAll('option').map((option) => [option.text(), option.attributes('lang')])).toEqual([
      ['English', 'en'],
      ['Nederlands', 'nl'],
    ])
  })

  it('switches the whole app to Dutch at once and remembers it', async () => {
    const wrapper = mountSettings()
    await labelledSelect(wrapper, 'Language').setValue('nl')

    expect(wrapper.get('h1').text()).toBe('Instellingen')
    expect(document.documentElement.lang).toBe('nl')
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? '{}')).toMatchObject({ locale: 'nl' })
  })

  it('offers system, light and dark themes, starting with the system one', () => {
    const select = labelledSelect(mountSettings(), 'Theme')
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Same as your device', 'Light', 'Dark'])
    expect((select.element as HTMLSelectElement).value).toBe('system')
  })

  it('applies a chosen theme at once and remembers it', async () => {
    const wrapper = mountSettings()
    await labelledSelect(wrapper, 'Theme').setValue('dark')

    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? '{}')).toMatchObject({ theme: 'dark' })
  })
})
