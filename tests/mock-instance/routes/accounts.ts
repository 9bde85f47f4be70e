// Accounts, relationships, follows, blocks, mutes, follow requests.

import { accountKeyOf, paginate, requireUser, optionalUser, viewFor, world, offsetPage, type ApiRouter, type Ctx } from '../context.ts'
import { bool, int, json, str, strList } from '../http.ts'
import type { AccountRecord } from '../model.ts'
import { searchAccounts } from '../search.ts'
import { ApiFailure } from '../world.ts'
import { accountFeaturedTags } from './tags.ts'
import { updateCredentials } from './profile-edit.ts'

/** Accounts ordered newest-first by their id on this instance (for Link pagination). */
function byIdDesc(ctx: Ctx, keys: string[]): AccountRecord[] {
  const w = world(ctx)
  const inst = ctx.state.inst
  return keys
    .map((k) => w.accounts.get(k))
    .filter((a): a is AccountRecord => Boolean(a))
    .sort((x, y) => inst.ids.account.compare(inst.accountId(y.key), inst.accountId(x.key)))
}

function accountPage(ctx: Ctx, viewer: string | null, keys: string[], defaultLimit = 40, maxLimit = 80): Response {
  const view = viewFor(ctx, viewer)
  return paginate(ctx, byIdDesc(ctx, keys), (a) => ctx.state.inst.accountId(a.key), ctx.state.inst.ids.account, (a) => view.account(a), {
    defaultLimit,
    maxLimit,
  })
}

