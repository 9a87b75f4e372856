/** Volunteer applications: a resident applies, a worker approves, refuses or suspends. */
import {
  applyVolunteerInput,
  listVolunteersInput,
  reviewVolunteerInput,
  type Role,
} from '../../../types/user'
import type { UserRecord } from '../../../types/records'
import type { Page } from '../../../types/envelope'
import type { VolunteerApplication } from '../../../types/user'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { notify, thing } from '../../../server/notify'
import { refuseSelfDealing } from '../../../server/self-dealing'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { inTransaction } from '../../../server/transaction'
import { toApplication, toMe, toRoleHolder } from './views'

export const applyVolunteer = action({
  input: applyVolunteerInput,
  run: async (args, caller) => {
    // The real name is shown to the people the volunteer serves.
    await assertSafeText(caller.openid, [args.realName, ...args.skills])
    const now = Date.now()
    const user = await inTransaction(async (tx) => {
      const ref = tx.collection<UserRecord>('users').doc(caller.openid)
      const current = (await ref.get()).data
      if (current.volunteer?.status === 'approved') throw precondition('您已经是志愿者了，不用再申请')
      const volunteer = {
        status: 'pending' as const,
        realName: args.realName,
        phone: args.phone,
        skills: [...new Set(args.skills)],
        appliedAt: now,
        reviewedAt: null,
        reviewedBy: null,
        reason: null,
      }
      const phone = current.phone ?? args.phone
      await ref.update({ data: { volunteer: _.set(volunteer), phone, updatedAt: now } })
      return { ...current, volunteer, phone, updatedAt: now }
    })
    return toMe(user)
  },
})

export const reviewVolunteer = action({
  input: reviewVolunteerInput,
  who: 'worker',
  run: async (args, caller) => {
    refuseSelfDealing(caller.openid, args.openid, '审核自己的志愿者申请')
    await assertSafeText(caller.openid, [args.reason])
    const now = Date.now()
    const { user, before } = await inTransaction(async (tx) => {
      const ref = tx.collection<UserRecord>('users').doc(args.openid)
      let current: UserRecord
      try {
        current = (await ref.get()).data
      } catch {
        throw notFound('没有找到这位居民')
      }
      const v = current.volunteer
      if (!v) throw notFound('这位居民没有申请成为志愿者')
      if (args.approve && v.status === 'approved') throw precondition('这位志愿者已经通过审核了')
      if (!args.approve && v.status === 'rejected') throw precondition('这份申请已经是未通过状态')
      const roles: Role[] = args.approve
        ? [...new Set<Role>([...current.roles, 'volunteer'])]
        : current.roles.filter((r) => r !== 'volunteer')
      const volunteer = {
        ...v,
        status: args.approve ? ('approved' as const) : ('rejected' as const),
        reviewedAt: now,
        reviewedBy: caller.openid,
        reason: args.approve ? null : (args.reason ?? null),
      }
      await ref.update({ data: { volunteer: _.set(volunteer), roles: _.set(roles), updatedAt: now } })
      return { user: { ...current, volunteer, roles, updatedAt: now }, before: v.status }
    })
    const outcome = args.approve ? '已通过' : before === 'approved' ? '已暂停' : '未通过'
    const why = args.approve ? '欢迎加入，去看看需要帮助的邻居吧' : (args.reason ?? '')
    await notify({
      touser: user.openid,
      template: 'TEMPLATE_VOLUNTEER_REVIEW',
      page: 'pages/me/index',
      data: { thing1: thing('志愿者申请'), phrase2: { value: outcome }, thing3: thing(why) },
      notice: { title: `志愿者申请${outcome}`, body: args.approve ? why : `原因：${why}` },
      event: `volunteer:${now}`,
    })
    return toRoleHolder(user)
  },
})

export const listVolunteers = action({
  input: listVolunteersInput,
  who: 'worker',
  run: async (args): Promise<Page<VolunteerApplication>> => {
    const status = args.status ?? 'pending'
    const limit = args.limit ?? 20
    // The review queue is first come, first served; the other lists show the newest first.
    const direction = status === 'pending' ? 'asc' : 'desc'
    const field = 'volunteer.appliedAt'
    const res = await db
      .collection<UserRecord>('users')
      .where(
        _.and([{ 'volunteer.status': status }, afterCursor(field, decodeCursor(args.cursor), direction)]),
      )
      .orderBy(field, direction)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (u) => u.volunteer!.appliedAt)
    return { items: rows.map(toApplication), nextCursor }
  },
})
