import { describe, expect, it, vi } from 'vitest'
import type { mastodon } from 'masto'
import { PUBLISH_TIMEOUT_MS, PublishFailure, publishDraft, publishFailureOf, publishPost, type AccountCall } from '@/compose/publish'
import { newDraft, readyMedia, threadOf } from '@/compose/draft'
import type { Draft, DraftPost, DraftTarget } from '@/compose/draft-types'
import { FakeHttpError } from '../helpers/masto'
import { fixture } from '../components/status/status-fixtures'

const ACCOUNT = 'social.example|1'

interface Sent {
  readonly endpoint: string
  readonly params: unknown
  readonly meta: { requestInit?: { headers?: Record<string, string>; signal?: AbortSignal } } | undefined
}

/** A masto client whose statuses endpoints answer from `answers` in turn (an Error is thrown). */
function fakePublishClient(answers: (unknown | Error)[] = []) {
  const sent: Sent[] = []
  let nextId = 100
  const answer = (endpoint: string) => async (params?: unknown, meta?: Sent['meta']) => {
    sent.push({ endpoint, params, meta })
    const next = answers.shift()
    if (next instanceof Error) throw next
    if (next !== undefined) return next
    return { id: String(nextId++), content: '<p>ok</p>' }
  }
  const client = {
    v1: {
      statuses: {
        create: vi.fn(answer('create')),
        $select: (id: string) => ({ update: vi.fn(answer(`update:${id}`)) }),
      },
      scheduledStatuses: {
        $select: (id: string) => ({ update: vi.fn(answer(`schedule-update:${id}`)), remove: vi.fn(answer(`schedule-remove:${id}`)) }),
      },
    },
  } as unknown as mastodon.rest.Client
  const call: AccountCall = (_key, fn) => fn(client)
  return { client, call, sent }
}

function draftWith(change: Partial<DraftPost> = {}, draftChange: Partial<Draft> = {}): Draft {
  const d = newDraft({ accountKey: ACCOUNT, visibility: 'unlisted', language: 'nl' })
  return { ...d, ...draftChange, posts: [{ ...(d.posts[0] as DraftPost), text: 'Hallo', ...change }] }
}

const target = (id: string): DraftTarget => ({ id, url: null, acct: 'a@b.example', displayName: 'A', excerpt: '' })
const noMedia = async () => [] as string[]
const httpError = (status: number, message: string, extra: { details?: unknown; headers?: Record<string, string> } = {}) =>
  Object.assign(new FakeHttpError(status, message), {
    details: extra.details,
    cause: { headers: new Headers(extra.headers ?? { 'Content-Type': 'application/json' }) },
  })

