import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import type { mastodon } from 'masto'
import ComposeLanguagePicker from '@/components/compose/ComposeLanguagePicker.vue'
import ComposePollEditor from '@/components/compose/ComposePollEditor.vue'
import ComposeTextarea from '@/components/compose/ComposeTextarea.vue'
import type { DraftPoll } from '@/compose/draft-types'
import { DEFAULT_COMPOSE_LIMITS } from '@/compose/limits'
import { SUGGESTION_DELAY_MS } from '@/composables/useComposeSuggestions'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, seedAccounts } from '../../helpers/accounts'
import { routeCalls } from '../../helpers/column-fakes'

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  resetDocument()
})

function withModel<T>(component: unknown, initial: T, props: Record<string, unknown> = {}) {
  const value = ref(initial)
  const Host = defineComponent({
    setup: () => () =>
      h(component as never, { ...props, modelValue: value.value, 'onUpdate:modelValue': (v: T) => (value.value = v) }),
  })
  return { Host, value }
}

describe('the language picker', () => {
  it('finds a language by its name in the UI language, its own name or its code, and takes it with Enter', async () => {
    const app = createTestApp({ locale: 'en' })
    const { Host, value } = withModel(ComposeLanguagePicker, 'en')
    const wrapper = mount(Host, { global: app.global, attachTo: document.body })
    const input = wrapper.get('input[role="combobox"]')
    expect((input.element as HTMLInputElement).value).toBe('English')
    await input.trigger('focus')
    await input.setValue('Neder')
    const options = wrapper.findAll('[role="option"]')
    expect(options[0]!.text()).toContain('Dutch (Nederlands)')
    await input.trigger('keydown', { key: 'Enter' })
    expect(value.value).toBe('nl')
    expect(input.attributes('aria-expanded')).toBe('false')
    expect((input.element as HTMLInputElement).value).toBe('Dutch (Nederlands)')
  })

  it('moves through matches with the arrow keys and leaves the choice alone on Escape', async () => {
    const app = createTestApp({ locale: 'en' })
    const { Host, value } = withModel(ComposeLanguagePicker, 'de')
    const wrapper = mount(Host, { global: app.global, attachTo: document.body })
    const input = wrapper.get('input[role="combobox"]')
    await input.setValue('fr')
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBeTruthy()
    await input.trigger('keydown', { key: 'Escape' })
    expect(value.value).toBe('de')
  })
})

describe('the poll editor', () => {
  const poll: DraftPoll = { options: ['Yes', ''], expiresIn: 86_400, multiple: false, hideTotals: false }

  function mountPoll(start: DraftPoll = poll) {
    const app = createTestApp({ locale: 'en' })
    const current = ref(start)
    const Host = defineComponent({
      setup: () => () =>
        h(ComposePollEditor, { poll: current.value, limits: DEFAULT_COMPOSE_LIMITS.polls, 'onUpdate:poll': (p: DraftPoll) => (current.value = p) }),
    })
    return { wrapper: mount(Host, { global: app.global, attachTo: document.body }), current }
  }

  it('adds options up to the server maximum, and removes them down to two', async () => {
    const { wrapper, current } = mountPoll()
    const add = wrapper.get('button:not([aria-label])')
    await add.trigger('click')
    await add.trigger('click')
    expect(current.value.options).toHaveLength(4)
    expect(wrapper.findAll('button').find((b) => b.text() === 'Add an option')!.attributes('disabled')).toBeDefined()
    await wrapper.get('button[aria-label="Remove option 3"]').trigger('click')
    expect(current.value.options).toHaveLength(3)
  })

  it('counts each option against the server limit and marks one that is too long', async () => {
    const long = 'x'.repeat(DEFAULT_COMPOSE_LIMITS.polls.maxCharactersPerOption + 1)
    const { wrapper } = mountPoll({ ...poll, options: ['👩‍👩‍👧', long] })
    const inputs = wrapper.findAll('input[type="text"]')
    expect(wrapper.text()).toContain('1/50')
    expect(inputs[1]!.attributes('aria-invalid')).toBe('true')
    expect(inputs[0]!.attributes('aria-invalid')).toBeUndefined()
  })

  it('offers only durations the server allows, and sets choice and totals', async () => {
    const { wrapper, current } = mountPoll()
    const labels = wrapper.findAll('option').map((o) => o.text())
    expect(labels).toEqual(['5 minutes', '30 minutes', '1 hour', '6 hours', '12 hours', '1 day', '3 days', '7 days'])
    await wrapper.get('select').setValue('300')
    expect(current.value.expiresIn).toBe(300)
    const [multiple, hide] = wrapper.findAll('input[type="checkbox"]')
    await multiple!.setValue(true)
    await hide!.setValue(true)
    expect(current.value).toMatchObject({ multiple: true, hideTotals: true })
  })
})

