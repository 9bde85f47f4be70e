// What the "Add column" dialog collects, and how it becomes a column (or errors).
// Pure, so every column type is tested without a DOM.

import type { MessageKey } from '@/i18n/keys'
import type { NewColumn } from '@/stores/deck'
import { COLUMN_TYPES, type ColumnParams, type ColumnType } from '@/timeline/column-spec'

/** The types a person adds from the picker (a thread column opens from a status). */
export type AddableType = Exclude<ColumnType, 'thread'>
export const ADDABLE_TYPES: readonly AddableType[] = COLUMN_TYPES.filter((t): t is AddableType => t !== 'thread')

export interface AddColumnForm {
  accountKey: string
  type: AddableType
  remoteOnly: boolean
  tag: string
  any: string
  all: string
  none: string
  localOnly: boolean
  listId: string
  acct: string
  profileTab: 'posts' | 'replies' | 'media'
}

export type FormField = 'accountKey' | 'tag' | 'any' | 'all' | 'none' | 'listId' | 'acct'

export type BuildResult =
  | { readonly ok: true; readonly column: NewColumn }
  | { readonly ok: false; readonly errors: Partial<Record<FormField, MessageKey>> }

export interface ListOption {
  readonly id: string
  readonly title: string
}

export function emptyForm(accountKey = ''): AddColumnForm {
  return {
    accountKey,
    type: 'home',
    remoteOnly: false,
    tag: '',
    any: '',
    all: '',
    none: '',
    localOnly: false,
    listId: '',
    acct: '',
    profileTab: 'posts',
  }
}

const TAG = /^[\p{L}\p{N}_\p{M}·]+$/u
const ACCT = /^[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?)?$/

/** "#a, b  c" -> ["a", "b", "c"]; null when one of them is not a valid tag. */
export function parseTags(input: string): string[] | null {
  const tags = input
    .split(/[\s,]+/)
    .map((s) => s.replace(/^#/, ''))
    .filter((s) => s !== '')
  if (!tags.every((tag) => TAG.test(tag))) return null
  return [...new Set(tags)]
}

export function buildColumn(form: AddColumnForm, lists: readonly ListOption[] = []): BuildResult {
  const errors: Partial<Record<FormField, MessageKey>> = {}
  if (!form.accountKey) errors.accountKey = 'deck.add.errors.account'
  let params: ColumnParams = {}
  switch (form.type) {
    case 'federated':
      params = form.remoteOnly ? { remoteOnly: true } : {}
      break
    case 'hashtag': {
      const tag = form.tag.trim().replace(/^#/, '')
      if (!tag || !TAG.test(tag)) errors.tag = 'deck.add.errors.tag'
      const extra: Record<string, string[]> = {}
      for (const field of ['any', 'all', 'none'] as const) {
        const tags = parseTags(form[field])
        if (tags === null) errors[field] = 'deck.add.errors.tags'
        else if (tags.length) extra[field] = tags
      }
      params = { tag, ...extra, ...(form.localOnly ? { localOnly: true } : {}) }
      break
    }
    case 'list': {
      const list = lists.find((l) => l.id === form.listId)
      if (!form.listId || !list) errors.listId = 'deck.add.errors.list'
      else params = { listId: list.id, listTitle: list.title }
      break
    }
    case 'profile': {
      const acct = form.acct.trim().replace(/^@/, '')
      if (!ACCT.test(acct)) errors.acct = 'deck.add.errors.acct'
      params = { acct, profileTab: form.profileTab }
      break
    }
    default:
      break
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, column: { type: form.type, accountKey: form.accountKey, params } }
}
