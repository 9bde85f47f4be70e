import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { SETTINGS_STORAGE_KEY, useSettingsStore } from '@/stores/settings'

/** A fresh store, as after reloading the page. */
function reload() {
  setActivePinia(createPinia())
  return useSettingsStore()
}

function stored(): unknown {
  return JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY) ?? 'null')
}

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('settings store', () => {
  it('starts in Dutch for a browser that prefers Dutch', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL', 'en-US'])
    expect(reload().locale).toBe('nl')
  })

  it('starts in English for a browser that prefers an unsupported language', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'fr'])
    expect(reload().locale).toBe('en')
  })

  it('starts with the system theme', () => {
    expect(reload().theme).toBe('system')
  })

  it('remembers a chosen language across reloads, over the browser language', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US'])
    reload().setLocale('nl')
    expect(stored()).toMatchObject({ locale: 'nl' })
    expect(reload().locale).toBe('nl')
  })

  it('remembers a chosen theme across reloads under a versioned key', () => {
    reload().setTheme('dark')
    expect(SETTINGS_STORAGE_KEY).toMatch(/v\d+$/)
    expect(stored()).toMatchObject({ theme: 'dark' })
    expect(reload().theme).toBe('dark')
  })

  it('keeps following the browser language until one is chosen', () => {
    reload().setTheme('light')
    expect(stored()).not.toHaveProperty('locale')
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-BE'])
    expect(reload().locale).toBe('nl')
  })

  it.each(['not json', '[]', '{"locale":"xx","theme":"neon"}', 'null'])('ignores unusable stored data %j', (raw) => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en'])
    localStorage.setItem(SETTINGS_STORAGE_KEY, raw)
    const settings = reload()
    expect(settings.locale).toBe('en')
    expect(settings.theme).toBe('system')
  })

  it('still applies a choice when storage refuses to save it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const settings = reload()
    settings.setTheme('dark')
    expect(settings.theme).toBe('dark')
  })
})
