// Posting as Mastodon 4.5 takes it: the length rule clients count by, what a post
// needs, polls, attachments, replies, quotes and their policies, and edits. Errors are
// checked body and all: Mastodon answers posts with `error` alone.

import { beforeEach, describe, expect, it } from 'vitest'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let alice: string
let bob: string

interface Answer {
  status: number
  body: Record<string, unknown> & { id: string }
}

async function api(origin: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Answer['body'] }
}

const post = (token: string, body: unknown) => api(h.a, token, 'POST', '/api/v1/statuses', body)

async function upload(token: string, type: string, name: string): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4])], { type }), name)
  const res = await fetch(`${h.a}/api/v2/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
  return ((await res.json()) as { id: string }).id
}

beforeEach(async () => {
  h = harness()
  alice = await h.token(h.a, 'alice')
  bob = await h.token(h.a, 'bob')
})

describe('length as Mastodon counts it', () => {
  // 2 (CW) + 23 (URL) + 1 + 8 (@someone) + 1 + 1 (family emoji) + 1 (flag) + 1 = 38 before the filler.
  const text = (filler: number) =>
    `https://example.org/${'long/'.repeat(40)}page @someone@example.social 👩‍👩‍👧‍👦🇳🇱 ${'x'.repeat(filler)}`

  it('takes a post of exactly 500: URLs count 23, a remote mention counts as @user, an emoji as one', async () => {
    const ok = await post(alice, { status: text(462), spoiler_text: 'CW' })
    expect(ok.status).toBe(200)
    expect(ok.body.spoiler_text).toBe('CW')
  })

  it('refuses 501 with Mastodon’s message and nothing else', async () => {
    const refused = await post(alice, { status: text(463), spoiler_text: 'CW' })
    expect(refused).toEqual({ status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } })
  })
})

describe('what a post needs', () => {
  it('needs text unless it has media or quotes; a poll does not stand in for it', async () => {
    const blank = { status: 422, body: { error: "Validation failed: Text can't be blank" } }
    expect(await post(alice, { status: '  \n ' })).toEqual(blank)
    expect(await post(alice, { status: '', poll: { options: ['a', 'b'], expires_in: 3600 } })).toEqual(blank)
    const picture = await upload(alice, 'image/png', 'dot.png')
    expect((await post(alice, { media_ids: [picture] })).status).toBe(200)
  })

  it('posts a lone content warning as the text, marked sensitive', async () => {
    const { status, body } = await post(alice, { spoiler_text: 'just a thought' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ content: '<p>just a thought</p>', spoiler_text: '', sensitive: true })
  })

  it('refuses a visibility that does not exist', async () => {
    expect(await post(alice, { status: 'hi', visibility: 'everyone' })).toEqual({
      status: 422,
      body: { error: 'Validation failed: Visibility is not included in the list' },
    })
  })

  it('keeps the language it is given', async () => {
    const { body } = await post(alice, { status: 'Goedemorgen!', language: 'nl' })
    expect(body.language).toBe('nl')
  })

  it('answers a reply to a post the poster cannot see with 404', async () => {
    const secret = await post(await h.token(h.a, 'erin'), { status: 'for my followers', visibility: 'private' })
    const reply = await post(await h.token(h.a, 'dave'), { status: 'hm', in_reply_to_id: secret.body.id })
    expect(reply).toEqual({ status: 404, body: { error: 'The post you are trying to reply to does not appear to exist.' } })
  })
})

describe('polls', () => {
  const withPoll = (poll: unknown) => post(alice, { status: 'Which?', poll })
  const refused = (error: string) => ({ status: 422, body: { error: `Validation failed: ${error}` } })

  it('refuses polls outside the instance’s limits, in Mastodon’s words', async () => {
    expect(await withPoll({ options: ['only'], expires_in: 3600 })).toEqual(refused('Poll options must have more than one item'))
    expect(await withPoll({ options: ['a', 'b', 'c', 'd', 'e'], expires_in: 3600 })).toEqual(refused("Poll options can't contain more than 4 items"))
    expect(await withPoll({ options: ['a', 'x'.repeat(51)], expires_in: 3600 })).toEqual(refused('Poll options cannot be longer than 50 characters each'))
    expect(await withPoll({ options: ['a', 'a'], expires_in: 3600 })).toEqual(refused('Poll options contain duplicate items'))
    expect(await withPoll({ options: ['a', 'b'], expires_in: 60 })).toEqual(refused('Poll expires at is too soon'))
    expect(await withPoll({ options: ['a', 'b'], expires_in: 3_000_000 })).toEqual(refused('Poll expires at is too far into the future'))
  })

  it('trims the options and drops blank ones, as Mastodon prepares them', async () => {
    const { status, body } = await withPoll({ options: [' tea ', '', 'coffee'], expires_in: 3600, multiple: true })
    expect(status).toBe(200)
    expect(body.poll).toMatchObject({ multiple: true, options: [{ title: 'tea' }, { title: 'coffee' }] })
  })

  it('does not take a poll and attachments together', async () => {
    const picture = await upload(alice, 'image/png', 'dot.png')
    expect(await post(alice, { status: 'Which?', media_ids: [picture], poll: { options: ['a', 'b'], expires_in: 3600 } })).toEqual({
      status: 422,
      body: { error: 'Cannot attach more than 4 files' },
    })
  })
})