describe('publishing one post', () => {
  it('sends the post with its Idempotency-Key and a timeout', async () => {
    const { client, sent } = fakePublishClient()
    const draft = draftWith({ spoilerText: 'cw', cwEnabled: true, sensitive: true })
    await publishPost(client, draft.posts[0]!, draft, [], { quotes: false })
    expect(sent[0]?.params).toEqual({ status: 'Hallo', spoilerText: 'cw', visibility: 'unlisted', language: 'nl', sensitive: true })
    expect(sent[0]?.meta?.requestInit?.headers).toEqual({ 'Idempotency-Key': draft.posts[0]!.idempotencyKey })
    expect(sent[0]?.meta?.requestInit?.signal).toBeInstanceOf(AbortSignal)
    expect(PUBLISH_TIMEOUT_MS).toBe(15_000)
  })

  it('leaves a closed content warning out', async () => {
    const { client, sent } = fakePublishClient()
    const draft = draftWith({ spoilerText: 'typed, then closed', cwEnabled: false })
    await publishPost(client, draft.posts[0]!, draft, [], { quotes: false })
    expect(sent[0]?.params).not.toHaveProperty('spoilerText')
  })

  it('sends media ids, or a poll, the reply target and the schedule', async () => {
    const { client, sent } = fakePublishClient()
    const at = new Date(Date.now() + 3_600_000).toISOString()
    const withMedia = draftWith({}, { inReplyTo: target('7'), scheduledAt: at })
    await publishPost(client, withMedia.posts[0]!, withMedia, ['m1', 'm2'], { quotes: false })
    expect(sent[0]?.params).toMatchObject({ mediaIds: ['m1', 'm2'], inReplyToId: '7', scheduledAt: at })
    const poll = { options: ['ja', 'nee'], expiresIn: 3600, multiple: false, hideTotals: true }
    const withPoll = draftWith({ poll })
    await publishPost(client, withPoll.posts[0]!, withPoll, [], { quotes: false })
    expect(sent[1]?.params).toMatchObject({ poll })
    expect(sent[1]?.params).not.toHaveProperty('mediaIds')
  })

  it('sends a quote and its policy only to a server with quotes', async () => {
    const { client, sent } = fakePublishClient()
    const draft = draftWith({}, { quoteOf: target('42'), quotePolicy: 'followers' })
    await publishPost(client, draft.posts[0]!, draft, [], { quotes: true })
    expect(sent[0]?.params).toMatchObject({ quotedStatusId: '42', quoteApprovalPolicy: 'followers' })
    await publishPost(client, draft.posts[0]!, draft, [], { quotes: false })
    expect(sent[1]?.params).not.toHaveProperty('quotedStatusId')
    expect(sent[1]?.params).not.toHaveProperty('quoteApprovalPolicy')
  })

  it('edits a published post with its media descriptions and focal points', async () => {
    const { client, sent } = fakePublishClient()
    const media = { ...readyMedia(fixture<mastodon.v1.MediaAttachment>('media.image.json')), description: 'A cat', focus: { x: -0.5, y: 0.25 } }
    const draft = draftWith({ media: [media] }, { editOf: '55', inReplyTo: target('7') })
    await publishPost(client, draft.posts[0]!, draft, [media.remoteId!], { quotes: false })
    expect(sent[0]?.endpoint).toBe('update:55')
    expect(sent[0]?.params).toMatchObject({
      status: 'Hallo',
      spoilerText: '',
      mediaIds: [media.remoteId],
      mediaAttributes: [{ id: media.remoteId, description: 'A cat', focus: '-0.50,0.25' }],
    })
    expect(sent[0]?.params).not.toHaveProperty('inReplyToId')
  })

  it('moves a scheduled post by changing only its time when nothing else changed', async () => {
    const { client, sent } = fakePublishClient()
    const original = fixture<mastodon.v1.ScheduledStatus>('status.scheduled.json')
    const at = new Date(Date.now() + 7_200_000).toISOString()
    const draft = draftWith({ text: 'test post' }, { scheduledId: original.id, scheduledAt: at, visibility: 'public', language: '' })
    await publishPost(client, draft.posts[0]!, draft, [], { quotes: false, scheduledOriginal: original })
    expect(sent.map((s) => s.endpoint)).toEqual([`schedule-update:${original.id}`])
    expect(sent[0]?.params).toEqual({ scheduledAt: at })
  })

  it('replaces a scheduled post whose text changed: delete, then create with a key of its own', async () => {
    const { client, sent } = fakePublishClient()
    const original = fixture<mastodon.v1.ScheduledStatus>('status.scheduled.json')
    const at = new Date(Date.now() + 7_200_000).toISOString()
    const draft = draftWith({ text: 'changed' }, { scheduledId: original.id, scheduledAt: at })
    await publishPost(client, draft.posts[0]!, draft, [], { quotes: false, scheduledOriginal: original })
    expect(sent.map((s) => s.endpoint)).toEqual([`schedule-remove:${original.id}`, 'create'])
    expect(sent[1]?.params).toMatchObject({ status: 'changed', scheduledAt: at })
    expect(sent[1]?.meta?.requestInit?.headers?.['Idempotency-Key']).not.toBe(draft.posts[0]!.idempotencyKey)
  })
})

