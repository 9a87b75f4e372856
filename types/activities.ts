/**
 * The `activities` function's contract: shifts of a project (or standalone activities such as 环境整治)
 * with a time window, a place and a capacity; sign-up, the rotating on-site check-in code, attendance and
 * the minutes that become points.
 */
import * as z from 'zod/mini'
import { locationSchema, PROJECT_CATEGORIES, type ProjectCategory } from './corners'
import { epochMsSchema, idSchema, pagingFields, text } from './fields'
import { photoFileId } from './images'
import type { ActivityRecord } from './records'

export const ACTIVITY_STATUSES = ['open', 'closed', 'cancelled'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  open: '报名中',
  closed: '报名已截止',
  cancelled: '已取消',
}

/**
 * Where an activity stands at an instant, as every page says it: the one place that decides between 报名中,
 * 名额已满, 报名已截止, 活动已开始, 已结束 and 已取消 (the status a worker set is only part of it).
 */
export const ACTIVITY_PHASES = ['open', 'full', 'closed', 'under-way', 'ended', 'cancelled'] as const
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number]

export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  open: '报名中',
  full: '名额已满',
  closed: '报名已截止',
  'under-way': '活动已开始',
  ended: '已结束',
  cancelled: '已取消',
}

type PhaseFacts = {
  status: ActivityStatus
  startAt: number
  endAt: number
  capacity: number
  signedUp: number
}

/** The phase of an activity at `now`; only `open` takes new sign-ups (the function refuses the rest alike). */
export function activityPhase(a: PhaseFacts, now: number): ActivityPhase {
  if (a.status === 'cancelled') return 'cancelled'
  if (now >= a.endAt) return 'ended'
  if (now >= a.startAt) return 'under-way'
  if (a.status === 'closed') return 'closed'
  if (a.signedUp >= a.capacity) return 'full'
  return 'open'
}

/** Where a person stands with one activity; `cancelled` sign-ups no longer hold a place. */
export const PARTICIPATION_STATES = ['signed', 'checked-in', 'checked-out', 'confirmed', 'cancelled'] as const
export type ParticipationState = (typeof PARTICIPATION_STATES)[number]

/** The states `attendance` lists (everyone who holds a place). */
export type AttendanceState = Exclude<ParticipationState, 'cancelled'>
export const ATTENDANCE_STATES: readonly AttendanceState[] = [
  'signed',
  'checked-in',
  'checked-out',
  'confirmed',
]

export const PARTICIPATION_STATE_LABELS: Record<ParticipationState, string> = {
  signed: '已报名',
  'checked-in': '已签到',
  'checked-out': '已签退',
  confirmed: '已确认时长',
  cancelled: '已取消报名',
}

const MINUTE = 60_000

/** Check-in opens this long before the start and stays open until the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * MINUTE
/** Check-out is accepted until this long after the end (minutes still stop at the end). */
export const CHECKOUT_GRACE_MS = 120 * MINUTE
/** A new check-in code every 30 seconds; each is accepted for two periods, so at most 60 seconds. */
export const CODE_PERIOD_MS = 30_000
/**
 * At most this many wrong codes per person and activity in any CODE_LOCK_MS: the one that reaches it locks
 * check-in and check-out until the oldest of them is CODE_LOCK_MS old.
 */
export const CODE_MAX_MISSES = 5
export const CODE_LOCK_MS = 10 * MINUTE
export const CODE_VALID_MS = 2 * CODE_PERIOD_MS
/** The longest activity, and so the most minutes one sign-up can earn. */
export const MAX_ACTIVITY_MINUTES = 720
export const MAX_ACTIVITY_MS = MAX_ACTIVITY_MINUTES * MINUTE
export const MAX_CAPACITY = 500
export const DEFAULT_POINTS_PER_HOUR = 10

/** Minutes served from check-in to check-out, counted only inside the activity's window. */
export function servedMinutes(
  checkinAt: number,
  checkoutAt: number,
  window: { startAt: number; endAt: number },
): number {
  const from = Math.max(checkinAt, window.startAt)
  const to = Math.min(checkoutAt, window.endAt)
  return Math.max(0, Math.floor((to - from) / MINUTE))
}

/** Do two windows share any time? (One ending when the other starts does not.) */
export function overlaps(
  a: { startAt: number; endAt: number },
  b: { startAt: number; endAt: number },
): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt
}

const QR_PREFIX = 'xiaoshe:checkin:'

/** The text the organiser's QR code carries: the activity and its current code. */
export function checkinQrText(activityId: string, code: string): string {
  return `${QR_PREFIX}${activityId}:${code}`
}

