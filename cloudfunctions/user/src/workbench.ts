/**
 * 工作台: counts of what waits for a worker's decision. Each is one indexed count; the two of 爱心敲门 come from
 * one aggregation over the active roster, so the whole answer costs 5 reads (6 with the caller's record).
 */
import type { RecipientRecord } from '../../../types/care'
import type { NeedRecord, OrderRecord, SignupRecord, UserRecord } from '../../../types/records'
import {
  EXPIRING_WITHIN_MS,
  URGENT_WITHIN_MS,
  workbenchInput,
  type Workbench,
} from '../../../types/workbench'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'

const count = async (query: { count(): Promise<{ total: number }> }) => (await query.count()).total

/** Overdue and urgent recipients of the whole roster, in one read. */
async function careCounts(now: number): Promise<{ overdue: number; urgent: number }> {
  const $ = _.aggregate as unknown as Record<string, (arg: unknown) => object>
  const res = await db
    .collection<RecipientRecord>('care_recipients')
    .aggregate<{ overdue: number; urgent: number }>()
    .match({ status: 'active' })
    .group({
      _id: null,
      overdue: $.sum($.cond({ if: $.lt(['$nextDueAt', now]), then: 1, else: 0 })),
      urgent: $.sum(
        $.cond({
          if: $.and([$.eq(['$lastWellbeing', 'urgent']), $.gte(['$lastVisitAt', now - URGENT_WITHIN_MS])]),
          then: 1,
          else: 0,
        }),
      ),
    })
    .end()
  const totals = res.list[0]
  return { overdue: totals?.overdue ?? 0, urgent: totals?.urgent ?? 0 }
}

export const workbench = action({
  input: workbenchInput,
  who: 'worker',
  run: async (): Promise<Workbench> => {
    const now = Date.now()
    const [needsToReview, volunteerApplications, attendanceToConfirm, care, ordersExpiring] =
      await Promise.all([
        count(db.collection<NeedRecord>('needs').where({ status: 'pending' })),
        count(db.collection<UserRecord>('users').where({ 'volunteer.status': 'pending' })),
        count(db.collection<SignupRecord>('signups').where({ state: 'checked-out' })),
        careCounts(now),
        count(
          db
            .collection<OrderRecord>('orders')
            .where({ status: 'held', expiresAt: _.gt(now).and(_.lte(now + EXPIRING_WITHIN_MS)) }),
        ),
      ])
    return {
      needsToReview,
      volunteerApplications,
      attendanceToConfirm,
      careOverdue: care.overdue,
      careUrgent: care.urgent,
      ordersExpiring,
    }
  },
})