describe('publishing a draft', () => {
  function thread(): Draft {
    let d = draftWith({ text: 'one' }, { inReplyTo: target('7') })
    for (const text of ['two', 'three']) {
      const added = threadOf(d).add()
      d = threadOf(added.draft).update(added.post.localId, (p) => ({ ...p, text }))
    }
    return d
  }

  it('posts a thread in order, each post answering the one before', async () => {
    const { call, sent } = fakePublishClient()
    const draft = thread()
    const posted: string[] = []
    const mediaIdsFor = vi.fn(noMedia)
    await publishDraft(draft, { call, mediaIdsFor, onPosted: (localId, status) => void posted.push(`${localId}:${status.id}`) })
    expect(sent.map((s) => (s.params as { inReplyToId?: string }).inReplyToId)).toEqual(['7', '100', '101'])
    expect(posted).toEqual(draft.posts.map((p, i) => `${p.localId}:${100 + i}`))
    expect(mediaIdsFor).toHaveBeenCalledTimes(3)
  })

  it('resumes after the posts already confirmed, without posting them again', async () => {
    const { call, sent } = fakePublishClient()
    const draft = thread()
    const resumed: Draft = { ...draft, posts: draft.posts.map((p, i) => (i === 0 ? { ...p, postedId: '90' } : p)) }
    await publishDraft(resumed, { call, mediaIdsFor: noMedia, onPosted: () => {} })
    expect(sent.map((s) => (s.params as { status: string }).status)).toEqual(['two', 'three'])
    expect((sent[0]?.params as { inReplyToId?: string }).inReplyToId).toBe('90')
  })

  it('tries a timed-out post once more with the same Idempotency-Key', async () => {
    const timeout = Object.assign(new Error('Request timed out'), { name: 'MastoTimeoutError' })
    const { call, sent } = fakePublishClient([timeout])
    const draft = draftWith()
    const onPosted = vi.fn()
    await publishDraft(draft, { call, mediaIdsFor: noMedia, onPosted })
    expect(sent).toHaveLength(2)
    const keys = sent.map((s) => s.meta?.requestInit?.headers?.['Idempotency-Key'])
    expect(keys).toEqual([draft.posts[0]!.idempotencyKey, draft.posts[0]!.idempotencyKey])
    expect(onPosted).toHaveBeenCalledTimes(1)
  })

  it('gives up after the second timeout, saying so', async () => {
    const timeout = () => Object.assign(new Error('Request timed out'), { name: 'MastoTimeoutError' })
    const { call, sent } = fakePublishClient([timeout(), timeout()])
    const draft = draftWith()
    const failure = await publishDraft(draft, { call, mediaIdsFor: noMedia, onPosted: () => {} }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(PublishFailure)
    expect(failure).toMatchObject({ kind: 'timeout', postLocalId: draft.posts[0]!.localId })
    expect(sent).toHaveLength(2)
  })

  it('does not retry what the server refused', async () => {
    const { call, sent } = fakePublishClient([httpError(422, 'Validation failed: Text character limit of 500 exceeded')])
    const failure = await publishDraft(draftWith(), { call, mediaIdsFor: noMedia, onPosted: () => {} }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ kind: 'validation', field: 'text' })
    expect(sent).toHaveLength(1)
  })

  it('stops a thread at the failing post, keeping what was posted', async () => {
    const draft = (() => {
      const d = draftWith({ text: 'one' })
      const added = threadOf(d).add()
      return threadOf(added.draft).update(added.post.localId, (p) => ({ ...p, text: 'two' }))
    })()
    const { call } = fakePublishClient([undefined, httpError(500, 'oops')])
    const onPosted = vi.fn()
    const failure = await publishDraft(draft, { call, mediaIdsFor: noMedia, onPosted }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ kind: 'server', postLocalId: draft.posts[1]!.localId })
    expect(onPosted).toHaveBeenCalledTimes(1)
  })

  it('passes the account’s own errors through its call (so a 401 can mark the account)', async () => {
    const seen: unknown[] = []
    const { client } = fakePublishClient([httpError(401, 'The access token is invalid')])
    const call: AccountCall = async (_key, fn) => {
      try {
        return await fn(client)
      } catch (error) {
        seen.push(error)
        throw error
      }
    }
    const failure = await publishDraft(draftWith(), { call, mediaIdsFor: noMedia, onPosted: () => {} }).catch((e: unknown) => e)
    expect((seen[0] as { statusCode?: number }).statusCode).toBe(401)
    expect(failure).toMatchObject({ kind: 'auth' })
  })
})

describe('why publishing failed', () => {
  it('names the field from the server’s details', () => {
    const error = httpError(422, 'Validation failed: Poll options must have at least 2 items', {
      details: { 'poll.options': [{ error: 'ERR_TOO_SHORT', description: 'must have at least 2 items' }] },
    })
    expect(publishFailureOf(error)).toMatchObject({ kind: 'validation', field: 'poll', serverMessage: 'must have at least 2 items' })
  })

  it('names the field from the server’s message when there are no details', () => {
    const field = (message: string) => publishFailureOf(httpError(422, message)).field
    expect(field('Cannot attach files that have not finished processing. Try again in a moment!')).toBe('media')
    expect(field('Validation failed: Scheduled at The scheduled date must be in the future')).toBe('scheduled_at')
    expect(field('Validation failed: Spoiler text is too long')).toBe('spoiler_text')
    expect(field('Validation failed: Text can\u2019t be blank')).toBe('text')
    expect(field('Something else')).toBeNull()
  })

  it('says when to try again after a rate limit', () => {
    const reset = '2025-06-01T12:30:00.000Z'
    expect(publishFailureOf(httpError(429, 'Too many requests', { headers: { 'X-RateLimit-Reset': reset } }))).toMatchObject({
      kind: 'rate-limited',
      retryAt: reset,
    })
    const now = Date.parse('2025-06-01T12:00:00Z')
    expect(publishFailureOf(httpError(429, 'Too many requests', { headers: { 'Retry-After': '120' } }), null, now).retryAt).toBe(
      '2025-06-01T12:02:00.000Z',
    )
  })

  it('sorts sign-in, gone, server and network failures', () => {
    expect(publishFailureOf(httpError(401, 'x')).kind).toBe('auth')
    expect(publishFailureOf(httpError(403, 'x')).kind).toBe('auth')
    expect(publishFailureOf(httpError(404, 'Record not found')).kind).toBe('gone')
    expect(publishFailureOf(httpError(503, 'x')).kind).toBe('server')
    expect(publishFailureOf(new TypeError('Failed to fetch')).kind).toBe('offline')
    expect(publishFailureOf(Object.assign(new Error('gone'), { name: 'UnknownAccountError' })).kind).toBe('auth')
  })
})
