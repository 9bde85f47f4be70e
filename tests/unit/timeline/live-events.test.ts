import { afterEach, describe, expect, it, vi } from 'vitest'
import type { mastodon } from 'masto'
import { applyLiveEvents, createBurstMeter, createFrameBatcher, matchesHashtagParams, mergeNewest, replaceGap, revealPending, type LiveEvent, type LiveLists } from '@/timeline/live-events'
import type { FeedItem } from '@/timeline/column-sources'
import type { ColumnParams, ColumnSpec, ColumnType } from '@/timeline/column-spec'

function column(type: ColumnType, params: ColumnParams = {}): ColumnSpec {
  return { id: 'c', type, accountKey: 'a|1', params, width: 380, collapsed: false }
}

function status(id: string, extra: Partial<mastodon.v1.Status> = {}): mastodon.v1.Status {
  return { id, content: `<p>${id}</p>`, reblog: null, tags: [], ...extra } as unknown as mastodon.v1.Status
}
const item = (s: mastodon.v1.Status): FeedItem => ({ kind: 'status', id: s.id, status: s })
const ids = (list: readonly FeedItem[]) => list.map((i) => i.id)
const update = (s: mastodon.v1.Status): LiveEvent => ({ kind: 'update', status: s })
const lists = (items: FeedItem[], pending: FeedItem[] = []): LiveLists => ({ items, pending })

describe('applyLiveEvents', () => {
  const home = column('home')

  it('puts new statuses on top in arrival order (newest first) when at the top', () => {
    const out = applyLiveEvents(home, lists([item(status('old'))]), [update(status('a')), update(status('b'))], true)
    expect(ids(out.items)).toEqual(['b', 'a', 'old'])
    expect(out.pending).toEqual([])
  })

  it('buffers new statuses when the reader is scrolled down, and reveals them on top', () => {
    const out = applyLiveEvents(home, lists([item(status('old'))]), [update(status('a')), update(status('b'))], false)
    expect(ids(out.items)).toEqual(['old'])
    expect(ids(out.pending)).toEqual(['b', 'a'])
    const shown = revealPending(out)
    expect(ids(shown.items)).toEqual(['b', 'a', 'old'])
    expect(shown.pending).toEqual([])
  })

  it('never adds a status twice (shown or buffered)', () => {
    const start = lists([item(status('x'))], [item(status('y'))])
    const out = applyLiveEvents(home, start, [update(status('x')), update(status('y')), update(status('y'))], false)
    expect(ids(out.items)).toEqual(['x'])
    expect(ids(out.pending)).toEqual(['y'])
  })

  it('removes a deleted status and boosts of it, shown or buffered', () => {
    const original = status('o')
    const boost = status('boost-1', { reblog: original })
    const start = lists([item(status('keep')), item(boost), item(original)], [item(status('o2', { reblog: original }))])
    const out = applyLiveEvents(home, start, [{ kind: 'delete', id: 'o' }], true)
    expect(ids(out.items)).toEqual(['keep'])
    expect(out.pending).toEqual([])
  })

  it('keeps the same arrays when nothing matched (no re-render)', () => {
    const start = lists([item(status('keep'))])
    const out = applyLiveEvents(home, start, [{ kind: 'delete', id: 'nope' }, { kind: 'edit', status: status('nope') }], true)
    expect(out.items).toBe(start.items)
    expect(out.pending).toBe(start.pending)
  })

  it('replaces an edited status in place, also inside boosts', () => {
    const original = status('o')
    const start = lists([item(status('a')), item(original), item(status('b1', { reblog: original }))])
    const edited = status('o', { content: '<p>edited</p>' })
    const out = applyLiveEvents(home, start, [{ kind: 'edit', status: edited }], false)
    expect(ids(out.items)).toEqual(['a', 'o', 'b1'])
    expect((out.items[1] as Extract<FeedItem, { kind: 'status' }>).status.content).toBe('<p>edited</p>')
    expect((out.items[2] as Extract<FeedItem, { kind: 'status' }>).status.reblog?.content).toBe('<p>edited</p>')
  })

  it('applies a burst in order: a status created then deleted in one batch never shows', () => {
    const out = applyLiveEvents(home, lists([]), [update(status('a')), { kind: 'delete', id: 'a' }, update(status('b'))], true)
    expect(ids(out.items)).toEqual(['b'])
  })

  it('adds notifications as rows to a notifications column, mention statuses to a mentions column', () => {
    const n = { id: 'n1', type: 'mention', createdAt: '2026-01-01T00:00:00Z', account: { id: 'u' }, status: status('m1') } as unknown as mastodon.v1.Notification
    const fav = { ...n, id: 'n2', type: 'favourite' } as mastodon.v1.Notification
    const notes = applyLiveEvents(column('notifications'), lists([]), [{ kind: 'notification', notification: n }], true)
    expect(notes.items.map((i) => i.kind)).toEqual(['notification'])
    const mentions = applyLiveEvents(column('mentions'), lists([]), [{ kind: 'notification', notification: n }, { kind: 'notification', notification: fav }], true)
    expect(ids(mentions.items)).toEqual(['m1'])
    // Statuses do not go into notification columns.
    expect(applyLiveEvents(column('notifications'), lists([]), [update(status('x'))], true).items).toEqual([])
  })

  it('moves an updated conversation to the top', () => {
    const c = (id: string, last: string) => ({ id, unread: true, accounts: [], lastStatus: status(last) }) as unknown as mastodon.v1.Conversation
    const start = lists([
      { kind: 'conversation', id: 'c1', conversation: c('c1', 's1') },
      { kind: 'conversation', id: 'c2', conversation: c('c2', 's2') },
    ])
    const out = applyLiveEvents(column('conversations'), start, [{ kind: 'conversation', conversation: c('c2', 's3') }], true)
    expect(ids(out.items)).toEqual(['c2', 'c1'])
  })

  it('applies a hashtag column all/none filters to streamed statuses', () => {
    const tagged = (...names: string[]) => status(names.join('-'), { tags: names.map((name) => ({ id: name, name, url: '' })) as mastodon.v1.Tag[] })
    const spec = column('hashtag', { tag: 'cats', all: ['#Pets'], none: ['nsfw'] })
    const out = applyLiveEvents(spec, lists([]), [update(tagged('cats')), update(tagged('cats', 'pets')), update(tagged('cats', 'PETS', 'nsfw'))], true)
    expect(ids(out.items)).toEqual(['cats-pets'])
    expect(matchesHashtagParams(tagged('cats'), { tag: 'cats', any: ['dogs'] })).toBe(true)
  })
})

