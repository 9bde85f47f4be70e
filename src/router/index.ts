import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import type { MessageKey } from '@/i18n/keys'
import type { MessagePart } from '@/i18n'
import { parkCallbackParams } from '@/api/oauth-callback'

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the view's title, used for document.title. */
    titleKey?: MessageKey
    /**
     * The view moves focus itself when the route changes between it and its nested routes
     * (the deck opening, changing or closing its side panel); the shell leaves focus alone then.
     */
    managesNestedFocus?: boolean
    /** Messages the view (and its nested views) needs beyond the shell's (loaded by i18n/route-messages.ts). */
    messages?: MessagePart | readonly MessagePart[]
  }
}

export const routes: RouteRecordRaw[] = [
  // Every view loads on demand, the deck too: the shell stays small, and the sign-in page
  // does not carry the deck's columns, cards and virtualiser.
  // Threads, profiles and hashtags open in a panel beside the deck (DeckView's nested
  // RouterView), so the columns stay mounted, scrolled and live. Their links carry the
  // account they open as: /@user@host/:statusId?as=me@myserver (see useViewAccount).
  {
    path: '/',
    name: 'deck',
    component: () => import('@/views/DeckView.vue'),
    meta: { titleKey: 'deck.title', managesNestedFocus: true, messages: 'deck' },
    children: [
      {
        path: '/@:acct/:statusId',
        name: 'status',
        component: () => import('@/views/StatusView.vue'),
        meta: { titleKey: 'views.status.title' },
      },
      {
        path: '/@:acct',
        name: 'profile',
        component: () => import('@/views/ProfileView.vue'),
        meta: { titleKey: 'views.profile.documentTitle', messages: 'people' },
      },
      {
        path: '/scheduled',
        name: 'scheduled',
        component: () => import('@/views/ScheduledView.vue'),
        meta: { titleKey: 'views.scheduled.title' },
      },
      {
        path: '/tags/:tag',
        name: 'tag',
        component: () => import('@/views/TagView.vue'),
        meta: { titleKey: 'views.tag.documentTitle', messages: 'tags' },
      },
      {
        path: '/search',
        name: 'search',
        component: () => import('@/views/SearchView.vue'),
        meta: { titleKey: 'search.title', messages: 'search' },
      },
      {
        path: '/explore',
        name: 'explore',
        component: () => import('@/views/ExploreView.vue'),
        meta: { titleKey: 'trends.title', messages: ['trends', 'tags'] },
      },
      {
        path: '/explore/link',
        name: 'link-posts',
        component: () => import('@/views/LinkPostsView.vue'),
        meta: { titleKey: 'trends.linkPosts.title', messages: ['trends', 'tags'] },
      },
      {
        path: '/profile/edit',
        name: 'edit-profile',
        component: () => import('@/views/EditProfileView.vue'),
        meta: { titleKey: 'editProfile.title', messages: 'editProfile' },
      },
      {
        path: '/followed-tags',
        name: 'followed-tags',
        component: () => import('@/views/FollowedTagsView.vue'),
        meta: { titleKey: 'tags.followed.title', messages: 'tags' },
      },
    ],
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/views/SignInView.vue'),
    meta: { titleKey: 'signIn.title' },
  },
  {
    path: '/oauth/callback',
    name: 'oauth-callback',
    component: () => import('@/views/OAuthCallbackView.vue'),
    meta: { titleKey: 'callback.title' },
    // The code and state leave the address bar (and the history) before anything renders.
    beforeEnter: (to) => {
      if (Object.keys(to.query).length === 0) return true
      parkCallbackParams(to.query)
      return { path: to.path, query: {}, hash: '', replace: true }
    },
  },
  {
    path: '/accounts',
    name: 'accounts',
    component: () => import('@/views/AccountsView.vue'),
    meta: { titleKey: 'accounts.title' },
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