/** Reads a scanned check-in QR code; null for anything else. */
export function parseCheckinQr(text: string): { id: string; code: string } | null {
  if (!text.startsWith(QR_PREFIX)) return null
  const rest = text.slice(QR_PREFIX.length)
  const at = rest.lastIndexOf(':')
  const id = rest.slice(0, at)
  const code = rest.slice(at + 1)
  return at > 0 && /^\d{6}$/.test(code) ? { id, code } : null
}

// ------------------------------------------------------------------ actions

const epochMs = epochMsSchema

const activityId = { id: idSchema('活动编号') }

const codeSchema = z
  .string({ error: '请输入签到码' })
  .check(z.trim(), z.regex(/^\d{6}$/, { error: '签到码是6位数字' }))

export const ACTIVITY_LIST_WHEN = ['upcoming', 'past'] as const
export type ActivityListWhen = (typeof ACTIVITY_LIST_WHEN)[number]

export const listActivitiesInput = z.strictObject({
  projectId: z.optional(idSchema('项目编号')),
  /** `upcoming` (default): not yet ended, soonest first; `past`: ended, latest first. */
  when: z.optional(z.enum(ACTIVITY_LIST_WHEN, { error: '只能查看未结束或已结束的活动' })),
  ...pagingFields,
})

/** `find` reads at most this many projects of one category to filter by (a district has a few dozen). */
export const MAX_PROJECTS_PER_CATEGORY = 100

export const findActivitiesInput = z.strictObject({
  /** Only the activities held at this corner. */
  cornerId: z.optional(idSchema('公益角编号')),
  /** Only the activities of projects of this category (standalone activities have none). */
  category: z.optional(z.enum(PROJECT_CATEGORIES, { error: '活动类别不正确' })),
  /** Words in the title or the place. */
  q: z.optional(
    z
      .string({ error: '搜索的内容应为文字' })
      .check(z.trim(), z.maxLength(20, { error: '搜索的内容不能超过20个字' })),
  ),
  /** Where the caller is: each activity held at a corner then says how far it is. */
  near: z.optional(locationSchema),
  ...pagingFields,
})

export const getActivityInput = z.strictObject(activityId)

export const upsertActivityInput = z
  .strictObject({
    id: z.optional(idSchema('活动编号')),
    /** null for a standalone activity (环境整治 and the like). */
    projectId: z.optional(z.nullable(idSchema('项目编号'))),
    /** The corner where it takes place, if any (for the map). */
    cornerId: z.optional(z.nullable(idSchema('公益角编号'))),
    title: text('活动名称', 40),
    location: text('活动地点', 60),
    startAt: epochMs('开始时间'),
    endAt: epochMs('结束时间'),
    capacity: z
      .number({ error: '请填写名额' })
      .check(
        z.int({ error: '名额应为整数' }),
        z.gte(1, { error: '名额至少1个' }),
        z.lte(MAX_CAPACITY, { error: `名额最多${MAX_CAPACITY}个` }),
      ),
    pointsPerHour: z.optional(
      z
        .number({ error: '每小时积分应为数字' })
        .check(
          z.int({ error: '每小时积分应为整数' }),
          z.gte(0, { error: '每小时积分不能小于0' }),
          z.lte(100, { error: '每小时积分最多100' }),
        ),
    ),
    status: z.optional(z.enum(ACTIVITY_STATUSES, { error: '活动状态不正确' })),
  })
  .check(
    z.refine((a) => a.endAt > a.startAt, { error: '结束时间要晚于开始时间', path: ['endAt'] }),
    z.refine((a) => a.endAt - a.startAt <= MAX_ACTIVITY_MINUTES * MINUTE, {
      error: '一次活动最长12小时',
      path: ['endAt'],
    }),
  )

export const signupInput = z.strictObject(activityId)
export const cancelSignupInput = z.strictObject(activityId)
export const checkinCodeInput = z.strictObject(activityId)
export const checkinInput = z.strictObject({ ...activityId, code: codeSchema })
export const checkoutInput = z.strictObject({ ...activityId, code: codeSchema })
export const attendanceInput = z.strictObject(activityId)
export const posterCodeInput = z.strictObject(activityId)
/** A photo the worker uploaded (services/storage.ts) as the activity's cover; null takes it away. */
export const setActivityCoverInput = z.strictObject({ ...activityId, fileID: z.nullable(photoFileId) })

/**
 * A poster's mini-program code opens the activity page with `scene` = `a=<activity id>` (WeChat allows at most
 * 32 characters); the page reads the id back with activityIdFromScene.
 */
export const POSTER_PAGE = 'packages/corners/pages/activity/index'
export const SCENE_MAX = 32

export function activityScene(id: string): string {
  return `a=${id}`
}

