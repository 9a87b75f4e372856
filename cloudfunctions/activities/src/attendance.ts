/**
 * The organiser's side after the activity: who came (attendance) and confirming each person's minutes,
 * which credits minutes × pointsPerHour / 60 through the ledger in the same transaction that marks the
 * sign-up confirmed — exactly once, however often or concurrently it is asked.
 */
import {
  ATTENDANCE_STATES,
  attendanceInput,
  confirmAttendanceInput,
  servedMinutes,
  type AttendanceItem,
} from '../../../types/activities'
import { activityPoints } from '../../../types/points'
import type { LedgerRecord, SignupRecord } from '../../../types/records'
import { attendanceConfirmed, entryPosted } from '../../../types/report'
import { _, db } from '../../../server/cloud'
import { invalid, notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { creditService, postInTransaction } from '../../../server/ledger'
import { countInTransaction } from '../../../server/report'
import { refuseSelfDealing } from '../../../server/self-dealing'
import { inTransaction } from '../../../server/transaction'
import { findActivity, readOptional, signupId } from './store'
import { toAttendanceItem } from './views'

/** A server read answers at most 100 documents; the list is read in pages of that size. */
const BATCH = 100

export const attendance = action({
  input: attendanceInput,
  who: 'worker',
  run: async (args): Promise<{ items: AttendanceItem[] }> => {
    const activity = await findActivity(args.id)
    const rows: SignupRecord[] = []
    for (let last = ''; ;) {
      const page = await db
        .collection<SignupRecord>('signups')
        .where({ activityId: activity._id, state: _.in([...ATTENDANCE_STATES]), _id: _.gt(last) })
        .orderBy('_id', 'asc')
        .limit(BATCH)
        .get()
      rows.push(...page.data)
      if (page.data.length < BATCH) break
      last = page.data[page.data.length - 1]._id
    }
    rows.sort((a, b) => a.signedAt - b.signedAt || a._id.localeCompare(b._id))
    return { items: rows.map(toAttendanceItem) }
  },
})

export const confirm = action({
  input: confirmAttendanceInput,
  who: 'worker',
  run: async (args, caller): Promise<AttendanceItem> => {
    refuseSelfDealing(caller.openid, args.openid, '确认自己的服务时长')
    const id = signupId(args.id, args.openid)
    const confirmed = await inTransaction(async (tx): Promise<SignupRecord> => {
      const now = Date.now()
      const s = await readOptional(tx.collection<SignupRecord>('signups').doc(id))
      if (!s || s.state === 'cancelled') throw notFound('这位居民没有报名这个活动')
      // Confirmed already: the same result again, and no second credit.
      if (s.state === 'confirmed') return s
      // The sign-up carries the activity's window, rate and status: no read of the activity.
      if (s.activityStatus === 'cancelled') throw precondition('这个活动已经取消了，不能确认时长')
      if (now < s.startAt) throw precondition('活动还没开始，结束后再确认服务时长')
      const longest = Math.floor((s.endAt - s.startAt) / 60_000)
      let minutes: number
      if (args.minutes !== undefined) {
        if (args.minutes > longest) throw invalid(`服务时长不能超过活动时长${longest}分钟`)
        minutes = args.minutes
      } else if (s.state === 'checked-out' && s.checkinAt !== null && s.checkoutAt !== null) {
        minutes = servedMinutes(s.checkinAt, s.checkoutAt, s)
      } else {
        throw precondition(
          s.state === 'checked-in'
            ? '这位居民签到后没有签退，请填写实际服务了多少分钟'
            : '这位居民没有签到，请填写实际服务了多少分钟',
        )
      }
      const points = activityPoints(minutes, s.pointsPerHour)
      let entryId: string | null = null
      let credited: LedgerRecord | null = null
      const service = { kind: 'activity' as const, minutes }
      if (points > 0) {
        const { entry } = await postInTransaction(
          tx,
          {
            openid: s.openid,
            delta: points,
            kind: 'activity',
            refId: s.activityId,
            note: `${s.title}，服务${minutes}分钟`,
            operator: caller.openid,
            key: `activity:${s.activityId}:${s.openid}`,
            // The sign-up, locked here, moves to confirmed with the entry: it was never posted before.
            knownNew: true,
            service,
          },
          now,
        )
        entryId = entry._id
        credited = entry
      } else await creditService(tx, s.openid, service, now)
      const patch = {
        state: 'confirmed' as const,
        minutes,
        points,
        entryId,
        confirmedBy: caller.openid,
        confirmedAt: now,
        updatedAt: now,
      }
      await tx.collection('signups').doc(id).update({ data: patch })
      const confirmed = { ...s, ...patch }
      await countInTransaction(tx, [attendanceConfirmed(confirmed), credited && entryPosted(credited)])
      return confirmed
    })
    return toAttendanceItem(confirmed)
  },
})
