import { describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { draftProblems } from '@/compose/draft-problems'
import { newDraft, quoteDraft, readyMedia, threadOf } from '@/compose/draft'
import type { Draft, DraftMedia, DraftPost } from '@/compose/draft-types'
import { DEFAULT_COMPOSE_LIMITS, type ComposeLimits } from '@/compose/limits'
import { fixture, statusFixture } from '../components/status/status-fixtures'

const ACCOUNT = 'localhost:3000|117020565966271181'
const limits = DEFAULT_COMPOSE_LIMITS
const NOW = Date.parse('2025-06-01T12:00:00Z')

const base = () => newDraft({ accountKey: ACCOUNT, visibility: 'public', language: 'en' }, NOW)
function withPost(change: Partial<DraftPost>, draftChange: Partial<Draft> = {}): Draft {
  const d = base()
  return { ...d, ...draftChange, posts: [{ ...(d.posts[0] as DraftPost), ...change }] }
}
const kinds = (d: Draft, l: ComposeLimits = limits) => draftProblems(d, l, NOW).map((p) => p.kind)
const media = (change: Partial<DraftMedia> = {}): DraftMedia => ({
  ...readyMedia(fixture<mastodon.v1.MediaAttachment>('media.image.json')),
  ...change,
})

describe('what blocks publishing', () => {
  it('nothing, for a plain post', () => {
    expect(draftProblems(withPost({ text: 'hello' }), limits, NOW)).toEqual([])
  })

  it('an empty post', () => {
    expect(kinds(withPost({ text: '  \n' }))).toEqual(['empty'])
  })

  it('a post over the limit, by how much', () => {
    const [problem] = draftProblems(withPost({ text: 'a'.repeat(503) }), limits, NOW)
    expect(problem).toMatchObject({ kind: 'too-long', values: { over: 3, max: 500 } })
  })

  it('a poll without text', () => {
    expect(kinds(withPost({ poll: { options: ['a', 'b'], expiresIn: 3600, multiple: false, hideTotals: false } }))).toEqual(['poll-needs-text'])
  })

  it('poll options: too few, empty, too long, duplicate, too many', () => {
    const poll = (options: string[]) => withPost({ text: 'q', poll: { options, expiresIn: 3600, multiple: false, hideTotals: false } })
    expect(kinds(poll(['only']))).toEqual(['poll-too-few-options'])
    expect(kinds(poll(['a', ' ']))).toEqual(['poll-option-empty'])
    expect(draftProblems(poll(['a', 'b'.repeat(51)]), limits, NOW)[0]).toMatchObject({ kind: 'poll-option-too-long', values: { index: 1, over: 1 } })
    expect(draftProblems(poll(['yes', 'no', 'yes ']), limits, NOW)[0]).toMatchObject({ kind: 'poll-option-duplicate', values: { index: 2 } })
    expect(kinds(poll(['a', 'b', 'c', 'd', 'e']))).toEqual(['poll-too-many-options'])
  })

  it('a poll expiry out of the server’s range', () => {
    const poll = (expiresIn: number) => withPost({ text: 'q', poll: { options: ['a', 'b'], expiresIn, multiple: false, hideTotals: false } })
    expect(kinds(poll(60))).toEqual(['poll-expiry-out-of-range'])
    expect(kinds(poll(300))).toEqual([])
    expect(kinds(poll(3_000_000))).toEqual(['poll-expiry-out-of-range'])
  })

  it('a poll together with media', () => {
    const d = withPost({ text: 'q', media: [media()], poll: { options: ['a', 'b'], expiresIn: 3600, multiple: false, hideTotals: false } })
    expect(kinds(d)).toEqual(['poll-with-media'])
  })

  it('more media than allowed, media not ready, a description too long', () => {
    expect(kinds(withPost({ media: [media(), media(), media(), media(), media()] }))).toEqual(['too-many-media'])
    const uploading = media({ state: 'uploading' })
    expect(draftProblems(withPost({ media: [uploading, media({ state: 'failed' })] }), limits, NOW).map((p) => p.values.state)).toEqual([
      'uploading',
      'failed',
    ])
    const long = media({ description: 'x'.repeat(1501) })
    expect(draftProblems(withPost({ media: [long] }), limits, NOW)).toEqual([
      { postId: expect.any(String), kind: 'description-too-long', values: { mediaId: long.localId, max: 1500, over: 1 } },
    ])
  })

  it('a schedule less than five minutes ahead', () => {
    const at = (ms: number) => withPost({ text: 'hi' }, { scheduledAt: new Date(NOW + ms).toISOString() })
    expect(kinds(at(4 * 60_000))).toEqual(['schedule-too-soon'])
    expect(kinds(at(6 * 60_000))).toEqual([])
    expect(kinds(withPost({ text: 'hi' }, { scheduledAt: 'soon' }))).toEqual(['schedule-invalid'])
    const scheduledThread = threadOf(at(6 * 60_000)).add().draft
    expect(kinds({ ...scheduledThread, posts: scheduledThread.posts.map((p) => ({ ...p, text: 'hi' })) })).toEqual(['schedule-thread'])
  })

  it('a quote on a server without quotes', () => {
    const quoting = quoteDraft(statusFixture('status.plain.json'), { accountKey: ACCOUNT, defaultVisibility: 'public', language: 'en' }, NOW)
    const d = { ...quoting, posts: [{ ...quoting.posts[0]!, text: 'look' }] }
    expect(kinds(d)).toEqual(['quotes-unsupported'])
    expect(kinds(d, { ...limits, quotes: true })).toEqual([])
  })

  it('only the posts not yet published', () => {
    const d = withPost({ text: '', postedId: '99' })
    expect(kinds(d)).toEqual([])
  })
})