describe('createFrameBatcher', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('hands a burst over once, on the next frame', () => {
    vi.useFakeTimers()
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    vi.stubGlobal('cancelAnimationFrame', () => {})
    const flush = vi.fn()
    const batcher = createFrameBatcher<number>(flush)
    for (let i = 0; i < 50; i++) batcher.push(i)
    expect(flush).not.toHaveBeenCalled()
    expect(frames).toHaveLength(1)
    frames[0]!(0)
    expect(flush).toHaveBeenCalledTimes(1)
    expect(flush.mock.calls[0]![0]).toHaveLength(50)
    vi.advanceTimersByTime(1000)
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('does not hold events back without frames (hidden tab)', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 1)
    vi.stubGlobal('cancelAnimationFrame', () => {})
    const flush = vi.fn()
    const batcher = createFrameBatcher<number>(flush)
    batcher.push(1)
    batcher.push(2)
    vi.advanceTimersByTime(300)
    expect(flush).toHaveBeenCalledWith([1, 2])
  })

  it('drops what is queued when cancelled', () => {
    vi.useFakeTimers()
    const flush = vi.fn()
    const batcher = createFrameBatcher<number>(flush)
    batcher.push(1)
    batcher.cancel()
    vi.advanceTimersByTime(1000)
    expect(flush).not.toHaveBeenCalled()
  })
})

