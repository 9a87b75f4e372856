/**
 * The subscription messages of 爱心敲门. None carries an address, a phone number or a note: a message
 * only says who needs attention and opens the app, where the team and workers read the rest.
 * An urgent visit reaches the team's captain and every worker at once; the 08:00 timer tells each captain
 * with overdue recipients once a day.
 */
import {
  WELLBEING_LABELS,
  type CareTeamRecord,
  type RecipientRecord,
  type VisitRecord,
} from '../../../types/care'
import type { UserRecord } from '../../../types/records'
import { shanghaiDay, shanghaiMinute } from '../../../types/time'
import { _, adminOpenids, db } from '../../../server/cloud'
import { notify, notifyAll, thing } from '../../../server/notify'
import { byId } from './store'

const TEMPLATE = 'TEMPLATE_CARE_ALERT'
/** A server read answers at most 100 documents. */
const BATCH = 100

/** Everyone who holds the worker role: ADMIN_OPENIDS and those a worker granted it to. */
async function workerOpenids(): Promise<string[]> {
  const granted = await db
    .collection<UserRecord>('users')
    .where({ roles: 'worker' })
    .orderBy('updatedAt', 'desc')
    .limit(BATCH)
    .get()
  return [...new Set([...adminOpenids(), ...granted.data.map((u) => u.openid)])]
}

/** Tells the captain of the visit's team and every worker that a visit found the person in danger. */
export async function tellUrgent(visit: VisitRecord, captain: string | null): Promise<number> {
  const people = new Set(await workerOpenids())
  if (captain) people.add(captain)
  return notifyAll(
    [...people].map((touser) => ({
      touser,
      template: TEMPLATE,
      page: `packages/care/pages/recipient/index?id=${visit.recipientId}`,
      data: {
        thing1: thing(`${visit.recipientName} ${WELLBEING_LABELS.urgent}`),
        time2: { value: shanghaiMinute(visit.at) },
        thing3: thing(`${visit.visitors[0]?.name ?? '队员'}走访时发现情况紧急，请尽快处理`),
      },
      notice: {
        title: `紧急：${visit.recipientName}需要帮助`,
        body: `${visit.visitors[0]?.name ?? '队员'}在${shanghaiMinute(visit.at)}走访时发现情况紧急，请尽快处理。`,
      },
      event: `care-urgent:${visit._id}`,
    })),
  )
}

/**
 * The 08:00 timer: each captain whose team has overdue recipients gets one message a day. The team's
 * `remindedOn` (a Shanghai day) is set by a conditional update first, so a timer run twice the same day,
 * or two runs at once, never send a second message.
 */
export async function remindOverdue(): Promise<{ reminded: number }> {
  const now = Date.now()
  const today = shanghaiDay(now)
  const counts = new Map<string, number>()
  for (let lastDue = -1, lastId = ''; ;) {
    const page = await db
      .collection<RecipientRecord>('care_recipients')
      .where(
        _.and([
          { status: 'active', nextDueAt: _.lt(now) },
          _.or([{ nextDueAt: _.gt(lastDue) }, { nextDueAt: lastDue, _id: _.gt(lastId) }]),
        ]),
      )
      .orderBy('nextDueAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(BATCH)
      .get()
    for (const r of page.data) counts.set(r.teamId, (counts.get(r.teamId) ?? 0) + 1)
    if (page.data.length < BATCH) break
    const last = page.data[page.data.length - 1]
    lastDue = last.nextDueAt
    lastId = last._id
  }
  let reminded = 0
  for (const [teamId, overdue] of counts) {
    const claimed = await db
      .collection('care_teams')
      .where({ _id: teamId, remindedOn: _.neq(today) })
      .update({ data: { remindedOn: today } })
    if (claimed.stats.updated !== 1) continue
    const team = await byId<CareTeamRecord>('care_teams', teamId)
    if (!team) continue
    await notify({
      touser: team.captain.openid,
      template: TEMPLATE,
      page: 'packages/care/pages/due/index',
      data: {
        thing1: thing(`${team.name}：${overdue}位老人该走访了`),
        time2: { value: shanghaiMinute(now) },
        thing3: thing('已超过约定的走访间隔，请安排队员上门'),
      },
      notice: {
        title: `${team.name}：${overdue}位老人该走访了`,
        body: '已超过约定的走访间隔，请安排队员上门。',
      },
      event: `care-overdue:${teamId}:${today}`,
    })
    reminded++
  }
  return { reminded }
}
