// One's own profile as a form: what verify_credentials says (the bio and fields as plain
// text from `source`), and what update_credentials needs to change it — only what changed,
// so an untouched picture or switch is never sent again.

import type { mastodon } from 'masto'

export interface ProfileFieldInput {
  name: string
  value: string
}

export interface ProfileForm {
  displayName: string
  note: string
  fields: ProfileFieldInput[]
  locked: boolean
  bot: boolean
  discoverable: boolean
  hideCollections: boolean
  avatar: File | null
  header: File | null
}

/** Mastodon's limits (the API does not state them): names 30, bio 500, 4 fields, pictures 2 MB. */
export const PROFILE_LIMITS = {
  displayName: 30,
  note: 500,
  fields: 4,
  fieldText: 255,
  pictureBytes: 2 * 1024 * 1024,
} as const

export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export function formFromAccount(me: mastodon.v1.CredentialAccount): ProfileForm {
  const source = me.source as Partial<mastodon.v1.AccountSource> | undefined
  const fields = (Array.isArray(source?.fields) ? source.fields : []).map((f) => ({ name: text(f?.name), value: text(f?.value) }))
  return {
    displayName: text(me.displayName),
    // A textarea gives back line ends as \n; the server may have kept \r\n.
    note: text(source?.note).replace(/\r\n?/g, '\n'),
    fields,
    locked: me.locked === true,
    bot: me.bot === true,
    discoverable: (source?.discoverable ?? me.discoverable) === true,
    hideCollections: source?.hideCollections === true,
    avatar: null,
    header: null,
  }
}

/** When the server verified a field's link (rel="me"), if it did: from `source.fields`. */
export function verifiedAtOf(me: mastodon.v1.CredentialAccount, field: ProfileFieldInput): string | null {
  const source = me.source as Partial<mastodon.v1.AccountSource> | undefined
  const match = (source?.fields ?? []).find((f) => f?.name === field.name && f?.value === field.value)
  return typeof match?.verifiedAt === 'string' ? match.verifiedAt : null
}

const cleanFields = (fields: readonly ProfileFieldInput[]) =>
  fields.map((f) => ({ name: f.name.trim(), value: f.value.trim() })).filter((f) => f.name !== '' || f.value !== '')

/** The request that turns `before` into `after`, or null when nothing changed. */
export function changesOf(before: ProfileForm, after: ProfileForm): mastodon.rest.v1.UpdateCredentialsParams | null {
  const out: { -readonly [K in keyof mastodon.rest.v1.UpdateCredentialsParams]: mastodon.rest.v1.UpdateCredentialsParams[K] } = {}
  if (after.displayName !== before.displayName) out.displayName = after.displayName
  if (after.note !== before.note) out.note = after.note
  for (const key of ['locked', 'bot', 'discoverable', 'hideCollections'] as const) if (after[key] !== before[key]) out[key] = after[key]
  if (after.avatar) out.avatar = after.avatar
  if (after.header) out.header = after.header
  const fields = cleanFields(after.fields)
  if (JSON.stringify(fields) !== JSON.stringify(cleanFields(before.fields))) {
    // Mastodon keeps the fields it is sent; one blank pair (dropped by the server) clears them all.
    out.fieldsAttributes = fields.length > 0 ? fields : [{ name: '', value: '' }]
  }
  return Object.keys(out).length > 0 ? out : null
}

/** Why a picture cannot be sent, before it is: its type or its size. */
export function pictureProblem(file: File): 'type' | 'size' | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type)) return 'type'
  if (file.size > PROFILE_LIMITS.pictureBytes) return 'size'
  return null
}
