// Builds the same plugin set as src/main.ts (pinia, i18n, router, hosting config), with an
// in-memory router history, for mounting views and the shell in jsdom.

import { vi } from 'vitest'
import { effectScope } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { DEFAULT_HOSTING_CONFIG, HOSTING_CONFIG_KEY, type HostingConfig } from '@/config'
import { useDocumentSettings } from '@/composables/useDocumentSettings'
import { createTestI18n } from './i18n'
import type { Locale } from '@/i18n/locales'
import { createAppRouter } from '@/router'
import { useSettingsStore } from '@/stores/settings'

export interface TestAppOptions {
  /** Overrides the detected locale for this test (not persisted). */
  locale?: Locale
  config?: HostingConfig
  /** Router base, like BASE_URL, e.g. "/client/". */
  base?: string
}

export function createTestApp(options: TestAppOptions = {}) {
  // The router's scrollBehavior calls window.scrollTo, which jsdom does not implement.
  vi.stubGlobal('scrollTo', vi.fn())
  const pinia = createPinia()
  setActivePinia(pinia)
  const settings = useSettingsStore(pinia)
  if (options.locale) settings.locale = options.locale
  const i18n = createTestI18n(settings.locale)
  const scope = effectScope()
  scope.run(() => useDocumentSettings(settings, i18n.global.locale))
  const router = createAppRouter(createMemoryHistory(options.base))

  return {
    settings,
    i18n,
    router,
    global: {
      plugins: [pinia, i18n, router],
      provide: { [HOSTING_CONFIG_KEY]: options.config ?? DEFAULT_HOSTING_CONFIG },
    },
    dispose: () => scope.stop(),
  }
}

/** Resets what the app writes outside its own DOM between tests. */
export function resetDocument(): void {
  localStorage.clear()
  sessionStorage.clear()
  document.documentElement.removeAttribute('data-theme')
  document.documentElement.lang = 'en'
  document.title = ''
  document.body.innerHTML = ''
}