describe('attachments', () => {
  it('refuses another’s upload, one already on a post, more than four, and video with pictures', async () => {
    const bobs = await upload(bob, 'image/png', 'bob.png')
    expect(await post(alice, { status: 'mine?', media_ids: [bobs] })).toEqual({
      status: 422,
      body: { error: `Media ${bobs} not found or already attached to another post` },
    })
    const used = await upload(alice, 'image/png', 'used.png')
    expect((await post(alice, { status: 'first', media_ids: [used] })).status).toBe(200)
    expect((await post(alice, { status: 'again', media_ids: [used] })).body).toEqual({
      error: `Media ${used} not found or already attached to another post`,
    })
    const five = await Promise.all([1, 2, 3, 4, 5].map((n) => upload(alice, 'image/png', `${n}.png`)))
    expect((await post(alice, { status: 'five', media_ids: five })).body).toEqual({ error: 'Cannot attach more than 4 files' })
    await h.control(h.a, '/media-processing', { ms: 0 })
    const clip = await upload(alice, 'video/mp4', 'clip.mp4')
    expect((await post(alice, { status: 'mixed', media_ids: [five[0], clip] })).body).toEqual({
      error: 'Cannot attach a video to a post that already contains images',
    })
  })

  it('refuses uploads still processing, for as long as the instance is told they process', async () => {
    await h.control(h.a, '/media-processing', { ms: 300, types: ['image'] })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(8)], { type: 'image/png' }), 'big.png')
    const res = await fetch(`${h.a}/api/v2/media`, { method: 'POST', headers: { authorization: `Bearer ${alice}` }, body: form })
    expect(res.status).toBe(202)
    const { id } = (await res.json()) as { id: string }
    expect((await api(h.a, alice, 'GET', `/api/v1/media/${id}`)).status).toBe(206)
    expect(await post(alice, { status: 'too soon', media_ids: [id] })).toEqual({
      status: 422,
      body: { error: 'Cannot attach files that have not finished processing. Try again in a moment!' },
    })
    await new Promise((r) => setTimeout(r, 350))
    expect((await api(h.a, alice, 'GET', `/api/v1/media/${id}`)).status).toBe(200)
    expect((await post(alice, { status: 'now', media_ids: [id] })).status).toBe(200)
  })
})

describe('quotes (Mastodon 4.5)', () => {
  it('quotes a public post: accepted, with the quoted status inside', async () => {
    const original = await post(bob, { status: 'Quote me if you like' })
    const { status, body } = await post(alice, { status: 'Well said', quoted_status_id: original.body.id, quote_approval_policy: 'followers' })
    expect(status).toBe(200)
    expect(body.quote).toMatchObject({ state: 'accepted', quoted_status: { id: original.body.id } })
    expect(body.quote_approval).toEqual({ automatic: ['followers'], manual: [], current_user: 'automatic' })
  })

  it('needs no text to quote', async () => {
    const original = await post(bob, { status: 'Boost-like quote' })
    expect((await post(alice, { status: '', quoted_status_id: original.body.id })).status).toBe(200)
  })

  it('lets only the post’s policy decide who may quote, and answers the others 404', async () => {
    const notFound = { status: 404, body: { error: 'The post you are trying to quote does not appear to exist.' } }
    const closed = await post(bob, { status: 'Not for quoting', quote_approval_policy: 'nobody' })
    expect(closed.body.quote_approval).toMatchObject({ automatic: [], current_user: 'automatic' })
    expect(await post(alice, { status: 'hm', quoted_status_id: closed.body.id })).toEqual(notFound)
    // Bob may quote himself whatever the policy says.
    expect((await post(bob, { status: 'me again', quoted_status_id: closed.body.id })).status).toBe(200)

    const followersOnly = await post(bob, { status: 'Followers may quote', quote_approval_policy: 'followers' })
    const stranger = await h.token(h.a, 'yuki') // does not follow bob; alice does
    expect(await post(stranger, { status: 'hm', quoted_status_id: followersOnly.body.id })).toEqual(notFound)
    expect((await post(alice, { status: 'yes', quoted_status_id: followersOnly.body.id })).status).toBe(200)
  })

  it('keeps a quote of a followers-only post followers-only, and only its author may make one', async () => {
    const erin = await h.token(h.a, 'erin')
    const secret = await post(erin, { status: 'for my followers', visibility: 'private' })
    expect(secret.body.quote_approval).toEqual({ automatic: [], manual: [], current_user: 'automatic' })
    const self = await post(erin, { status: 'adding to that', quoted_status_id: secret.body.id })
    expect(self.body.visibility).toBe('private')
    expect((await post(alice, { status: 'hm', quoted_status_id: secret.body.id })).status).toBe(404)
  })

  it('refuses an unknown quote policy', async () => {
    expect(await post(alice, { status: 'x', quote_approval_policy: 'friends' })).toEqual({ status: 422, body: { error: 'Record invalid' } })
  })
})

