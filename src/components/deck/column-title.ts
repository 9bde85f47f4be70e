// The title of a column from its type and parameters ("Home", "#caturday",
// "List: Friends", "Profile @x"). Pure: takes the translate function.

import type { ColumnSpec } from '@/timeline/column-spec'
import type { MessageKey } from '@/i18n/keys'

type Translate = (key: MessageKey, named?: Record<string, unknown>) => string

export function columnTitle(t: Translate, column: Pick<ColumnSpec, 'type' | 'params'>): string {
  const p = column.params
  switch (column.type) {
    case 'federated':
      return t(p.remoteOnly ? 'column.titles.federatedRemote' : 'column.titles.federated')
    case 'hashtag':
      return t(p.localOnly ? 'column.titles.hashtagLocal' : 'column.titles.hashtag', { tag: p.tag ?? '' })
    case 'list':
      return t('column.titles.list', { title: p.listTitle ?? p.listId ?? '' })
    case 'profile': {
      const acct = `@${(p.acct ?? '').replace(/^@/, '')}`
      if (p.profileTab === 'replies') return t('column.titles.profileReplies', { acct })
      if (p.profileTab === 'media') return t('column.titles.profileMedia', { acct })
      return t('column.titles.profile', { acct })
    }
    default:
      return t(`column.titles.${column.type}`)
  }
}
