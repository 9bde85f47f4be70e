import { describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { changesOf, formFromAccount, pictureProblem, verifiedAtOf, type ProfileForm } from '@/api/profile-update'
import { fixture } from '../components/status/status-fixtures'

const me = fixture<mastodon.v1.CredentialAccount>('account.credential.json')
const base = (): ProfileForm => ({
  displayName: 'Alice',
  note: 'Hello',
  fields: [{ name: 'Website', value: 'https://alice.example' }],
  locked: false,
  bot: false,
  discoverable: true,
  hideCollections: false,
  avatar: null,
  header: null,
})

describe('the profile form', () => {
  it('starts from the plain-text bio and fields the server keeps in `source`', () => {
    const form = formFromAccount(me)
    // The server keeps \r\n; a textarea gives \n back, so the form starts from \n.
    expect(me.source.note).toContain('\r\n')
    expect(form.note).toBe(me.source.note.replace(/\r\n/g, '\n'))
    expect(form.fields).toEqual(me.source.fields.map((f) => ({ name: f.name, value: f.value })))
    expect(form.avatar).toBeNull()
  })

  it('sends nothing when nothing changed', () => {
    expect(changesOf(base(), base())).toBeNull()
    // Blank rows added and left empty are no change either.
    expect(changesOf(base(), { ...base(), fields: [...base().fields, { name: ' ', value: '' }] })).toBeNull()
  })

  it('sends only what changed, pictures included', () => {
    const avatar = new File(['x'], 'me.png', { type: 'image/png' })
    expect(changesOf(base(), { ...base(), note: 'Hi', locked: true, avatar })).toEqual({ note: 'Hi', locked: true, avatar })
  })

  it('sends every kept field when one changes, and a blank pair to clear them all', () => {
    const two = { ...base(), fields: [{ name: 'Website', value: 'https://alice.example' }, { name: ' Pronouns ', value: 'she/her' }] }
    expect(changesOf(base(), two)?.fieldsAttributes).toEqual([
      { name: 'Website', value: 'https://alice.example' },
      { name: 'Pronouns', value: 'she/her' },
    ])
    expect(changesOf(base(), { ...base(), fields: [] })?.fieldsAttributes).toEqual([{ name: '', value: '' }])
  })

  it('finds a field’s verification by its label and content', () => {
    const verified = me.source.fields.find((f) => f.verifiedAt)!
    expect(verified).toBeDefined()
    expect(verifiedAtOf(me, { name: verified.name, value: verified.value })).toBe(verified.verifiedAt)
    expect(verifiedAtOf(me, { name: 'Website', value: 'https://changed.example' })).toBeNull()
  })

  it('says at once when a picture is of the wrong type or too large', () => {
    expect(pictureProblem(new File(['<svg/>'], 'a.svg', { type: 'image/svg+xml' }))).toBe('type')
    expect(pictureProblem(new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }))).toBe('size')
    expect(pictureProblem(new File(['x'], 'ok.webp', { type: 'image/webp' }))).toBeNull()
  })
})
