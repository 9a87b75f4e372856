/** `certificate.records`: the caller's confirmed service in one year, newest first, merged from the three sources. */
import { recordsInput, type ServiceRecord } from '../../../types/certificate'
import type { Page } from '../../../types/envelope'
import { NEED_CATEGORY_LABELS } from '../../../types/needs'
import type { ActivityRecord, UserRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { action } from '../../../server/handler'
import { decodeCursor, encodeCursor } from '../../../server/paging'
import { displayName } from '../../../server/users'
import { readSources, shanghaiDayStart } from './sources'

export const records = action({
  input: recordsInput,
  run: async (args, caller): Promise<Page<ServiceRecord>> => {
    const limit = args.limit ?? 20
    const window = {
      from: shanghaiDayStart(`${args.year}-01-01`),
      to: shanghaiDayStart(`${args.year + 1}-01-01`),
    }
    const src = await readSources(caller.openid, window, decodeCursor(args.cursor), limit + 1)
    const merged: Array<ServiceRecord & { confirmer: string | null; activityId?: string }> = [
      ...src.needs.map((n) => ({
        id: n._id,
        kind: 'need' as const,
        title: NEED_CATEGORY_LABELS[n.category] ?? '帮助邻居',
        where: '邻里互助',
        at: n.confirmedAt ?? 0,
        minutes: n.minutes ?? 0,
        confirmedBy: n.requester.nickname || '发布人',
        confirmer: null,
      })),
      ...src.signups.map((s) => ({
        id: s._id,
        kind: 'activity' as const,
        title: s.title,
        where: '',
        at: s.confirmedAt ?? 0,
        minutes: s.minutes ?? 0,
        confirmedBy: '',
        confirmer: s.confirmedBy,
        activityId: s.activityId,
      })),
      ...src.visits.map((v) => ({
        id: v._id,
        kind: 'visit' as const,
        title: '爱心敲门',
        where: '入户走访',
        at: v.confirmedAt ?? 0,
        minutes: v.minutes,
        confirmedBy: '',
        confirmer: v.confirmedBy,
      })),
    ].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const page = merged.slice(0, limit)
    const activityIds = [...new Set(page.flatMap((r) => (r.activityId ? [r.activityId] : [])))]
    const confirmers = [...new Set(page.flatMap((r) => (r.confirmer ? [r.confirmer] : [])))]
    const [activities, users] = await Promise.all([
      activityIds.length
        ? db
            .collection<Pick<ActivityRecord, '_id' | 'location'>>('activities')
            .where({ _id: _.in(activityIds) })
            .limit(activityIds.length)
            .get()
        : { data: [] },
      confirmers.length
        ? db
            .collection<Pick<UserRecord, '_id' | 'nickname' | 'volunteer'>>('users')
            .where({ _id: _.in(confirmers) })
            .limit(confirmers.length)
            .get()
        : { data: [] },
    ])
    const places = new Map(activities.data.map((a) => [a._id, a.location]))
    const names = new Map(users.data.map((u) => [u._id, displayName(u)]))
    const items = page.map(({ confirmer, activityId, ...r }) => ({
      ...r,
      where: activityId ? (places.get(activityId) ?? '') : r.where,
      confirmedBy: confirmer ? (names.get(confirmer) ?? '社工') : r.confirmedBy,
    }))
    const last = items[items.length - 1]
    const nextCursor = merged.length > limit && last ? encodeCursor({ v: last.at, id: last.id }) : null
    return { items, nextCursor }
  },
})
