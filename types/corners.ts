/**
 * The `corners` function's contract (街头公益角): corners in parks and shopping districts, their weekly
 * schedules, the charity projects they show, and the arithmetic the pages share with the function — the
 * next session of a schedule and the great-circle distance to a corner.
 */
import * as z from 'zod/mini'
import type { Activity } from './activities'
import { idSchema, pagingFields, text } from './fields'
import { photoFileId } from './images'

export const CORNER_KINDS = ['park', 'mall'] as const
export type CornerKind = (typeof CORNER_KINDS)[number]

export const CORNER_KIND_LABELS: Record<CornerKind, string> = {
  park: '公园',
  mall: '商圈',
}

export const PROJECT_CATEGORIES = [
  'elderly',
  'family',
  'children',
  'disability',
  'health',
  'culture',
  'environment',
  'employment',
  'community',
] as const
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]

export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, string> = {
  elderly: '助老',
  family: '家庭关爱',
  children: '儿童青少年',
  disability: '助残',
  health: '健康',
  culture: '文化',
  environment: '环保',
  employment: '就业帮扶',
  community: '邻里互助',
}

export const PROJECT_STATUSES = ['active', 'archived'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  active: '展示中',
  archived: '已下架',
}

/** `corners.list` answers at most this many corners (a district has a few dozen). */
export const MAX_CORNERS = 100
/** A project is shown at no more than this many corners. */
export const MAX_CORNERS_PER_PROJECT = 30
/** A corner shows no more than this many active projects at once. */
export const MAX_PROJECTS_PER_CORNER = 100

// ------------------------------------------------------------------ location and distance

export interface LatLng {
  lat: number
  lng: number
}

export const locationSchema = z.strictObject(
  {
    lat: z
      .number({ error: '纬度应为数字' })
      .check(z.gte(-90, { error: '纬度应在-90到90之间' }), z.lte(90, { error: '纬度应在-90到90之间' })),
    lng: z
      .number({ error: '经度应为数字' })
      .check(z.gte(-180, { error: '经度应在-180到180之间' }), z.lte(180, { error: '经度应在-180到180之间' })),
  },
  { error: '位置应包含经度和纬度' },
)

