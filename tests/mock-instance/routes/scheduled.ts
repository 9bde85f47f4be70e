// The caller's scheduled posts: list (paginated like Mastodon, newest first, with Link),
// show, move to another time, cancel. Made by POST /api/v1/statuses with `scheduled_at`.

import { parseScheduledAt, validationFailed } from '../compose.ts'
import { paginate, requireUser, viewFor, world, type ApiRouter, type Ctx } from '../context.ts'
import { json, str } from '../http.ts'
import type { ScheduledStatusRecord } from '../model.ts'
import { scheduleErrors } from '../scheduled.ts'
import { ApiFailure } from '../world.ts'

function ownScheduled(ctx: Ctx, me: string): ScheduledStatusRecord {
  const inst = ctx.state.inst
  const key = inst.ids.scheduled.keyFor(ctx.path.id!)
  const r = key ? world(ctx).scheduled.get(key) : undefined
  if (!r || r.ownerKey !== me || r.home !== inst.host) throw new ApiFailure(404, 'Record not found')
  return r
}

export function registerScheduledRoutes(router: ApiRouter): void {
  router.get('/api/v1/scheduled_statuses', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    const inst = ctx.state.inst
    const space = inst.ids.scheduled
    const idOf = (r: ScheduledStatusRecord) => space.idFor(r.key, r.createdAt)
    const mine = [...world(ctx).scheduled.values()]
      .filter((r) => r.ownerKey === me && r.home === inst.host)
      .sort((a, b) => space.compare(idOf(b), idOf(a)))
    const view = viewFor(ctx, me)
    return paginate(ctx, mine, idOf, space, (r) => view.scheduledStatus(r), { defaultLimit: 20, maxLimit: 40 })
  })

  router.get('/api/v1/scheduled_statuses/:id', (ctx) => {
    const me = requireUser(ctx, 'read:statuses')
    return json(viewFor(ctx, me).scheduledStatus(ownScheduled(ctx, me)))
  })

  router.put('/api/v1/scheduled_statuses/:id', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    const r = ownScheduled(ctx, me)
    const value = str(ctx.params, 'scheduled_at')
    if (value !== undefined) {
      // Moving it checks the time again; a time past is refused here, not posted.
      const at = parseScheduledAt(value) ?? 0
      const errors = scheduleErrors(world(ctx), me, at, r.key)
      if (errors.length) throw validationFailed(errors)
      r.scheduledAt = at
    }
    return json(viewFor(ctx, me).scheduledStatus(r))
  })

  router.delete('/api/v1/scheduled_statuses/:id', (ctx) => {
    const me = requireUser(ctx, 'write:statuses')
    // Its attachments are free again with it gone.
    world(ctx).scheduled.delete(ownScheduled(ctx, me).key)
    return json({})
  })
}
