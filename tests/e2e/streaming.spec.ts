// Proves the mock's streaming reaches a real browser page the way masto.js
// connects (token as the WebSocket subprotocol, cross-origin from the app).

import { test, expect } from './fixtures.ts'

interface Frame {
  stream: string[]
  event: string
  payload: string
}

test('a status posted through the REST API arrives on the user stream in the browser', async ({ page, stack, control }) => {
  const { access_token: token } = (await (await control(stack.instanceA, '/token', { username: 'alice' })).json()) as { access_token: string }
  await page.goto('/')
  const streamingUrl = stack.instanceA.replace(/^http/, 'ws')

  // Open the socket inside the app's page and collect frames there.
  await page.evaluate(
    ({ streamingUrl, token }) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(`${streamingUrl}/api/v1/streaming?stream=user`, [token])
        const w = window as unknown as { __frames: Frame[]; __protocol: string }
        w.__frames = []
        ws.onmessage = (e) => w.__frames.push(JSON.parse(String(e.data)) as Frame)
        ws.onopen = () => {
          w.__protocol = ws.protocol
          resolve()
        }
        ws.onerror = () => reject(new Error('WebSocket failed'))
      }),
    { streamingUrl, token },
  )
  expect(await page.evaluate(() => (window as unknown as { __protocol: string }).__protocol)).toBe(token)

  // Bob (followed by Alice) posts and mentions her.
  const posted = (await (await control(stack.instanceA, '/as/bob/api/v1/statuses', { status: '@alice the kettle is on' })).json()) as { id: string }

  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames.map((f) => f.event)))
    .toEqual(expect.arrayContaining(['update', 'notification']))
  const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames)
  const update = frames.find((f) => f.event === 'update')!
  expect(update.stream).toEqual(['user'])
  const status = JSON.parse(update.payload) as { id: string; content: string; account: { username: string } }
  expect(status).toMatchObject({ id: posted.id, account: { username: 'bob' } })
  expect(status.content).toContain('the kettle is on')
  const notification = JSON.parse(frames.find((f) => f.event === 'notification')!.payload) as { type: string }
  expect(notification.type).toBe('mention')
})
