/**
 * The demo's report: what the functions stamp on records for the station's figures (a need's community and
 * the instants it was taken, done and confirmed; a sign-up's corner; a visit's community), filled in on the
 * seeded records, and the per-day counters computed from those records with the same tallies the functions
 * write (types/report.ts), so the 数据 page and the nightly recount agree with the seed from the start.
 */
import type { NeedRecord, UserRecord } from '../../../types/records'
import { daysOf, talliesOf, type ReportDayRecord, type ReportRecords } from '../../../types/report'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** The instants a need of this status passed through, consistent with its creation and last change. */
function stamped(n: NeedRecord, community: string, now: number): NeedRecord {
  const taken = ['assigned', 'done', 'confirmed'].includes(n.status)
  const done = ['done', 'confirmed'].includes(n.status)
  const confirmedAt = n.status === 'confirmed' ? n.updatedAt : null
  const doneAt = done ? Math.min(n.updatedAt, confirmedAt ? confirmedAt - 2 * HOUR : n.updatedAt) : null
  const claimedAt = taken ? Math.min(n.createdAt + 30 * MINUTE, doneAt ?? now) : null
  return { ...n, community, claimedAt, doneAt, confirmedAt }
}

export function withReport(
  records: ReportRecords & { users: UserRecord[] },

  now: number,
) {
  const community = new Map(records.users.map((u) => [u.openid, u.community]))
  const corner = new Map(records.activities.map((a) => [a._id, a.cornerId]))
  const recipientCommunity = new Map(records.recipients.map((r) => [r._id, r.community]))
  const needs = records.needs.map((n) => stamped(n, community.get(n.requester.openid) ?? '', now))
  const signups = records.signups.map((s) => ({ ...s, cornerId: corner.get(s.activityId) ?? null }))
  const visits = records.visits.map((v) => ({ ...v, community: recipientCommunity.get(v.recipientId) ?? '' }))
  const tallies = talliesOf({ ...records, needs, signups, visits })
  const reportDays: ReportDayRecord[] = [...daysOf(tallies).values()]
  return { needs, signups, visits, reportDays }
}
