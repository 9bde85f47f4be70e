// useCachedT gives what `t` gives, follows the language, and makes each string once.
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { useI18n } from 'vue-i18n'
import { useCachedT } from '@/components/status/cached-t'
import { createTestI18n } from '../../helpers/i18n'

describe('useCachedT', () => {
  it('matches t for labels and plural counts, in the language shown', async () => {
    const i18n = createTestI18n('en')
    let seen: { text: string; one: string; many: string; t: string; tMany: string } | null = null
    const Host = defineComponent({
      setup() {
        const ct = useCachedT()
        const { t } = useI18n()
        return () => {
          seen = {
            text: ct.text('status.actions.more'),
            one: ct.count('status.counts.replies', 1),
            many: ct.count('status.counts.replies', 1234),
            t: t('status.actions.more'),
            tMany: t('status.counts.replies', { count: (1234).toLocaleString(i18n.global.locale.value) }, 1234),
          }
          return h('p', seen.many)
        }
      },
    })
    const wrapper = mount(Host, { global: { plugins: [i18n] } })
    expect(seen!.text).toBe(seen!.t)
    expect(seen!.one).toBe('1 reply')
    expect(seen!.many).toBe(seen!.tMany)
    expect(wrapper.text()).toBe('1,234 replies')
    i18n.global.locale.value = 'nl'
    await nextTick()
    expect(seen!.text).toBe(seen!.t)
    expect(seen!.many).toBe(seen!.tMany)
    expect(wrapper.text()).toBe(seen!.tMany)
    expect(wrapper.text()).not.toBe('1,234 replies')
    wrapper.unmount()
  })
})
