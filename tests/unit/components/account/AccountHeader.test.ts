import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import AccountHeader from '@/components/account/AccountHeader.vue'
import { ACCOUNT_KEY, HOSTILE_HTML, HOSTILE_TEXT, accountFixture, dangerousMarkup, mountWithApp } from '../status/status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const read = (text: string) => text.replace(/\s+/g, ' ').trim()

function mountHeader(account: mastodon.v1.Account, locale: 'en' | 'nl' = 'en') {
  return mountWithApp(AccountHeader, { props: { account, accountKey: ACCOUNT_KEY }, locale })
}

describe('AccountHeader', () => {
  it('is a section named by the display name, with banner, avatar and full handle', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.verified-fields-emojis.json'))
    const section = wrapper.get('section')
    const heading = wrapper.get(`#${section.attributes('aria-labelledby')}`)
    expect(heading.element.tagName).toBe('H2')
    expect(heading.text()).toBe('ikea shark fan account')
    expect(wrapper.get('.profile__handle').text()).toBe('@noiob@awoo.space')
    const banner = wrapper.get('img.profile__banner-image')
    expect(banner.attributes('src')).toBe('https://files.mastodon.social/accounts/headers/000/023/634/original/256eb8d7ac40f49a.png')
    expect(banner.attributes('referrerpolicy')).toBe('no-referrer')
    expect(wrapper.get('.avatar img').attributes('src')).toMatch(/6ca8804dc46800ad\.png$/)
  })

  it('shows the bio through RemoteContent, with its custom emoji and in-app hashtag links', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.verified-fields-emojis.json'))
    const note = wrapper.get('.profile__note')
    expect(note.findAll('img.custom-emoji').map((img) => img.attributes('alt'))).toEqual([':ms_rainbow_flag:', ':ms_nonbinary_flag:'])
    expect(note.get('a.hashtag').attributes('href')).toBe('/tags/awoo')
    expect(note.text()).toContain('compsci student')
  })

  it('lists profile fields, marking the verified one', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.verified-fields-emojis.json'))
    const list = wrapper.get('dl.fields')
    expect(list.attributes('aria-label')).toBe('Profile details')
    const rows = list.findAll('.fields__row')
    expect(rows.map((row) => row.get('dt').text())).toEqual(['Pronouns', 'Alt', 'Bots', 'Website'])
    expect(rows[0]!.get('dd').text()).toBe('they/them')
    const verified = rows[3]!
    expect(verified.classes()).toContain('fields__row--verified')
    expect(verified.get('dd a').attributes()).toMatchObject({ href: 'http://shork.xyz/', target: '_blank' })
    const mark = verified.get('.fields__verified')
    expect(read(mark.text())).toMatch(/^Verified The owner of this link was verified on Nov 10, 2019/)
    expect(mark.find('svg[aria-hidden="true"]').exists()).toBe(true)
    expect(rows.filter((row) => row.find('.fields__verified').exists())).toHaveLength(1)
  })

  it('shows custom emoji in the display name of a remote account, and its verified field', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.remote-emoji-verified.json'))
    const heading = wrapper.get('h2')
    expect(heading.get('img.custom-emoji').attributes('alt')).toBe(':icosahedron:')
    expect(wrapper.get('.profile__handle').text()).toBe('@halcy@icosahedron.website')
    const rows = wrapper.findAll('.fields__row')
    expect(rows[0]!.classes()).toContain('fields__row--verified')
    expect(rows[0]!.get('dt').text()).toBe('Web')
    // A field has no mention list to match against: its mention links out, safely.
    expect(rows[3]!.get('a.mention').attributes()).toMatchObject({
      href: 'https://icosahedron.website/@halcy2',
      target: '_blank',
      rel: 'nofollow noopener noreferrer',
    })
  })

  it('counts posts, following and followers in the UI language, and says when the account joined', async () => {
    const account = accountFixture('account.verified-fields-emojis.json')
    const english = await mountHeader(account)
    expect(english.wrapper.findAll('.profile__count').map((li) => li.text())).toEqual(['28,468 posts', '404 following', '547 followers'])
    expect(read(english.wrapper.get('.profile__joined').text())).toBe('Joined February 8, 2017')
    expect(english.wrapper.get('.profile__joined time').attributes('datetime')).toBe('2017-02-08T02:00:53.274Z')

    const dutch = await mountHeader(account, 'nl')
    expect(dutch.wrapper.findAll('.profile__count').map((li) => li.text())).toEqual(['28.468 berichten', '404 volgend', '547 volgers'])
    expect(read(dutch.wrapper.get('.profile__joined').text())).toBe('Lid sinds 8 februari 2017')
  })

  it('says where a moved account went, linking to the new profile', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.moved.json'))
    const notice = wrapper.get('.profile__notice')
    expect(read(notice.text())).toBe('Eugen has moved to shork (@noiob@awoo.space).')
    expect(notice.get('a').attributes('href')).toBe('/@noiob@awoo.space')
  })

  it('shows a suspended account without bio, fields or counts', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.suspended.json'))
    expect(wrapper.get('.profile__notice--danger').text()).toBe('This account has been suspended.')
    expect(wrapper.find('.profile__note').exists()).toBe(false)
    expect(wrapper.find('dl.fields').exists()).toBe(false)
    expect(wrapper.find('.profile__counts').exists()).toBe(false)
    // No display name: the username; the placeholder header is not shown.
    expect(wrapper.get('h2').text()).toBe('stigatle')
    expect(wrapper.find('img.profile__banner-image').exists()).toBe(false)
  })

  it('hides the bio and fields of a limited account until asked', async () => {
    const account = { ...accountFixture('account.verified-fields-emojis.json'), limited: true }
    const { wrapper } = await mountHeader(account)
    expect(wrapper.get('.profile__notice').text()).toContain('This profile has been hidden by the moderators of your server.')
    expect(wrapper.find('.profile__note').exists()).toBe(false)
    await wrapper.get('.profile__notice button').trigger('click')
    expect(wrapper.find('.profile__note').exists()).toBe(true)
    expect(wrapper.find('dl.fields').exists()).toBe(true)
  })

  it('shows bot, locked and group badges', async () => {
    const bot = await mountHeader(accountFixture('account.bot.json'))
    expect(bot.wrapper.get('.badges').text()).toBe('Automated')
    const locked = await mountHeader(accountFixture('account.locked-emojis.json'))
    expect(read(locked.wrapper.get('.badges').text())).toBe('Approves followers')
    expect(locked.wrapper.get('h2 img.custom-emoji').attributes('alt')).toBe(':collar:')
    const group = await mountHeader({ ...accountFixture('account.bot.json'), bot: false, group: true })
    expect(group.wrapper.get('.badges').text()).toBe('Group')
  })

  it('shows a plain-text bio (as some servers send it) as text', async () => {
    const { wrapper } = await mountHeader(accountFixture('account.bot.json'))
    expect(wrapper.get('.profile__note').text()).toBe('a (pleroma edition)')
  })

  it('lets no markup through from a hostile profile', async () => {
    const account = accountFixture('account.verified-fields-emojis.json')
    account.displayName = HOSTILE_TEXT
    account.note = HOSTILE_HTML
    account.header = 'javascript:alert(1)'
    account.avatar = 'javascript:alert(2)'
    account.avatarStatic = 'javascript:alert(2)'
    account.fields = [{ name: HOSTILE_TEXT, value: HOSTILE_HTML, verifiedAt: '2020-01-01T00:00:00Z' }]
    account.moved = { ...accountFixture('account.bot.json'), displayName: HOSTILE_TEXT }
    const { wrapper } = await mountHeader(account)
    expect(dangerousMarkup(wrapper.element)).toEqual([])
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('iframe').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe(HOSTILE_TEXT)
    expect(wrapper.get('dt').text()).toBe(HOSTILE_TEXT)
    expect(wrapper.get('.profile__notice').text()).toContain(HOSTILE_TEXT)
    expect(wrapper.find('img.profile__banner-image').exists()).toBe(false)
    expect(wrapper.find('.avatar img').exists()).toBe(false)
  })

  it('tolerates missing optional fields', async () => {
    const account = accountFixture('account.bot.json') as Partial<mastodon.v1.Account> & Record<string, unknown>
    for (const key of ['fields', 'emojis', 'note', 'header', 'headerStatic', 'createdAt', 'statusesCount', 'moved', 'suspended', 'limited']) {
      delete account[key]
    }
    const { wrapper } = await mountHeader(account as mastodon.v1.Account)
    expect(wrapper.get('h2').text()).toBe('a')
    expect(wrapper.find('.profile__joined').exists()).toBe(false)
    expect(wrapper.findAll('.profile__count').map((li) => li.text())).toEqual(['0 following', '0 followers'])
  })
})
