/**
 * Sign-up and cancellation. Places are handed out in a transaction on the activity document: it reads
 * `signedUp`, and writes `signedUp + 1` together with the sign-up document and the person's agenda, so
 * however many race, no more than `capacity` commit. The agenda (`agendas/<openid>`) holds the windows of
 * the places the person holds in activities that have not ended; it is read and written in the same
 * transaction, so two sign-ups of one person — for the same activity, or for two that overlap — cannot
 * both pass. (A query over the person's sign-ups could not be part of the transaction: CloudBase
 * transactions read and write single documents.) The activity is read after the person's own documents,
 * so that the document every racer waits for is held for as little as possible; once it is full, each
 * racer in turn reads it and leaves at once. A crowd that outlasts the retries, or the caller's patience,
 * is told so rather than left to time out. Seven database operations: the caller, the agenda, the activity,
 * the three writes, and the place counted for the station's report.
 */
import {
  CODE_LOCK_MS,
  cancelSignupInput,
  overlaps,
  signupInput,
  type Participation,
} from '../../../types/activities'
import type { ActivityRecord, AgendaRecord, AgendaSlot, MissLog, SignupRecord } from '../../../types/records'
import type { Transaction } from '../../../server/db'
import { _ } from '../../../server/cloud'
import { denied, exhausted, exists, precondition } from '../../../server/errors'
import { action, type Caller } from '../../../server/handler'
import { inTransaction, isConflict } from '../../../server/transaction'
import { placeChanged } from '../../../types/report'
import { countInTransaction } from '../../../server/report'
import { displayName } from '../../../server/users'
import { findActivityOrNull, putDoc, readActivity, readOptional, signupId } from './store'
import { toParticipation } from './views'

const alreadySigned = () => exists('您已经报名了这个活动，不用重复报名')

/**
 * How long a sign-up keeps trying for a place in a crowd before it says so: well inside the function's
 * timeout (config.json, 20 s) with room for one more wait on the activity, so that a caller never gets a
 * timeout whose transaction might still commit afterwards.
 */
const PATIENCE_MS = 12_000
const crowded = () => exhausted('报名的人太多了，请稍等一会儿再试')

function assertOpenForSignup(a: ActivityRecord, now: number): void {
  if (a.status === 'cancelled') throw precondition('这个活动已经取消了')
  if (a.status === 'closed') throw precondition('这个活动已经停止报名了')
  if (now >= a.startAt) throw precondition('活动已经开始，不能再报名了')
  if (a.signedUp >= a.capacity) throw exhausted('名额已经报满了，请看看其他活动')
}

/**
 * The person's places that still matter (not ended), without any that clash with `activity` but belong to
 * an activity that was called off; a clash with a live one is refused.
 */
async function slotsBeside(
  slots: AgendaSlot[],
  activity: ActivityRecord,
  now: number,
): Promise<AgendaSlot[]> {
  const live = slots.filter((s) => s.endAt > now && s.activityId !== activity._id)
  const clashes = live.filter((s) => overlaps(s, activity))
  for (const clash of clashes) {
    // Cancelled is final, so a read outside the transaction is enough to let a dead place go.
    const other = await findActivityOrNull(clash.activityId)
    if (other && other.status !== 'cancelled')
      throw precondition(`这个活动和您已报名的「${clash.title}」时间冲突，不能同时参加`)
  }
  return live.filter((s) => !clashes.includes(s))
}

interface Outcome {
  signup: SignupRecord
  activity: ActivityRecord
}

/**
 * The wrong on-site codes of cancelled places that still count (younger than CODE_LOCK_MS), by activity;
 * older ones are dropped. The agenda keeps them so that signing up again does not reset a guess limit.
 */
function liveCodeLocks(agenda: AgendaRecord | null, now: number): Record<string, MissLog> {
  const kept: Record<string, MissLog> = {}
  for (const [activityId, log] of Object.entries(agenda?.codeLocks ?? {})) {
    const recent = (Array.isArray(log?.missedAt) ? log.missedAt : []).filter((t) => t > now - CODE_LOCK_MS)
    if (recent.length) kept[activityId] = { missedAt: recent }
  }
  return kept
}

function emptySignup(
  activity: ActivityRecord,
  caller: Caller,
  now: number,
  codeLock: MissLog | undefined,
): SignupRecord {
  return {
    _id: signupId(activity._id, caller.openid),
    activityId: activity._id,
    openid: caller.openid,
    name: displayName(caller.user!),
    title: activity.title,
    startAt: activity.startAt,
    endAt: activity.endAt,
    pointsPerHour: activity.pointsPerHour,
    activityStatus: activity.status,
    cornerId: activity.cornerId,
    state: 'signed',
    signedAt: now,
    cancelledAt: null,
    checkinAt: null,
    checkoutAt: null,
    minutes: null,
    points: null,
    entryId: null,
    confirmedBy: null,
    confirmedAt: null,
    ...(codeLock ? { codeLock } : {}),
    updatedAt: now,
  }
}

