import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { HOSTING_CONFIG_KEY, loadHostingConfig } from './config'
import { useDocumentSettings } from './composables/useDocumentSettings'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { useSettingsStore } from './stores/settings'
import { useAccountsStore } from './stores/accounts'
import './styles/tokens.css'
import './styles/base.css'

async function bootstrap(): Promise<void> {
  const pinia = createPinia()
  const settings = useSettingsStore(pinia)
  const i18n = createAppI18n(settings.locale)
  // Before anything awaits: a pinned theme and the right <html lang> from the first paint.
  useDocumentSettings(settings, i18n.global.locale)

  const accounts = useAccountsStore(pinia)
  accounts.init()

  const router = createAppRouter()
  // loadHostingConfig never rejects and gives up after a few seconds.
  const config = await loadHostingConfig(`${import.meta.env.BASE_URL}config.json`)

  const app = createApp(App)
  app.use(pinia).use(i18n).use(router)
  app.provide(HOSTING_CONFIG_KEY, config)
  // A failed first navigation (e.g. a view chunk that will not load) still gets the shell.
  await router.isReady().catch((error: unknown) => console.error('Initial navigation failed', error))
  app.mount('#app')
  // Names and avatars may have changed; revoked tokens show up as "sign in again".
  void accounts.refreshProfiles()
}

void bootstrap()
