import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import type { mastodon } from 'masto'
import StatusCard from '@/components/status/StatusCard.vue'
import { ACCOUNT_KEY, accountFixture, mountWithApp, statusFixture } from './status-fixtures'
import { seedAccounts, storedAccount } from '../../helpers/accounts'

/** Text as read: runs of white space (template line breaks) are one space. */
const read = (text: string) => text.replace(/\s+/g, ' ').trim()

enableAutoUnmount(afterEach)

beforeEach(() => {
  // Five minutes after status.media.image.json was posted.
  vi.useFakeTimers({ now: new Date('2026-08-01T13:56:35.294Z'), toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

function mountStatus(status: mastodon.v1.Status, props: Record<string, unknown> = {}, locale: 'en' | 'nl' = 'en') {
  return mountWithApp(StatusCard, { props: { status, accountKey: ACCOUNT_KEY, ...props }, locale })
}

describe('StatusCard: author, time and links', () => {
  it('is an article named after its author and time', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.image.json'))
    const article = wrapper.get('article')
    expect(article.attributes('aria-label')).toBe('Post by John Lennon, 5 min. ago')
  })

  it('shows the author with the full handle (local accounts get their host) and links to the profile', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.image.json'))
    const author = wrapper.get('.author')
    expect(author.attributes('href')).toBe('/@mastodonpy_test@localhost:3000')
    expect(author.text()).toContain('John Lennon')
    expect(author.text()).toContain('@mastodonpy_test@localhost:3000')
    const avatar = author.get('img')
    expect(avatar.attributes('src')).toMatch(/^http:\/\/localhost:3000\/system\/accounts\/avatars\//)
    expect(avatar.attributes('referrerpolicy')).toBe('no-referrer')
  })

  it('keeps the domain of remote handles and shows custom emoji in the display name', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.poll.json'))
    const author = wrapper.get('.author')
    expect(author.text()).toContain('@halcy@icosahedron.website')
    const emoji = author.get('img.custom-emoji')
    expect(emoji.attributes('alt')).toBe(':icosahedron:')
    expect(emoji.attributes('src')).toMatch(/^https:\/\/files\.mastodon\.social\//)
  })

  it('shows the relative time in a <time> with the absolute time as title, linking to the status in the app', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.image.json'))
    const link = wrapper.get('.status__time')
    expect(link.attributes('href')).toBe('/@mastodonpy_test@localhost:3000/117020576664345360')
    const time = link.get('time')
    expect(time.text()).toBe('5 min. ago')
    expect(time.attributes('datetime')).toBe('2026-08-01T13:51:35.294Z')
    expect(time.attributes('title')).toContain('2026')
  })

  it('uses the UI language for times and labels', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.image.json'), {}, 'nl')
    expect(wrapper.get('.status__time time').text()).toBe('5 min. geleden')
    expect(wrapper.get('article').attributes('aria-label')).toBe('Bericht van John Lennon, 5 min. geleden')
  })

  it('has a small external link to the original page that opens safely', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.image.json'))
    const original = wrapper.get('a.status__original')
    expect(original.attributes()).toMatchObject({
      href: 'http://localhost:3000/@mastodonpy_test/117020576664345360',
      target: '_blank',
      rel: 'nofollow noopener noreferrer',
      'aria-label': 'Open the original on localhost:3000',
    })
  })

  it('marks the language of the content', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.video.json'))
    expect(wrapper.get('.status__content').attributes('lang')).toBe('de')
  })

  it.each([
    ['status.plain.json', 'Public'],
    ['status.media.image.json', 'Quiet public'],
    ['status.private.json', 'Followers only'],
    ['status.direct.json', 'Private mention'],
  ])('%s shows its visibility as "%s" with an icon', async (name, label) => {
    const { wrapper } = await mountStatus(statusFixture(name))
    const visibility = wrapper.get('.status__visibility')
    expect(visibility.text()).toBe(label)
    expect(visibility.find('svg[aria-hidden="true"]').exists()).toBe(true)
  })

  it('shows bot and locked badges', async () => {
    const status = statusFixture('status.plain.json')
    status.account = { ...accountFixture('account.bot.json'), locked: true }
    const { wrapper } = await mountStatus(status)
    const badges = wrapper.get('.badges').text()
    expect(badges).toContain('Automated')
    expect(badges).toContain('Approves followers')
  })
})

