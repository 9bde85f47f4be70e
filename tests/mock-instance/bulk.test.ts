// POST /__control/bulk-statuses: many plain statuses at once, deterministic, paged like any
// other status, reaching the home timeline they are meant for, and never streamed.

import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { mastodon } from 'masto'
import { useTestFediverse } from './harness.ts'

const harness = useTestFediverse()

interface BulkResult {
  ids: string[]
  withMedia: number
}

async function bulk(origin: string, body: Record<string, unknown>): Promise<Response> {
  return harness().control(origin, '/bulk-statuses', body)
}

describe('bulk statuses', () => {
  it('creates the statuses oldest first and home pages them newest first, without gaps or repeats', async () => {
    const h = harness()
    const res = await bulk(h.a, { username: 'bob', count: 300, reach_home_of: 'alice' })
    expect(res.status).toBe(200)
    const { ids, withMedia } = (await res.json()) as BulkResult
    expect(ids).toHaveLength(300)
    expect(new Set(ids).size).toBe(300)
    // One in seven carries a picture, served by bob's instance.
    expect(withMedia).toBe(Math.floor(300 / 7))

    const alice = await h.client(h.a, 'alice')
    const wanted = new Set(ids)
    const seen: mastodon.v1.Status[] = []
    for await (const page of alice.v1.timelines.home.list({ limit: 40 })) {
      seen.push(...page.filter((s) => wanted.has(s.id)))
      if (seen.length >= 300) break
    }
    expect(seen.map((s) => s.id)).toEqual([...ids].reverse())
    const times = seen.map((s) => Date.parse(s.createdAt))
    expect([...times].sort((x, y) => y - x)).toEqual(times)
    expect(times[0]).toBeLessThan(Date.now())
    expect(seen.every((s) => s.account.username === 'bob' && s.visibility === 'public' && s.mentions.length === 0)).toBe(true)

    const pictured = seen.find((s) => s.mediaAttachments.length > 0)!
    const file = await fetch(pictured.mediaAttachments[0]!.url!)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('image/svg+xml')
  })

  it('varies the length of the texts and writes the same ones on every run', async () => {
    const h = harness()
    const bob = await h.client(h.a, 'bob')
    const first = (await (await bulk(h.a, { username: 'bob', count: 50 })).json()) as BulkResult
    const texts = await Promise.all(first.ids.map(async (id) => (await bob.v1.statuses.$select(id).source.fetch()).text))
    const lengths = texts.map((t) => t.length)
    expect(Math.max(...lengths)).toBeGreaterThan(4 * Math.min(...lengths))

    await h.control(h.a, '/reset')
    const again = (await (await bulk(h.a, { username: 'bob', count: 50 })).json()) as BulkResult
    const bobAgain = await h.client(h.a, 'bob')
    const textsAgain = await Promise.all(again.ids.map(async (id) => (await bobAgain.v1.statuses.$select(id).source.fetch()).text))
    expect(textsAgain).toEqual(texts)
  })

  it('follows the author for reach_home_of when needed, and refuses what cannot reach that home', async () => {
    const h = harness()
    // frank (B) does not follow yuki (A) in the seed.
    const frank = await h.client(h.b, 'frank')
    const yukiOnB = (await frank.v2.search.list({ q: `@yuki@${new URL(h.a).host}`, resolve: true, type: 'accounts' })).accounts[0]!
    expect((await frank.v1.accounts.relationships.fetch({ id: [yukiOnB.id] }))[0]!.following).toBe(false)
    const res = await bulk(h.a, { username: 'yuki', count: 5, reach_home_of: `frank@${new URL(h.b).host}` })
    expect(res.status).toBe(200)
    expect((await frank.v1.accounts.relationships.fetch({ id: [yukiOnB.id] }))[0]!.following).toBe(true)

    // alice mutes rick: his posts never reach her home.
    expect((await bulk(h.a, { username: 'rick', count: 5, reach_home_of: 'alice' })).status).toBe(422)
    expect((await bulk(h.a, { username: 'nobody', count: 5 })).status).toBe(404)
    expect((await bulk(h.a, { username: 'bob', count: 0 })).status).toBe(422)
  })

  it('sends no streaming events for bulk statuses, while a normal post still streams', async () => {
    const h = harness()
    const token = await h.token(h.a, 'alice')
    const ws = new WebSocket(`${h.a.replace(/^http/, 'ws')}/api/v1/streaming?access_token=${token}&stream=public`)
    const events: string[] = []
    ws.on('message', (data) => events.push((JSON.parse(String(data)) as { event: string }).event))
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    // Wait until the server holds the subscription.
    const server = h.fed.streaming.get(new URL(h.a).host)!
    for (let i = 0; i < 200 && server.subscriptions().length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    expect(server.subscriptions().length).toBe(1)

    await bulk(h.a, { username: 'bob', count: 40 })
    await h.control(h.a, '/as/bob/api/v1/statuses', { status: 'One normal post' })
    for (let i = 0; i < 200 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 100))
    ws.close()
    expect(events).toEqual(['update'])
  })
})
