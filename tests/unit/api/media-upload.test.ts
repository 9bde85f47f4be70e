import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClientIdentity } from '@/api/clients'
import { draftMediaError, focusParam, POLL_MAX_DELAY_MS, PROCESSING_TIMEOUT_MS, updateMedia, UploadFailure, uploadMedia } from '@/api/media-upload'
import { jsonResponse, stubFetch } from '../helpers/fetch'

const update = vi.fn()
const select = vi.fn((_id: string) => ({ update }))
vi.mock('@/api/clients', () => ({
  restClientFor: vi.fn(async () => ({ v1: { media: { $select: select } } })),
}))

/** An XMLHttpRequest the test answers by hand (jsdom's would go to the network). */
class FakeXhr extends EventTarget {
  static sent: FakeXhr[] = []
  /** Called when a request is sent; answer it here or later. */
  static onSend: ((xhr: FakeXhr) => void) | null = null

  readonly upload = new EventTarget()
  method = ''
  url = ''
  readonly headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  responseText = ''
  responseType = ''
  private responseHeaders: Record<string, string> = {}

  open(method: string, url: string): void {
    this.method = method
    this.url = url
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null
  }

  send(body: FormData): void {
    this.body = body
    FakeXhr.sent.push(this)
    FakeXhr.onSend?.(this)
  }

  abort(): void {
    this.dispatchEvent(new Event('abort'))
  }

  progress(loaded: number, total: number): void {
    this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }))
  }

  respond(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.upload.dispatchEvent(new Event('load'))
    this.status = status
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
    this.dispatchEvent(new Event('load'))
  }

  failNetwork(): void {
    this.dispatchEvent(new Event('error'))
  }
}

let originCount = 0
/** Each test its own server: the module remembers which servers lack v2. */
function identity(): ClientIdentity {
  originCount += 1
  return { key: `server${originCount}.example|1`, origin: `https://server${originCount}.example`, token: 'secret-token' }
}

function attachment(id: string, url: string | null = `https://files.cdn.example/${id}.png`) {
  return { id, type: 'image', url, preview_url: `https://files.cdn.example/${id}-small.png`, description: null, blurhash: null }
}

const file = new Blob(['pixels'], { type: 'image/png' })

beforeEach(() => {
  FakeXhr.sent = []
  FakeXhr.onSend = null
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.clearAllMocks()
})

