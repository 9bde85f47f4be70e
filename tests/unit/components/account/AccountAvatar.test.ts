import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import AccountAvatar from '@/components/account/AccountAvatar.vue'
import { alice, storedAccount } from '../../helpers/accounts'

enableAutoUnmount(afterEach)

describe('AccountAvatar', () => {
  it('shows the still avatar as a decorative, lazily loaded image that sends no referrer', () => {
    const wrapper = mount(AccountAvatar, { props: { account: alice, size: 48 } })
    const img = wrapper.get('img')
    expect(img.attributes()).toMatchObject({
      src: alice.avatarStatic,
      alt: '',
      width: '48',
      height: '48',
      referrerpolicy: 'no-referrer',
      loading: 'lazy',
    })
  })

  it('shows the first letter of the name when the image cannot be loaded', async () => {
    const wrapper = mount(AccountAvatar, { props: { account: alice } })
    await wrapper.get('img').trigger('error')
    expect(wrapper.find('img').exists()).toBe(false)
    const initial = wrapper.get('[aria-hidden="true"]')
    expect(initial.text()).toBe('A')
  })

  it('does not load an avatar address that is not http(s)', () => {
    const account = storedAccount({ username: 'eve', avatar: 'javascript:alert(1)', avatarStatic: 'data:image/svg+xml,<svg/>' })
    const wrapper = mount(AccountAvatar, { props: { account } })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toBe('E')
  })

  it('skips emoji shortcodes and symbols for the initial, and falls back to the username', async () => {
    const shortcode = mount(AccountAvatar, { props: { account: storedAccount({ username: 'zed', displayName: ':blobcat: émile' }) } })
    await shortcode.get('img').trigger('error')
    expect(shortcode.text()).toBe('É')

    const noName = mount(AccountAvatar, { props: { account: storedAccount({ username: 'quinn', displayName: '  ' }) } })
    await noName.get('img').trigger('error')
    expect(noName.text()).toBe('Q')
  })
})
