import { describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import {
  editDraft,
  mostRestrictive,
  newDraft,
  newPost,
  plainExcerpt,
  quoteDraft,
  readyMedia,
  redraftDraft,
  replyDraft,
  threadOf,
} from '@/compose/draft'
import type { Draft } from '@/compose/draft-types'
import { fixture, statusFixture } from '../components/status/status-fixtures'

const ACCOUNT = 'localhost:3000|117020565966271181'
const NOW = Date.parse('2025-06-01T12:00:00Z')

const base = () => newDraft({ accountKey: ACCOUNT, visibility: 'public', language: 'en' }, NOW)

describe('new drafts', () => {
  it('start with one empty post with its own ids', () => {
    const d = base()
    expect(d.posts).toHaveLength(1)
    expect(d.accountKey).toBe(ACCOUNT)
    expect(d.visibility).toBe('public')
    expect(d.language).toBe('en')
    const [a, b] = [newPost(), newPost()]
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey)
    expect(a.localId).not.toBe(a.idempotencyKey)
    expect(a.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('replies', () => {
  const reply = statusFixture('status.reply-with-mention.json')

  it('mention the author and everyone mentioned, but not yourself', () => {
    const d = replyDraft(reply, { accountKey: ACCOUNT, myAcct: 'mastodonpy_test_2', defaultVisibility: 'public', language: 'en' }, NOW)
    expect(d.posts[0]?.text).toBe('@admin ')
    const d2 = replyDraft(reply, { accountKey: ACCOUNT, myAcct: 'someone', defaultVisibility: 'public', language: 'en' }, NOW)
    expect(d2.posts[0]?.text).toBe('@admin @mastodonpy_test_2 ')
  })

  it('mention each account once', () => {
    const status = { ...reply, mentions: [...reply.mentions, { ...reply.mentions[0]!, acct: 'ADMIN' }] }
    const d = replyDraft(status, { accountKey: ACCOUNT, myAcct: 'x@elsewhere.org', defaultVisibility: 'public', language: 'en' }, NOW)
    expect(d.posts[0]?.text).toBe('@admin @mastodonpy_test_2 ')
  })

  it('do not mention yourself when you reply to your own post (full acct given)', () => {
    const own = statusFixture('status.spoiler.json')
    const d = replyDraft(own, { accountKey: ACCOUNT, myAcct: 'mastodonpy_test@localhost:3000', defaultVisibility: 'public', language: 'en' }, NOW)
    expect(d.posts[0]?.text).toBe('')
  })

  it('keep the content warning, open', () => {
    const d = replyDraft(statusFixture('status.spoiler.json'), { accountKey: ACCOUNT, myAcct: 'me', defaultVisibility: 'public', language: 'en' }, NOW)
    expect(d.posts[0]).toMatchObject({ spoilerText: 'Content warning', cwEnabled: true })
  })

  it('take the more restrictive visibility of the post and your default', () => {
    const privatePost = { ...reply, visibility: 'private' as const }
    expect(replyDraft(privatePost, { accountKey: ACCOUNT, myAcct: 'me', defaultVisibility: 'public', language: 'en' }, NOW).visibility).toBe('private')
    expect(replyDraft(reply, { accountKey: ACCOUNT, myAcct: 'me', defaultVisibility: 'unlisted', language: 'en' }, NOW).visibility).toBe('unlisted')
    expect(mostRestrictive('direct', 'public')).toBe('direct')
  })

  it('say what they answer, as plain text with the author’s full handle', () => {
    const d = replyDraft(reply, { accountKey: ACCOUNT, myAcct: 'me', defaultVisibility: 'public', language: 'en' }, NOW)
    expect(d.inReplyTo).toMatchObject({ id: reply.id, acct: 'admin@localhost:3000' })
    expect(d.inReplyTo?.excerpt).not.toMatch(/[<>]/)
    expect(d.inReplyTo?.excerpt.startsWith('@mastodonpy_test_2')).toBe(true)
  })
})

describe('excerpts', () => {
  it('strip tags and decode the basic entities, once', () => {
    expect(plainExcerpt('<p>Fish &amp; chips &lt;3</p><p>&quot;yes&quot; it&#39;s &amp;lt;</p>')).toBe('Fish & chips <3 "yes" it\'s &lt;')
  })

  it('leave a script tag as nothing and never run it', () => {
    expect(plainExcerpt('<p>hi<script>alert(1)</script></p><img src=x onerror=alert(1)>')).toBe('hialert(1)')
  })

  it('cut long text with an ellipsis', () => {
    const cut = plainExcerpt(`<p>${'word '.repeat(100)}</p>`, 20)
    expect(cut.endsWith('…')).toBe(true)
    expect([...cut].length).toBeLessThanOrEqual(20)
  })
})

describe('quotes', () => {
  it('carry the quoted post and your default visibility', () => {
    const status = statusFixture('status.plain.json')
    const d = quoteDraft(status, { accountKey: ACCOUNT, defaultVisibility: 'unlisted', language: 'nl' }, NOW)
    expect(d.quoteOf?.id).toBe(status.id)
    expect(d).toMatchObject({ visibility: 'unlisted', language: 'nl', inReplyTo: null })
    expect(d.posts[0]?.text).toBe('')
  })
})

describe('edits', () => {
  it('take the text from the source and the media, visibility and language from the status', () => {
    const status = statusFixture('status.media.image.json')
    const source = { id: status.id, text: 'LOL check this out', spoilerText: 'cw' }
    const d = editDraft(status, source, { accountKey: ACCOUNT }, NOW)
    expect(d.editOf).toBe(status.id)
    expect(d.visibility).toBe('unlisted')
    expect(d.posts[0]).toMatchObject({ text: 'LOL check this out', spoilerText: 'cw', cwEnabled: true })
    expect(d.posts[0]?.media.map((m) => [m.remoteId, m.state, m.description, m.focus])).toEqual([
      ['117020576646493592', 'ready', 'John Lennon doing a funny walk', { x: -0.5, y: 0.3 }],
      ['117020576661238952', 'ready', 'hololives #1 detective, watson ameliachan', { x: 0.5, y: 0.5 }],
    ])
  })

  it('give a poll the time it has left', () => {
    const status = statusFixture('status.poll.json')
    const poll = { ...status.poll!, expiresAt: new Date(NOW + 3_600_000).toISOString() }
    const d = editDraft({ ...status, poll }, { id: status.id, text: 'secret test poll', spoilerText: '' }, { accountKey: ACCOUNT }, NOW)
    expect(d.posts[0]?.poll).toEqual({ options: ['real', 'fr fr', 'so true', ':hecker:'], expiresIn: 3600, multiple: true, hideTotals: false })
  })
})

describe('redrafts', () => {
  it('post the deleted text again with its media, content warning and reply target', () => {
    const status = {
      ...statusFixture('status.media.image.json'),
      text: 'LOL check this out',
      spoilerText: 'cw',
      inReplyToId: '5',
      inReplyToAccountId: '117020565966271181',
    }
    const d = redraftDraft(status, { accountKey: ACCOUNT }, NOW)
    expect(d.editOf).toBeNull()
    expect(d.posts[0]).toMatchObject({ text: 'LOL check this out', spoilerText: 'cw', cwEnabled: true, postedId: null })
    expect(d.posts[0]?.media.map((m) => m.remoteId)).toEqual(['117020576646493592', '117020576661238952'])
    expect(d.visibility).toBe('unlisted')
    expect(d.inReplyTo).toMatchObject({ id: '5', acct: 'mastodonpy_test@localhost:3000' })
  })

  it('keep the poll’s original duration', () => {
    const status = statusFixture('status.poll.json')
    const created = Date.parse(status.createdAt)
    const poll = { ...status.poll!, expiresAt: new Date(created + 86_400_000 * 3).toISOString() }
    const d = redraftDraft({ ...status, poll, text: 'secret test poll :hecker:' }, { accountKey: ACCOUNT }, NOW)
    expect(d.posts[0]?.poll?.expiresIn).toBe(3 * 86_400)
  })
})

describe('threads', () => {
  it('add a post after another, remove it and move it', () => {
    const d = base()
    const first = d.posts[0]!.localId
    const { draft: two, post: second } = threadOf(d).add()
    const { draft: three, post: middle } = threadOf(two).add(first)
    expect(three.posts.map((p) => p.localId)).toEqual([first, middle.localId, second.localId])
    expect(threadOf(three).move(second.localId, 0).posts.map((p) => p.localId)).toEqual([second.localId, first, middle.localId])
    expect(threadOf(three).remove(middle.localId).posts.map((p) => p.localId)).toEqual([first, second.localId])
  })

  it('keep the last post and the posts already published in place', () => {
    const d = base()
    expect(threadOf(d).remove(d.posts[0]!.localId)).toBe(d)
    const { draft: two, post: second } = threadOf(d).add()
    const posted: Draft = { ...two, posts: [{ ...two.posts[0]!, postedId: '1' }, second] }
    expect(threadOf(posted).remove(posted.posts[0]!.localId)).toBe(posted)
    expect(threadOf(posted).move(second.localId, 0).posts[1]?.localId).toBe(second.localId)
  })
})

describe('media the server already has', () => {
  it('keeps a file name it cannot decode as it is, instead of failing the edit', () => {
    const attachment = { ...fixture<mastodon.v1.MediaAttachment>('media.image.json'), url: 'https://files.example/media/bad%E0%A4%A.png' }
    expect(readyMedia(attachment).fileName).toBe('bad%E0%A4%A.png')
  })
})
