/**
 * The three sources of confirmed service — needs served (by their assignee), activities attended (the
 * sign-up) and home visits (each visitor) — read through indexed queries within a window of confirmation times,
 * newest first. Each source is placed by the instant it was confirmed (`confirmedAt`), never by its last change:
 * a confirmed need still changes afterwards (a photo taken away), and its service must stay where it was.
 */
import type { VisitRecord } from '../../../types/care'
import type { NeedRecord, SignupRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { afterCursor, type Cursor } from '../../../server/paging'

export interface Window {
  from: number
  /** Exclusive. */
  to: number
}

type Need = Pick<
  NeedRecord,
  '_id' | 'status' | 'assignee' | 'minutes' | 'category' | 'requester' | 'confirmedAt'
>
type Signup = Pick<
  SignupRecord,
  '_id' | 'state' | 'openid' | 'minutes' | 'activityId' | 'title' | 'confirmedBy' | 'confirmedAt'
>
type Visit = Pick<VisitRecord, '_id' | 'status' | 'visitors' | 'minutes' | 'confirmedBy' | 'confirmedAt'>

export interface Sources {
  needs: Need[]
  signups: Signup[]
  visits: Visit[]
}

/** Each source's confirmed service of `openid` in the window, after the cursor, at most `limit` each. */
export async function readSources(
  openid: string,
  window: Window,
  cursor: Cursor | null,
  limit: number,
): Promise<Sources> {
  const range = (field: string) => ({ [field]: _.and([_.gte(window.from), _.lt(window.to)]) })
  const [needs, signups, visits] = await Promise.all([
    db
      .collection<Need>('needs')
      .where(
        _.and([
          { 'assignee.openid': openid, status: 'confirmed' },
          range('confirmedAt'),
          afterCursor('confirmedAt', cursor),
        ]),
      )
      .orderBy('confirmedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .get(),
    db
      .collection<Signup>('signups')
      .where(
        _.and([{ openid, state: 'confirmed' }, range('confirmedAt'), afterCursor('confirmedAt', cursor)]),
      )
      .orderBy('confirmedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .get(),
    db
      .collection<Visit>('care_visits')
      .where(
        _.and([
          { status: 'confirmed', 'visitors.openid': openid },
          range('confirmedAt'),
          afterCursor('confirmedAt', cursor),
        ]),
      )
      .orderBy('confirmedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .get(),
  ])
  return { needs: needs.data, signups: signups.data, visits: visits.data }
}

/** Start of a Beijing day `YYYY-MM-DD` (epoch ms), or NaN for a day that does not exist. */
export function shanghaiDayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  const t = Date.UTC(y, m - 1, d)
  const back = new Date(t)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return NaN
  return t - 8 * 3_600_000
}
