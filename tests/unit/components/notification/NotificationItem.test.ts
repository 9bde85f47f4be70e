import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import ColumnTimeline from '@/components/column/ColumnTimeline.vue'
import NotificationItem from '@/components/notification/NotificationItem.vue'
import { viewFromNotification, viewsFromGrouped } from '@/timeline/notification-view'
import type { ColumnSpec } from '@/timeline/column-spec'
import { createTestApp, resetDocument } from '../../helpers/test-app'
import { alice, seedAccounts } from '../../helpers/accounts'
import { fixture } from '../status/status-fixtures'
import { fakeClient, notFound, routeCalls, type LoggedRequest } from '../../helpers/column-fakes'

const grouped = () => fixture<mastodon.v1.GroupedNotificationsResults>('notifications.grouped.json')
const allTypes = () => fixture<mastodon.v1.Notification[]>('notifications.v1.all-types.json')

beforeEach(() => resetDocument())
afterEach(() => vi.restoreAllMocks())

function mountItem(view: ReturnType<typeof viewFromNotification>) {
  const app = createTestApp()
  return mount(NotificationItem, { props: { notification: view, accountKey: alice.key }, global: app.global })
}

describe('notification views', () => {
  it('builds grouped rows with their sample accounts and status looked up', () => {
    const page = grouped()
    const [row] = viewsFromGrouped(page)
    expect(row).toMatchObject({ type: 'favourite', count: 2 })
    expect(row!.accounts.map((a) => a.id)).toEqual(['117020566092212359', '117020565693913441'])
    expect(row!.status?.id).toBe('117020579695730951')
  })
})

describe('NotificationItem', () => {
  it('says who and how many others, with avatars', () => {
    const row = viewsFromGrouped(grouped())[0]!
    const wrapper = mountItem(row)
    expect(wrapper.text()).toMatch(/and 1 other favourited your post/)
    expect(wrapper.findAll('.notification__avatars li')).toHaveLength(2)
    expect(wrapper.find('.status-card, article article, .notification__status').exists()).toBe(true)
  })

  it.each(allTypes().map((n) => [n.type, n] as const))('renders a v1 %s notification without crashing', (_type, n) => {
    const wrapper = mountItem(viewFromNotification(n))
    expect(wrapper.find('.notification__text').text().trim()).not.toBe('')
  })

  it('shows an unknown type generically', () => {
    const n = { ...allTypes()[1]!, type: 'something_new' } as unknown as mastodon.v1.Notification
    const wrapper = mountItem(viewFromNotification(n))
    expect(wrapper.classes()).toContain('notification--other')
    expect(wrapper.text()).toContain('sent a notification')
  })
})

describe('notifications column', () => {
  const spec: ColumnSpec = { id: 'n', type: 'notifications', accountKey: alice.key, params: {}, width: 380, collapsed: false }

  it('uses grouped notifications', async () => {
    const app = createTestApp()
    seedAccounts([alice], alice.key)
    const log: LoggedRequest[] = []
    routeCalls({ [alice.key]: fakeClient(alice.key, log, { 'notifications-v2': [grouped()] }) })
    const wrapper = mount(ColumnTimeline, { props: { column: spec }, global: app.global })
    await flushPromises()
    expect(log.map((r) => r.endpoint)).toEqual(['notifications-v2'])
    expect(wrapper.findAll('.notification')).toHaveLength(1)
  })

  it('falls back to v1 when the server has no grouped notifications (404)', async () => {
    const app = createTestApp()
    seedAccounts([alice], alice.key)
    const log: LoggedRequest[] = []
    const v1 = allTypes()
    routeCalls({ [alice.key]: fakeClient(alice.key, log, { 'notifications-v2': [notFound()], 'notifications-v1': [v1] }) })
    const wrapper = mount(ColumnTimeline, { props: { column: spec }, global: app.global })
    await flushPromises()
    expect(log.map((r) => r.endpoint)).toEqual(['notifications-v2', 'notifications-v1'])
    expect(wrapper.findAll('.notification')).toHaveLength(v1.length)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
