// "Nothing posted twice": the answer to a post can be lost after the post was made
// (hang-after: it never comes; reset-after: the connection drops). A retry with the same
// Idempotency-Key then gets the first post back, as on Mastodon, and no second one.

import { beforeEach, describe, expect, it } from 'vitest'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let alice: string

function publish(text: string, key: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${h.a}/api/v1/statuses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ status: text }),
    signal,
  })
}

async function postsSaying(text: string): Promise<string[]> {
  const me = (await (await fetch(`${h.a}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${alice}` } })).json()) as { id: string }
  const res = await fetch(`${h.a}/api/v1/accounts/${me.id}/statuses?limit=10`, { headers: { authorization: `Bearer ${alice}` } })
  return ((await res.json()) as { id: string; content: string }[]).filter((s) => s.content === `<p>${text}</p>`).map((s) => s.id)
}

beforeEach(async () => {
  h = harness()
  alice = await h.token(h.a, 'alice')
})

describe('an answer lost after the post was made', () => {
  it('hang-after: the post is stored though no answer comes; the retry gets it, not a second one', async () => {
    await h.control(h.a, '/faults', { path: '/api/v1/statuses', method: 'POST', kind: 'hang-after' })
    await expect(publish('Hello from a tunnel', 'draft-7', AbortSignal.timeout(500))).rejects.toThrow()
    const stored = await postsSaying('Hello from a tunnel')
    expect(stored).toHaveLength(1)
    const retry = await publish('Hello from a tunnel', 'draft-7')
    expect(retry.status).toBe(200)
    expect(((await retry.json()) as { id: string }).id).toBe(stored[0])
    expect(await postsSaying('Hello from a tunnel')).toEqual(stored)
  })

  it('reset-after: the connection drops after the post was made; the retry gets it', async () => {
    await h.control(h.a, '/faults', { path: '/api/v1/statuses', method: 'POST', kind: 'reset-after', times: 1 })
    await expect(publish('Hello from a lift', 'draft-8')).rejects.toThrow()
    const [stored] = await postsSaying('Hello from a lift')
    expect(stored).toBeDefined()
    const retry = (await (await publish('Hello from a lift', 'draft-8')).json()) as { id: string }
    expect(retry.id).toBe(stored)
    expect(await postsSaying('Hello from a lift')).toHaveLength(1)
  })

  it('posts again for a retry with a new key: the key is what makes a retry a retry', async () => {
    await h.control(h.a, '/faults', { path: '/api/v1/statuses', method: 'POST', kind: 'reset-after' })
    await expect(publish('Twice', 'first-key')).rejects.toThrow()
    await publish('Twice', 'second-key')
    expect(await postsSaying('Twice')).toHaveLength(2)
  })
})
