// The lists of the account chosen in the "Add column" dialog, loaded on demand; a newer
// request (another account) wins over one still under way.

import { computed, ref } from 'vue'
import { useAccountsStore } from '@/stores/accounts'
import type { AddColumnForm, ListOption } from './add-column-form'

export type ListsState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error' } | { kind: 'done'; lists: ListOption[] }

export function useAddColumnLists(form: AddColumnForm) {
  const accounts = useAccountsStore()
  const lists = ref<ListsState>({ kind: 'idle' })
  let listsRequest = 0

  async function loadLists(): Promise<void> {
    const key = form.accountKey
    if (!key) return
    const request = ++listsRequest
    lists.value = { kind: 'loading' }
    try {
      const result = await accounts.call(key, async (c) => await c.v1.lists.list())
      if (request !== listsRequest) return
      lists.value = { kind: 'done', lists: result.map((l) => ({ id: l.id, title: l.title })) }
      if (!lists.value.lists.some((l) => l.id === form.listId)) form.listId = lists.value.lists[0]?.id ?? ''
    } catch {
      if (request === listsRequest) lists.value = { kind: 'error' }
    }
  }

  const listOptions = computed(() => (lists.value.kind === 'done' ? lists.value.lists : []))

  return { lists, listOptions, loadLists }
}
