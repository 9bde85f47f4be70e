import { nextTick, watch, watchEffect } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'

/** Selector for the heading each view renders as `<h1 tabindex="-1">`. */
export const VIEW_HEADING_SELECTOR = '#main h1'

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
  watch(
    () => route.path,
    async () => {
      await nextTick()
      document.querySelector<HTMLElement>(VIEW_HEADING_SELECTOR)?.focus()
    },
    { flush: 'post' },
  )
}
