/**
 * Projects: listed by corner and category (keyset paged), one project with its upcoming activities, and
 * workers' upserts. A project's corners list it in their `projectIds` while it is active; an upsert
 * changes the project and every corner it enters or leaves in one transaction, so projectCount is right.
 */
import { ACTIVITY_STATUSES, toActivity } from '../../../types/activities'
import {
  getProjectInput,
  listProjectsInput,
  MAX_PROJECTS_PER_CORNER,
  setProjectCoverInput,
  upsertProjectInput,
  type Project,
  type ProjectDetail,
} from '../../../types/corners'
import type { Page } from '../../../types/envelope'
import type { ActivityRecord, CornerRecord, ProjectRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { coverAction, coverUrls } from '../../../server/covers'
import { notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { inTransaction } from '../../../server/transaction'
import { findCorner, findProject, newId, readOptional } from './store'
import { toProject } from './views'

/** How many upcoming activities a project page shows. */
const UPCOMING = 20

export const listProjects = action({
  input: listProjectsInput,
  who: 'anyone',
  run: async (args): Promise<Page<Project>> => {
    const limit = args.limit ?? 20
    const status = args.status ?? 'active'
    const where: Record<string, unknown> = { status }
    if (args.category) where.category = args.category
    if (args.cornerId) {
      if (status === 'active') {
        // The corner names its active projects: the page is read by _id from that list.
        const corner = await findCorner(args.cornerId)
        if (corner.projectIds.length === 0) return { items: [], nextCursor: null }
        where._id = _.in(corner.projectIds)
      } else {
        where.cornerIds = args.cornerId
      }
    }
    const res = await db
      .collection<ProjectRecord>('projects')
      .where(_.and([where, afterCursor('updatedAt', decodeCursor(args.cursor))]))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (p) => p.updatedAt)
    const covers = await coverUrls(rows)
    return { items: rows.map((p) => toProject(p, covers)), nextCursor }
  },
})

export const getProject = action({
  input: getProjectInput,
  who: 'anyone',
  run: async (args): Promise<ProjectDetail> => {
    const project = await findProject(args.id)
    const upcoming = await db
      .collection<ActivityRecord>('activities')
      .where({
        projectId: project._id,
        endAt: _.gt(Date.now()),
        status: _.in(ACTIVITY_STATUSES.filter((s) => s !== 'cancelled')),
      })
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(UPCOMING)
      .get()
    const covers = await coverUrls([project, ...upcoming.data])
    return {
      project: toProject(project, covers),
      activities: upcoming.data.map((a) => toActivity(a, undefined, covers)),
    }
  },
})

export const upsertProject = action({
  input: upsertProjectInput,
  who: 'worker',
  run: async (args, caller): Promise<Project> => {
    await assertSafeText(caller.openid, [args.title, args.org, args.summary, args.description])
    const id = args.id ?? newId()
    const record = await inTransaction(async (tx) => {
      const now = Date.now()
      const before = args.id ? await readOptional(tx.collection<ProjectRecord>('projects').doc(id)) : null
      if (args.id && !before) throw notFound('没有找到这个公益项目')
      const status = args.status ?? before?.status ?? 'active'
      const shownAt = new Set(status === 'active' ? args.cornerIds : [])
      // Every corner the project was or will be at; in one order, so that upserts never deadlock.
      const touched = [...new Set([...(before?.cornerIds ?? []), ...args.cornerIds])].sort()
      for (const cornerId of touched) {
        const corner = await readOptional(tx.collection<CornerRecord>('corners').doc(cornerId))
        if (!corner) {
          if (args.cornerIds.includes(cornerId)) throw notFound('选择的公益角不存在，请刷新后重新选择')
          continue
        }
        const listed = corner.projectIds.includes(id)
        if (listed === shownAt.has(cornerId)) continue
        const projectIds = listed ? corner.projectIds.filter((p) => p !== id) : [...corner.projectIds, id]
        if (projectIds.length > MAX_PROJECTS_PER_CORNER)
          throw precondition(`「${corner.name}」已经展示了${MAX_PROJECTS_PER_CORNER}个项目，请先下架一些`)
        await tx
          .collection('corners')
          .doc(cornerId)
          .update({
            data: { projectIds: _.set(projectIds), projectCount: projectIds.length, updatedAt: now },
          })
      }
      const next: ProjectRecord = {
        _id: id,
        title: args.title,
        org: args.org,
        category: args.category,
        summary: args.summary,
        description: args.description,
        cornerIds: args.cornerIds,
        status,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
        updatedBy: caller.openid,
        // The whole document is written: the cover (set apart, setProjectCover) stays.
        cover: before?.cover ?? null,
      }
      const { _id, ...fields } = next
      await tx.collection('projects').doc(_id).set({ data: fields })
      return next
    })
    return toProject(record, await coverUrls([record]))
  },
})

/** Sets or takes away a project's cover (server/covers.ts); the project keeps its place in the lists. */
export const setProjectCover = coverAction<ProjectRecord, Project>(
  setProjectCoverInput,
  'projects',
  '没有找到这个公益项目',
  toProject,
)
