// The relationship part of a profile, as the view's account: what the follow button says,
// optimistic changes put back with the server's words, mutes with a duration, a domain block
// only after its question, and who you know among their followers.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import ProfileRelationship from '@/components/profile/ProfileRelationship.vue'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, seedAccounts } from '../../helpers/accounts'
import { fakeClient, routeCalls, type LoggedRequest, type Pages } from '../../helpers/column-fakes'
import { FakeHttpError } from '../../helpers/masto'
import { fixture } from '../status/status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  resetDocument()
  vi.restoreAllMocks()
})

const remote = fixture<mastodon.v1.Account>('account.remote.json')
const rel = (change: Partial<mastodon.v1.Relationship> = {}): mastodon.v1.Relationship =>
  ({ id: remote.id, following: false, requested: false, followedBy: false, blocking: false, muting: false, domainBlocking: false, endorsed: false, note: '', ...change }) as mastodon.v1.Relationship

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((ok) => (resolve = ok))
  return { promise, resolve }
}

async function mountFor(answers: Record<string, Pages>, account: mastodon.v1.Account = remote) {
  const app = createTestApp({ locale: 'en' })
  seedAccounts([alice], alice.key)
  const log: LoggedRequest[] = []
  routeCalls({ [alice.key]: fakeClient(alice.key, log, { 'familiar-followers': [[]], ...answers }) })
  const wrapper = mount(ProfileRelationship, {
    props: { account, accountKey: alice.key, host: 'localhost:4180', linkAs: 'alice@localhost:4180' },
    global: app.global,
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, log }
}

const buttons = (wrapper: Awaited<ReturnType<typeof mountFor>>['wrapper']) => wrapper.findAll('button').map((b) => b.text())
const button = (wrapper: Awaited<ReturnType<typeof mountFor>>['wrapper'], text: string) => wrapper.findAll('button').find((b) => b.text() === text)!

describe('the follow button', () => {
  it('offers to follow back someone who follows you, and says they do', async () => {
    const { wrapper } = await mountFor({ relationships: [[rel({ followedBy: true })]] })
    expect(buttons(wrapper)[0]).toBe('Follow back')
    expect(wrapper.get('.relationship__badge').text()).toBe('Follows you')
  })

  it('asks a locked account at once, and keeps what the server answers', async () => {
    const answer = deferred<mastodon.v1.Relationship>()
    const { wrapper, log } = await mountFor({ relationships: [[rel()]], [`follow:${remote.id}`]: [answer.promise] }, { ...remote, locked: true })
    await button(wrapper, 'Follow').trigger('click')
    expect(buttons(wrapper)[0]).toBe('Cancel request')
    answer.resolve(rel({ requested: true }))
    await flushPromises()
    expect(buttons(wrapper)[0]).toBe('Cancel request')
    expect(log.filter((r) => r.endpoint.startsWith('follow:'))).toHaveLength(1)
  })

  it('puts the button back and shows the server’s answer when following fails', async () => {
    const { wrapper } = await mountFor({ relationships: [[rel()]], [`follow:${remote.id}`]: [new FakeHttpError(403, 'This action is not allowed')] })
    await button(wrapper, 'Follow').trigger('click')
    await flushPromises()
    expect(buttons(wrapper)[0]).toBe('Follow')
    expect(wrapper.get('[role="alert"]').text()).not.toBe('')
  })

  it('turns the bell on for someone followed', async () => {
    const { wrapper, log } = await mountFor({ relationships: [[rel({ following: true })]], [`follow:${remote.id}`]: [rel({ following: true, notifying: true })] })
    const bell = button(wrapper, 'Notify me of new posts')
    expect(bell.attributes('aria-pressed')).toBe('false')
    await bell.trigger('click')
    await flushPromises()
    expect(button(wrapper, 'Notify me of new posts').attributes('aria-pressed')).toBe('true')
    expect(log.find((r) => r.endpoint === `follow:${remote.id}`)?.params).toEqual({ notify: true })
  })
})

describe('under More', () => {
  it('mutes for the chosen time, with their notifications', async () => {
    const { wrapper, log } = await mountFor({ relationships: [[rel()]], [`mute:${remote.id}`]: [rel({ muting: true })] })
    await button(wrapper, 'Mute').trigger('click')
    await wrapper.get('select').setValue('3600')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(log.find((r) => r.endpoint === `mute:${remote.id}`)?.params).toEqual({ duration: 3600, notifications: true })
    expect(wrapper.get('.relationship__done').text()).toContain('is muted.')
  })

  it('blocks a whole server only after its question, then asks how things stand', async () => {
    const domain = remote.acct.split('@')[1]!
    const { wrapper, log } = await mountFor({ relationships: [[rel()], [rel({ domainBlocking: true })]], 'domain-block': [{}] })
    await button(wrapper, `Block ${domain}`).trigger('click')
    expect(log.map((r) => r.endpoint)).not.toContain('domain-block')
    expect(wrapper.text()).toContain(`Block all of ${domain}?`)
    await wrapper.findAll('button').filter((b) => b.text() === `Block ${domain}`).at(-1)!.trigger('click')
    await flushPromises()
    expect(log.find((r) => r.endpoint === 'domain-block')?.params).toEqual({ domain })
    expect(wrapper.text()).toContain(`You block everyone on ${domain}.`)
  })

  it('saves a private note', async () => {
    const { wrapper, log } = await mountFor({ relationships: [[rel()]], [`note:${remote.id}`]: [rel({ note: 'met at the swap' })] })
    await wrapper.get('textarea').setValue('met at the swap')
    await wrapper.findAll('form').at(-1)!.trigger('submit')
    await flushPromises()
    expect(log.find((r) => r.endpoint === `note:${remote.id}`)?.params).toEqual({ comment: 'met at the swap' })
    expect(wrapper.get('.relationship__done').text()).toBe('Your note is saved.')
  })
})

describe('familiar followers', () => {
  it('names two and counts the others you follow', async () => {
    const person = (id: string, displayName: string) => ({ ...remote, id, displayName })
    const { wrapper } = await mountFor({
      relationships: [[rel()]],
      'familiar-followers': [[{ id: remote.id, accounts: [person('1', 'Ann'), person('2', 'Ben'), person('3', 'Cy'), person('4', 'Di'), person('5', 'Ed')] }]],
    })
    expect(wrapper.get('.familiar').text().replace(/\s+/g, ' ')).toBe('Followed by Ann, Ben and 3 others you follow')
  })
})
