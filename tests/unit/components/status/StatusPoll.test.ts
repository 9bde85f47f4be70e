import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import type { mastodon } from 'masto'
import StatusCard from '@/components/status/StatusCard.vue'
import StatusPoll from '@/components/status/StatusPoll.vue'
import { ACCOUNT_KEY, mountWithApp, statusFixture } from './status-fixtures'

enableAutoUnmount(afterEach)

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

const read = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The open multiple-choice poll, as someone who has not voted sees it (the fixture is its author's view). */
function openPoll(): mastodon.v1.Status {
  const status = statusFixture('status.poll.open-multiple.json')
  status.poll!.voted = false
  return status
}

describe('StatusPoll: an expired multiple-choice poll', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-08-01T14:00:00.000Z'), toFake: ['Date'] })
  })

  it('shows results as shares of the people who voted, own votes marked, and the closed state', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.poll.json'), accountKey: ACCOUNT_KEY },
    })
    const poll = wrapper.get('[role="group"].poll')
    expect(poll.attributes('aria-label')).toBe('Poll')
    expect(poll.find('form').exists()).toBe(false)
    const rows = poll.findAll('li.poll__result')
    // 47 people cast 64 votes: 8, 17, 14 and 25 of them chose each option.
    expect(rows.map((row) => row.get('.poll__percent').text())).toEqual(['17%', '36%', '30%', '53%'])
    expect(rows.map((row) => row.classes().includes('poll__result--own'))).toEqual([false, true, true, true])
    expect(read(rows[1]!.text())).toBe('36% fr fr Your choice')
    expect(rows[3]!.classes()).toContain('poll__result--leading')
    expect(read(poll.get('.poll__footer').text())).toContain('47 people · Closed')
  })

  it('shows the poll emoji in an option', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.poll.json'), accountKey: ACCOUNT_KEY },
    })
    const option = wrapper.findAll('li.poll__result')[3]!
    const emoji = option.get('img.custom-emoji')
    expect(emoji.attributes('alt')).toBe(':hecker:')
    expect(emoji.attributes('src')).toMatch(/^https:\/\/files\.mastodon\.social\//)
  })

  it('asks for a refresh', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.poll.json'), accountKey: ACCOUNT_KEY },
    })
    const refresh = wrapper.findAll('.poll__footer button').find((button) => button.text() === 'Refresh')!
    await refresh.trigger('click')
    expect(wrapper.emitted('refresh-poll')).toHaveLength(1)
  })
})

describe('StatusPoll: an open poll', () => {
  beforeEach(() => {
    // Two minutes after the poll was posted; it runs for five.
    vi.useFakeTimers({ now: new Date('2026-08-01T13:55:07.237Z'), toFake: ['Date'] })
  })

  it('is a form of check boxes for a multiple-choice poll, and a vote emits the chosen options', async () => {
    const { wrapper } = await mountWithApp(StatusCard, { props: { status: openPoll(), accountKey: ACCOUNT_KEY } })
    const form = wrapper.get('form.poll__form')
    const fieldset = form.get('fieldset')
    expect(wrapper.get(`#${fieldset.attributes('aria-labelledby')}`).text()).toBe('Choose one or more')
    const boxes = form.findAll('input[type="checkbox"]')
    expect(boxes).toHaveLength(2)
    expect(form.findAll('label').map((label) => label.text())).toEqual(['four twenty', 'sixty-nine'])

    const vote = form.get('button[type="submit"]')
    expect(vote.text()).toBe('Vote')
    expect(vote.attributes()).toHaveProperty('disabled')

    await boxes[1]!.setValue(true)
    await boxes[0]!.setValue(true)
    expect(vote.attributes()).not.toHaveProperty('disabled')
    await form.trigger('submit')
    expect(wrapper.emitted('vote')).toEqual([[[0, 1]]])
    expect(read(wrapper.get('.poll__footer').text())).toContain('0 people · Ends in 3 min.')
  })

  it('is a radio group for a single-choice poll', async () => {
    const status = openPoll()
    status.poll!.multiple = false
    const { wrapper } = await mountWithApp(StatusCard, { props: { status, accountKey: ACCOUNT_KEY } })
    const radios = wrapper.findAll('input[type="radio"]')
    expect(radios).toHaveLength(2)
    expect(radios[0]!.attributes('name')).toBe(radios[1]!.attributes('name'))
    await radios[0]!.setValue(true)
    await radios[1]!.setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('vote')).toEqual([[[1]]])
    expect(read(wrapper.get('.poll__footer').text())).toContain('0 votes')
  })

  it('can show the results before voting and go back', async () => {
    const { wrapper } = await mountWithApp(StatusCard, { props: { status: openPoll(), accountKey: ACCOUNT_KEY } })
    await wrapper.findAll('form button').find((button) => button.text() === 'See results')!.trigger('click')
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.findAll('li.poll__result').map((row) => row.get('.poll__percent').text())).toEqual(['0%', '0%'])
    await wrapper.findAll('.poll__footer button').find((button) => button.text() === 'Back to voting')!.trigger('click')
    expect(wrapper.find('form').exists()).toBe(true)
  })

  it('shows results, not the form, to someone who voted (or wrote the poll)', async () => {
    const { wrapper } = await mountWithApp(StatusCard, {
      props: { status: statusFixture('status.poll.open-multiple.json'), accountKey: ACCOUNT_KEY },
    })
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.findAll('li.poll__result')).toHaveLength(2)
  })

  it('closes when its end time has passed, even before the server says so', async () => {
    vi.setSystemTime(new Date('2026-08-01T14:10:00.000Z'))
    const { wrapper } = await mountWithApp(StatusCard, { props: { status: openPoll(), accountKey: ACCOUNT_KEY } })
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.get('.poll__footer').text()).toContain('Closed')
  })

  it('waits while a vote is on its way', async () => {
    const status = openPoll()
    const { wrapper } = await mountWithApp(StatusPoll, { props: { poll: status.poll!, busy: true } })
    expect(wrapper.get('button[type="submit"]').text()).toBe('Voting…')
    expect(wrapper.get('input').attributes()).toHaveProperty('disabled')
  })

  it('is read-only in a quoted post', async () => {
    const { wrapper } = await mountWithApp(StatusPoll, { props: { poll: openPoll().poll!, readonly: true } })
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('shows no percentages while the server keeps the results hidden', async () => {
    const poll = openPoll().poll!
    for (const option of poll.options) delete option.votesCount
    const { wrapper } = await mountWithApp(StatusPoll, { props: { poll, readonly: true } })
    expect(wrapper.findAll('li.poll__result')).toHaveLength(2)
    expect(wrapper.find('.poll__percent').exists()).toBe(false)
  })

  it('shows option titles with markup as text', async () => {
    const poll = openPoll().poll!
    poll.options[0]!.title = '<img src=x onerror=alert(1)>'
    const { wrapper } = await mountWithApp(StatusPoll, { props: { poll } })
    expect(wrapper.get('label').text()).toBe('<img src=x onerror=alert(1)>')
    expect(wrapper.find('label img').exists()).toBe(false)
  })
})
