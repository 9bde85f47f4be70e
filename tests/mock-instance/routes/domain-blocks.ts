// Blocking whole servers as one account (/api/v1/domain_blocks), and one's endorsements
// (/api/v1/endorsements), as Mastodon 4.5 answers them. Blocking a domain also ends the
// follows between the account and that domain's people, as Mastodon does.

import { paginate, requireUser, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { json, str } from '../http.ts'
import { ApiFailure } from '../world.ts'

/** A domain as Mastodon takes it: a host name, lower case, without scheme or path. */
function domainParam(ctx: Ctx): string {
  const raw = (str(ctx.params, 'domain') ?? '').trim().toLowerCase()
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(raw) || !raw.includes('.') && !raw.includes(':') && raw !== 'localhost') {
    throw new ApiFailure(422, 'Validation failed: Domain is not a valid domain name')
  }
  return raw
}

export function registerDomainBlockRoutes(router: ApiRouter): void {
  router.get('/api/v1/domain_blocks', (ctx) => {
    const me = requireUser(ctx, 'read:blocks')
    const domains = [...(world(ctx).domainBlocks.get(me) ?? [])].reverse()
    const ids = ctx.state.inst.ids.filter
    return paginate(ctx, domains, (d) => ids.idFor(`domain-block:${me}:${d}`, 0), ids, (d) => d, { defaultLimit: 100, maxLimit: 200 })
  })

  router.post('/api/v1/domain_blocks', (ctx) => {
    const me = requireUser(ctx, 'write:blocks')
    const domain = domainParam(ctx)
    const w = world(ctx)
    if (domain === w.account(me).home.toLowerCase()) throw new ApiFailure(422, 'Validation failed: Domain cannot be your own domain')
    const set = w.domainBlocks.get(me) ?? new Set()
    set.add(domain)
    w.domainBlocks.set(me, set)
    for (const a of w.accounts.values()) {
      if (a.home.toLowerCase() !== domain) continue
      w.unfollow(me, a.key)
      w.unfollow(a.key, me)
    }
    return json({})
  })

  router.delete('/api/v1/domain_blocks', (ctx) => {
    const me = requireUser(ctx, 'write:blocks')
    world(ctx).domainBlocks.get(me)?.delete(domainParam(ctx))
    return json({})
  })

  router.get('/api/v1/endorsements', (ctx) => {
    const me = requireUser(ctx, 'read:accounts')
    const view = viewFor(ctx, me)
    return json([...(world(ctx).endorsements.get(me) ?? [])].map((k) => view.account(world(ctx).account(k))))
  })
}
