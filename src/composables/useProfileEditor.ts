// Editing one's own profile, as one signed-in account: the form starts from what the server
// says, saving sends only what changed (pictures as multipart), and the answer becomes the
// new starting point (the account switcher's name and avatar too). A refusal keeps every
// word typed and says why, in the server's words.

import { computed, reactive, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { serverMessageOf } from '@/api/server-message'
import { changesOf, formFromAccount, type ProfileForm } from '@/api/profile-update'
import { useAccountsStore } from '@/stores/accounts'

export type SaveOutcome = 'saved' | 'unchanged'

export function useProfileEditor(accountKey: MaybeRefOrGetter<string | undefined>) {
  const accounts = useAccountsStore()
  const me = shallowRef<mastodon.v1.CredentialAccount | null>(null)
  const loadError = shallowRef<ApiErrorKind | null>(null)
  const saveError = shallowRef<{ kind: ApiErrorKind; detail: string | null } | null>(null)
  const saving = shallowRef(false)
  const outcome = shallowRef<SaveOutcome | null>(null)
  let original: ProfileForm | null = null
  const form = reactive<ProfileForm>({
    displayName: '',
    note: '',
    fields: [],
    locked: false,
    bot: false,
    discoverable: false,
    hideCollections: false,
    avatar: null,
    header: null,
  })

  function startFrom(account: mastodon.v1.CredentialAccount): void {
    me.value = account
    original = formFromAccount(account)
    Object.assign(form, { ...original, fields: original.fields.map((f) => ({ ...f })) })
  }

  async function load(): Promise<void> {
    const key = toValue(accountKey)
    me.value = null
    loadError.value = null
    outcome.value = null
    if (!key) return
    try {
      startFrom(await accounts.call(key, (c) => c.v1.accounts.verifyCredentials()))
    } catch (e) {
      loadError.value = classifyApiError(e)
    }
  }

  const dirty = computed(() => original !== null && changesOf(original, form) !== null)

  async function save(): Promise<SaveOutcome | null> {
    const key = toValue(accountKey)
    if (!key || !original || saving.value) return null
    saveError.value = null
    outcome.value = null
    const changes = changesOf(original, form)
    if (!changes) return (outcome.value = 'unchanged')
    saving.value = true
    try {
      const answer = await accounts.call(key, (c) => c.v1.accounts.updateCredentials(changes))
      startFrom(answer)
      accounts.rememberProfile(key, answer)
      return (outcome.value = 'saved')
    } catch (e) {
      saveError.value = { kind: classifyApiError(e), detail: serverMessageOf(e) }
      return null
    } finally {
      saving.value = false
    }
  }

  watch(() => toValue(accountKey), () => void load(), { immediate: true })

  return { me, form, dirty, loadError, saveError, saving, outcome, save, reload: load }
}
