/**
 * Needs a worker dispatched to a volunteer that the volunteer has not seen yet: the 我的任务 badge. The need keeps
 * who has not seen it (`unseenBy`, set by needs.dispatch) until that person opens 我的任务 or the need
 * (needs.seen), so the badge is the same on every phone and after a reinstall. A need counts only while it is
 * assigned to that same person.
 */
import type { NeedRecord } from '../types/records'
import { db } from './cloud'

/** The event of a dispatch's notice to the volunteer (server/notify.ts derives the notice's id from it). */
export function dispatchEvent(needId: string, dispatchedAt: number): string {
  return `dispatch:${needId}:${dispatchedAt}`
}

/** At most this many are read and counted; the badge shows 99+ past 99. */
export const UNSEEN_LIMIT = 100

/** The caller's unseen dispatched needs (id and when dispatched), at most UNSEEN_LIMIT: one operation. */
export async function unseenDispatches(openid: string): Promise<Pick<NeedRecord, '_id' | 'dispatchedAt'>[]> {
  const res = await db
    .collection<NeedRecord>('needs')
    .where({ 'assignee.openid': openid, status: 'assigned', unseenBy: openid })
    .field({ _id: true, dispatchedAt: true })
    .limit(UNSEEN_LIMIT)
    .get()
  return res.data
}
