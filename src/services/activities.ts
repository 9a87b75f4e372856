/** Typed calls of the `activities` function (shifts, sign-up, on-site check-in, attendance); see types/activities.ts. */
import type { Page } from '@shared/envelope'
import type {
  Activity,
  ActivityListing,
  AttendanceItem,
  CheckinCode,
  ConfirmAttendanceInput,
  FindActivitiesInput,
  ListActivitiesInput,
  MineInput,
  Participation,
  PosterCode,
  UpsertActivityInput,
} from '@shared/activities'
import { callFunction } from './cloud'

const FUNCTION = 'activities'

/** One page of activities (of a project), not yet ended soonest first, or ended latest first; with `myState`. */
export function listActivities(input: ListActivitiesInput = {}): Promise<Page<Activity>> {
  return callFunction<Page<Activity>>(FUNCTION, { action: 'list', ...input })
}

/**
 * One page of the 活动 list: every activity not yet ended nor cancelled, soonest first, with its project and
 * corner, filtered by corner, category or words; with `near`, how far each corner is.
 */
export function findActivities(input: FindActivitiesInput = {}): Promise<Page<ActivityListing>> {
  return callFunction<Page<ActivityListing>>(FUNCTION, { action: 'find', ...input })
}

export function getActivity(id: string): Promise<Activity> {
  return callFunction<Activity>(FUNCTION, { action: 'get', id })
}

/** Workers only: creates an activity (no `id`) or changes one; once people signed up, its time is fixed. */
export function upsertActivity(input: UpsertActivityInput): Promise<Activity> {
  return callFunction<Activity>(FUNCTION, { action: 'upsert', ...input })
}

/** Workers only: gives an activity its cover (a photo the worker uploaded) or takes it away. */
export function setActivityCover(id: string, fileID: string | null): Promise<Activity> {
  return callFunction<Activity>(FUNCTION, { action: 'setCover', id, fileID })
}

/**
 * Takes a place. Full → `resource-exhausted`; already signed up → `already-exists`; at the same time as
 * another of mine → `failed-precondition` (each with a Chinese message that says so).
 */
export function signUp(id: string): Promise<Participation> {
  return callFunction<Participation>(FUNCTION, { action: 'signup', id })
}

/** Gives my place back; refused after check-in. */
export function cancelSignUp(id: string): Promise<Participation> {
  return callFunction<Participation>(FUNCTION, { action: 'cancel', id })
}

/** One page of my places (我的活动): not yet ended soonest first, or ended latest first. */
export function listMyActivities(input: MineInput = {}): Promise<Page<Participation>> {
  return callFunction<Page<Participation>>(FUNCTION, { action: 'mine', ...input })
}

/** Checks in with the six digits the organiser shows (from 30 minutes before the start until the end). */
export function checkIn(id: string, code: string): Promise<Participation> {
  return callFunction<Participation>(FUNCTION, { action: 'checkin', id, code: code.trim() })
}

/** Checks out with the organiser's current code; the minutes count from check-in to check-out. */
export function checkOut(id: string, code: string): Promise<Participation> {
  return callFunction<Participation>(FUNCTION, { action: 'checkout', id, code: code.trim() })
}

/** Workers only: the current on-site code (valid 60 s, a new one every 30 s) and the text of its QR code. */
export function getCheckinCode(id: string): Promise<CheckinCode> {
  return callFunction<CheckinCode>(FUNCTION, { action: 'checkinCode', id })
}

/** Workers only: the mini-program code of the activity's poster (a PNG data URL), which opens the activity. */
export function getPosterCode(id: string): Promise<PosterCode> {
  return callFunction<PosterCode>(FUNCTION, { action: 'posterCode', id })
}

/** Workers only: everyone who holds a place, with check-in, check-out and minutes. */
export function getAttendance(id: string): Promise<{ items: AttendanceItem[] }> {
  return callFunction<{ items: AttendanceItem[] }>(FUNCTION, { action: 'attendance', id })
}

/**
 * Workers only: confirms a person's minutes and credits the points once. Without `minutes` the check-in
 * to check-out time is used; it is required when the person did not check out.
 */
export function confirmAttendance(input: ConfirmAttendanceInput): Promise<AttendanceItem> {
  return callFunction<AttendanceItem>(FUNCTION, { action: 'confirm', ...input })
}

/** The WeChat subscription template of activity notices (from .env; empty where not configured). */
export const ACTIVITY_TEMPLATES = {
  /** To everyone holding a place: the activity was cancelled. */
  change: process.env.TARO_APP_TEMPLATE_ACTIVITY_CHANGE || '',
}
