// A status from a hostile server: markup in every plain-text field, script and event
// handlers in every HTML field, javascript: in every address. Nothing of it may become
// markup, an event handler or a javascript:/data: address in the DOM.

import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import type { mastodon } from 'masto'
import StatusCard from '@/components/status/StatusCard.vue'
import { ACCOUNT_KEY, HOSTILE_HTML, HOSTILE_TEXT, dangerousMarkup, fixture, mountWithApp, statusFixture } from './status-fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

const JS = 'javascript:alert(document.domain)'

function hostileAccount(account: mastodon.v1.Account): mastodon.v1.Account {
  return {
    ...account,
    displayName: `${HOSTILE_TEXT} :icosahedron:`,
    avatar: JS,
    avatarStatic: 'data:image/svg+xml,<svg onload=alert(1)>',
    url: JS,
    emojis: [
      { shortcode: 'icosahedron', url: JS, staticUrl: JS, visibleInPicker: true },
      { shortcode: 'evil', url: 'https://x.example/"onerror="alert(1)', staticUrl: 'https://x.example/e.png', visibleInPicker: true },
    ],
  }
}

/** Every remote field of a status, with a payload in it. */
function hostileStatus(): mastodon.v1.Status {
  const status = statusFixture('status.media.gifv-cw-emojis-mentions-tags-edited.json')
  status.filtered = []
  status.sensitive = false
  status.account = hostileAccount(status.account)
  status.content = `${HOSTILE_HTML}<p class="quote-inline" onmouseover="alert(7)">RE: x</p>`
  status.spoilerText = `${HOSTILE_TEXT} :trans_heart:`
  status.url = JS
  status.uri = 'data:text/html,<script>alert(1)</script>'
  status.language = '"><script>alert(1)</script>'
  status.emojis = [{ shortcode: 'trans_heart', url: JS, staticUrl: 'vbscript:x', visibleInPicker: true }]
  status.mentions = [{ id: '1', username: 'x', acct: '<script>', url: JS }]
  status.mediaAttachments = [
    {
      ...status.mediaAttachments[0]!,
      type: 'image',
      url: JS,
      previewUrl: 'https://media.example/preview.png" onerror="alert(1)',
      remoteUrl: 'data:image/svg+xml,<svg onload=alert(1)>',
      description: HOSTILE_TEXT,
      blurhash: '<script>',
    },
    { ...status.mediaAttachments[0]!, id: 'v', type: 'video', url: JS, previewUrl: JS, description: HOSTILE_TEXT },
    { ...status.mediaAttachments[0]!, id: 'a', type: 'audio', url: 'https://media.example/a.mp3', description: HOSTILE_TEXT },
    { ...status.mediaAttachments[0]!, id: 'u', type: 'unknown', url: JS, remoteUrl: JS, description: HOSTILE_TEXT },
  ]
  const poll = statusFixture('status.poll.json').poll!
  poll.expired = false
  poll.voted = false
  poll.expiresAt = '2999-01-01T00:00:00.000Z'
  poll.options = [{ title: HOSTILE_TEXT, votesCount: 1, emojis: [] }, { title: '<a href="javascript:x">x</a>', votesCount: 0, emojis: [] }]
  status.poll = poll
  status.card = null
  const quoted = statusFixture('status.poll.json')
  quoted.account = hostileAccount(quoted.account)
  quoted.content = HOSTILE_HTML
  quoted.spoilerText = ''
  quoted.url = JS
  status.quote = { state: 'accepted', quotedStatus: quoted }
  return status
}

describe('StatusCard with a hostile status', () => {
  it('lets no markup, handler or script address through, and shows plain-text fields as text', async () => {
    const status = hostileStatus()
    const translation = {
      content: HOSTILE_HTML,
      spoilerText: HOSTILE_TEXT,
      provider: HOSTILE_TEXT,
      detectedSourceLanguage: '<b>',
      language: 'en',
    } as unknown as mastodon.v1.Translation
    const { wrapper } = await mountWithApp(StatusCard, {
      props: {
        status,
        accountKey: ACCOUNT_KEY,
        translationAvailable: true,
        history: fixture<mastodon.v1.StatusEdit[]>('status.edit-history.json').map((edit) => ({
          ...edit,
          content: HOSTILE_HTML,
          spoilerText: HOSTILE_TEXT,
          account: hostileAccount(edit.account),
          mediaAttachments: [{ ...status.mediaAttachments[0]! }],
          poll: { options: [{ title: HOSTILE_TEXT }] },
        })),
      },
    })
    const root = wrapper.element
    expect(dangerousMarkup(root)).toEqual([])

    // Open everything: the content warning, the sensitive media, the ALT texts, the viewer,
    // the edit history and the translation.
    await wrapper.get('button.status__cw-toggle').trigger('click')
    for (const alt of wrapper.findAll('button.gallery__alt')) await alt.trigger('click')
    await wrapper.get('.status__edited button').trigger('click')
    await flushPromises()
    expect(dangerousMarkup(root)).toEqual([])
    const viewerButton = wrapper.find('button.gallery__open')
    if (viewerButton.exists()) {
      await viewerButton.trigger('click')
      await flushPromises()
      expect(dangerousMarkup(root)).toEqual([])
    }
    await wrapper.setProps({ translation })
    expect(dangerousMarkup(root)).toEqual([])

    const html = wrapper.html()
    expect(html).not.toContain('<script')
    // Payloads show up as text (escaped); no attribute carries a script address.
    const attributeValues = [root, ...root.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => attribute.name !== 'lang').map((attribute) => attribute.value),
    )
    for (const value of attributeValues) {
      expect(value).not.toMatch(/javascript:|vbscript:|data:text|data:image\/svg/i)
    }
    expect(wrapper.find('iframe').exists()).toBe(false)

    // Plain-text fields: the payload is visible as text.
    expect(wrapper.get('.author__name').text()).toContain(HOSTILE_TEXT)
    expect(wrapper.get('.status__spoiler').text()).toContain(HOSTILE_TEXT)
    expect(wrapper.get('.poll__title').text()).toBe(HOSTILE_TEXT)
    expect(wrapper.get('.gallery__description').text()).toBe(HOSTILE_TEXT)
    expect(wrapper.get('.history__spoiler').text()).toContain(HOSTILE_TEXT)
    expect(wrapper.get('.status__translation').text()).toContain(HOSTILE_TEXT)
    // No image from a script address; the avatar falls back to its initial.
    for (const img of wrapper.findAll('img')) {
      expect(img.attributes('src') ?? '').toMatch(/^(https?:|data:image\/bmp;)/)
    }
  })

  it('keeps a hostile language tag out of the lang attribute as markup', async () => {
    const status = hostileStatus()
    const { wrapper } = await mountWithApp(StatusCard, { props: { status, accountKey: ACCOUNT_KEY } })
    await wrapper.get('button.status__cw-toggle').trigger('click')
    // An attribute value is text: the tag is whatever the server said, and nothing more.
    expect(wrapper.findAll('script')).toHaveLength(0)
    expect(wrapper.get('.status__content').attributes('lang')).toBe('"><script>alert(1)</script>')
  })
})
