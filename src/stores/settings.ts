import { defineStore } from 'pinia'
import { ref } from 'vue'
import { browserLanguages, detectLocale, isLocale, type Locale } from '@/i18n/locales'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
}

/** Bump the version when the stored shape changes incompatibly; old data is then ignored. */
export const SETTINGS_STORAGE_KEY = 'deckodon:settings:v1'

interface StoredSettings {
  /** Only present once the user picked a language; until then we follow the browser. */
  locale?: Locale
  theme?: Theme
}

function readStoredSettings(): StoredSettings {
  try {
    const raw = localStorage.getItem(SETTINGS_STORAGE_KEY)
    if (!raw) return {}
    const data: unknown = JSON.parse(raw)
    if (typeof data !== 'object' || data === null) return {}
    const record = data as Record<string, unknown>
    return {
      locale: isLocale(record.locale) ? record.locale : undefined,
      theme: isTheme(record.theme) ? record.theme : undefined,
    }
  } catch {
    // Storage can be disabled or hold garbage; settings then start from defaults.
    return {}
  }
}

function writeStoredSettings(settings: StoredSettings): void {
  try {
    localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings))
  } catch {
    // Quota or privacy mode: the choice still applies for this session.
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const stored = readStoredSettings()
  let chosenLocale = stored.locale

  const locale = ref<Locale>(chosenLocale ?? detectLocale(browserLanguages()))
  const theme = ref<Theme>(stored.theme ?? 'system')

  function persist(): void {
    writeStoredSettings({ locale: chosenLocale, theme: theme.value })
  }

  function setLocale(next: Locale): void {
    chosenLocale = next
    locale.value = next
    persist()
  }

  function setTheme(next: Theme): void {
    theme.value = next
    persist()
  }

  return { locale, theme, setLocale, setTheme }
})
