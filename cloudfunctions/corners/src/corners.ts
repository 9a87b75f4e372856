/**
 * Corners: the list (nearest first from a point), one corner with its active projects, and workers'
 * upserts. Distances are computed here (haversine): neither the emulator nor CloudBase's server query
 * offers a geo operator to rely on, and a district has at most a hundred corners to sort.
 */
import { MAX_ACTIVITY_MS } from '../../../types/activities'
import {
  CORNER_KINDS,
  distanceKm,
  nextSession,
  getCornerInput,
  listCornersInput,
  setCornerCoverInput,
  MAX_CORNERS,
  MAX_PROJECTS_PER_CORNER,
  upsertCornerInput,
  type Corner,
  type CornerDetail,
  type NextActivity,
} from '../../../types/corners'
import type { ActivityRecord, CornerRecord, ProjectRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { coverAction, coverUrls } from '../../../server/covers'
import { notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { inTransaction } from '../../../server/transaction'
import { findCorner, newId, readOptional } from './store'
import { toCorner, toProject } from './views'

type CornerRow = Omit<CornerRecord, 'projectIds'>

const byName = (a: CornerRow, b: CornerRow) =>
  a.kind === b.kind
    ? a.name.localeCompare(b.name, 'zh-Hans-CN') || a._id.localeCompare(b._id)
    : a.kind === 'park'
      ? -1
      : 1

/** The most activities `list` reads to find each corner's next one (soonest first). */
const NEXT_ACTIVITIES_READ = 100

/**
 * Each corner's next activity that comes before its next session (one read through the corner and start
 * index): only activities starting before the latest of the corners' next sessions can come first, so the
 * range is at most a week long.
 */
async function nextActivities(corners: CornerRow[], now: number): Promise<Map<string, NextActivity>> {
  const next = new Map<string, NextActivity>()
  const horizon = Math.max(now, ...corners.map((c) => nextSession(c.schedule, now)?.startAt ?? now))
  if (corners.length === 0) return next
  const res = await db
    .collection<ActivityRecord>('activities')
    .where(
      _.and([
        { cornerId: _.in(corners.map((c) => c._id)), startAt: _.gt(now - MAX_ACTIVITY_MS) },
        { startAt: _.lt(horizon), endAt: _.gt(now), status: _.in(['open', 'closed']) },
      ]),
    )
    .field({ cornerId: true, title: true, startAt: true, endAt: true })
    .orderBy('startAt', 'asc')
    .limit(NEXT_ACTIVITIES_READ)
    .get()
  for (const a of res.data) {
    if (a.cornerId && !next.has(a.cornerId))
      next.set(a.cornerId, { id: a._id, title: a.title, startAt: a.startAt, endAt: a.endAt })
  }
  return next
}

export const list = action({
  input: listCornersInput,
  who: 'anyone',
  run: async (args): Promise<{ items: Corner[] }> => {
    // Every corner is a park or a mall: asking for both reads the whole list through the `kind` index.
    const res = await db
      .collection<CornerRow>('corners')
      .where({ kind: args.kind ?? _.in([...CORNER_KINDS]) })
      .field({ projectIds: false })
      .limit(MAX_CORNERS)
      .get()
    const now = Date.now()
    const [next, covers] = await Promise.all([nextActivities(res.data, now), coverUrls(res.data)])
    const withNext = (corner: Corner): Corner => {
      const session = nextSession(corner.schedule, now)
      const activity = next.get(corner.id)
      corner.nextActivity = activity && (!session || activity.startAt < session.startAt) ? activity : null
      return corner
    }
    const near = args.near
    if (!near) return { items: [...res.data].sort(byName).map((c) => withNext(toCorner(c, covers))) }
    const measured = res.data.map((c) => ({ c, km: distanceKm(near, c.location) }))
    measured.sort((a, b) => a.km - b.km || a.c._id.localeCompare(b.c._id))
    return { items: measured.map(({ c, km }) => withNext(toCorner(c, covers, Math.round(km * 100) / 100))) }
  },
})

export const get = action({
  input: getCornerInput,
  who: 'anyone',
  run: async (args): Promise<CornerDetail> => {
    const corner = await findCorner(args.id)
    const projects = corner.projectIds.length
      ? (
          await db
            .collection<ProjectRecord>('projects')
            .where({ _id: _.in(corner.projectIds), status: 'active' })
            .orderBy('updatedAt', 'desc')
            .orderBy('_id', 'asc')
            .limit(MAX_PROJECTS_PER_CORNER)
            .get()
        ).data
      : []
    const covers = await coverUrls([corner, ...projects])
    return { corner: toCorner(corner, covers), projects: projects.map((p) => toProject(p, covers)) }
  },
})

export const upsert = action({
  input: upsertCornerInput,
  who: 'worker',
  run: async (args, caller): Promise<Corner> => {
    await assertSafeText(caller.openid, [args.name, args.address, args.schedule.note])
    const schedule = {
      weekdays: [...args.schedule.weekdays].sort((a, b) => a - b),
      start: args.schedule.start,
      end: args.schedule.end,
      note: args.schedule.note ?? '',
    }
    const fields = {
      name: args.name,
      kind: args.kind,
      address: args.address,
      location: { lat: args.location.lat, lng: args.location.lng },
      schedule,
    }
    if (args.id) {
      const id = args.id
      const updated = await inTransaction(async (tx) => {
        const now = Date.now()
        const corner = await readOptional(tx.collection<CornerRecord>('corners').doc(id))
        if (!corner) throw notFound('没有找到这个公益角')
        await tx
          .collection('corners')
          .doc(id)
          .update({
            data: { ...fields, location: _.set(fields.location), schedule: _.set(schedule), updatedAt: now },
          })
        return { ...corner, ...fields, updatedAt: now }
      })
      return toCorner(updated, await coverUrls([updated]))
    }
    const { total } = await db.collection('corners').count()
    if (total >= MAX_CORNERS) throw precondition(`公益角最多${MAX_CORNERS}个，请先合并或撤掉一些`)
    const now = Date.now()
    const record: CornerRecord = {
      _id: newId(),
      ...fields,
      projectIds: [],
      projectCount: 0,
      createdAt: now,
      updatedAt: now,
    }
    await db.collection('corners').add({ data: record })
    return toCorner(record, new Map())
  },
})

/** Sets or takes away a corner's cover (server/covers.ts). */
export const setCover = coverAction<CornerRecord, Corner>(
  setCornerCoverInput,
  'corners',
  '没有找到这个公益角，可能已经撤掉了',
  toCorner,
)
