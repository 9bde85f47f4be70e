// AppLink: the cheap in-app link used by status cards and content (mentions, hashtags).
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import type { RouteLocationRaw } from 'vue-router'
import { AppLink, isPlainClick } from '@/content/app-link'
import { createTestRouter } from '../components/status/status-fixtures'

async function mountLink({ to }: { to: RouteLocationRaw }) {
  const router = createTestRouter()
  await router.push('/')
  await router.isReady()
  const Host = defineComponent({ render: () => h(AppLink, { to, class: 'x', title: 'T' }, () => 'Alice') })
  const wrapper = mount(Host, { global: { plugins: [router] }, attachTo: document.body })
  return { wrapper, router }
}

describe('AppLink', () => {
  it('renders the href RouterLink would, with fallthrough attributes', async () => {
    const { wrapper } = await mountLink({ to: { name: 'profile', params: { acct: 'alice@example.org' }, query: { as: 'me@here' } } })
    const a = wrapper.get('a')
    expect(a.attributes('href')).toBe('/@alice@example.org?as=me@here')
    expect(a.classes()).toContain('x')
    expect(a.attributes('title')).toBe('T')
    expect(a.text()).toBe('Alice')
    expect(a.attributes('aria-current')).toBeUndefined()
    wrapper.unmount()
  })

  it('navigates in the app on a plain click, and marks the link to the page shown', async () => {
    const { wrapper, router } = await mountLink({ to: { name: 'tag', params: { tag: 'vue' } } })
    await wrapper.get('a').trigger('click', { button: 0 })
    await router.isReady()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(router.currentRoute.value.fullPath).toBe('/tags/vue')
    await nextTick()
    expect(wrapper.get('a').attributes('aria-current')).toBe('page')
    wrapper.unmount()
  })

  it('leaves modified and middle clicks to the browser', async () => {
    const { wrapper, router } = await mountLink({ to: { name: 'tag', params: { tag: 'vue' } } })
    await wrapper.get('a').trigger('click', { ctrlKey: true })
    await wrapper.get('a').trigger('click', { button: 1 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(router.currentRoute.value.fullPath).toBe('/')
    wrapper.unmount()
  })

  it('isPlainClick follows RouterLink', () => {
    expect(isPlainClick(new MouseEvent('click', { button: 0 }))).toBe(true)
    expect(isPlainClick(new MouseEvent('click', { metaKey: true }))).toBe(false)
    expect(isPlainClick(new MouseEvent('click', { shiftKey: true }))).toBe(false)
    expect(isPlainClick(new MouseEvent('click', { button: 2 }))).toBe(false)
  })
})
