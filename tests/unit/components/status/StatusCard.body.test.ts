import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import type { mastodon } from 'masto'
import StatusCard from '@/components/status/StatusCard.vue'
import { isHiddenByFilter, warningFilterTitles } from '@/timeline/filters'
import { ACCOUNT_KEY, fixture, mountWithApp, statusFixture } from './status-fixtures'

enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-08-01T14:00:00.000Z'), toFake: ['Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

function mountStatus(status: mastodon.v1.Status, props: Record<string, unknown> = {}) {
  return mountWithApp(StatusCard, { props: { status, accountKey: ACCOUNT_KEY, ...props } })
}

const RICH = 'status.media.gifv-cw-emojis-mentions-tags-edited.json'

/** The rich fixture also matched a "warn" filter of the reader; most tests look past it. */
function rich(): mastodon.v1.Status {
  const status = statusFixture(RICH)
  status.filtered = []
  return status
}

describe('StatusCard: content warnings', () => {
  it('collapses the content behind the warning until "Show more" is pressed', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.spoiler.json'))
    expect(wrapper.get('.status__spoiler').text()).toContain('Content warning')
    const toggle = wrapper.get('button.status__cw-toggle')
    expect(toggle.text()).toBe('Show more')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    const body = wrapper.get(`#${toggle.attributes('aria-controls')}`)
    expect(body.text()).toBe('')
    expect(wrapper.text()).not.toContain('Toot!')

    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(toggle.text()).toBe('Show less')
    expect(body.text()).toContain('Toot!')

    await toggle.trigger('click')
    expect(wrapper.text()).not.toContain('Toot!')
  })

  it('hides media, emoji content and mentions of a rich status behind its warning', async () => {
    const { wrapper } = await mountStatus(rich())
    expect(wrapper.get('.status__spoiler').text()).toContain('test post for mastodon.py stuff')
    expect(wrapper.find('video').exists()).toBe(false)
    expect(wrapper.find('.status__content').exists()).toBe(false)

    await wrapper.get('button.status__cw-toggle').trigger('click')
    const content = wrapper.get('.status__content')
    expect(content.attributes('lang')).toBe('de')
    expect(content.get('img.custom-emoji').attributes('alt')).toBe(':trans_heart:')
    expect(content.get('a.mention.hashtag').attributes('href')).toBe('/tags/thisisahashtag')
    expect(content.get('a.u-url.mention').attributes('href')).toBe('/@halcy@icosahedron.website')
    // The gifv is sensitive: still behind its blurhash until shown.
    expect(wrapper.find('video').exists()).toBe(false)
    await wrapper.get('button.gallery__reveal').trigger('click')
    const video = wrapper.get('video')
    expect(video.attributes('src')).toMatch(/\.mp4$/)
    expect((video.element as HTMLVideoElement).muted).toBe(true)
    expect(video.attributes()).toHaveProperty('loop')
  })

  it('shows custom emoji of the display name and spoiler as images, and markup in them as text', async () => {
    const status = rich()
    status.spoilerText = '<b>not bold</b> :trans_heart:'
    status.account.displayName = '<i>halcy</i> :icosahedron:'
    const { wrapper } = await mountStatus(status)
    const spoiler = wrapper.get('.status__spoiler')
    expect(spoiler.text()).toContain('<b>not bold</b>')
    expect(spoiler.find('b').exists()).toBe(false)
    expect(spoiler.get('img.custom-emoji').attributes('alt')).toBe(':trans_heart:')
    const name = wrapper.get('.author__name')
    expect(name.text()).toContain('<i>halcy</i>')
    expect(name.find('i').exists()).toBe(false)
    expect(name.get('img').attributes('alt')).toBe(':icosahedron:')
  })
})

describe('StatusCard: edits', () => {
  it('marks an edited status; pressing the marker asks for the history and opens it', async () => {
    const status = statusFixture('status.edited.json')
    const { wrapper } = await mountStatus(status)
    const marker = wrapper.get('.status__edited button')
    expect(marker.text()).toBe('Edited 5 min. ago')
    expect(marker.attributes('aria-haspopup')).toBe('dialog')
    await marker.trigger('click')
    expect(wrapper.emitted('show-history')).toHaveLength(1)
    // Until the parent has the history, the dialog (loaded on first use) says it is loading.
    const dialog = await vi.waitFor(() => wrapper.get('dialog'))
    expect(dialog.text()).toContain('Loading the edit history…')
  })

  it('shows every version of the history the parent passes in, newest first', async () => {
    const { wrapper } = await mountStatus(rich())
    await wrapper.get('.status__edited button').trigger('click')
    await wrapper.setProps({ history: fixture<mastodon.v1.StatusEdit[]>('status.edit-history.json') })
    const dialog = await vi.waitFor(() => wrapper.get('dialog'))
    expect(dialog.get('h2').text()).toBe('Edit history')
    const versions = dialog.findAll('li.history__version')
    expect(versions).toHaveLength(2)
    expect(versions[0]?.text()).toContain('Current version')
    expect(versions[0]?.text()).toContain('test post for mastodon.py stuff')
    expect(versions[0]?.get('.history__content img.custom-emoji').attributes('alt')).toBe(':trans_heart:')
    expect(versions[0]?.get('.history__author img.custom-emoji').attributes('alt')).toBe(':icosahedron:')
    expect(versions[0]?.text()).toContain('No description')
    expect(versions[1]?.text()).toContain('Original post')
    expect(versions[1]?.text()).toContain("you're a doo-doo head")
    expect(versions[1]?.text()).not.toContain('editing this')
  })

  it('closes the history with Escape and returns focus to the marker', async () => {
    const { wrapper } = await mountStatus(rich(), {
      history: fixture<mastodon.v1.StatusEdit[]>('status.edit-history.json'),
    })
    const marker = wrapper.get('.status__edited button')
    await marker.trigger('click')
    await flushPromises()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Close edit history')
    await wrapper.get('dialog').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(document.activeElement).toBe(marker.element)
  })
})

