import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { HOSTING_CONFIG_KEY, loadHostingConfig } from './config'
import { useDocumentSettings } from './composables/useDocumentSettings'
import { createAppI18n, loadLocaleMessages } from './i18n'
import { createAppRouter } from './router'
import { useSettingsStore } from './stores/settings'
import { useAccountsStore } from './stores/accounts'
import { preloadApiClients } from './api/clients'
import './styles/tokens.css'
import './styles/base.css'

async function bootstrap(): Promise<void> {
  const pinia = createPinia()
  const settings = useSettingsStore(pinia)
  const i18n = createAppI18n(settings.locale)
  // Before anything awaits: a pinned theme and the right <html lang> from the first paint.
  useDocumentSettings(settings, i18n.global.locale, (locale) => loadLocaleMessages(i18n, locale))

  const accounts = useAccountsStore(pinia)
  accounts.init()
  // Signed in: the columns' first requests need the API client; fetch it alongside the rest.
  if (accounts.accounts.length > 0) preloadApiClients()

  const router = createAppRouter()
  const app = createApp(App)
  app.use(pinia).use(i18n).use(router)
  // The hosting config and the first route load side by side. loadHostingConfig never
  // rejects and gives up after a few seconds; a failed first navigation (e.g. a view chunk
  // that will not load) still gets the shell.
  const [config] = await Promise.all([
    loadHostingConfig(`${import.meta.env.BASE_URL}config.json`),
    loadLocaleMessages(i18n, settings.locale),
    router.isReady().catch((error: unknown) => console.error('Initial navigation failed', error)),
  ])
  app.provide(HOSTING_CONFIG_KEY, config)
  app.mount('#app')
  // Names and avatars may have changed; revoked tokens show up as "sign in again".
  void accounts.refreshProfiles()
}

void bootstrap()