const slotOf = (a: ActivityRecord): AgendaSlot => ({
  activityId: a._id,
  title: a.title,
  startAt: a.startAt,
  endAt: a.endAt,
})

async function writeAgenda(
  tx: Transaction,
  openid: string,
  slots: AgendaSlot[],
  codeLocks: Record<string, MissLog>,
  now: number,
): Promise<void> {
  const agenda: AgendaRecord = { _id: openid, openid, slots, codeLocks, updatedAt: now }
  await putDoc(tx, 'agendas', agenda)
}

export const signup = action({
  input: signupInput,
  run: async (args, caller): Promise<Participation> => {
    const began = performance.now()
    const outOfPatience = () => performance.now() - began > PATIENCE_MS
    const attempt = inTransaction(async (tx): Promise<Outcome> => {
      if (outOfPatience()) throw crowded()
      const now = Date.now()
      // The agenda lists every place the person holds in an activity that has not ended, and sign-up
      // closes at the start: a place in this activity is in it. A cancelled sign-up is simply replaced.
      const agenda = await readOptional(tx.collection<AgendaRecord>('agendas').doc(caller.openid))
      if (agenda?.slots.some((s) => s.activityId === args.id)) throw alreadySigned()
      if (outOfPatience()) throw crowded()
      const current = await readActivity(tx, args.id)
      assertOpenForSignup(current, now)
      const slots = await slotsBeside(agenda?.slots ?? [], current, now)
      // Wrong codes typed before a cancellation come back with the place.
      const { [current._id]: carried, ...otherLocks } = liveCodeLocks(agenda, now)
      const placed = emptySignup(current, caller, now, carried)
      await putDoc(tx, 'signups', placed)
      await writeAgenda(tx, caller.openid, [...slots, slotOf(current)], otherLocks, now)
      const taken: ActivityRecord = { ...current, signedUp: current.signedUp + 1, updatedAt: now }
      await tx
        .collection('activities')
        .doc(current._id)
        .update({ data: { signedUp: taken.signedUp, updatedAt: now } })
      // The place counts for the report on the day the activity starts (the transaction's last write).
      await countInTransaction(tx, [placeChanged(current, 1)])
      return { signup: placed, activity: taken }
    })
    // Every retry lost the race for the activity to others: a crowd, not a fault.
    const { signup: record, activity } = await attempt.catch((err: unknown) => {
      throw isConflict(err) ? crowded() : err
    })
    return toParticipation(record, activity)
  },
})

export const cancel = action({
  input: cancelSignupInput,
  run: async (args, caller): Promise<Participation> => {
    const id = signupId(args.id, caller.openid)
    // Seven operations: the caller, the sign-up, the activity, three writes (the agenda's slot is pulled
    // out without reading the agenda) and the report's counter.
    const { signup: record, activity } = await inTransaction(async (tx): Promise<Outcome> => {
      const now = Date.now()
      const mine = await readOptional(tx.collection<SignupRecord>('signups').doc(id))
      if (!mine) throw denied('您没有报名这个活动')
      // Cancelling twice answers the same cancelled sign-up.
      if (mine.state === 'cancelled') return { signup: mine, activity: await readActivity(tx, args.id) }
      if (mine.state !== 'signed') throw precondition('您已经签到了，不能再取消报名；有变化请告诉现场社工')
      if (now >= mine.endAt) throw precondition('活动已经结束，不能取消报名了')
      const current = await readActivity(tx, args.id)

      const cancelled: SignupRecord = { ...mine, state: 'cancelled', cancelledAt: now, updatedAt: now }
      const freed: ActivityRecord = { ...current, signedUp: current.signedUp - 1, updatedAt: now }
      await tx
        .collection('signups')
        .doc(id)
        .update({ data: { state: 'cancelled', cancelledAt: now, updatedAt: now } })
      // The place goes; its wrong codes stay with the person, for a sign-up again (see liveCodeLocks).
      const keep = mine.codeLock?.missedAt?.length ? { [`codeLocks.${current._id}`]: mine.codeLock } : {}
      await tx
        .collection('agendas')
        .doc(caller.openid)
        .update({ data: { slots: _.pull({ activityId: current._id }), ...keep, updatedAt: now } })
      await tx
        .collection('activities')
        .doc(current._id)
        .update({ data: { signedUp: freed.signedUp, updatedAt: now } })
      // A cancelled activity no longer counts its places (see activityHeld).
      if (current.status !== 'cancelled') await countInTransaction(tx, [placeChanged(current, -1)])
      return { signup: cancelled, activity: freed }
    })
    return toParticipation(record, activity)
  },
})
