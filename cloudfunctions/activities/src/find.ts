/**
 * The 活动 list: every activity not yet ended and not cancelled — of every corner's projects and standalone
 * ones alike — soonest first, with its project's title and category, its corner's name and, from `near`,
 * how far that corner is. Filters by corner, by project category and by words in the title or place. At
 * most five reads: the projects of the category (only with `category`), the page of activities through the
 * start index, the page's corners, the page's projects, and the caller's sign-ups of the page.
 */
import {
  findActivitiesInput,
  MAX_ACTIVITY_MS,
  MAX_PROJECTS_PER_CATEGORY,
  type ActivityListing,
} from '../../../types/activities'
import { distanceKm } from '../../../types/corners'
import type { Page } from '../../../types/envelope'
import type { ActivityRecord, CornerRecord, ProjectRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { escapeRegex } from '../../../server/search'
import { shown, statesOf } from './browse'

/** The documents of these ids with only the fields asked for (one read; none for no ids). */
async function byIds<T>(collection: string, ids: string[], fields: Record<string, boolean>): Promise<T[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const res = await db
    .collection<T>(collection)
    .where({ _id: _.in(unique) })
    .field(fields)
    .limit(unique.length)
    .get()
  return res.data
}

export const find = action({
  input: findActivitiesInput,
  who: 'anyone',
  run: async (args, caller): Promise<Page<ActivityListing>> => {
    const limit = args.limit ?? 20
    const now = Date.now()
    // Not yet ended (so started after `now - MAX_ACTIVITY_MS`: the range stays on the live activities).
    const conditions: object[] = [
      { endAt: _.gt(now), startAt: _.gt(now - MAX_ACTIVITY_MS), status: _.in(['open', 'closed']) },
    ]
    if (args.cornerId) conditions.push({ cornerId: args.cornerId })
    if (args.category) {
      const projects = await db
        .collection<ProjectRecord>('projects')
        .where({ status: _.in(['active', 'archived']), category: args.category })
        .field({ _id: true })
        .limit(MAX_PROJECTS_PER_CATEGORY)
        .get()
      if (projects.data.length === 0) return { items: [], nextCursor: null }
      conditions.push({ projectId: _.in(projects.data.map((p) => p._id)) })
    }
    const q = args.q?.trim()
    if (q) {
      const pattern = db.RegExp({ regexp: escapeRegex(q), options: 'i' })
      conditions.push(_.or([{ title: pattern }, { location: pattern }]))
    }
    const res = await db
      .collection<ActivityRecord>('activities')
      .where(_.and([...conditions, afterCursor('startAt', decodeCursor(args.cursor), 'asc')]))
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (a) => a.startAt)
    const [corners, projects, states] = await Promise.all([
      byIds<Pick<CornerRecord, '_id' | 'name' | 'location'>>(
        'corners',
        rows.flatMap((a) => (a.cornerId ? [a.cornerId] : [])),
        { name: true, location: true },
      ),
      byIds<Pick<ProjectRecord, '_id' | 'title' | 'category'>>(
        'projects',
        rows.flatMap((a) => (a.projectId ? [a.projectId] : [])),
        { title: true, category: true },
      ),
      statesOf(
        caller.openid,
        rows.map((a) => a._id),
      ),
    ])
    const cornerOf = new Map(corners.map((c) => [c._id, c]))
    const projectOf = new Map(projects.map((p) => [p._id, p]))
    const shownRows = await shown(rows, caller.openid, states)
    const items = rows.map((a, i): ActivityListing => {
      const corner = a.cornerId ? cornerOf.get(a.cornerId) : undefined
      const project = a.projectId ? projectOf.get(a.projectId) : undefined
      const listing: ActivityListing = {
        ...shownRows[i],
        projectTitle: project?.title ?? null,
        category: project?.category ?? null,
        cornerName: corner?.name ?? null,
      }
      if (args.near && corner)
        listing.distanceKm = Math.round(distanceKm(args.near, corner.location) * 100) / 100
      return listing
    })
    return { items, nextCursor }
  },
})
