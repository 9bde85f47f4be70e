// Scheduled posts as Mastodon 4.5 keeps them: made by POST /api/v1/statuses with
// `scheduled_at`, listed, moved, cancelled, and published as ordinary posts (streamed
// as any other) once their time has come.

import { beforeEach, describe, expect, it } from 'vitest'
import { createRestAPIClient } from 'masto'
import type { StatusRecord } from './model.ts'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let alice: string

interface Answer {
  status: number
  headers: Headers
  body: Record<string, unknown> & { id: string }
}

async function api(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${h.a}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] }
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()

async function aliceStatuses(): Promise<string[]> {
  const me = await api(alice, 'GET', '/api/v1/accounts/verify_credentials')
  const page = await api(alice, 'GET', `/api/v1/accounts/${me.body.id}/statuses?limit=5`)
  return (page.body as unknown as { content: string }[]).map((s) => s.content)
}

beforeEach(async () => {
  h = harness()
  alice = await h.token(h.a, 'alice')
})

describe('scheduling', () => {
  it('answers a post with `scheduled_at` with a ScheduledStatus and posts nothing yet', async () => {
    const at = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000)
    const { status, body } = await api(alice, 'POST', '/api/v1/statuses', {
      status: 'Good morning, future',
      scheduled_at: at.toISOString(),
      visibility: 'unlisted',
      language: 'en',
      poll: { options: ['yes', 'no'], expires_in: 3600 },
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      id: expect.any(String),
      scheduled_at: at.toISOString(),
      params: {
        text: 'Good morning, future',
        poll: { options: ['yes', 'no'], expires_in: '3600', multiple: false, hide_totals: false },
        media_ids: null,
        sensitive: null,
        visibility: 'unlisted',
        language: 'en',
        spoiler_text: null,
        in_reply_to_id: null,
        quoted_status_id: null,
        quote_approval_policy: null,
        allowed_mentions: null,
        idempotency: null,
        scheduled_at: null,
        with_rate_limit: false,
      },
      media_attachments: [],
    })
    expect(await aliceStatuses()).not.toContain('<p>Good morning, future</p>')
  })

  it('refuses a time less than five minutes ahead, and posts at once for a time already past', async () => {
    const soon = await api(alice, 'POST', '/api/v1/statuses', { status: 'soon', scheduled_at: new Date(Date.now() + 60_000).toISOString() })
    expect(soon).toMatchObject({ status: 422, body: { error: 'Validation failed: Scheduled at date must be in the future' } })
    expect(Object.keys(soon.body)).toEqual(['error'])
    const past = await api(alice, 'POST', '/api/v1/statuses', { status: 'already late', scheduled_at: '2001-01-01T00:00:00Z' })
    expect(past.body).toMatchObject({ content: '<p>already late</p>' })
  })

  it('says only "Record invalid" when the post itself would not be valid, or the time does not parse', async () => {
    expect((await api(alice, 'POST', '/api/v1/statuses', { status: '', scheduled_at: inAnHour() })).body).toEqual({ error: 'Record invalid' })
    expect((await api(alice, 'POST', '/api/v1/statuses', { status: 'when?', scheduled_at: 'soon' })).body).toEqual({ error: 'Record invalid' })
  })

  it('schedules once for a retried request with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'scheduled-1' }
    const first = await api(alice, 'POST', '/api/v1/statuses', { status: 'once', scheduled_at: inAnHour() }, headers)
    const again = await api(alice, 'POST', '/api/v1/statuses', { status: 'once', scheduled_at: inAnHour() }, headers)
    expect(again.body.id).toBe(first.body.id)
    expect((await api(alice, 'GET', '/api/v1/scheduled_statuses')).body).toHaveLength(1)
  })
})