describe('StatusCard: boosts and replies', () => {
  it('shows "<name> boosted" with a link to the booster and the boosted status as the card', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.reblog.json'))
    const line = wrapper.get('.status__boost')
    expect(line.text()).toBe('John Lennon boosted')
    expect(line.get('a').attributes('href')).toBe('/@mastodonpy_test@localhost:3000')
    expect(wrapper.get('.status__content').text()).toBe('Toot!')
    // The time and link are the boosted status's own.
    expect(wrapper.get('.status__time').attributes('href')).toBe('/@mastodonpy_test@localhost:3000/117020586019094258')
    expect(wrapper.get('article').attributes('aria-label')).toMatch(/^John Lennon boosted a post by John Lennon, /)
  })

  it('names the account replied to, from the mentions', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.reply-with-mention.json'))
    const reply = wrapper.get('.status__reply')
    expect(read(reply.text())).toBe('Replying to @mastodonpy_test_2')
    expect(reply.get('a').attributes('href')).toBe('/@mastodonpy_test_2@localhost:3000')
  })

  it('says a reply continues a thread when it answers its own author, and stays vague otherwise', async () => {
    const own = statusFixture('status.plain.json')
    own.inReplyToId = '1'
    own.inReplyToAccountId = own.account.id
    const { wrapper } = await mountStatus(own)
    expect(wrapper.get('.status__reply').text()).toBe('Continues a thread')

    // status.media.audio.json replies to account 43, which is mentioned.
    const audio = await mountStatus(statusFixture('status.media.audio.json'))
    expect(read(audio.wrapper.get('.status__reply').text())).toBe('Replying to @halcy')

    const unknown = statusFixture('status.plain.json')
    unknown.inReplyToId = '2'
    unknown.inReplyToAccountId = '999'
    const third = await mountStatus(unknown)
    expect(third.wrapper.get('.status__reply').text()).toBe('Reply to a post')
  })
})

const signedIn = storedAccount({ username: 'reader', host: 'localhost:3000', id: '117020565966271181' })

describe('StatusCard: counts', () => {
  it('counts as read-only text when there is no account to act as', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.card.json'))
    const counts = wrapper.get('ul.counts')
    expect(counts.attributes('aria-label')).toBe('Reactions')
    expect(counts.findAll('li').map((li) => li.text())).toEqual(['5 replies', '6 boosts', '11 favourites', '2 quotes'])
    expect(counts.findAll('button')).toHaveLength(0)
  })

  it('with an account to act as, boosts and favourites are counted on their buttons only', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.card.json'), { accountKey: signedIn.key })
    seedAccounts([signedIn], signedIn.key)
    await flushPromises()
    expect(wrapper.get('ul.counts').findAll('li').map((li) => li.text())).toEqual(['5 replies', '2 quotes'])
    const bar = wrapper.get('[role="group"]')
    expect(bar.text()).toContain('6')
    expect(bar.text()).toContain('11')
  })

  it('shows what the reader did on the pressed buttons', async () => {
    const status = statusFixture('status.reblog.json').reblog!
    status.favourited = true
    status.bookmarked = true
    status.reblogged = true
    const { wrapper } = await mountStatus(status, { accountKey: signedIn.key })
    seedAccounts([signedIn], signedIn.key)
    await flushPromises()
    const pressed = wrapper.findAll('button[aria-pressed="true"]').map((b) => b.attributes('aria-label') ?? b.text())
    expect(pressed.join(' ')).toMatch(/Favourite/)
    expect(pressed.join(' ')).toMatch(/Bookmark/)
    expect(wrapper.get('ul.counts').text()).not.toMatch(/you|Bookmarked/)
  })

  it('leaves out counts a server does not send', async () => {
    const status = statusFixture('status.plain.json') as Partial<mastodon.v1.Status>
    delete status.quotesCount
    const { wrapper } = await mountStatus(status as mastodon.v1.Status)
    expect(wrapper.get('ul.counts').text()).not.toContain('quote')
  })
})

describe('StatusCard: missing optional fields', () => {
  it('renders a status without any of the optional fields', async () => {
    const status = statusFixture('status.plain.json') as Partial<mastodon.v1.Status> & Record<string, unknown>
    for (const key of ['quote', 'quotesCount', 'filtered', 'card', 'poll', 'editedAt', 'language', 'url', 'mentions', 'emojis', 'tags', 'mediaAttachments', 'favourited', 'reblogged', 'bookmarked']) {
      delete status[key]
    }
    const { wrapper } = await mountStatus(status as mastodon.v1.Status)
    expect(wrapper.find('article').exists()).toBe(true)
    expect(wrapper.find('.status__content').exists()).toBe(true)
  })
})
