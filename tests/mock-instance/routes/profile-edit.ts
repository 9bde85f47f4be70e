// PATCH /api/v1/accounts/update_credentials as Mastodon 4.5 takes it (multipart): names,
// bio, up to four fields, avatar and header pictures, the account's switches; each limit
// answered with Mastodon's 422 and its `details`. Nothing changes when anything is refused.

import { bool, str } from '../http.ts'
import type { Ctx } from '../context.ts'
import type { AccountRecord, FieldRecord, UploadedImage } from '../model.ts'
import { ApiFailure } from '../world.ts'

export const PROFILE_LIMITS = {
  displayName: 30,
  note: 500,
  fields: 4,
  fieldName: 255,
  fieldValue: 255,
  /** Account::Avatar::LIMIT and Account::Header::LIMIT. */
  pictureBytes: 2 * 1024 * 1024,
} as const

const PICTURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

const tooLong = (field: string, label: string, max: number) =>
  new ApiFailure(422, `Validation failed: ${label} is too long (maximum is ${max} characters)`, {
    [field]: [{ error: 'ERR_TOO_LONG', description: `is too long (maximum is ${max} characters)` }],
  })

async function picture(ctx: Ctx, field: 'avatar' | 'header', previous: UploadedImage | undefined): Promise<UploadedImage | undefined> {
  const file = ctx.params[field]
  if (!(file instanceof Blob)) return undefined
  const label = field === 'avatar' ? 'Avatar' : 'Header'
  if (!PICTURE_TYPES.has(file.type)) {
    throw new ApiFailure(422, `Validation failed: ${label} content type is invalid`, {
      [field]: [{ error: 'ERR_INVALID', description: 'content type is invalid' }],
    })
  }
  if (file.size > PROFILE_LIMITS.pictureBytes) {
    throw new ApiFailure(422, `Validation failed: ${label} file size must be less than 2 MB`, {
      [field]: [{ error: 'ERR_INVALID', description: 'file size must be less than 2 MB' }],
    })
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), mime: file.type, version: (previous?.version ?? 0) + 1 }
}

/** The fields as sent (`fields_attributes[i][name|value]`), blank pairs dropped; a field that kept its value keeps its verification. */
function fieldsFrom(ctx: Ctx, before: readonly FieldRecord[]): FieldRecord[] | undefined {
  const raw = ctx.params.fields_attributes
  if (!raw || typeof raw !== 'object') return undefined
  const sent = Object.values(raw as Record<string, unknown>)
    .map((f) => f as Record<string, unknown>)
    .map((f) => ({ name: String(f.name ?? '').trim(), value: String(f.value ?? '').trim() }))
    .filter((f) => f.name !== '' || f.value !== '')
  if (sent.length > PROFILE_LIMITS.fields) {
    throw new ApiFailure(422, `Validation failed: Fields is too long (maximum is ${PROFILE_LIMITS.fields} characters)`)
  }
  for (const f of sent) {
    if ([...f.name].length > PROFILE_LIMITS.fieldName) throw tooLong('fields', 'Fields name', PROFILE_LIMITS.fieldName)
    if ([...f.value].length > PROFILE_LIMITS.fieldValue) throw tooLong('fields', 'Fields value', PROFILE_LIMITS.fieldValue)
  }
  return sent.map((f) => ({ ...f, verifiedAt: before.find((b) => b.value === f.value)?.verifiedAt ?? null }))
}

export async function updateCredentials(ctx: Ctx, a: AccountRecord): Promise<void> {
  const p = ctx.params
  // Everything is checked first: a refused request changes nothing.
  const displayName = str(p, 'display_name')
  if (displayName !== undefined && [...displayName].length > PROFILE_LIMITS.displayName) {
    throw tooLong('display_name', 'Display name', PROFILE_LIMITS.displayName)
  }
  const note = str(p, 'note')
  if (note !== undefined && [...note].length > PROFILE_LIMITS.note) throw tooLong('note', 'Note', PROFILE_LIMITS.note)
  const fields = fieldsFrom(ctx, a.fields)
  const avatar = await picture(ctx, 'avatar', a.avatarUpload)
  const header = await picture(ctx, 'header', a.headerUpload)

  if (displayName !== undefined) a.displayName = displayName
  if (note !== undefined) a.note = note
  if (fields) a.fields = fields
  if (avatar) a.avatarUpload = avatar
  if (header) a.headerUpload = header
  const locked = bool(p, 'locked')
  if (locked !== undefined) a.locked = locked
  const botFlag = bool(p, 'bot')
  if (botFlag !== undefined) a.bot = botFlag
  const discoverable = bool(p, 'discoverable')
  if (discoverable !== undefined) a.discoverable = discoverable
  const hideCollections = bool(p, 'hide_collections')
  if (hideCollections !== undefined) a.hideCollections = hideCollections
}
