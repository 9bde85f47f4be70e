import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import StatusCard from '@/components/status/StatusCard.vue'
import { ACCOUNT_KEY, fixture, mountWithApp, statusFixture } from './status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

function mountStatus(status: mastodon.v1.Status) {
  return mountWithApp(StatusCard, { props: { status, accountKey: ACCOUNT_KEY } })
}

describe('StatusQuote', () => {
  it('shows an accepted quote as the quoted status, compact, inside the quoting one', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.quote.json'))
    const articles = wrapper.findAll('article')
    expect(articles).toHaveLength(2)
    const inner = articles[1]!
    expect(inner.attributes('aria-label')).toMatch(/^Post by John Lennon, /)
    expect(inner.get('.status__content').text()).toBe('Toot!')
    expect(inner.get('.status__time').attributes('href')).toBe('/@mastodonpy_test@localhost:3000/117020582917124092')
    // Compact: no counts, no external link, no edit marker of its own.
    expect(inner.find('ul.counts').exists()).toBe(false)
    expect(inner.find('.status__original').exists()).toBe(false)
  })

  it('hides the RE: fallback paragraph of the quoting status when the quote is shown', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.quote.json'))
    const body = wrapper.get('.status__body')
    expect(body.classes()).toContain('status__body--hide-quote-inline')
    // The paragraph is there for CSS to hide; the rest of the content is shown.
    expect(body.get('.status__content .quote-inline').text()).toMatch(/^RE: /)
    expect(body.get('.status__content').text()).toContain('yoooooooo')
  })

  it('nests one level only: a quote inside a quote is a link', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.quote.remote-nested.json'))
    const articles = wrapper.findAll('article')
    expect(articles).toHaveLength(2)
    const inner = articles[1]!
    expect(inner.get('.status__content').text()).toContain('actual reply that quotes a bsky post')
    const nested = inner.get('.quote__line')
    expect(nested.text()).toBe('Quoted post')
    // Sent by id only: no in-app link, and the quoted post's RE: link stays visible.
    expect(nested.find('a').exists()).toBe(false)
    expect(inner.get('.status__body').classes()).not.toContain('status__body--hide-quote-inline')
  })

  it('links a second-level quote to the quoted status when the server sent it in full', async () => {
    const outer = statusFixture('status.quote.json')
    const middle = (outer.quote as mastodon.v1.Quote).quotedStatus!
    middle.quote = { state: 'accepted', quotedStatus: statusFixture('status.card.json') }
    const { wrapper } = await mountStatus(outer)
    expect(wrapper.findAll('article')).toHaveLength(2)
    const link = wrapper.get('.quote__line a')
    expect(link.text()).toBe('Quoted post')
    expect(link.attributes('href')).toBe('/@Gargron@mastodon.social/103270115826048975')
  })

  it.each([
    ['pending', 'The author of the quoted post has not approved this quote yet.'],
    ['rejected', 'The author of the quoted post did not allow it to be quoted.'],
    ['revoked', 'The author of the quoted post removed this quote.'],
    ['deleted', 'The quoted post has been deleted.'],
    ['unauthorized', 'You cannot see the quoted post.'],
    ['blocked_account', 'The quoted post is from an account you blocked.'],
    ['blocked_domain', 'The quoted post is from a server you blocked.'],
    ['muted_account', 'The quoted post is from an account you muted.'],
    ['something_new', 'The quoted post is not available.'],
  ])('explains a quote in state %s', async (state, text) => {
    const status = statusFixture('status.quote.json')
    status.quote = { ...(status.quote as mastodon.v1.Quote), state: state as mastodon.v1.QuoteState }
    const { wrapper } = await mountStatus(status)
    expect(wrapper.findAll('article')).toHaveLength(1)
    expect(wrapper.get('.quote__line').text()).toBe(text)
    expect(wrapper.text()).not.toContain('Toot!')
    expect(wrapper.get('.status__body').classes()).toContain('status__body--hide-quote-inline')
  })

  it('shows a ShallowQuote (id only) as a note and keeps the RE: link', async () => {
    const status = statusFixture('status.reply-with-quote.json')
    status.quote = fixture<mastodon.v1.ShallowQuote>('quote.shallow.json')
    const { wrapper } = await mountStatus(status)
    expect(wrapper.get('.quote__line').text()).toBe('Quoted post')
    expect(wrapper.get('.status__body').classes()).not.toContain('status__body--hide-quote-inline')
  })

  it('does not show a quoted status that the reader’s filters hide', async () => {
    const status = statusFixture('status.quote.json')
    const quoted = (status.quote as mastodon.v1.Quote).quotedStatus!
    quoted.filtered = statusFixture('status.filtered.json').filtered
    quoted.filtered![0]!.filter.filterAction = 'hide'
    const { wrapper } = await mountStatus(status)
    expect(wrapper.findAll('article')).toHaveLength(1)
    expect(wrapper.get('.quote__line').text()).toBe('The quoted post is hidden by one of your filters.')
  })

  it('collapses the quote with the rest of the body behind a content warning', async () => {
    const status = statusFixture('status.quote.json')
    status.spoilerText = 'cw'
    const { wrapper } = await mountStatus(status)
    expect(wrapper.findAll('article')).toHaveLength(1)
    await wrapper.get('button.status__cw-toggle').trigger('click')
    expect(wrapper.findAll('article')).toHaveLength(2)
  })
})
