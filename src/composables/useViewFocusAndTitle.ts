import { nextTick, watch, watchEffect } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'

/** Selector for the heading each view renders as `<h1 tabindex="-1">`. */
export const VIEW_HEADING_SELECTOR = '#main h1'
/** A side panel's heading: where focus goes when a page opens with its panel (the deck and a thread). */
export const PANEL_HEADING_SELECTOR = '#main [data-panel-heading]'

/**
 * Keeps document.title in step with the route and the language, and after an in-app
 * navigation moves focus to the new view's h1, so screen readers announce the new page
 * instead of staying on the link that was activated.
 */
export function useViewFocusAndTitle(): void {
  const route = useRoute()
  const { t } = useI18n()

  watchEffect(() => {
    const key = route.meta.titleKey
    document.title = key ? t('app.titleTemplate', { page: t(key) }) : t('app.name')
  })

  // Path only: a query or hash change is not a new page.
  let layout = route.matched[0]
  watch(
    () => route.path,
    async () => {
      const previous = layout
      layout = route.matched[0]
      // Within a view that handles its nested routes' focus (the deck and its side panel).
      if (layout !== undefined && layout === previous && layout.meta.managesNestedFocus) return
      await nextTick()
      const heading = document.querySelector<HTMLElement>(PANEL_HEADING_SELECTOR) ?? document.querySelector<HTMLElement>(VIEW_HEADING_SELECTOR)
      heading?.focus()
    },
    { flush: 'post' },
  )
}
