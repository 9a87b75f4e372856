/** What callers see of sign-ups: the participant's own view and the organiser's attendance row. */
import {
  servedMinutes,
  toActivity,
  type AttendanceItem,
  type AttendanceState,
  type Participation,
} from '../../../types/activities'
import type { ActivityRecord, SignupRecord } from '../../../types/records'

export function toParticipation(s: SignupRecord, activity: ActivityRecord): Participation {
  return {
    activity: toActivity(activity, s.state),
    state: s.state,
    signedAt: s.signedAt,
    checkinAt: s.checkinAt,
    checkoutAt: s.checkoutAt,
    minutes: s.minutes,
    points: s.points,
  }
}

export function toAttendanceItem(s: SignupRecord): AttendanceItem {
  const suggested =
    s.checkinAt !== null && s.checkoutAt !== null ? servedMinutes(s.checkinAt, s.checkoutAt, s) : null
  return {
    openid: s.openid,
    name: s.name,
    state: s.state as AttendanceState,
    signedAt: s.signedAt,
    checkinAt: s.checkinAt,
    checkoutAt: s.checkoutAt,
    minutes: s.state === 'confirmed' ? s.minutes : suggested,
    points: s.state === 'confirmed' ? s.points : null,
  }
}
