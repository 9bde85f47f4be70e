// Editing one's own profile as Mastodon 4.5 takes it: multipart update_credentials with
// names, bio, fields, pictures and switches; the limits' 422s change nothing.

import { beforeEach, describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { useTestFediverse, type TestFediverse } from './harness.ts'

const harness = useTestFediverse()
let h: TestFediverse
let token: string

beforeEach(async () => {
  h = harness()
  token = await h.token(h.a, 'alice')
})

// A 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))

async function update(form: FormData): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.a}/api/v1/accounts/update_credentials`, { method: 'PATCH', headers: { authorization: `Bearer ${token}` }, body: form })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const me = async () => (await (await h.client(h.a, 'alice')).v1.accounts.verifyCredentials()) as mastodon.v1.CredentialAccount

describe('update_credentials', () => {
  it('changes names, bio, fields and switches, keeping a verified link that stayed', async () => {
    const form = new FormData()
    form.set('display_name', 'Alice Gardens')
    form.set('note', 'Tomatoes & tulips')
    form.set('fields_attributes[0][name]', 'Website')
    form.set('fields_attributes[0][value]', 'https://alice.example')
    form.set('fields_attributes[1][name]', 'Shop')
    form.set('fields_attributes[1][value]', 'https://shop.alice.example')
    form.set('locked', 'true')
    form.set('hide_collections', 'true')
    const { status, body } = await update(form)
    expect(status).toBe(200)
    expect(body).toMatchObject({ display_name: 'Alice Gardens', locked: true, source: { note: 'Tomatoes & tulips', hide_collections: true } })
    const fields = (body.fields as { name: string; verified_at: string | null }[]).map((f) => [f.name, f.verified_at !== null])
    expect(fields).toEqual([
      ['Website', true],
      ['Shop', false],
    ])
  })

  it('takes an avatar and a header, served from new addresses on the account’s server', async () => {
    const form = new FormData()
    form.set('avatar', new Blob([PNG], { type: 'image/png' }), 'me.png')
    form.set('header', new Blob([PNG], { type: 'image/png' }), 'banner.png')
    const { status, body } = await update(form)
    expect(status).toBe(200)
    const avatar = String(body.avatar)
    expect(avatar.startsWith(`${h.a}/system/accounts/avatars/alice/`)).toBe(true)
    const served = await fetch(avatar)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
    expect(String(body.header)).toMatch(/\/system\/accounts\/headers\/alice\/1\.png$/)
    const again = new FormData()
    again.set('avatar', new Blob([PNG], { type: 'image/png' }), 'me.png')
    const second = await update(again)
    expect(second.body.avatar).not.toBe(avatar)
    expect((await fetch(avatar)).status).toBe(404)
  })

  it('refuses what Mastodon refuses, with its words, and changes nothing', async () => {
    const before = await me()
    const cases: [string, (f: FormData) => void, string][] = [
      ['display_name', (f) => f.set('display_name', 'x'.repeat(31)), 'Validation failed: Display name is too long (maximum is 30 characters)'],
      ['note', (f) => f.set('note', 'x'.repeat(501)), 'Validation failed: Note is too long (maximum is 500 characters)'],
      ['avatar', (f) => f.set('avatar', new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'a.svg'), 'Validation failed: Avatar content type is invalid'],
      ['header', (f) => f.set('header', new Blob([new Uint8Array(2 * 1024 * 1024 + 1)], { type: 'image/png' }), 'h.png'), 'Validation failed: Header file size must be less than 2 MB'],
    ]
    for (const [field, fill, message] of cases) {
      const form = new FormData()
      form.set('display_name', 'Changed')
      fill(form)
      const { status, body } = await update(form)
      expect([field, status, body.error]).toEqual([field, 422, message])
    }
    const five = new FormData()
    for (let i = 0; i < 5; i++) {
      five.set(`fields_attributes[${i}][name]`, `n${i}`)
      five.set(`fields_attributes[${i}][value]`, `v${i}`)
    }
    expect((await update(five)).status).toBe(422)
    const after = await me()
    expect([after.displayName, after.avatar, after.fields]).toEqual([before.displayName, before.avatar, before.fields])
  })
})