export function registerAccountRoutes(router: ApiRouter): void {
  router.get('/api/v1/accounts/verify_credentials', (ctx) => {
    const me = requireUser(ctx, 'read:accounts')
    return json(viewFor(ctx, me).credentialAccount(world(ctx).account(me)))
  })

  router.patch('/api/v1/accounts/update_credentials', async (ctx) => {
    const me = requireUser(ctx, 'write:accounts')
    const a = world(ctx).account(me)
    await updateCredentials(ctx, a)
    return json(viewFor(ctx, me).credentialAccount(a))
  })

  router.get('/api/v1/accounts/lookup', (ctx) => {
    const viewer = optionalUser(ctx)
    const acct = str(ctx.params, 'acct')
    if (!acct) throw new ApiFailure(404, 'Record not found')
    const a = world(ctx).findAccountByHandle(acct, ctx.state.inst.host)
    if (!a) throw new ApiFailure(404, 'Record not found')
    return json(viewFor(ctx, viewer).account(a))
  })

  router.get('/api/v1/accounts/relationships', (ctx) => {
    const me = requireUser(ctx, 'read:follows')
    const view = viewFor(ctx, me)
    const out = strList(ctx.params, 'id')
      .map((id) => ctx.state.inst.accountKeyById(id))
      .filter((k): k is string => Boolean(k))
      .map((k) => view.relationship(world(ctx).account(k)))
    return json(out)
  })

  router.get('/api/v1/accounts/familiar_followers', (ctx) => {
    const me = requireUser(ctx, 'read:follows')
    const w = world(ctx)
    const view = viewFor(ctx, me)
    return json(
      strList(ctx.params, 'id').map((id) => {
        const key = ctx.state.inst.accountKeyById(id)
        const mine = w.follows.get(me) ?? new Set()
        const accounts = key ? w.followers(key).filter((f) => mine.has(f)).map((k) => view.account(w.account(k))) : []
        return { id, accounts }
      }),
    )
  })

  router.get('/api/v1/accounts/search', (ctx) => {
    const viewer = requireUser(ctx, 'read:accounts')
    const following = bool(ctx.params, 'following') ?? false
    const view = viewFor(ctx, viewer)
    const matches = searchAccounts(world(ctx), ctx.state.inst.host, viewer, str(ctx.params, 'q') ?? '', following)
    return json(offsetPage(ctx, matches, 40, 80).map((a) => view.account(a)))
  })

  router.get('/api/v1/accounts', (ctx) => {
    const viewer = optionalUser(ctx)
    const view = viewFor(ctx, viewer)
    return json(
      strList(ctx.params, 'id')
        .map((id) => ctx.state.inst.accountKeyById(id))
        .filter((k): k is string => Boolean(k))
        .map((k) => view.account(world(ctx).account(k))),
    )
  })

  router.get('/api/v1/accounts/:id', (ctx) => {
    const viewer = optionalUser(ctx)
    const key = accountKeyOf(ctx, ctx.path.id!)
    return json(viewFor(ctx, viewer).account(world(ctx).account(key)))
  })

  router.get('/api/v1/accounts/:id/statuses', (ctx) => {
    const viewer = optionalUser(ctx)
    const key = accountKeyOf(ctx, ctx.path.id!)
    const w = world(ctx)
    const p = ctx.params
    const onlyMedia = bool(p, 'only_media') ?? false
    const excludeReplies = bool(p, 'exclude_replies') ?? false
    const excludeReblogs = bool(p, 'exclude_reblogs') ?? false
    const pinned = bool(p, 'pinned') ?? false
    const tagged = str(p, 'tagged')?.toLowerCase()
    if (viewer && w.isBlocking(key, viewer)) return json([])
    const pins = w.pins.get(key) ?? new Set()
    const items = w.statusOrder
      .filter((s) => {
        if (s.authorKey !== key || !w.canSee(viewer, s)) return false
        if (pinned && !pins.has(s.key)) return false
        if (onlyMedia && (s.reblogOfKey || s.mediaKeys.length === 0)) return false
        if (excludeReblogs && s.reblogOfKey) return false
        if (excludeReplies && s.inReplyToKey) {
          const parent = w.statuses.get(s.inReplyToKey)
          if (parent?.authorKey !== key) return false
        }
        if (tagged && !s.tags.includes(tagged)) return false
        return true
      })
      .reverse()
    const view = viewFor(ctx, viewer)
    return paginate(ctx, items, (s) => ctx.state.inst.statusId(s.key), ctx.state.inst.ids.status, (s) => view.status(s))
  })

  // Someone who hides their social graph shows the lists to themselves only (others get []).
  const collection = (path: string, keysOf: (ctx: Ctx, key: string) => string[]) =>
    router.get(`/api/v1/accounts/:id/${path}`, (ctx) => {
      const viewer = optionalUser(ctx)
      const key = accountKeyOf(ctx, ctx.path.id!)
      const hidden = world(ctx).account(key).hideCollections === true && viewer !== key
      return accountPage(ctx, viewer, hidden ? [] : keysOf(ctx, key))
    })
  collection('followers', (ctx, key) => world(ctx).followers(key))
  collection('following', (ctx, key) => [...(world(ctx).follows.get(key) ?? [])])

  router.get('/api/v1/accounts/:id/lists', (ctx) => {
    const me = requireUser(ctx, 'read:lists')
    const key = accountKeyOf(ctx, ctx.path.id!)
    const view = viewFor(ctx, me)
    return json([...world(ctx).lists.values()].filter((l) => l.ownerKey === me && l.memberKeys.has(key)).map((l) => view.list(l)))
  })

  router.get('/api/v1/accounts/:id/featured_tags', (ctx) => json(accountFeaturedTags(ctx, accountKeyOf(ctx, ctx.path.id!))))

  router.get('/api/v1/accounts/:id/endorsements', (ctx) => {
    const viewer = optionalUser(ctx)
    const key = accountKeyOf(ctx, ctx.path.id!)
    const view = viewFor(ctx, viewer)
    return json([...(world(ctx).endorsements.get(key) ?? [])].map((k) => view.account(world(ctx).account(k))))
  })

  const relationshipAction = (path: string, scope: string, act: (ctx: Ctx, me: string, target: string) => void) =>
    router.post(`/api/v1/accounts/:id/${path}`, (ctx) => {
      const me = requireUser(ctx, scope)
      const target = accountKeyOf(ctx, ctx.path.id!)
      act(ctx, me, target)
      return json(viewFor(ctx, me).relationship(world(ctx).account(target)))
    })

  relationshipAction('follow', 'write:follows', (ctx, me, target) => {
    const notify = bool(ctx.params, 'notify')
    const reblogs = bool(ctx.params, 'reblogs')
    world(ctx).follow(me, target, { ...(notify === undefined ? {} : { notify }), ...(reblogs === undefined ? {} : { reblogs }) })
  })
  relationshipAction('unfollow', 'write:follows', (ctx, me, target) => world(ctx).unfollow(me, target))
  relationshipAction('remove_from_followers', 'write:follows', (ctx, me, target) => world(ctx).unfollow(target, me))
  relationshipAction('block', 'write:blocks', (ctx, me, target) => world(ctx).block(me, target))
  relationshipAction('unblock', 'write:blocks', (ctx, me, target) => world(ctx).unblock(me, target))
  relationshipAction('mute', 'write:mutes', (ctx, me, target) =>
    world(ctx).mute(me, target, bool(ctx.params, 'notifications') ?? true, int(ctx.params, 'duration') ?? 0),
  )
  relationshipAction('unmute', 'write:mutes', (ctx, me, target) => world(ctx).unmute(me, target))
  relationshipAction('note', 'write:accounts', (ctx, me, target) => {
    const comment = (str(ctx.params, 'comment') ?? '').trim()
    if ([...comment].length > 2000) throw new ApiFailure(422, 'Validation failed: Comment is too long (maximum is 2000 characters)')
    const w = world(ctx)
    const notes = w.notes.get(me) ?? new Map<string, string>()
    if (comment === '') notes.delete(target)
    else notes.set(target, comment)
    w.notes.set(me, notes)
  })
  relationshipAction('pin', 'write:accounts', (ctx, me, target) => {
    const w = world(ctx)
    if (!w.isFollowing(me, target)) throw new ApiFailure(422, 'Validation failed: You must be already following the person you want to endorse')
    const set = w.endorsements.get(me) ?? new Set()
    set.add(target)
    w.endorsements.set(me, set)
  })
  relationshipAction('unpin', 'write:accounts', (ctx, me, target) => {
    world(ctx).endorsements.get(me)?.delete(target)
  })

  router.get('/api/v1/follow_requests', (ctx) => {
    const me = requireUser(ctx, 'read:follows')
    return accountPage(ctx, me, [...(world(ctx).followRequests.get(me) ?? [])])
  })
  router.post('/api/v1/follow_requests/:id/authorize', (ctx) => {
    const me = requireUser(ctx, 'write:follows')
    const requester = accountKeyOf(ctx, ctx.path.id!)
    world(ctx).authorizeFollow(me, requester)
    return json(viewFor(ctx, me).relationship(world(ctx).account(requester)))
  })
  router.post('/api/v1/follow_requests/:id/reject', (ctx) => {
    const me = requireUser(ctx, 'write:follows')
    const requester = accountKeyOf(ctx, ctx.path.id!)
    world(ctx).rejectFollow(me, requester)
    return json(viewFor(ctx, me).relationship(world(ctx).account(requester)))
  })

  router.get('/api/v1/blocks', (ctx) => {
    const me = requireUser(ctx, 'read:blocks')
    return accountPage(ctx, me, [...(world(ctx).blocks.get(me) ?? [])])
  })
  // Mastodon's MutedAccountSerializer: each account with when its mute ends (null: never).
  router.get('/api/v1/mutes', (ctx) => {
    const me = requireUser(ctx, 'read:mutes')
    const w = world(ctx)
    const mutes = w.mutes.get(me) ?? new Map()
    const view = viewFor(ctx, me)
    const keys = [...mutes.keys()].filter((k) => w.isMuting(me, k))
    return paginate(ctx, byIdDesc(ctx, keys), (a) => ctx.state.inst.accountId(a.key), ctx.state.inst.ids.account, (a) => {
      const expiresAt = mutes.get(a.key)?.expiresAt
      return { ...view.account(a), mute_expires_at: expiresAt ? new Date(expiresAt).toISOString() : null }
    }, { defaultLimit: 40, maxLimit: 80 })
  })

  router.get('/api/v1/preferences', (ctx) => {
    requireUser(ctx, 'read:accounts')
    return json({
      'posting:default:visibility': 'public',
      'posting:default:sensitive': false,
      'posting:default:language': null,
      'posting:default:quote_policy': 'public',
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
      'reading:autoplay:gifs': false,
    })
  })

}
