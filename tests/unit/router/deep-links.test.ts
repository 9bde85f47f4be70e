// Deep links name what they show with a full handle and carry the signed-in account they
// open as (?as=user@host, a handle, never a token); on load the handle is matched to an
// account signed in on this browser.

import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import { RemoteContent, type MentionLike } from '@/content'
import { profileRoute, statusRoute, tagRoute } from '@/components/status/status-display'
import { findSignedIn, resolveViewAccount, viewAsHandle, viewAsQuery } from '@/composables/useViewAccount'
import { alice, bob, carol } from '../helpers/accounts'
import { createContentRouter } from '../content/content-helpers'

const local = { acct: 'frank', url: 'https://second.example/@frank' }
const remote = { acct: 'alice@first.example', url: 'https://first.example/@alice' }

describe('route helpers', () => {
  it('name accounts by their full handle and carry the account the link opens as', () => {
    expect(profileRoute(local, 'me@second.example')).toEqual({
      name: 'profile',
      params: { acct: 'frank@second.example' },
      query: { as: 'me@second.example' },
    })
    expect(profileRoute(remote)).toEqual({ name: 'profile', params: { acct: 'alice@first.example' } })
    const status = { id: '42', account: local } as Pick<mastodon.v1.Status, 'id'> & { account: typeof local }
    expect(statusRoute(status, 'me@second.example')).toEqual({
      name: 'status',
      params: { acct: 'frank@second.example', statusId: '42' },
      query: { as: 'me@second.example' },
    })
    expect(tagRoute('cats', null)).toEqual({ name: 'tag', params: { tag: 'cats' } })
    expect(tagRoute('cats', 'me@second.example')).toEqual({ name: 'tag', params: { tag: 'cats' }, query: { as: 'me@second.example' } })
  })
})

describe('the account a link opens as', () => {
  const signedIn = [alice, bob, carol]

  it('is written user@host and found again whatever its case or a leading @', () => {
    expect(viewAsHandle(alice)).toBe('alice@localhost:4180')
    expect(findSignedIn(signedIn, 'ALICE@LocalHost:4180')).toBe(alice)
    expect(findSignedIn(signedIn, '@bob@localhost:4180')).toBe(bob)
    expect(findSignedIn(signedIn, 'alice@localhost:4181')).toBeUndefined()
    expect(findSignedIn(signedIn, '')).toBeUndefined()
  })

  it('comes from the ?as= query, first value, trimmed', () => {
    expect(viewAsQuery({ as: 'alice@localhost:4180' })).toBe('alice@localhost:4180')
    expect(viewAsQuery({ as: ['@bob@localhost:4180', 'x'] })).toBe('bob@localhost:4180')
    expect(viewAsQuery({ as: '  ' })).toBeNull()
    expect(viewAsQuery({})).toBeNull()
  })

  it('is the named account when it is signed in, even when the tab uses another', () => {
    const state = resolveViewAccount(signedIn, alice, 'carol@localhost:4181')
    expect(state).toEqual({ kind: 'ready', account: { key: carol.key, origin: carol.origin, host: carol.host, handle: 'carol@localhost:4181' } })
  })

  it('falls back to the tab\'s current account only when the link names none', () => {
    expect(resolveViewAccount(signedIn, bob, null)).toMatchObject({ kind: 'ready', account: { key: bob.key } })
    expect(resolveViewAccount(signedIn, bob, 'gone@localhost:4180')).toEqual({ kind: 'missing', handle: 'gone@localhost:4180' })
  })

  it('is nobody when nobody is signed in', () => {
    expect(resolveViewAccount([], null, null)).toEqual({ kind: 'signed-out' })
    expect(resolveViewAccount([], null, 'alice@localhost:4180')).toEqual({ kind: 'signed-out' })
  })
})

describe('mentions and hashtags in remote content', () => {
  const mentions: MentionLike[] = [
    { url: 'https://second.example/@frank', acct: 'frank' },
    { url: 'https://first.example/@alice', acct: 'alice@first.example' },
  ]
  const html =
    '<p><a href="https://second.example/@frank" class="u-url mention">@frank</a> ' +
    '<a href="https://first.example/@alice" class="u-url mention">@alice</a> ' +
    '<a href="https://second.example/tags/cats" class="mention hashtag" rel="tag">#cats</a></p>'

  async function render(linkAs: string | null) {
    const router = createContentRouter()
    await router.push('/')
    await router.isReady()
    return mount(RemoteContent, { props: { html, mentions, linkAs }, global: { plugins: [router] } })
  }

  it('open as the account the content is shown as; a local mention gets that account\'s host', async () => {
    const wrapper = await render('me@second.example')
    const [frank, alice] = wrapper.findAll('a.mention:not(.hashtag)')
    expect(frank!.attributes('href')).toBe('/@frank@second.example?as=me@second.example')
    expect(alice!.attributes('href')).toBe('/@alice@first.example?as=me@second.example')
    expect(wrapper.get('a.hashtag').attributes('href')).toBe('/tags/cats?as=me@second.example')
  })

  it('stay as they were without an account', async () => {
    const wrapper = await render(null)
    expect(wrapper.findAll('a.mention:not(.hashtag)').map((a) => a.attributes('href'))).toEqual(['/@frank', '/@alice@first.example'])
    expect(wrapper.get('a.hashtag').attributes('href')).toBe('/tags/cats')
  })
})
