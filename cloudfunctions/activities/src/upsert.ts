/**
 * Workers create and edit activities. Once people hold places, the capacity cannot drop below them and the
 * window cannot move (their agendas and the overlap check rest on it); the check and the change happen in
 * one transaction on the activity, against the sign-ups racing in.
 */
import {
  DEFAULT_POINTS_PER_HOUR,
  setActivityCoverInput,
  toActivity,
  upsertActivityInput,
  type Activity,
  type UpsertActivityInput,
} from '../../../types/activities'
import type { ActivityRecord, CornerRecord, ProjectRecord } from '../../../types/records'
import { activityEdited, activityHeld } from '../../../types/report'
import { db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { coverAction, coverUrls } from '../../../server/covers'
import { invalid, notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { countInTransaction } from '../../../server/report'
import { inTransaction } from '../../../server/transaction'
import { tellCancelled } from './notify'
import { newId, readActivity } from './store'

async function exists(collection: string, id: string): Promise<{ status?: string } | null> {
  const res = await db.collection<ProjectRecord | CornerRecord>(collection).where({ _id: id }).limit(1).get()
  return (res.data[0] as { status?: string } | undefined) ?? null
}

async function checkLinks(args: UpsertActivityInput): Promise<void> {
  if (args.projectId) {
    const project = await exists('projects', args.projectId)
    if (!project) throw notFound('没有找到这个公益项目')
    if (!args.id && project.status === 'archived') throw precondition('这个项目已经下架，不能再发布活动')
  }
  if (args.cornerId && !(await exists('corners', args.cornerId))) throw notFound('没有找到这个公益角')
}

export const upsert = action({
  input: upsertActivityInput,
  who: 'worker',
  run: async (args, caller): Promise<Activity> => {
    await assertSafeText(caller.openid, [args.title, args.location])
    await checkLinks(args)
    if (!args.id) {
      const now = Date.now()
      if (args.endAt <= now) throw invalid('活动时间已经过去了，请重新选择时间')
      if (args.status === 'cancelled') throw invalid('新发布的活动不能是“已取消”')
      const record: ActivityRecord = {
        _id: newId(),
        projectId: args.projectId ?? null,
        cornerId: args.cornerId ?? null,
        title: args.title,
        location: args.location,
        startAt: args.startAt,
        endAt: args.endAt,
        capacity: args.capacity,
        signedUp: 0,
        pointsPerHour: args.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR,
        status: args.status ?? 'open',
        createdBy: caller.openid,
        createdAt: now,
        updatedAt: now,
      }
      // Counted for the report (on the day it starts) in the same transaction.
      await inTransaction(async (tx) => {
        const { _id, ...fields } = record
        await tx.collection('activities').doc(_id).set({ data: fields })
        await countInTransaction(tx, [activityHeld(record)])
      })
      return toActivity(record, undefined, new Map())
    }
    const id = args.id
    const updated = await inTransaction(async (tx) => {
      const now = Date.now()
      const current = await readActivity(tx, id)
      if (current.status === 'cancelled') throw precondition('这个活动已经取消了，不能再修改')
      if (current.signedUp > 0) {
        if (args.capacity < current.signedUp)
          throw precondition(`已经有${current.signedUp}人报名，名额不能少于${current.signedUp}个`)
        if (args.startAt !== current.startAt || args.endAt !== current.endAt)
          throw precondition('已经有人报名，活动时间不能再改；如需改期，请取消这个活动后重新发布')
      }
      // Fields left out keep their value; projectId and cornerId may be set to null.
      const patch = {
        projectId: args.projectId === undefined ? current.projectId : args.projectId,
        cornerId: args.cornerId === undefined ? current.cornerId : args.cornerId,
        title: args.title,
        location: args.location,
        startAt: args.startAt,
        endAt: args.endAt,
        capacity: args.capacity,
        pointsPerHour: args.pointsPerHour ?? current.pointsPerHour,
        status: args.status ?? current.status,
        updatedAt: now,
      }
      await tx.collection('activities').doc(id).update({ data: patch })
      const after = { ...current, ...patch }
      // What the report counts moves with it: a new day, corner or capacity; cancelled, nothing.
      await countInTransaction(tx, activityEdited(current, after))
      return { before: current, after }
    })
    const { before, after } = updated
    // The sign-ups' copies follow (confirming minutes reads them instead of the activity). A sign-up made
    // from now on copies the new values itself; if this write fails, the worker is told and saves again.
    if (
      before.title !== after.title ||
      before.pointsPerHour !== after.pointsPerHour ||
      before.status !== after.status
    ) {
      await db
        .collection('signups')
        .where({ activityId: id })
        .update({
          data: { title: after.title, pointsPerHour: after.pointsPerHour, activityStatus: after.status },
        })
    }
    // Those who still hold a place hear that it is off (a refused message never fails the change).
    if (before.status !== 'cancelled' && after.status === 'cancelled') await tellCancelled(after)
    return toActivity(after, undefined, await coverUrls([after]))
  },
})

/** Sets or takes away an activity's cover (server/covers.ts). */
export const setCover = coverAction<ActivityRecord, Activity>(
  setActivityCoverInput,
  'activities',
  '没有找到这个活动，可能已被删除',
  (activity, covers) => toActivity(activity, undefined, covers),
)
