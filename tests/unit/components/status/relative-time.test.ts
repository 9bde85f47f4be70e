import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createTestI18n } from '../../helpers/i18n'
import { CLOCK_TICK_MS, formatAbsoluteTime, formatRelativeTime, languageName, useRelativeTime } from '@/composables/useRelativeTime'

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.useRealTimers()
})

const NOW = Date.parse('2026-08-01T12:00:00.000Z')
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString()

describe('formatRelativeTime', () => {
  it.each([
    [10, 'now'],
    [5 * 60, '5 min. ago'],
    [119 * 60, '1 hr. ago'],
    [3 * 3600, '3 hr. ago'],
    [86_400, 'yesterday'],
    [3 * 86_400, '3 days ago'],
    [14 * 86_400, '2 wk. ago'],
    [65 * 86_400, '2 mo. ago'],
    [800 * 86_400, '2 yr. ago'],
    [-5 * 60, 'in 5 min.'],
  ])('%i seconds ago is "%s" in English', (seconds, text) => {
    expect(formatRelativeTime(ago(seconds), NOW, 'en')).toBe(text)
  })

  it('speaks Dutch', () => {
    expect(formatRelativeTime(ago(5 * 60), NOW, 'nl')).toBe('5 min. geleden')
    expect(formatRelativeTime(ago(-3 * 3600), NOW, 'nl')).toBe('over 3 uur')
  })

  it('gives empty text for missing or invalid dates', () => {
    expect(formatRelativeTime(null, NOW, 'en')).toBe('')
    expect(formatRelativeTime('not a date', NOW, 'en')).toBe('')
    expect(formatAbsoluteTime(undefined, 'en')).toBe('')
  })

  it('writes the absolute time out', () => {
    expect(formatAbsoluteTime('2026-08-01T13:51:35.294Z', 'en')).toMatch(/Aug 1, 2026/)
  })

  it('names languages in the UI language', () => {
    expect(languageName('es', 'en')).toBe('Spanish')
    expect(languageName('es', 'nl')).toBe('Spaans')
    expect(languageName('!!', 'en')).toBe('!!')
    expect(languageName(null, 'en')).toBe('')
  })
})

describe('useRelativeTime', () => {
  it('keeps up with the clock and the language', async () => {
    vi.useFakeTimers({ now: NOW })
    const i18n = createTestI18n('en')
    const Probe = defineComponent({
      setup() {
        const time = useRelativeTime(() => ago(50))
        return () => h('time', { datetime: time.iso.value, title: time.absolute.value }, time.relative.value)
      },
    })
    const wrapper = mount(Probe, { global: { plugins: [i18n] } })
    expect(wrapper.text()).toBe('now')
    expect(wrapper.attributes('datetime')).toBe(ago(50))
    await vi.advanceTimersByTimeAsync(CLOCK_TICK_MS * 2)
    expect(wrapper.text()).toBe('1 min. ago')
    i18n.global.locale.value = 'nl'
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toBe('1 min. geleden')
  })
})