describe('managing scheduled posts', () => {
  it('lists them newest first with Link pagination, shows, moves and cancels one', async () => {
    const ids: string[] = []
    for (const n of [1, 2, 3]) ids.push((await api(alice, 'POST', '/api/v1/statuses', { status: `later ${n}`, scheduled_at: inAnHour() })).body.id)
    const page = await api(alice, 'GET', '/api/v1/scheduled_statuses?limit=2')
    expect((page.body as unknown as { id: string }[]).map((s) => s.id)).toEqual([ids[2], ids[1]])
    expect(page.headers.get('link')).toMatch(new RegExp(`max_id=${ids[1]}>; rel="next".*min_id=${ids[2]}>; rel="prev"`))
    const next = await api(alice, 'GET', `/api/v1/scheduled_statuses?limit=2&max_id=${ids[1]}`)
    expect((next.body as unknown as { id: string }[]).map((s) => s.id)).toEqual([ids[0]])

    expect((await api(alice, 'GET', `/api/v1/scheduled_statuses/${ids[0]}`)).body.params).toMatchObject({ text: 'later 1' })
    const tomorrow = new Date(Math.ceil((Date.now() + 86_400_000) / 1000) * 1000).toISOString()
    expect((await api(alice, 'PUT', `/api/v1/scheduled_statuses/${ids[0]}`, { scheduled_at: tomorrow })).body.scheduled_at).toBe(tomorrow)
    expect((await api(alice, 'PUT', `/api/v1/scheduled_statuses/${ids[0]}`, { scheduled_at: new Date().toISOString() })).body).toEqual({
      error: 'Validation failed: Scheduled at date must be in the future',
    })

    expect(await api(alice, 'DELETE', `/api/v1/scheduled_statuses/${ids[0]}`)).toMatchObject({ status: 200, body: {} })
    expect((await api(alice, 'GET', `/api/v1/scheduled_statuses/${ids[0]}`)).status).toBe(404)
  })

  it('keeps another’s scheduled posts out of reach', async () => {
    const mine = await api(alice, 'POST', '/api/v1/statuses', { status: 'mine', scheduled_at: inAnHour() })
    const bob = await h.token(h.a, 'bob')
    expect((await api(bob, 'GET', `/api/v1/scheduled_statuses/${mine.body.id}`)).status).toBe(404)
    expect((await api(bob, 'GET', '/api/v1/scheduled_statuses')).body).toEqual([])
  })

  it('holds its attachments until it is published or cancelled', async () => {
    const masto = createRestAPIClient({ url: h.a, accessToken: alice })
    const picture = await masto.v2.media.create({ file: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }) })
    const scheduled = await api(alice, 'POST', '/api/v1/statuses', { status: 'with a picture', media_ids: [picture.id], scheduled_at: inAnHour() })
    expect(scheduled.body.media_attachments).toMatchObject([{ id: picture.id }])
    expect((await api(alice, 'POST', '/api/v1/statuses', { status: 'steal it', media_ids: [picture.id] })).status).toBe(422)
    await api(alice, 'DELETE', `/api/v1/scheduled_statuses/${scheduled.body.id}`)
    expect((await api(alice, 'POST', '/api/v1/statuses', { status: 'now mine', media_ids: [picture.id] })).status).toBe(200)
  })
})

describe('publishing', () => {
  it('publishes due posts through the control, streamed like any post', async () => {
    await api(alice, 'POST', '/api/v1/statuses', { status: 'Published by the clock', scheduled_at: inAnHour(), spoiler_text: 'cw' })
    const created: StatusRecord[] = []
    h.fed.world.on('status.created', (s) => created.push(s))
    const res = await h.control(h.a, '/scheduled/publish-due', { now: new Date(Date.now() + 7_200_000).toISOString() })
    const { published } = (await res.json()) as { published: string[] }
    expect(published).toHaveLength(1)
    expect(created.map((s) => s.text)).toEqual(['Published by the clock'])
    const status = await api(alice, 'GET', `/api/v1/statuses/${published[0]}`)
    expect(status.body).toMatchObject({ content: '<p>Published by the clock</p>', spoiler_text: 'cw', sensitive: true })
    expect((await api(alice, 'GET', '/api/v1/scheduled_statuses')).body).toEqual([])
  })

  it('publishes a post whose time has come on the next request, without the control', async () => {
    await api(alice, 'POST', '/api/v1/statuses', { status: 'Right on time', scheduled_at: inAnHour() })
    for (const r of h.fed.world.scheduled.values()) r.scheduledAt = Date.now() - 1
    expect(await aliceStatuses()).toContain('<p>Right on time</p>')
  })
})
