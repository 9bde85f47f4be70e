import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, reactive, ref, type EffectScope } from 'vue'
import { useDocumentSettings } from '@/composables/useDocumentSettings'
import type { Locale } from '@/i18n/locales'
import type { Theme } from '@/stores/settings'

let scope: EffectScope | undefined

afterEach(() => {
  scope?.stop()
  document.documentElement.lang = 'en'
  document.documentElement.removeAttribute('data-theme')
})

function bind(locale: Locale, theme: Theme) {
  const settings = reactive({ locale, theme })
  const i18nLocale = ref<Locale>('en')
  scope = effectScope()
  scope.run(() => useDocumentSettings(settings, i18nLocale))
  return { settings, i18nLocale }
}

describe('useDocumentSettings', () => {
  it('applies the settings to <html> right away', () => {
    const { i18nLocale } = bind('nl', 'dark')
    expect(document.documentElement.lang).toBe('nl')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(i18nLocale.value).toBe('nl')
  })

  it('follows a language switch in <html lang> and in the translations', async () => {
    const { settings, i18nLocale } = bind('en', 'system')
    settings.locale = 'nl'
    await nextTick()
    expect(document.documentElement.lang).toBe('nl')
    expect(i18nLocale.value).toBe('nl')
  })

  it('switches language only once its messages are loaded', async () => {
    const settings = reactive({ locale: 'en' as Locale, theme: 'system' as Theme })
    const i18nLocale = ref<Locale>('en')
    let finish: () => void = () => {}
    const asked: Locale[] = []
    const load = (locale: Locale) => {
      asked.push(locale)
      return new Promise<void>((resolve) => {
        finish = resolve
      })
    }
    scope = effectScope()
    scope.run(() => useDocumentSettings(settings, i18nLocale, load))
    settings.locale = 'nl'
    await nextTick()
    expect(asked).toEqual(['nl'])
    expect(i18nLocale.value).toBe('en')
    finish()
    await nextTick()
    expect(i18nLocale.value).toBe('nl')
    expect(document.documentElement.lang).toBe('nl')
  })

  it('follows a theme switch in data-theme', async () => {
    const { settings } = bind('en', 'system')
    expect(document.documentElement.dataset.theme).toBe('system')
    settings.theme = 'light'
    await nextTick()
    expect(document.documentElement.dataset.theme).toBe('light')
  })
})
