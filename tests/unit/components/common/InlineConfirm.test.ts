import { afterEach, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import InlineConfirm from '@/components/common/InlineConfirm.vue'

enableAutoUnmount(afterEach)

const ask = () =>
  mount(InlineConfirm, {
    props: { question: 'Delete this draft for good?', yes: 'Delete draft', no: 'Keep it' },
    attachTo: document.body,
  })

it('asks in a named group, with the safe answer focused', () => {
  const wrapper = ask()
  const group = wrapper.get('[role="group"]')
  expect(group.attributes('aria-label')).toBe('Delete this draft for good?')
  expect(group.text()).toContain('Delete this draft for good?')
  expect(document.activeElement?.textContent?.trim()).toBe('Keep it')
})

it('says yes only from the yes button; no and Escape say no', async () => {
  const wrapper = ask()
  const [yes, no] = wrapper.findAll('button')
  await no!.trigger('click')
  await wrapper.get('[role="group"]').trigger('keydown', { key: 'Escape' })
  expect(wrapper.emitted('confirm')).toBeUndefined()
  expect(wrapper.emitted('cancel')).toHaveLength(2)
  await yes!.trigger('click')
  expect(wrapper.emitted('confirm')).toHaveLength(1)
})
