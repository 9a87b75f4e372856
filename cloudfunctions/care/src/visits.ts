/**
 * Home visits: a member records a visit (at the door, often offline and sent later with its idempotency
 * key), and the team's captain or a worker confirms it, crediting each visitor `visitPoints` through the
 * ledger in the same transaction that marks it confirmed — exactly once, however often it is asked.
 * The visit's id is derived from the caller and the key, so racing copies of one key meet on one document
 * and create one visit.
 */
import {
  confirmVisitInput,
  logVisitInput,
  nextDueAt,
  toVisit,
  VISIT_BACKDATE_MS,
  type CareTeamRecord,
  type LogVisitInput,
  type PersonName,
  type RecipientRecord,
  type Visit,
  type VisitRecord,
} from '../../../types/care'
import { POINTS_RULES } from '../../../types/points'
import type { NeedRecord } from '../../../types/records'
import { entryPosted, needReceived, visitConfirmed, visitLogged } from '../../../types/report'
import { assertSafeText } from '../../../server/content'
import { isDuplicate } from '../../../server/docs'
import { AppError, denied, exists, invalid, notFound, precondition } from '../../../server/errors'
import { action, type Caller } from '../../../server/handler'
import { postInTransaction } from '../../../server/ledger'
import { idFor } from '../../../server/points-math'
import { countInTransaction } from '../../../server/report'
import { inTransaction } from '../../../server/transaction'
import { displayName } from '../../../server/users'
import { isDoorToken } from './door'
import { tellUrgent } from './notify'
import { byId, inTeam, isWorker, NO_RECIPIENT, readOptional } from './store'

const NO_VISIT = '没有找到这条走访记录'
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000

function fingerprintOf(args: LogVisitInput): string {
  const { idempotencyKey: _key, ...rest } = args
  return JSON.stringify(rest)
}

/** The visitors: the caller first, then the co-visitors, each of whom must be in the team. */
function visitorsOf(caller: Caller, team: CareTeamRecord, coVisitors: string[]): PersonName[] {
  const me = inTeam(team, caller.openid) ?? { openid: caller.openid, name: displayName(caller.user!) }
  const visitors = [me]
  for (const openid of new Set(coVisitors)) {
    if (openid === caller.openid) continue
    const member = inTeam(team, openid)
    if (!member) throw invalid('同行的人要是本服务队的队员')
    visitors.push(member)
  }
  return visitors
}

/** The need a visit raises on the recipient's behalf: open for volunteers at once, with their address. */
function needFor(
  args: NonNullable<LogVisitInput['raiseNeed']>,
  r: RecipientRecord,
  caller: Caller,
  now: number,
): Omit<NeedRecord, '_id'> {
  return {
    category: args.category,
    title: args.title,
    description: args.description,
    urgency: args.urgency ?? 'normal',
    status: 'open',
    requester: { openid: caller.openid, nickname: displayName(caller.user!) },
    onBehalfOf: { name: r.name },
    assignee: null,
    points: POINTS_RULES.needPoints,
    preferredTime: '',
    minutes: null,
    completionNote: '',
    rating: null,
    comment: '',
    rejectReason: '',
    cancelReason: '',
    address: r.address,
    contactPhone: r.phone ?? r.emergencyContact?.phone ?? caller.user?.phone ?? '',
    reviewedBy: caller.openid,
    creditEntryId: null,
    community: r.community,
    createdAt: now,
    updatedAt: now,
  }
}

