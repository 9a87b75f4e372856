/**
 * 今日待访 and the worker's overview. `due` lists who is overdue and who falls due within a few days, most
 * urgent (the soonest `nextDueAt`) first, for the caller's teams — or every team for a worker.
 */
import {
  DEFAULT_DUE_WITHIN_DAYS,
  dueInput,
  overviewInput,
  toRecipient,
  toVisit,
  URGENT_WINDOW_MS,
  type CareOverview,
  type DueList,
  type RecipientRecord,
  type VisitRecord,
} from '../../../types/care'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'
import { assertInTeam, isWorker, myMemberships } from './store'

const DAY = 86_400_000
/** The most recipients one due list answers (a team visits far fewer in a few days). */
const MAX_DUE = 100

export const due = action({
  input: dueInput,
  run: async (args, caller): Promise<DueList> => {
    const now = Date.now()
    let teamCondition: object = {}
    if (args.teamId) {
      await assertInTeam(caller, args.teamId)
      teamCondition = { teamId: args.teamId }
    } else if (!isWorker(caller)) {
      const ids = (await myMemberships(caller.openid)).map((m) => m.teamId)
      if (ids.length === 0) return { overdue: [], soon: [] }
      teamCondition = { teamId: _.in(ids) }
    }
    const horizon = now + (args.withinDays ?? DEFAULT_DUE_WITHIN_DAYS) * DAY
    const res = await db
      .collection<RecipientRecord>('care_recipients')
      .where({ status: 'active', ...teamCondition, nextDueAt: _.lte(horizon) })
      .orderBy('nextDueAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(MAX_DUE)
      .get()
    const list = res.data.map((r) => toRecipient(r, now))
    return { overdue: list.filter((r) => r.overdue), soon: list.filter((r) => !r.overdue) }
  },
})

/** Every team's overdue recipients, and the urgent visits of the last 7 days (workers). */
export const overview = action({
  input: overviewInput,
  who: 'worker',
  run: async (): Promise<CareOverview> => {
    const now = Date.now()
    const [overdue, urgent] = await Promise.all([
      db
        .collection<RecipientRecord>('care_recipients')
        .where({ status: 'active', nextDueAt: _.lt(now) })
        .orderBy('nextDueAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(MAX_DUE)
        .get(),
      db
        .collection<VisitRecord>('care_visits')
        .where({ wellbeing: 'urgent', at: _.gte(now - URGENT_WINDOW_MS) })
        .orderBy('at', 'desc')
        .limit(MAX_DUE)
        .get(),
    ])
    return {
      overdue: overdue.data.map((r) => toRecipient(r, now)),
      urgent: urgent.data.map(toVisit),
    }
  },
})
