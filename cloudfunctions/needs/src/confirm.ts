/**
 * The requester (or a worker on their behalf) confirms a done need and rates it; in the same transaction
 * the assignee is credited the need's points plus the rating bonus, exactly once. Needs can be cancelled
 * by their requester while nobody works on them, and by workers until they are confirmed.
 */
import { cancelNeedInput, confirmNeedInput, type Need } from '../../../types/needs'
import { entryPosted, needCredit, type Tally } from '../../../types/report'
import { assertSafeText } from '../../../server/content'
import { denied, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { creditService, postInTransaction } from '../../../server/ledger'
import { refuseSelfDealing } from '../../../server/self-dealing'
import { changeNeed } from './store'
import { toNeed } from './views'

export const confirm = action({
  input: confirmNeedInput,
  run: async (args, caller): Promise<Need> => {
    if (args.comment) await assertSafeText(caller.openid, [args.comment])
    // The credit is counted for the report in the confirmation's one counter write.
    let credited: Tally[] = []
    const need = await changeNeed(
      args.id,
      async (n, tx, now) => {
        credited = []
        if (n.requester.openid !== caller.openid && !caller.roles.has('worker'))
          throw denied('只有发布人或社工可以确认')
        // A worker who served the need confirms it only as its requester, never on the requester's behalf.
        if (n.requester.openid !== caller.openid)
          refuseSelfDealing(caller.openid, n.assignee?.openid, '替居民确认自己完成的服务')
        if (n.status === 'confirmed') throw precondition('这个需求已经确认过了')
        if (n.status !== 'done') throw precondition('志愿者完成服务后才能确认')
        const points = needCredit(n.points, args.rating)
        let creditEntryId: string | null = null
        const service = n.minutes ? { kind: 'need' as const, minutes: n.minutes } : undefined
        if (points > 0 && n.assignee) {
          const { entry } = await postInTransaction(
            tx,
            {
              openid: n.assignee.openid,
              delta: points,
              kind: 'need',
              refId: n._id,
              note: `${n.title}（${args.rating}星评价）`,
              operator: caller.openid,
              key: `need:${n._id}`,
              knownNew: true,
              service,
            },
            now,
          )
          creditEntryId = entry._id
          credited = [entryPosted(entry)].filter((t): t is Tally => t !== null)
        } else if (n.assignee && service) await creditService(tx, n.assignee.openid, service, now)
        return { status: 'confirmed', rating: args.rating, comment: args.comment ?? '', creditEntryId }
      },
      () => credited,
    )
    return toNeed(need, caller)
  },
})

export const cancel = action({
  input: cancelNeedInput,
  run: async (args, caller): Promise<Need> => {
    const isWorker = caller.roles.has('worker')
    await assertSafeText(caller.openid, [args.reason])
    const need = await changeNeed(args.id, async (n) => {
      const isRequester = n.requester.openid === caller.openid
      if (!isRequester && !isWorker) throw denied('只有发布人或社工可以取消这个需求')
      const allowed = isWorker ? ['pending', 'open', 'assigned', 'done'] : ['pending', 'open']
      if (!allowed.includes(n.status)) {
        throw precondition(
          n.status === 'assigned' || n.status === 'done'
            ? '志愿者已经接单，请联系社工取消'
            : '这个需求已经结束，不能取消',
        )
      }
      return { status: 'cancelled', cancelReason: args.reason ?? '' }
    })
    return toNeed(need, caller)
  },
})
