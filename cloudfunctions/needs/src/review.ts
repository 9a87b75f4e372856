/** Workers review pending needs and dispatch open ones to an approved volunteer. */
import { dispatchNeedInput, reviewNeedInput, type Need } from '../../../types/needs'
import { POINTS_RULES } from '../../../types/points'
import type { NeedRecord, UserRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { refuseSelfDealing } from '../../../server/self-dealing'
import { displayName } from '../../../server/users'
import { tellDispatched, tellRequester } from './notify'
import { dropPhotos } from './photos'
import { changeNeed } from './store'
import { toNeed } from './views'

export const review = action({
  input: reviewNeedInput,
  who: 'worker',
  run: async (args, caller): Promise<Need> => {
    await assertSafeText(caller.openid, [args.reason])
    let rejected: NeedRecord = null!
    const need = await changeNeed(args.id, async (n) => {
      if (n.status !== 'pending') throw precondition('这个需求已经审核过了')
      rejected = n
      return args.approve
        ? { status: 'open', points: args.points ?? POINTS_RULES.needPoints, reviewedBy: caller.openid }
        : {
            status: 'rejected',
            rejectReason: args.reason ?? '',
            reviewedBy: caller.openid,
            photos: [],
            completionPhotos: [],
          }
    })
    if (!args.approve) await dropPhotos(rejected)
    await tellRequester(need, args.approve ? '审核通过，正在为您寻找志愿者' : `未通过：${need.rejectReason}`)
    return toNeed(need, caller)
  },
})

export const dispatch = action({
  input: dispatchNeedInput,
  who: 'worker',
  run: async (args, caller): Promise<Need> => {
    refuseSelfDealing(caller.openid, args.volunteerOpenid, '把需求派给自己')
    const found = await db.collection<UserRecord>('users').where({ _id: args.volunteerOpenid }).limit(1).get()
    const volunteer = found.data[0]
    if (!volunteer) throw notFound('没有找到这位志愿者')
    if (volunteer.volunteer?.status !== 'approved' || !volunteer.roles.includes('volunteer')) {
      throw precondition('只能派给已通过审核的志愿者')
    }
    const need = await changeNeed(args.id, async (n, tx, now) => {
      if (n.status !== 'open')
        throw precondition(
          n.status === 'assigned' ? '这个需求已经有志愿者接单了' : '只有待接单的需求可以派单',
        )
      if (n.requester.openid === volunteer.openid) throw precondition('不能把需求派给发布人自己')
      // A worker's dispatch vouches for the volunteer again: past releases no longer stop them claiming.
      if (volunteer.releasedAt?.length) {
        await tx
          .collection('users')
          .doc(volunteer.openid)
          .update({ data: { releasedAt: _.set([]), updatedAt: now } })
      }
      // New to the volunteer until they see it (我的任务's badge, needs.seen).
      return {
        status: 'assigned',
        assignee: { openid: volunteer.openid, nickname: displayName(volunteer) },
        dispatchedAt: now,
        unseenBy: volunteer.openid,
      }
    })
    await tellDispatched(need)
    return toNeed(need, caller)
  },
})