describe('StatusCard: filters', () => {
  it('collapses a status matched by a "warn" filter behind its title, with "Show anyway"', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.filtered.json'))
    const article = wrapper.get('article')
    expect(article.attributes('aria-label')).toBe('Filtered post')
    expect(article.text()).toContain('Filtered: animes')
    expect(wrapper.find('.status__content').exists()).toBe(false)
    expect(wrapper.find('.author').exists()).toBe(false)

    await wrapper.get('button.button').trigger('click')
    expect(wrapper.get('.status__content').text()).toBe('animes')
    expect(wrapper.get('article').attributes('aria-label')).toMatch(/^Post by halcy/)
  })

  it('renders nothing for a "hide" filter, and lists can leave it out with isHiddenByFilter', async () => {
    const status = statusFixture('status.filtered.json')
    status.filtered![0]!.filter.filterAction = 'hide'
    expect(isHiddenByFilter(status)).toBe(true)
    const { wrapper } = await mountStatus(status)
    expect(wrapper.find('article').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
  })

  it('collapses the rich status behind the reader\'s filter as the server sent it', async () => {
    const { wrapper } = await mountStatus(statusFixture(RICH))
    expect(wrapper.get('article').text()).toContain('Filtered: animes')
    expect(wrapper.find('.status__spoiler').exists()).toBe(false)
  })

  it('ignores filters that have expired', () => {
    const status = statusFixture('status.plain.json')
    status.filtered = [fixture<mastodon.v1.FilterResult>('filter-result.json')]
    // Its filter expired in 2022.
    expect(isHiddenByFilter(status)).toBe(false)
    status.filtered[0]!.filter.expiresAt = null
    expect(isHiddenByFilter(status)).toBe(true)
  })

  it('applies a filter on the boosted status', () => {
    const boost = statusFixture('status.reblog.json')
    boost.reblog!.filtered = statusFixture('status.filtered.json').filtered
    expect(warningFilterTitles(boost)).toEqual(['animes'])
  })

  it('only applies filters of the context the status is shown in, when one is given', async () => {
    const status = statusFixture('status.filtered.json')
    expect(warningFilterTitles(status, 'public')).toEqual([])
    expect(warningFilterTitles(status, 'home')).toEqual(['animes'])
    const { wrapper } = await mountStatus(status, { filterContext: 'public' })
    expect(wrapper.get('.status__content').text()).toBe('animes')
  })

  it('ignores filters without a filter object, and statuses without `filtered`', () => {
    const status = statusFixture('status.plain.json')
    expect(isHiddenByFilter(status)).toBe(false)
    status.filtered = [{ keywordMatches: null, statusMatches: null } as unknown as mastodon.v1.FilterResult]
    expect(isHiddenByFilter(status)).toBe(false)
  })

  it('hides the media of a status matched by a "blur" filter', async () => {
    const status = statusFixture('status.media.video.json')
    status.filtered = [{ ...fixture<mastodon.v1.FilterResult>('filter-result.json') }]
    status.filtered[0]!.filter.filterAction = 'blur'
    status.filtered[0]!.filter.expiresAt = null
    const { wrapper } = await mountStatus(status)
    expect(wrapper.find('video').exists()).toBe(false)
    expect(wrapper.find('button.gallery__reveal').exists()).toBe(true)
  })
})

describe('StatusCard: translation', () => {
  it('offers "Translate" for a status in another language when the server can translate', async () => {
    const { wrapper } = await mountStatus(statusFixture('status.media.video.json'), { translationAvailable: true })
    const button = wrapper.get('.status__translation button')
    expect(button.text()).toBe('Translate')
    await button.trigger('click')
    expect(wrapper.emitted('translate')).toHaveLength(1)
  })

  it('does not offer it without server support or for the reader’s own language', async () => {
    const german = await mountStatus(statusFixture('status.media.video.json'))
    expect(german.wrapper.find('.status__translation').exists()).toBe(false)
    const english = await mountStatus(statusFixture('status.media.image.json'), { translationAvailable: true })
    expect(english.wrapper.find('.status__translation').exists()).toBe(false)
  })

  it('shows the translation with its source and provider, and the original on request', async () => {
    const status = statusFixture('status.media.video.json')
    const translation = fixture<mastodon.v1.Translation>('status.translation.json')
    const { wrapper } = await mountStatus(status, { translationAvailable: true, translation })
    const content = wrapper.get('.status__content')
    expect(content.text()).toBe('Hello world')
    expect(content.attributes('lang')).toBe('en')
    const note = wrapper.get('.status__translation')
    expect(note.text()).toContain('Translated from Spanish by DeepL.com')

    await note.get('button').trigger('click')
    expect(wrapper.emitted('show-original')).toHaveLength(1)
    expect(wrapper.get('.status__content').text()).toBe('video post')
    expect(wrapper.get('.status__content').attributes('lang')).toBe('de')
    // The parent may keep the translation: it comes back without a new request.
    await wrapper.get('.status__translation button').trigger('click')
    expect(wrapper.get('.status__content').text()).toBe('Hello world')
    expect(wrapper.emitted('translate')).toBeUndefined()
  })

  it('shows a translated content warning', async () => {
    const status = statusFixture('status.spoiler.json')
    status.language = 'es'
    const translation = fixture<mastodon.v1.Translation>('status.translation.json')
    const { wrapper } = await mountStatus(status, { translationAvailable: true, translation })
    expect(wrapper.get('.status__spoiler').text()).toContain('Greatings ahead')
  })
})