describe('uploadMedia', () => {
  it('posts the file, alt text and focus to v2 with the account token and reports progress in order', async () => {
    const account = identity()
    const progress: number[] = []
    const result = uploadMedia(account, file, {
      fileName: 'cat.png',
      description: 'A cat asleep',
      focus: { x: 0.25, y: -0.5 },
      onProgress: (fraction) => progress.push(fraction),
    })
    const xhr = FakeXhr.sent[0]!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe(`${account.origin}/api/v2/media`)
    expect(xhr.headers.Authorization).toBe('Bearer secret-token')
    expect((xhr.body!.get('file') as File).name).toBe('cat.png')
    expect(xhr.body!.get('description')).toBe('A cat asleep')
    expect(xhr.body!.get('focus')).toBe('0.25,-0.5')
    xhr.progress(10, 100)
    xhr.progress(60, 100)
    xhr.progress(40, 100) // out of order: not reported
    xhr.progress(100, 100)
    xhr.respond(200, attachment('m1'))
    const media = await result
    expect(progress).toEqual([0.1, 0.6, 1])
    // Camelized like masto's entities.
    expect(media).toMatchObject({ id: 'm1', previewUrl: 'https://files.cdn.example/m1-small.png' })
  })

  it('waits while the server processes: 202, then 206, then 200 with a url, polling with back-off', async () => {
    vi.useFakeTimers()
    const account = identity()
    FakeXhr.onSend = (xhr) => xhr.respond(202, attachment('m2', null))
    const answers = [jsonResponse(attachment('m2', null), 206), jsonResponse(attachment('m2', null), 206), jsonResponse(attachment('m2'))]
    const polls: Array<{ url: string; at: number; authorization: string | null }> = []
    const start = Date.now()
    stubFetch((url, init) => {
      polls.push({ url, at: Date.now() - start, authorization: new Headers(init?.headers).get('Authorization') })
      return answers.shift()!
    })
    const result = uploadMedia(account, file, { fileName: 'clip.mp4' })
    await vi.advanceTimersByTimeAsync(10_000)
    const media = await result
    expect(media.url).toBe('https://files.cdn.example/m2.png')
    expect(polls.map((poll) => poll.url)).toEqual(Array(3).fill(`${account.origin}/api/v1/media/m2`))
    expect(polls.map((poll) => poll.at)).toEqual([1_000, 3_000, 6_000])
    expect(polls.every((poll) => poll.authorization === 'Bearer secret-token')).toBe(true)
  })

  it('never polls more slowly than every 5 seconds, and gives up after 10 minutes of processing', async () => {
    vi.useFakeTimers()
    FakeXhr.onSend = (xhr) => xhr.respond(202, attachment('m3', null))
    const times: number[] = []
    const start = Date.now()
    stubFetch(() => {
      times.push(Date.now() - start)
      return jsonResponse(attachment('m3', null), 206)
    })
    const result = uploadMedia(identity(), file, { fileName: 'long.mp4' })
    const failure = expect(result).rejects.toMatchObject({ kind: 'processing-failed' })
    await vi.advanceTimersByTimeAsync(PROCESSING_TIMEOUT_MS + 10_000)
    await failure
    const gaps = times.slice(1).map((time, index) => time - times[index]!)
    expect(Math.max(...gaps)).toBe(POLL_MAX_DELAY_MS)
    expect(times.at(-1)!).toBeGreaterThanOrEqual(PROCESSING_TIMEOUT_MS)
  })

  it('says processing failed when the server finishes without a file', async () => {
    vi.useFakeTimers()
    FakeXhr.onSend = (xhr) => xhr.respond(202, attachment('m4', null))
    stubFetch(() => jsonResponse(attachment('m4', null), 200))
    const result = uploadMedia(identity(), file, { fileName: 'broken.mp4' })
    const failure = expect(result).rejects.toMatchObject({ kind: 'processing-failed' })
    await vi.advanceTimersByTimeAsync(2_000)
    await failure
  })

  it('falls back to v1 on servers without v2, and goes there directly next time', async () => {
    const account = identity()
    FakeXhr.onSend = (xhr) => (xhr.url.endsWith('/api/v2/media') ? xhr.respond(404, { error: 'Not found' }) : xhr.respond(200, attachment('old')))
    await expect(uploadMedia(account, file, { fileName: 'a.png' })).resolves.toMatchObject({ id: 'old' })
    await expect(uploadMedia(account, file, { fileName: 'b.png' })).resolves.toMatchObject({ id: 'old' })
    expect(FakeXhr.sent.map((xhr) => xhr.url)).toEqual([
      `${account.origin}/api/v2/media`,
      `${account.origin}/api/v1/media`,
      `${account.origin}/api/v1/media`,
    ])
    expect(FakeXhr.sent.every((xhr) => xhr.headers.Authorization === 'Bearer secret-token')).toBe(true)
  })

  it.each([
    [413, {}, 'too-large'],
    [401, {}, 'auth'],
    [403, {}, 'auth'],
    [500, {}, 'server'],
    [503, {}, 'server'],
    [400, {}, 'unknown'],
  ] as const)('answers %i with a %s failure', async (status, headers, kind) => {
    FakeXhr.onSend = (xhr) => xhr.respond(status, '<html>error</html>', headers)
    await expect(uploadMedia(identity(), file, { fileName: 'x.png' })).rejects.toMatchObject({ name: 'UploadFailure', kind, status })
  })

  it('keeps the server’s reason for refusing a file as plain text', async () => {
    FakeXhr.onSend = (xhr) => xhr.respond(422, { error: 'Validation failed: File content type is invalid <b>' })
    const failure = await uploadMedia(identity(), file, { fileName: 'x.exe' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(UploadFailure)
    expect(failure).toMatchObject({ kind: 'unsupported', serverMessage: 'Validation failed: File content type is invalid <b>' })
  })

  it('says when a rate limit ends', async () => {
    FakeXhr.onSend = (xhr) => xhr.respond(429, { error: 'Too many requests' }, { 'X-RateLimit-Reset': '2030-01-02T03:04:05.000Z' })
    await expect(uploadMedia(identity(), file, { fileName: 'x.png' })).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAt: Date.parse('2030-01-02T03:04:05.000Z'),
    })
  })

  it('reports a dropped connection as offline', async () => {
    FakeXhr.onSend = (xhr) => xhr.failNetwork()
    await expect(uploadMedia(identity(), file, { fileName: 'x.png' })).rejects.toMatchObject({ kind: 'offline' })
  })

  it('stops the upload when aborted, and does not start one already aborted', async () => {
    const controller = new AbortController()
    const result = uploadMedia(identity(), file, { fileName: 'x.png', signal: controller.signal })
    expect(FakeXhr.sent).toHaveLength(1)
    controller.abort()
    await expect(result).rejects.toMatchObject({ kind: 'aborted' })
    await expect(uploadMedia(identity(), file, { fileName: 'y.png', signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' })
    expect(FakeXhr.sent).toHaveLength(1)
  })

  it('stops waiting for processing when aborted', async () => {
    vi.useFakeTimers()
    FakeXhr.onSend = (xhr) => xhr.respond(202, attachment('m5', null))
    const fetchSpy = stubFetch(() => jsonResponse(attachment('m5', null), 206))
    const controller = new AbortController()
    const result = uploadMedia(identity(), file, { fileName: 'x.mp4', signal: controller.signal })
    const failure = expect(result).rejects.toMatchObject({ kind: 'aborted' })
    await vi.advanceTimersByTimeAsync(1_500)
    controller.abort()
    await failure
    const calls = fetchSpy.mock.calls.length
    await vi.advanceTimersByTimeAsync(30_000)
    expect(fetchSpy.mock.calls.length).toBe(calls)
  })

  it('sends the token only to the account’s own origin, whatever addresses the server answers with', async () => {
    vi.useFakeTimers()
    const account = { ...identity(), origin: 'https://home.example/' }
    FakeXhr.onSend = (xhr) => xhr.respond(202, { ...attachment('m6', null), remote_url: 'https://evil.example/steal', text_url: 'https://evil.example/t' })
    const fetchSpy = stubFetch(() => jsonResponse(attachment('m6')))
    const result = uploadMedia(account, file, { fileName: 'x.png' })
    await vi.advanceTimersByTimeAsync(1_000)
    await result
    const urls = [...FakeXhr.sent.map((xhr) => xhr.url), ...fetchSpy.mock.calls.map(([input]) => String(input))]
    expect(urls).toEqual(['https://home.example/api/v2/media', 'https://home.example/api/v1/media/m6'])
  })
})

describe('updateMedia', () => {
  it('sends the new alt text and focus for the attachment', async () => {
    update.mockResolvedValue({ id: 'm7' })
    await updateMedia(identity(), 'm7', { description: 'A dog', focus: { x: -1, y: 0.333 } })
    expect(select).toHaveBeenCalledWith('m7')
    expect(update).toHaveBeenCalledWith({ description: 'A dog', focus: '-1,0.33' })
  })

  it('puts a cleared focal point back in the centre', async () => {
    update.mockResolvedValue({ id: 'm8' })
    await updateMedia(identity(), 'm8', { description: '', focus: null })
    expect(update).toHaveBeenCalledWith({ description: '', focus: '0,0' })
  })
})

describe('focusParam and draftMediaError', () => {
  it('keeps focus within -1…1', () => {
    expect(focusParam({ x: 3, y: -7 })).toBe('1,-1')
  })

  it('stores a failure as a message key with its values', () => {
    expect(JSON.parse(draftMediaError(new UploadFailure('too-large', 413)))).toEqual({ key: 'compose.media.errors.tooLarge', values: {} })
    expect(JSON.parse(draftMediaError(new UploadFailure('unsupported', 422, 'Bad file')))).toEqual({
      key: 'compose.media.errors.unsupportedBecause',
      values: { message: 'Bad file' },
    })
    expect(JSON.parse(draftMediaError(new UploadFailure('rate-limited', 429, null, Date.UTC(2030, 0, 1))))).toEqual({
      key: 'compose.media.errors.rateLimitedUntil',
      values: { retryAt: '2030-01-01T00:00:00.000Z' },
    })
  })
})
