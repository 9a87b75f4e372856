/**
 * Service time: the minutes a person served, counted only once the service is confirmed — a need's minutes
 * when its requester (or a worker) confirms it, an activity's minutes when a worker confirms attendance,
 * a home visit's minutes for each of its visitors when the captain or a worker confirms it. The totals live
 * on the person's record (`users.service`), changed in the transaction that confirms the service, so that
 * `Me` answers them with no extra read; `serviceFromRecords` recomputes them from the records themselves.
 */
import type { VisitRecord } from './care'
import type { NeedRecord, SignupRecord } from './records'

export const SERVICE_KINDS = ['need', 'activity', 'visit'] as const
export type ServiceKind = (typeof SERVICE_KINDS)[number]

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  need: '帮助邻居',
  activity: '参加活动',
  visit: '爱心敲门',
}

/** Confirmed minutes of service, in all and by kind. */
export interface ServiceTotals {
  minutes: number
  need: number
  activity: number
  visit: number
}

export function emptyService(): ServiceTotals {
  return { minutes: 0, need: 0, activity: 0, visit: 0 }
}

/** The totals after `minutes` more of confirmed service of `kind` (a record written before this had none). */
export function addService(
  totals: ServiceTotals | undefined,
  kind: ServiceKind,
  minutes: number,
): ServiceTotals {
  const t = totals ?? emptyService()
  return { ...t, minutes: t.minutes + minutes, [kind]: t[kind] + minutes }
}

/** Hours for people to read: 90 minutes → "1.5". */
export function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10)
}

/** The totals of one person recomputed from every confirmed need, sign-up and visit (the books' check). */
export function serviceFromRecords(
  openid: string,
  records: {
    needs: Pick<NeedRecord, 'status' | 'assignee' | 'minutes'>[]
    signups: Pick<SignupRecord, 'state' | 'openid' | 'minutes'>[]
    visits: Pick<VisitRecord, 'status' | 'visitors' | 'minutes'>[]
  },
): ServiceTotals {
  let t = emptyService()
  for (const n of records.needs)
    if (n.status === 'confirmed' && n.assignee?.openid === openid && n.minutes)
      t = addService(t, 'need', n.minutes)
  for (const s of records.signups)
    if (s.state === 'confirmed' && s.openid === openid && s.minutes) t = addService(t, 'activity', s.minutes)
  for (const v of records.visits)
    if (v.status === 'confirmed' && v.visitors.some((p) => p.openid === openid))
      t = addService(t, 'visit', v.minutes)
  return t
}