/** The activity id of a scene (as WeChat hands it to the page, URI-encoded or not), or null. */
export function activityIdFromScene(scene: string | undefined | null): string | null {
  if (!scene) return null
  let text = scene
  try {
    text = decodeURIComponent(scene)
  } catch {
    // Not encoded.
  }
  const m = /^a=([\x21-\x7e]+)$/.exec(text)
  return m ? m[1] : null
}

/** A poster's mini-program code: a PNG as a data URL. */
export interface PosterCode {
  image: string
  /** The picture at the top of the poster: the activity's cover, else its project's, else its corner's (a
   * temporary URL), or null: the poster draws its own. */
  coverUrl: string | null
}

export const confirmAttendanceInput = z.strictObject({
  ...activityId,
  openid: idSchema('参与者'),
  minutes: z.optional(
    z
      .number({ error: '服务时长应为数字' })
      .check(
        z.int({ error: '服务时长应为整数分钟' }),
        z.gte(1, { error: '服务时长至少1分钟' }),
        z.lte(MAX_ACTIVITY_MINUTES, { error: `服务时长最多${MAX_ACTIVITY_MINUTES}分钟` }),
      ),
  ),
})

export const mineInput = z.strictObject({
  when: z.optional(z.enum(ACTIVITY_LIST_WHEN, { error: '只能查看未结束或已结束的活动' })),
  ...pagingFields,
})

export type ListActivitiesInput = z.infer<typeof listActivitiesInput>
export type FindActivitiesInput = z.infer<typeof findActivitiesInput>
export type UpsertActivityInput = z.infer<typeof upsertActivityInput>
export type ConfirmAttendanceInput = z.infer<typeof confirmAttendanceInput>
export type MineInput = z.infer<typeof mineInput>

export interface Activity {
  id: string
  projectId: string | null
  cornerId: string | null
  title: string
  location: string
  startAt: number
  endAt: number
  capacity: number
  /** Places taken (sign-ups not cancelled); never more than `capacity`. */
  signedUp: number
  pointsPerHour: number
  status: ActivityStatus
  /** The caller's own state with this activity (null: not signed up); absent for anonymous callers. */
  myState?: ParticipationState | null
  /**
   * The cover's temporary URL (two hours), or null: none set (activities.setCover). Answered where activities
   * are shown (list, find, get, upsert, setCover, corners.getProject); absent in a place's copy (mine,
   * signup, cancel, checkin, checkout).
   */
  coverUrl?: string | null
}

/** An activity in the 活动 list (`find`): with its project's title and category and its corner's name. */
export interface ActivityListing extends Activity {
  projectTitle: string | null
  category: ProjectCategory | null
  cornerName: string | null
  /** Great-circle kilometres from `near` to its corner (rounded to 0.01); absent without either. */
  distanceKm?: number
}

/** One of the caller's sign-ups (我的活动), with its activity. */
export interface Participation {
  activity: Activity
  state: ParticipationState
  signedAt: number
  checkinAt: number | null
  checkoutAt: number | null
  /** Confirmed minutes (null until a worker confirms). */
  minutes: number | null
  /** Points credited (null until a worker confirms). */
  points: number | null
}

/** What the organiser's screen shows: the code (and its QR text), and when to fetch the next one. */
export interface CheckinCode {
  code: string
  /** The code is refused from this instant on (at most 60 s after it was issued). */
  expiresAt: number
  /** A newer code is issued from this instant on (every 30 s). */
  refreshAt: number
  /** The text to encode in the QR code (checkinQrText). */
  qr: string
}

export interface AttendanceItem {
  openid: string
  name: string
  state: AttendanceState
  signedAt: number
  checkinAt: number | null
  checkoutAt: number | null
  /**
   * Confirmed minutes once confirmed; before that, what check-in and check-out give (the default a worker
   * confirms); null while there is no check-out.
   */
  minutes: number | null
  /** Points credited (null until confirmed). */
  points: number | null
}

/**
 * An activity as callers see it (both functions answer it); `myState` only when it was looked up, `coverUrl`
 * only when the covers' temporary URLs were (`covers`, by file ID).
 */
export function toActivity(
  r: ActivityRecord,
  myState?: ParticipationState | null,
  covers?: Map<string, string>,
): Activity {
  const activity: Activity = {
    id: r._id,
    projectId: r.projectId,
    cornerId: r.cornerId,
    title: r.title,
    location: r.location,
    startAt: r.startAt,
    endAt: r.endAt,
    capacity: r.capacity,
    signedUp: r.signedUp,
    pointsPerHour: r.pointsPerHour,
    status: r.status,
  }
  if (myState !== undefined) activity.myState = myState
  if (covers) activity.coverUrl = (r.cover && covers.get(r.cover)) || null
  return activity
}
