import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import type { MessageKey } from '@/i18n/keys'
import DeckView from '@/views/DeckView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the view's title, used for document.title. */
    titleKey?: MessageKey
  }
}

export const routes: RouteRecordRaw[] = [
  // The deck is the first screen, so it ships in the main chunk; the rest load on demand.
  { path: '/', name: 'deck', component: DeckView, meta: { titleKey: 'deck.title' } },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/views/SignInView.vue'),
    meta: { titleKey: 'signIn.title' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { titleKey: 'settings.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]

// BASE_URL is the build's base ("/" or e.g. "/client/"), so links work under a sub-path.
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
  })
}
