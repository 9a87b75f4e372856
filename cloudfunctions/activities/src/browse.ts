/**
 * Reading activities: the list (not yet ended, soonest first; or ended, latest first), one activity, and
 * the caller's own sign-ups (我的活动). Logged-in callers also see where they stand with each activity.
 */
import {
  ATTENDANCE_STATES,
  getActivityInput,
  listActivitiesInput,
  MAX_ACTIVITY_MS,
  mineInput,
  toActivity,
  type Activity,
  type Participation,
  type ParticipationState,
} from '../../../types/activities'
import type { Page } from '../../../types/envelope'
import type { ActivityRecord, SignupRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { coverUrls } from '../../../server/covers'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { findActivity, signupId } from './store'
import { toParticipation } from './views'

/** The caller's state with each of these activities (one read). */
export async function statesOf(
  openid: string,
  activityIds: string[],
): Promise<Map<string, ParticipationState>> {
  const states = new Map<string, ParticipationState>()
  if (!openid || activityIds.length === 0) return states
  const res = await db
    .collection<SignupRecord>('signups')
    .where({ _id: _.in(activityIds.map((id) => signupId(id, openid))) })
    .limit(activityIds.length)
    .get()
  for (const s of res.data) states.set(s.activityId, s.state)
  return states
}

/** The activities as shown: with the caller's state (logged in) and their covers' temporary URLs. */
export async function shown(
  rows: ActivityRecord[],
  openid: string,
  states: Map<string, ParticipationState>,
): Promise<Activity[]> {
  const covers = await coverUrls(rows)
  return rows.map((a) => toActivity(a, openid ? (states.get(a._id) ?? null) : undefined, covers))
}

export const list = action({
  input: listActivitiesInput,
  who: 'anyone',
  run: async (args, caller): Promise<Page<Activity>> => {
    const limit = args.limit ?? 20
    const now = Date.now()
    const upcoming = (args.when ?? 'upcoming') === 'upcoming'
    // No activity lasts longer than MAX_ACTIVITY_MS, so one not yet ended started after `earliest`: the bound
    // keeps the index range on startAt to the live activities however much history piles up.
    const where: Record<string, unknown> = upcoming
      ? { endAt: _.gt(now), startAt: _.gt(now - MAX_ACTIVITY_MS) }
      : { endAt: _.lte(now) }
    if (args.projectId) where.projectId = args.projectId
    // Upcoming: by start, soonest first; past: by end, latest first.
    const field = upcoming ? 'startAt' : 'endAt'
    const direction = upcoming ? 'asc' : 'desc'
    const res = await db
      .collection<ActivityRecord>('activities')
      .where(_.and([where, afterCursor(field, decodeCursor(args.cursor), direction)]))
      .orderBy(field, direction)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (a) => a[field])
    const states = await statesOf(
      caller.openid,
      rows.map((a) => a._id),
    )
    return { items: await shown(rows, caller.openid, states), nextCursor }
  },
})

export const get = action({
  input: getActivityInput,
  who: 'anyone',
  run: async (args, caller): Promise<Activity> => {
    const activity = await findActivity(args.id)
    const states = await statesOf(caller.openid, [activity._id])
    return (await shown([activity], caller.openid, states))[0]
  },
})

export const mine = action({
  input: mineInput,
  run: async (args, caller): Promise<Page<Participation>> => {
    const limit = args.limit ?? 20
    const now = Date.now()
    const upcoming = (args.when ?? 'upcoming') === 'upcoming'
    const direction = upcoming ? 'asc' : 'desc'
    const res = await db
      .collection<SignupRecord>('signups')
      .where(
        _.and([
          {
            openid: caller.openid,
            state: _.in([...ATTENDANCE_STATES]),
            ...(upcoming
              ? { endAt: _.gt(now), startAt: _.gt(now - MAX_ACTIVITY_MS) }
              : { endAt: _.lte(now) }),
          },
          afterCursor('startAt', decodeCursor(args.cursor), direction),
        ]),
      )
      .orderBy('startAt', direction)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (s) => s.startAt)
    const ids = [...new Set(rows.map((s) => s.activityId))]
    const activities = ids.length
      ? (
          await db
            .collection<ActivityRecord>('activities')
            .where({ _id: _.in(ids) })
            .limit(ids.length)
            .get()
        ).data
      : []
    const byId = new Map(activities.map((a) => [a._id, a]))
    const items = rows
      .filter((s) => byId.has(s.activityId))
      .map((s) => toParticipation(s, byId.get(s.activityId)!))
    return { items, nextCursor }
  },
})
