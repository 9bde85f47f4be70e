// An in-app link as cheap as an <a>: what RouterLink renders for these links (href from the
// router, aria-current="page" on the page it points to, a plain click navigating in the app,
// a modified/middle click or a click with target=_blank left to the browser), without a
// component instance, four computeds and a route resolution per link. A deck column mounts
// several per status (author, time, boost line, reply, mentions, hashtags).
//
// Without a router (a component test without one) it is a plain link to the path.

import { h, inject, type FunctionalComponent, type PropType } from 'vue'
import { routerKey, type RouteLocationRaw, type Router } from 'vue-router'

/** Whether a click is the app's to handle (the same rules as RouterLink's). */
export function isPlainClick(event: MouseEvent): boolean {
  if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return false
  if (event.defaultPrevented) return false
  if (event.button !== undefined && event.button !== 0) return false
  const target = (event.currentTarget as Element | null)?.getAttribute?.('target')
  if (target && /\b_blank\b/i.test(target)) return false
  return true
}

function navigate(router: Router, to: RouteLocationRaw, event: MouseEvent): void {
  if (!isPlainClick(event)) return
  event.preventDefault()
  router.push(to).catch(() => {})
}

export const AppLink: FunctionalComponent<{ to: RouteLocationRaw }> = (props, { slots }) => {
  const router = inject(routerKey, null)
  if (!router) return h('a', { href: typeof props.to === 'string' ? props.to : '#' }, slots.default?.())
  const to = props.to
  const target = router.resolve(to)
  return h(
    'a',
    {
      href: target.href,
      // As RouterLink: the link to the page being shown says so (params and path, not the query).
      'aria-current': target.path === router.currentRoute.value.path ? 'page' : undefined,
      onClick: (event: MouseEvent) => navigate(router, to, event),
    },
    slots.default?.(),
  )
}
AppLink.props = { to: { type: [String, Object] as PropType<RouteLocationRaw>, required: true } }
AppLink.displayName = 'AppLink'