export const logVisit = action({
  input: logVisitInput,
  run: async (args, caller): Promise<Visit> => {
    const started = Date.now()
    if (args.at > started + CLOCK_SKEW_MS) throw invalid('走访时间不能晚于现在')
    if (args.at < started - VISIT_BACKDATE_MS) throw invalid('只能补记7天之内的走访')
    await assertSafeText(caller.openid, [
      args.note,
      ...(args.services ?? []),
      args.raiseNeed?.title,
      args.raiseNeed?.description,
    ])
    const id = idFor(`visit:${caller.openid}:${args.idempotencyKey}`)
    const fingerprint = fingerprintOf(args)
    /** The visit this key already made, when there is one: the same answer again, or a refusal if it differs. */
    const earlierVisit = async (): Promise<VisitRecord | null> => {
      const earlier = await byId<VisitRecord>('care_visits', id)
      if (earlier && earlier.fingerprint !== fingerprint)
        throw exists('这个操作编号已经用过了，内容却不同；请刷新后重新记录')
      return earlier
    }
    let outcome: { visit: VisitRecord; created: boolean; captain: string | null }
    try {
      outcome = await inTransaction(async (tx) => {
        const r = await readOptional(tx.collection<RecipientRecord>('care_recipients').doc(args.recipientId))
        if (!r) throw notFound(NO_RECIPIENT)
        const team = await readOptional(tx.collection<CareTeamRecord>('care_teams').doc(r.teamId))
        if (!team || (!isWorker(caller) && !inTeam(team, caller.openid))) throw notFound(NO_RECIPIENT)
        if (r.status === 'archived') throw precondition('这位老人已经归档，不能再记录走访')
        const visitors = visitorsOf(caller, team, args.coVisitors ?? [])
        const now = Date.now()
        let raised: NeedRecord | null = null
        if (args.raiseNeed) {
          raised = { _id: idFor(`visit-need:${id}`), ...needFor(args.raiseNeed, r, caller, now) }
          const { _id, ...need } = raised
          await tx.collection('needs').doc(_id).set({ data: need })
        }
        const needId = raised?._id ?? null
        const record: VisitRecord = {
          _id: id,
          recipientId: r._id,
          recipientName: r.name,
          teamId: r.teamId,
          community: r.community,
          visitors,
          at: args.at,
          minutes: args.minutes,
          kind: args.kind,
          wellbeing: args.wellbeing,
          services: [...new Set(args.services ?? [])],
          note: args.note ?? '',
          atDoor: args.doorToken !== undefined && isDoorToken(args.doorToken, r),
          needId,
          status: 'logged',
          confirmedBy: null,
          confirmedAt: null,
          fingerprint,
          loggedBy: caller.openid,
          createdAt: now,
        }
        // Created, never overwritten: a second copy of the key is refused by the database as a duplicate.
        await tx.collection('care_visits').add({ data: record })
        // A visit recorded late (offline) never moves the last visit back.
        if (r.lastVisitAt === null || args.at >= r.lastVisitAt) {
          const patch = {
            lastVisitAt: args.at,
            lastNote: record.note,
            lastWellbeing: args.wellbeing,
            nextDueAt: nextDueAt({ ...r, lastVisitAt: args.at }),
            updatedAt: now,
          }
          await tx.collection('care_recipients').doc(r._id).update({ data: patch })
        }
        // The visit (and the need it raised) counted for the report, in one write.
        await countInTransaction(tx, [visitLogged(record), raised && needReceived(raised)])
        return { visit: record, created: true, captain: team.captain.openid }
      })
    } catch (err) {
      // Racing or repeated copies of one key: the first created the visit, the others answer with it. A retry
      // after the person was archived or the team changed still answers with the visit it made.
      if (!isDuplicate(err) && !(err instanceof AppError)) throw err
      const earlier = await earlierVisit()
      if (!earlier) throw err
      outcome = { visit: earlier, created: false, captain: null }
    }
    const { visit, created, captain } = outcome
    if (created && visit.wellbeing === 'urgent') await tellUrgent(visit, captain)
    return toVisit(visit)
  },
})

export const confirmVisit = action({
  input: confirmVisitInput,
  run: async (args, caller): Promise<Visit> => {
    const points = POINTS_RULES.visitPoints
    const visit = await inTransaction(async (tx): Promise<VisitRecord> => {
      const v = await readOptional(tx.collection<VisitRecord>('care_visits').doc(args.id))
      if (!v) throw notFound(NO_VISIT)
      if (!isWorker(caller)) {
        const team = await readOptional(tx.collection<CareTeamRecord>('care_teams').doc(v.teamId))
        // The visit of another team is as unknown as a missing one.
        if (!team || !inTeam(team, caller.openid)) throw notFound(NO_VISIT)
        if (team.captain.openid !== caller.openid) throw denied('只有队长或社工可以确认走访')
      }
      if (v.visitors.some((p) => p.openid === caller.openid)) throw denied('不能确认自己参加的走访')
      // Confirmed already: the same answer again, and no second credit.
      if (v.status === 'confirmed') return v
      const now = Date.now()
      const tallies = []
      for (const person of v.visitors) {
        const { entry } = await postInTransaction(
          tx,
          {
            openid: person.openid,
            delta: points,
            kind: 'visit',
            refId: v._id,
            note: `爱心敲门：走访${v.recipientName.slice(0, 1)}老人，${v.minutes}分钟`,
            operator: caller.openid,
            key: `visit:${v._id}:${person.openid}`,
            // The visit, locked here, moves to confirmed with the entries: they were never posted before.
            knownNew: true,
            service: { kind: 'visit', minutes: v.minutes },
          },
          now,
        )
        tallies.push(entryPosted(entry))
      }
      const patch = { status: 'confirmed' as const, confirmedBy: caller.openid, confirmedAt: now }
      await tx.collection('care_visits').doc(v._id).update({ data: patch })
      const confirmed = { ...v, ...patch }
      await countInTransaction(tx, [visitConfirmed(confirmed), ...tallies])
      return confirmed
    })
    return toVisit(visit)
  },
})
