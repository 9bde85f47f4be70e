// Editing one's own profile in the panel: the form starts from the server's plain text,
// saves only what changed, keeps what was typed when the server refuses, and the account's
// name and avatar follow a saved change.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import App from '@/App.vue'
import { createTestApp, resetDocument } from '../helpers/test-app'
import { alice, seedAccounts } from '../helpers/accounts'
import { fakeClient, routeCalls, type LoggedRequest, type Pages } from '../helpers/column-fakes'
import { FakeHttpError } from '../helpers/masto'
import { fixture } from '../components/status/status-fixtures'
import { useAccountsStore } from '@/stores/accounts'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.restoreAllMocks()
})

const me = fixture<mastodon.v1.CredentialAccount>('account.credential.json')

async function mountEditor(answers: Record<string, Pages>) {
  const app = createTestApp({ locale: 'en' })
  seedAccounts([alice], alice.key)
  const log: LoggedRequest[] = []
  routeCalls({ [alice.key]: fakeClient(alice.key, log, { 'verify-credentials': [me], ...answers }) })
  await app.router.push('/profile/edit?as=alice@localhost:4180')
  await app.router.isReady()
  const wrapper = mount(App, { global: app.global, attachTo: document.body })
  await flushPromises()
  return { wrapper, log }
}

const input = (wrapper: Awaited<ReturnType<typeof mountEditor>>['wrapper'], label: string) => {
  const found = wrapper.findAll('aside label').find((l) => l.find('span').exists() && l.get('span').text() === label)
  if (!found) throw new Error(`no field "${label}"`)
  return found.find('input').exists() ? found.get('input') : found.get('textarea')
}

describe('editing one’s profile', () => {
  it('starts from the server’s plain-text bio and fields, and marks a verified link', async () => {
    const { wrapper } = await mountEditor({})
    expect((input(wrapper, 'Display name').element as HTMLInputElement).value).toBe(me.displayName)
    expect((input(wrapper, 'Bio').element as HTMLTextAreaElement).value).toBe(me.source.note.replace(/\r\n?/g, '\n'))
    expect(wrapper.findAll('.fields-editor__row')).toHaveLength(me.source.fields.length)
    expect(wrapper.findAll('.fields-editor__verified').length).toBe(me.source.fields.filter((f) => f.verifiedAt).length)
  })

  it('saves only what changed, and the account’s name follows', async () => {
    const answer = { ...me, username: alice.username, displayName: 'New name' }
    const { wrapper, log } = await mountEditor({ 'update-credentials': [answer] })
    await input(wrapper, 'Display name').setValue('New name')
    await wrapper.get('aside form').trigger('submit')
    await flushPromises()
    const sent = log.find((r) => r.endpoint === 'update-credentials')
    expect(sent?.params).toEqual({ displayName: 'New name' })
    expect(wrapper.get('.edit-profile__outcome').text()).toContain('Your profile is saved.')
    expect(useAccountsStore().byKey(alice.key)?.displayName).toBe('New name')
  })

  it('says when there is nothing to save, without asking the server', async () => {
    const { wrapper, log } = await mountEditor({})
    await wrapper.get('aside form').trigger('submit')
    await flushPromises()
    expect(log.map((r) => r.endpoint)).toEqual(['verify-credentials'])
    expect(wrapper.get('.edit-profile__outcome').text()).toBe('Nothing has changed, so there was nothing to save.')
  })

  it('keeps what was typed and shows the server’s words when it refuses', async () => {
    const { wrapper } = await mountEditor({
      'update-credentials': [new FakeHttpError(422, 'Validation failed: Note is too long (maximum is 500 characters)')],
    })
    await input(wrapper, 'Bio').setValue('Still here')
    await wrapper.get('aside form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('aside [role="alert"]').text()).toContain('Validation failed: Note is too long')
    expect((input(wrapper, 'Bio').element as HTMLTextAreaElement).value).toBe('Still here')
  })

  it('refuses a picture of the wrong type before sending it', async () => {
    const { wrapper } = await mountEditor({})
    const file = new File(['<svg/>'], 'a.svg', { type: 'image/svg+xml' })
    const picker = wrapper.get('.picture-picker--avatar input[type="file"]')
    Object.defineProperty(picker.element, 'files', { value: [file] })
    await picker.trigger('change')
    expect(wrapper.get('.picture-picker--avatar [role="alert"]').text()).toBe('This file is not a PNG, JPEG, GIF or WebP picture.')
  })

  it('stops at a display name over 30 characters', async () => {
    const { wrapper } = await mountEditor({})
    await input(wrapper, 'Display name').setValue('x'.repeat(31))
    expect(wrapper.get('aside button[type="submit"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('.edit-profile__count--over').text()).toBe('-1 characters left')
  })
})
