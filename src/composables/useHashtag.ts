// One hashtag as one account's server knows it: its week of use, whether the account follows
// it and features it on its profile, and the two toggles. Both toggles are optimistic: the
// button changes at once, the server's answer replaces it, a failure puts it back and keeps
// the error (with the server's own words on a 422) for the view to show.
//
// Servers differ: Mastodon 4.4+ answers `featuring` on the tag and features by name; older
// ones only have /api/v1/featured_tags (featured by id); some have neither, or no tag
// endpoint at all (404): then the matching button is hidden and the posts still show.

import { computed, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { mastodon } from 'masto'
import { classifyApiError, type ApiErrorKind } from '@/api/errors'
import { serverMessageOf } from '@/api/server-message'
import { useAccountsStore } from '@/stores/accounts'

export interface HashtagError {
  readonly action: 'follow' | 'unfollow' | 'feature' | 'unfeature'
  readonly kind: ApiErrorKind
  readonly detail: string | null
}

/** How this server lets an account feature tags: by name (4.4+), by id (older), or not. */
type FeatureApi = 'by-name' | 'by-id' | 'none'

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export interface HashtagOptions {
  /** Also learn whether the account features the tag (a second request on older servers). */
  readonly featuring?: boolean
}

export function useHashtag(accountKey: MaybeRefOrGetter<string | undefined>, name: MaybeRefOrGetter<string>, options: HashtagOptions = {}) {
  const accounts = useAccountsStore()
  const tag = shallowRef<mastodon.v1.Tag | null>(null)
  const loading = shallowRef(false)
  const featureApi = shallowRef<FeatureApi>('none')
  /** The featured tag's id, for servers that unfeature by id. */
  const featuredId = shallowRef<string | null>(null)
  const featuring = shallowRef(false)
  const busy = shallowRef(false)
  const error = shallowRef<HashtagError | null>(null)
  let generation = 0

  /** null when the server does not say (no tag endpoint, or no `following`): no button then. */
  const following = computed(() => (typeof tag.value?.following === 'boolean' ? tag.value.following : null))
  const canFeature = computed(() => featureApi.value !== 'none')

  async function learnFeaturing(key: string, found: mastodon.v1.Tag | null, mine: number): Promise<void> {
    if (typeof found?.featuring === 'boolean') {
      featureApi.value = 'by-name'
      featuring.value = found.featuring
      return
    }
    try {
      const list = await accounts.call(key, async (c) => await c.v1.featuredTags.list())
      if (mine !== generation) return
      const match = list.find((f) => sameTag(f.name, toValue(name)))
      featureApi.value = 'by-id'
      featuredId.value = match?.id ?? null
      featuring.value = Boolean(match)
    } catch {
      // No featured tags on this server (or not for this token): the button stays hidden.
      if (mine === generation) featureApi.value = 'none'
    }
  }

  async function load(): Promise<void> {
    const key = toValue(accountKey)
    const tagName = toValue(name)
    const mine = ++generation
    tag.value = null
    featureApi.value = 'none'
    featuredId.value = null
    featuring.value = false
    error.value = null
    if (!key || !tagName) return
    loading.value = true
    let found: mastodon.v1.Tag | null = null
    try {
      found = await accounts.call(key, (c) => c.v1.tags.$select(tagName).fetch())
      if (mine !== generation) return
      tag.value = found
    } catch {
      // No tag endpoint (or not this tag): the view shows the posts without the buttons.
    }
    if (options.featuring !== false) await learnFeaturing(key, found, mine)
    if (mine === generation) loading.value = false
  }

  async function toggleFollow(): Promise<void> {
    const key = toValue(accountKey)
    const before = tag.value
    if (!key || !before || following.value === null || busy.value) return
    const action = following.value ? 'unfollow' : 'follow'
    busy.value = true
    error.value = null
    tag.value = { ...before, following: action === 'follow' }
    try {
      const answer = await accounts.call(key, (c) => c.v1.tags.$select(before.name)[action]())
      tag.value = { ...before, ...answer, following: typeof answer.following === 'boolean' ? answer.following : action === 'follow' }
    } catch (e) {
      tag.value = before
      error.value = { action, kind: classifyApiError(e), detail: serverMessageOf(e) }
    } finally {
      busy.value = false
    }
  }

  async function featureById(key: string, action: 'feature' | 'unfeature'): Promise<void> {
    if (action === 'feature') {
      const created = await accounts.call(key, (c) => c.v1.featuredTags.create({ name: toValue(name) }))
      featuredId.value = created.id
    } else if (featuredId.value) {
      const id = featuredId.value
      await accounts.call(key, (c) => c.v1.featuredTags.$select(id).remove())
      featuredId.value = null
    }
  }

  async function toggleFeature(): Promise<void> {
    const key = toValue(accountKey)
    if (!key || !canFeature.value || busy.value) return
    const before = featuring.value
    const action = before ? 'unfeature' : 'feature'
    busy.value = true
    error.value = null
    featuring.value = !before
    try {
      if (featureApi.value === 'by-name') {
        const answer = await accounts.call(key, (c) => c.v1.tags.$select(toValue(name))[action]())
        featuring.value = typeof answer.featuring === 'boolean' ? answer.featuring : !before
      } else {
        await featureById(key, action)
      }
    } catch (e) {
      featuring.value = before
      error.value = { action, kind: classifyApiError(e), detail: serverMessageOf(e) }
    } finally {
      busy.value = false
    }
  }

  watch([() => toValue(accountKey), () => toValue(name)], () => void load(), { immediate: true })

  return { tag, loading, following, featuring, canFeature, busy, error, toggleFollow, toggleFeature, reload: load }
}