describe('suggestions while typing', () => {
  function fakeServer() {
    const search = vi.fn(async (params: { q: string; type: string }) => ({
      accounts:
        params.type === 'accounts'
          ? [{ id: '9', acct: 'alina@elsewhere.example', username: 'alina', displayName: 'Alina', avatar: 'https://elsewhere.example/a.png', avatarStatic: 'https://elsewhere.example/a.png' }]
          : [],
      hashtags: params.type === 'hashtags' ? [{ name: 'gardening' }, { name: 'garden' }] : [],
      statuses: [],
    }))
    const emojis = [{ shortcode: 'blobcat', url: 'https://x.example/b.png', staticUrl: 'https://x.example/b.png', visibleInPicker: true }]
    const client = { v2: { search: { list: search } }, v1: { customEmojis: { list: vi.fn(async () => emojis) } } }
    routeCalls({ [alice.key]: client as unknown as mastodon.rest.Client })
    return search
  }

  async function typeInto(text: string) {
    vi.useFakeTimers()
    const app = createTestApp({ locale: 'en' })
    seedAccounts([alice], alice.key)
    const search = fakeServer()
    const { Host, value } = withModel(ComposeTextarea, '', { accountKey: alice.key, label: 'Post text' })
    const wrapper = mount(Host, { global: app.global, attachTo: document.body })
    const area = wrapper.get('textarea')
    ;(area.element as HTMLTextAreaElement).value = text
    ;(area.element as HTMLTextAreaElement).setSelectionRange(text.length, text.length)
    await area.trigger('input')
    await vi.advanceTimersByTimeAsync(SUGGESTION_DELAY_MS)
    await flushPromises()
    return { wrapper, area, value, search }
  }

  it('suggests accounts from the posting account’s server, and Enter puts the full handle in', async () => {
    const { wrapper, area, value, search } = await typeInto('hi @ali')
    expect(search).toHaveBeenCalledWith({ q: 'ali', type: 'accounts', resolve: false, limit: 6 })
    expect(wrapper.get('[role="listbox"]').text()).toContain('@alina@elsewhere.example')
    expect(area.attributes('aria-activedescendant')).toBeTruthy()
    await area.trigger('keydown', { key: 'Enter' })
    expect(value.value).toBe('hi @alina@elsewhere.example ')
  })

  it('suggests hashtags, moving with the arrow keys', async () => {
    const { area, value } = await typeInto('#gard')
    await area.trigger('keydown', { key: 'ArrowDown' })
    await area.trigger('keydown', { key: 'Tab' })
    expect(value.value).toBe('#garden ')
  })

  it('suggests the server’s custom emoji', async () => {
    const { wrapper, area, value } = await typeInto('so :blo')
    expect(wrapper.get('[role="option"]').text()).toContain(':blobcat:')
    await area.trigger('keydown', { key: 'Enter' })
    expect(value.value).toBe('so :blobcat: ')
  })

  it('Escape closes the suggestions and Enter then types a new line as usual', async () => {
    const { wrapper, area } = await typeInto('hi @ali')
    await area.trigger('keydown', { key: 'Escape' })
    expect(wrapper.get('[role="listbox"]').isVisible()).toBe(false)
    expect(area.attributes('aria-activedescendant')).toBeUndefined()
  })
})
