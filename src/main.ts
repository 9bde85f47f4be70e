import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { HOSTING_CONFIG_KEY, loadHostingConfig } from './config'
import { useDocumentSettings } from './composables/useDocumentSettings'
import { createAppI18n, loadLocaleMessages } from './i18n'
import { loadRouteMessages } from './i18n/route-messages'
import { setAppI18n } from './i18n/app-i18n'
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
  setAppI18n(i18n)
  // Before anything awaits: a pinned theme and the right <html lang> from the first paint.
  useDocumentSettings(settings, i18n.global.locale, (locale) => loadLocaleMessages(i18n, locale))

  const accounts = useAccountsStore(pinia)
  accounts.init()
  const router = createAppRouter()
  loadRouteMessages(router, i18n)
  if (accounts.accounts.length > 0) {
    // Signed in: the columns' first requests need the API client; fetch it alongside the rest.
    preloadApiClients()
    // Opening the deck: its columns ask for their first pages now, not once it has mounted.
    if (router.resolve(router.options.history.location).matched[0]?.name === 'deck') {
      void import('./stores/deck-storage')
        .then(({ startStoredDeckFirstPages }) => startStoredDeckFirstPages(accounts.call, (key) => accounts.byKey(key) !== undefined))
        .catch(() => {
          // The columns ask for themselves once mounted.
        })
    }
  }

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