/** The mean radius of the Earth (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088

const radians = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in kilometres (haversine formula, accurate at short and long range alike). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = radians(b.lat - a.lat)
  const dLng = radians(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** 0.35 → '350米', 2.345 → '2.3公里': how the pages say a distance. */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)}米`
  return `${km < 10 ? km.toFixed(1) : Math.round(km)}公里`
}

// ------------------------------------------------------------------ weekly schedule

/**
 * When a corner is held: on these weekdays (0 = Sunday … 6 = Saturday), from `start` to `end`
 * ('HH:MM', Asia/Shanghai). `note` says what a table of weekdays cannot ("节假日照常").
 */
export interface Schedule {
  weekdays: number[]
  start: string
  end: string
  note: string
}

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/

/** Minutes after midnight of 'HH:MM'. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

const timeOfDay = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .check(z.regex(TIME_OF_DAY, { error: `${label}应写成“时:分”，例如 09:00` }))

export const scheduleSchema = z
  .strictObject(
    {
      weekdays: z
        .array(
          z
            .number({ error: '星期应为数字' })
            .check(
              z.int({ error: '星期应为0到6的整数' }),
              z.gte(0, { error: '星期应为0到6的整数' }),
              z.lte(6, { error: '星期应为0到6的整数' }),
            ),
          { error: '请选择每周哪几天' },
        )
        .check(
          z.minLength(1, { error: '请至少选择一天' }),
          z.maxLength(7, { error: '一周只有7天' }),
          z.refine((days) => new Set(days).size === days.length, { error: '星期不能重复' }),
        ),
      start: timeOfDay('开始时间'),
      end: timeOfDay('结束时间'),
      note: z.optional(
        z.string({ error: '备注应为文字' }).check(z.trim(), z.maxLength(50, { error: '备注不能超过50个字' })),
      ),
    },
    { error: '请填写每周的时间安排' },
  )
  .check(
    z.refine((s) => minutesOfDay(s.start) < minutesOfDay(s.end), {
      error: '结束时间要晚于开始时间',
      path: ['end'],
    }),
  )

const SHANGHAI_MS = 8 * 3600_000
const DAY_MS = 86_400_000

export interface Session {
  startAt: number
  endAt: number
  /** True when `now` falls inside this session. */
  ongoing: boolean
}

/** The session in progress at `now`, or else the next one to come (null only for an empty schedule). */
export function nextSession(
  schedule: Pick<Schedule, 'weekdays' | 'start' | 'end'>,
  now: number,
): Session | null {
  const days = new Set(schedule.weekdays)
  if (days.size === 0) return null
  const midnight = Math.floor((now + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS
  for (let d = 0; d <= 7; d++) {
    const dayStart = midnight + d * DAY_MS
    if (!days.has(new Date(dayStart + SHANGHAI_MS).getUTCDay())) continue
    const startAt = dayStart + minutesOfDay(schedule.start) * 60_000
    const endAt = dayStart + minutesOfDay(schedule.end) * 60_000
    if (endAt > now) return { startAt, endAt, ongoing: startAt <= now }
  }
  return null
}

/** '每周六、周日 09:00-11:30': a schedule as one line. */
export function describeSchedule(schedule: Pick<Schedule, 'weekdays' | 'start' | 'end'>): string {
  const days = [...new Set(schedule.weekdays)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
  let when: string
  if (days.length === 7) when = '每天'
  else if (days.join() === '1,2,3,4,5') when = '每周一至周五'
  else when = `每${days.map((d) => WEEKDAY_LABELS[d]).join('、')}`
  return `${when} ${schedule.start}-${schedule.end}`
}

// ------------------------------------------------------------------ actions

const cornerId = { id: idSchema('公益角编号') }
const projectId = { id: idSchema('项目编号') }

export const listCornersInput = z.strictObject({
  near: z.optional(locationSchema),
  kind: z.optional(z.enum(CORNER_KINDS, { error: '公益角类型只能是公园或商圈' })),
})

export const getCornerInput = z.strictObject(cornerId)

export const upsertCornerInput = z.strictObject({
  id: z.optional(idSchema('公益角编号')),
  name: text('公益角名称', 30),
  kind: z.enum(CORNER_KINDS, { error: '请选择公园或商圈' }),
  address: text('地址', 100),
  location: locationSchema,
  schedule: scheduleSchema,
})

export const listProjectsInput = z.strictObject({
  cornerId: z.optional(idSchema('公益角编号')),
  category: z.optional(z.enum(PROJECT_CATEGORIES, { error: '项目类别不正确' })),
  /** Active projects unless asked otherwise (workers look up archived ones to show them again). */
  status: z.optional(z.enum(PROJECT_STATUSES, { error: '项目状态不正确' })),
  ...pagingFields,
})

export const getProjectInput = z.strictObject(projectId)

export const upsertProjectInput = z.strictObject({
  id: z.optional(idSchema('项目编号')),
  title: text('项目名称', 40),
  org: text('组织名称', 40),
  category: z.enum(PROJECT_CATEGORIES, { error: '请选择项目类别' }),
  summary: text('一句话介绍', 60),
  description: text('项目介绍', 2000),
  cornerIds: z.array(idSchema('公益角编号'), { error: '请选择项目在哪些公益角展示' }).check(
    z.minLength(1, { error: '请至少选择一个公益角' }),
    z.maxLength(MAX_CORNERS_PER_PROJECT, { error: `一个项目最多在${MAX_CORNERS_PER_PROJECT}个公益角展示` }),
    z.refine((ids) => new Set(ids).size === ids.length, { error: '公益角不能重复选择' }),
  ),
  status: z.optional(z.enum(PROJECT_STATUSES, { error: '项目状态只能是展示中或已下架' })),
})

/** A photo the worker uploaded (services/storage.ts) as the cover; null takes the cover away. */
const coverFileId = z.nullable(photoFileId)

export const setCornerCoverInput = z.strictObject({ ...cornerId, fileID: coverFileId })

export const setProjectCoverInput = z.strictObject({ ...projectId, fileID: coverFileId })

export type ListCornersInput = z.infer<typeof listCornersInput>
export type UpsertCornerInput = z.infer<typeof upsertCornerInput>
export type ListProjectsInput = z.infer<typeof listProjectsInput>
export type UpsertProjectInput = z.infer<typeof upsertProjectInput>

/** A corner as callers see it; `distanceKm` when the list was asked for `near` a point. */
export interface Corner {
  id: string
  name: string
  kind: CornerKind
  address: string
  location: LatLng
  schedule: Schedule
  /** Active projects shown at this corner. */
  projectCount: number
  /** The cover's temporary URL (two hours), or null: none set (corners.setCover). */
  coverUrl: string | null
  distanceKm?: number
  /**
   * `corners.list` only: the corner's next activity (one under way, or the soonest to start) when it comes
   * before the schedule's next session, else null; the corner card's 下次 shows whichever is first.
   */
  nextActivity?: NextActivity | null
}

/** An activity as the corner card names it. */
export interface NextActivity {
  id: string
  title: string
  startAt: number
  endAt: number
}

/** Whichever comes first at a corner: its next scheduled session or its next activity (null: neither). */
export function firstAtCorner(
  schedule: Pick<Schedule, 'weekdays' | 'start' | 'end'>,
  activity: NextActivity | null | undefined,
  now: number,
): (Session & { title: string | null }) | null {
  const session = nextSession(schedule, now)
  if (activity && activity.endAt > now && (!session || activity.startAt < session.startAt))
    return {
      startAt: activity.startAt,
      endAt: activity.endAt,
      ongoing: activity.startAt <= now,
      title: activity.title,
    }
  return session && { ...session, title: null }
}

export interface Project {
  id: string
  title: string
  org: string
  category: ProjectCategory
  summary: string
  description: string
  cornerIds: string[]
  status: ProjectStatus
  updatedAt: number
  /** The cover's temporary URL (two hours), or null: none set (corners.setProjectCover). */
  coverUrl: string | null
}

/** `corners.get`: the corner and the active projects it shows, most recently updated first. */
export interface CornerDetail {
  corner: Corner
  projects: Project[]
}

/** `corners.getProject`: the project and its activities that have not ended (not cancelled), soonest first. */
export interface ProjectDetail {
  project: Project
  activities: Activity[]
}