describe('edits', () => {
  it('changes attachments’ descriptions and focus, replaces the poll, and keeps a history', async () => {
    const picture = await upload(alice, 'image/png', 'p.png')
    const first = await post(alice, { status: 'Look', media_ids: [picture] })
    const edited = await api(h.a, alice, 'PUT', `/api/v1/statuses/${first.body.id}`, {
      status: 'Look at this',
      media_ids: [picture],
      media_attributes: [{ id: picture, description: 'A red dot', focus: '0.5,-0.25' }],
      language: 'nl',
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ content: '<p>Look at this</p>', language: 'nl' })
    expect(edited.body.media_attachments).toMatchObject([{ id: picture, description: 'A red dot', meta: { focus: { x: 0.5, y: -0.25 } } }])
    const history = await api(h.a, alice, 'GET', `/api/v1/statuses/${first.body.id}/history`)
    expect((history.body as unknown as { content: string }[]).map((v) => v.content)).toEqual(['<p>Look</p>', '<p>Look at this</p>'])

    // An edit says what the post now is: the picture left out comes off, a poll goes on.
    const withPoll = await api(h.a, alice, 'PUT', `/api/v1/statuses/${first.body.id}`, {
      status: 'Which one?',
      poll: { options: ['left', 'right'], expires_in: 600 },
    })
    expect(withPoll.body.media_attachments).toEqual([])
    expect(withPoll.body.poll).toMatchObject({ options: [{ title: 'left' }, { title: 'right' }] })
    // The picture is free to use again.
    expect((await post(alice, { status: 'Reused', media_ids: [picture] })).status).toBe(200)
  })

  it('changes who may quote the post', async () => {
    const first = await post(alice, { status: 'Open for quotes' })
    expect(first.body.quote_approval).toMatchObject({ automatic: ['public'] })
    const closed = await api(h.a, alice, 'PUT', `/api/v1/statuses/${first.body.id}`, { status: 'Open for quotes', quote_approval_policy: 'nobody' })
    expect(closed.body.quote_approval).toEqual({ automatic: [], manual: [], current_user: 'automatic' })
    expect((await post(bob, { status: 'hm', quoted_status_id: first.body.id })).status).toBe(404)
  })

  it('records nothing for an edit that changes nothing', async () => {
    const first = await post(alice, { status: 'Same', language: 'en' })
    const same = await api(h.a, alice, 'PUT', `/api/v1/statuses/${first.body.id}`, { status: 'Same' })
    expect(same.body.edited_at).toBeNull()
    const history = await api(h.a, alice, 'GET', `/api/v1/statuses/${first.body.id}/history`)
    expect(history.body).toHaveLength(1)
  })

  it('gives the source for editing and the text on delete, then frees the attachments for a redraft', async () => {
    const picture = await upload(alice, 'image/png', 'p.png')
    const first = await post(alice, { status: 'Draft #one', spoiler_text: 'cw', media_ids: [picture] })
    expect((await api(h.a, alice, 'GET', `/api/v1/statuses/${first.body.id}/source`)).body).toEqual({
      id: first.body.id,
      text: 'Draft #one',
      spoiler_text: 'cw',
    })
    const deleted = await api(h.a, alice, 'DELETE', `/api/v1/statuses/${first.body.id}`)
    expect(deleted.body).toMatchObject({ id: first.body.id, text: 'Draft #one', spoiler_text: 'cw' })
    expect((await post(alice, { status: 'Draft #two', media_ids: [picture] })).status).toBe(200)
  })
})
