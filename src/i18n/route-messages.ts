// Views declare the message parts they need (route meta `messages`); they load alongside
// the view's code when navigation starts, and the view shows once they are in.

import type { RouteLocationNormalized, Router } from 'vue-router'
import { loadMessagePart, type AppI18n, type MessagePart } from './index'

const partsOf = (to: RouteLocationNormalized) =>
  new Set(to.matched.flatMap((record): MessagePart[] => [record.meta.messages ?? []].flat()))

export function loadRouteMessages(router: Router, i18n: AppI18n): void {
  const load = (to: RouteLocationNormalized) => Promise.all([...partsOf(to)].map((part) => loadMessagePart(i18n, part)))
  // Started before the view's code is fetched (beforeEach), waited for after (beforeResolve).
  router.beforeEach((to) => {
    void load(to)
  })
  router.beforeResolve(async (to) => {
    await load(to)
  })
}
