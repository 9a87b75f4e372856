/** Lists by scope (keyset paged) and one need by id, each shown as the caller may see it. */
import {
  distanceBucket,
  getNeedInput,
  listNeedsInput,
  type Need,
  type NeedNearby,
  type NeedScope,
} from '../../../types/needs'
import type { LatLng } from '../../../types/corners'
import type { Page } from '../../../types/envelope'
import type { NeedRecord } from '../../../types/records'
import type { Role } from '../../../types/user'
import { _, db } from '../../../server/cloud'
import { denied } from '../../../server/errors'
import { action, type Caller } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { findNeed } from './store'
import { mayView, toNeed } from './views'

const SCOPE_ROLES: Record<NeedScope, Role[]> = {
  mine: ['resident'],
  pool: ['volunteer', 'worker'],
  review: ['worker'],
  assigned: ['volunteer', 'worker'],
  all: ['worker'],
}

/**
 * Where an open need is, as the pool tells it: from the caller's own community or not, and how far in coarse
 * steps from where the caller is (`near`), measured to the middle of the grid cell that holds the need's place,
 * never to the place itself (API.md needs.list).
 */
function nearbyOf(need: NeedRecord, caller: Caller, near: LatLng | undefined): NeedNearby {
  const mine = caller.user?.community ?? ''
  return {
    sameCommunity: mine !== '' && need.community === mine,
    distance: near && need.location ? distanceBucket(near, need.location) : null,
  }
}

export const list = action({
  input: listNeedsInput,
  run: async (args, caller): Promise<Page<Need>> => {
    if (!SCOPE_ROLES[args.scope].some((r) => caller.roles.has(r))) {
      throw denied(
        args.scope === 'pool' || args.scope === 'assigned'
          ? '只有志愿者可以查看需求大厅'
          : '只有社工可以查看',
      )
    }
    const limit = args.limit ?? 20
    const where: Record<string, unknown> = {}
    if (args.scope === 'mine') where['requester.openid'] = caller.openid
    if (args.scope === 'assigned') where['assignee.openid'] = caller.openid
    if (args.scope === 'pool') where.status = 'open'
    if (args.scope === 'review') where.status = 'pending'
    if (args.scope === 'all' && args.status) where.status = args.status
    if ((args.scope === 'pool' || args.scope === 'all') && args.category) where.category = args.category
    // The review queue is first come, first served; every other list shows the newest first.
    const direction = args.scope === 'review' ? 'asc' : 'desc'
    const res = await db
      .collection<NeedRecord>('needs')
      .where(_.and([where, afterCursor('createdAt', decodeCursor(args.cursor), direction)]))
      .orderBy('createdAt', direction)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (n) => n.createdAt)
    const items = rows.map((n) => {
      const need = toNeed(n, caller)
      if (args.scope === 'pool') need.nearby = nearbyOf(n, caller, args.near)
      return need
    })
    return { items, nextCursor }
  },
})

export const get = action({
  input: getNeedInput,
  run: async (args, caller): Promise<Need> => {
    const need = await findNeed(args.id)
    if (!mayView(need, caller)) throw denied('您不能查看这个需求')
    return toNeed(need, caller)
  },
})