describe('catching up after an interruption', () => {
  const gap: FeedItem = { kind: 'gap', id: 'gap:1', maxId: 'c', sinceId: 'x' }

  it('at the top: the caught-up statuses go on top in server order, shown ones are not repeated', () => {
    const before = new Set(['x', 'y'])
    const next = mergeNewest(lists([item(status('x')), item(status('y'))]), [item(status('b')), item(status('a')), item(status('x'))], before, true)
    expect(ids(next.items)).toEqual(['b', 'a', 'x', 'y'])
  })

  it('keeps a status streamed while the catch-up was on its way above it, once', () => {
    const before = new Set(['x'])
    // 'n' arrived by stream during the request; 'a' came both ways.
    const shown = lists([item(status('n')), item(status('a')), item(status('x'))])
    const next = mergeNewest(shown, [item(status('a')), item(status('m'))], before, true)
    expect(ids(next.items)).toEqual(['n', 'a', 'm', 'x'])
  })

  it('scrolled down: what is not shown waits behind "N new", with the gap marker last', () => {
    const before = new Set(['x'])
    const next = mergeNewest(lists([item(status('x'))]), [item(status('b')), item(status('a')), gap], before, false)
    expect(ids(next.items)).toEqual(['x'])
    expect(ids(next.pending)).toEqual(['b', 'a', 'gap:1'])
    expect(ids(revealPending(next).items)).toEqual(['b', 'a', 'gap:1', 'x'])
  })

  it('a filled gap is replaced in place by its statuses, without repeats, and may leave a smaller gap', () => {
    const shown = [item(status('c')), gap, item(status('x'))]
    const rest: FeedItem = { kind: 'gap', id: 'gap:2', maxId: 'e', sinceId: 'x' }
    expect(ids(replaceGap(shown, 'gap:1', [item(status('c')), item(status('d')), item(status('e')), rest]))).toEqual(['c', 'd', 'e', 'gap:2', 'x'])
    expect(ids(replaceGap(shown, 'gap:1', []))).toEqual(['c', 'x'])
  })
})

describe('streamed notifications in a grouped column', () => {
  const account = (id: string) => ({ id, acct: id, url: '', avatar: '', avatarStatic: '', username: id })
  const favourite = (id: string, who: string, at: string, groupKey = 'favourite-s1-1') =>
    ({ id, type: 'favourite', groupKey, createdAt: at, account: account(who), status: status('s1') }) as unknown as mastodon.v1.Notification
  const event = (n: mastodon.v1.Notification): LiveEvent => ({ kind: 'notification', notification: n })
  const group: FeedItem = {
    kind: 'notification',
    id: 'favourite-s1-1',
    notification: {
      key: 'favourite-s1-1',
      type: 'favourite',
      count: 2,
      accounts: [account('b'), account('c')],
      status: status('s1'),
      createdAt: '2026-11-26T10:00:00.000Z',
      report: null,
      event: null,
      moderationWarning: null,
    },
  }
  const other: FeedItem = { ...group, id: 'follow-1', notification: { ...group.notification, key: 'follow-1', type: 'follow' } }

  it('at the top, a favourite joins its group, which moves up with one more in the count and the newest account first', () => {
    const next = applyLiveEvents(column('notifications'), lists([other, group]), [event(favourite('n9', 'd', '2026-11-26T11:00:00.000Z'))], true)
    expect(ids(next.items)).toEqual(['favourite-s1-1', 'follow-1'])
    const joined = next.items[0] as Extract<FeedItem, { kind: 'notification' }>
    expect(joined.notification.count).toBe(3)
    expect(joined.notification.accounts.map((a) => a.id)).toEqual(['d', 'b', 'c'])
  })

  it('scrolled down, a group in view grows where it is; a notification the group already holds is not counted twice', () => {
    const late = favourite('n9', 'b', '2026-11-26T11:00:00.000Z')
    const next = applyLiveEvents(column('notifications'), lists([other, group]), [event(late), event(late)], false)
    expect(ids(next.items)).toEqual(['follow-1', 'favourite-s1-1'])
    expect(next.pending).toEqual([])
    expect((next.items[1] as Extract<FeedItem, { kind: 'notification' }>).notification.count).toBe(3)
    const old = favourite('n1', 'e', '2026-11-26T09:00:00.000Z')
    expect(applyLiveEvents(column('notifications'), next, [event(old)], true)).toEqual(next)
  })

  it('a notification the server does not group is a row of its own', () => {
    const mention = { ...favourite('n5', 'f', '2026-11-26T12:00:00.000Z', 'ungrouped-n5'), type: 'mention' } as mastodon.v1.Notification
    const next = applyLiveEvents(column('notifications'), lists([group]), [event(mention)], true)
    expect(ids(next.items)).toEqual(['n5', 'favourite-s1-1'])
  })
})

describe('the burst meter', () => {
  it('is busy once more than the limit arrived within the window, and calms down after it', () => {
    let now = 0
    const meter = createBurstMeter(3, 1000, () => now)
    meter.record(2)
    expect(meter.busy()).toBe(false)
    now = 500
    meter.record(1)
    expect(meter.busy()).toBe(true)
    now = 1200
    expect(meter.busy()).toBe(false)
    meter.record(5)
    meter.reset()
    expect(meter.busy()).toBe(false)
  })
})
