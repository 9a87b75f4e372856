/**
 * The `needs` function's contract (居民求助 → 社工审核派单 → 志愿者接单 → 完成 → 评价 → 积分):
 * categories, the state machine, each action's input schema and the Need as callers see it.
 */
import * as z from 'zod/mini'
import { idSchema, pagingFields, text } from './fields'
import { photoFileId } from './images'
import { distanceKm, locationSchema, type LatLng } from './corners'

export const NEED_CATEGORIES = [
  'elderly',
  'disability',
  'errand',
  'companionship',
  'repair',
  'medical',
  'counselling',
  'other',
] as const
export type NeedCategory = (typeof NEED_CATEGORIES)[number]

export const NEED_CATEGORY_LABELS: Record<NeedCategory, string> = {
  elderly: '助老',
  disability: '助残',
  errand: '代办',
  companionship: '陪伴',
  repair: '维修',
  medical: '助医',
  counselling: '心理疏导',
  other: '其他',
}

export const NEED_STATUSES = [
  'pending',
  'open',
  'rejected',
  'assigned',
  'done',
  'confirmed',
  'cancelled',
] as const
export type NeedStatus = (typeof NEED_STATUSES)[number]

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  pending: '待审核',
  open: '待接单',
  rejected: '未通过',
  assigned: '服务中',
  done: '待确认',
  confirmed: '已完成',
  cancelled: '已取消',
}

/** The states a need passes through on its way to completion, for the status steps on its page. */
export const NEED_STEPS: NeedStatus[] = ['pending', 'open', 'assigned', 'done', 'confirmed']

/** Which state may follow which (API.md); `cancel` by a worker also applies to assigned and done needs. */
export const NEED_TRANSITIONS: Record<NeedStatus, NeedStatus[]> = {
  pending: ['open', 'rejected', 'cancelled'],
  open: ['assigned', 'cancelled'],
  assigned: ['open', 'done', 'cancelled'],
  done: ['confirmed', 'cancelled'],
  rejected: [],
  confirmed: [],
  cancelled: [],
}

/**
 * A volunteer who released this many needs within RELEASE_WINDOW_MS may not claim another until a worker
 * dispatches one to them: claiming and releasing is not a way to collect addresses and phone numbers.
 */
export const RELEASE_LIMIT = 3
export const RELEASE_WINDOW_MS = 7 * 24 * 3600_000

/** A resident may attach this many photos to a need. */
export const MAX_NEED_PHOTOS = 3

export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]

/** A mobile number, or a landline with its area code (many elderly residents only have one). */
const contactPhoneSchema = z
  .string({ error: '请填写联系电话' })
  .check(
    z.trim(),
    z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: '联系电话应为11位手机号，或带区号的座机号' }),
  )

/** Up to MAX_NEED_PHOTOS file IDs of the caller's own uploads, in the order shown. */
const needPhotoIds = z
  .array(photoFileId, { error: '照片不正确，请重新选择' })
  .check(z.maxLength(MAX_NEED_PHOTOS, { error: `最多附 ${MAX_NEED_PHOTOS} 张照片` }))

export const createNeedInput = z.strictObject({
  category: z.enum(NEED_CATEGORIES, { error: '请选择求助类别' }),
  title: text('标题', 50),
  description: text('详细说明', 1000),
  urgency: z.optional(z.enum(URGENCIES, { error: '紧急程度不正确' })),
  address: text('地址', 100),
  contactPhone: contactPhoneSchema,
  /** The place picked on the map (WeChat's 选择位置), for directions; shown only with the address. */
  location: z.optional(locationSchema),
  preferredTime: z.optional(text('希望的时间', 30)),
  onBehalfOf: z.optional(z.strictObject({ name: text('老人姓名', 20) }, { error: '代发布的老人信息不正确' })),
  photos: z.optional(needPhotoIds),
})

export const NEED_SCOPES = ['mine', 'pool', 'review', 'assigned', 'all'] as const
export type NeedScope = (typeof NEED_SCOPES)[number]

export const listNeedsInput = z
  .strictObject({
    scope: z.enum(NEED_SCOPES, { error: '列表范围不正确' }),
    /** The pool and `all` can be narrowed to one category; `all` also to one status. */
    category: z.optional(z.enum(NEED_CATEGORIES, { error: '求助类别不正确' })),
    status: z.optional(z.enum(NEED_STATUSES, { error: '状态不正确' })),
    /**
     * The pool only: where the caller is now (when they allowed their location), to tell each need's distance in
     * coarse steps. Used for the answer and never kept.
     */
    near: z.optional(locationSchema),
    ...pagingFields,
  })
  .check(
    z.refine((v) => !v.near || v.scope === 'pool', {
      error: '只有需求大厅可以按距离显示',
      path: ['near'],
    }),
  )

const needId = { id: idSchema('需求编号') }

export const getNeedInput = z.strictObject(needId)

export const reviewNeedInput = z
  .strictObject({
    ...needId,
    approve: z.boolean({ error: '请选择通过或不通过' }),
    reason: z.optional(text('原因', 200)),
    points: z.optional(
      z
        .number({ error: '积分应为数字' })
        .check(
          z.int({ error: '积分必须是整数' }),
          z.gte(0, { error: '积分不能小于0' }),
          z.lte(1000, { error: '积分最多1000' }),
        ),
    ),
  })
  .check(z.refine((v) => v.approve || Boolean(v.reason), { error: '不通过时请填写原因', path: ['reason'] }))

export const claimNeedInput = z.strictObject(needId)
export const releaseNeedInput = z.strictObject(needId)

export const dispatchNeedInput = z.strictObject({ ...needId, volunteerOpenid: idSchema('志愿者') })

/** needs.seen: the needs dispatched to the caller that they have now seen (我的任务, or the need's page). */
export const seenNeedsInput = z.strictObject({
  ids: z
    .array(idSchema('需求编号'), { error: '请选择看过的需求' })
    .check(z.minLength(1, { error: '请选择看过的需求' }), z.maxLength(20, { error: '一次最多20个需求' })),
})

/** needs.seen: how many needs dispatched to the caller are still unseen. */
export interface SeenNeeds {
  newTasks: number
}

export const completeNeedInput = z.strictObject({
  ...needId,
  minutes: z
    .number({ error: '请填写服务时长' })
    .check(
      z.int({ error: '服务时长应为整数分钟' }),
      z.gte(1, { error: '服务时长至少1分钟' }),
      z.lte(720, { error: '服务时长最多720分钟' }),
    ),
  note: z.optional(text('服务记录', 500)),
  photos: z.optional(needPhotoIds),
})

export const confirmNeedInput = z.strictObject({
  ...needId,
  rating: z
    .number({ error: '请选择满意度' })
    .check(
      z.int({ error: '请选择满意度' }),
      z.gte(1, { error: '满意度为1到5星' }),
      z.lte(5, { error: '满意度为1到5星' }),
    ),
  comment: z.optional(text('评价', 200)),
})

export const needPhotosInput = z.strictObject(needId)
export const removeNeedPhotoInput = z.strictObject({ ...needId, photoId: idSchema('照片') })

export const cancelNeedInput = z.strictObject({ ...needId, reason: z.optional(text('取消原因', 200)) })

export type CreateNeedInput = z.infer<typeof createNeedInput>
export type ListNeedsInput = z.infer<typeof listNeedsInput>
export type ReviewNeedInput = z.infer<typeof reviewNeedInput>
export type CompleteNeedInput = z.infer<typeof completeNeedInput>
export type ConfirmNeedInput = z.infer<typeof confirmNeedInput>

export interface PersonRef {
  openid: string
  nickname: string
}

/** A need as a caller sees it; `address` and `contactPhone` only for those API.md names. */
export interface Need {
  id: string
  category: NeedCategory
  title: string
  description: string
  urgency: Urgency
  status: NeedStatus
  requester: PersonRef
  onBehalfOf: { name: string } | null
  assignee: PersonRef | null
  points: number
  preferredTime: string
  minutes: number | null
  completionNote: string
  rating: number | null
  comment: string
  rejectReason: string
  cancelReason: string
  createdAt: number
  updatedAt: number
  address?: string
  contactPhone?: string
  /** The place picked on the map when it was posted (null: none), to whom the address is shown. */
  location?: LatLng | null
  /** For callers who may not see the number: 139****5678. */
  contactPhoneMasked?: string
  /** Workers only: each time a volunteer released the need back to the pool, oldest first. */
  releases?: NeedRelease[]
  /** How many photos the requester attached; needs.photos answers them to those who may open the need. */
  photoCount: number
  /** How many photos the volunteer took when marking it done; needs.photos answers them the same way. */
  completionPhotoCount: number
  /** Only to its assignee: a worker dispatched it to them and they have not seen it yet (needs.seen). */
  unseen?: true
  /** The pool only (needs.list scope `pool`): same community, and the distance step when asked `near`. */
  nearby?: NeedNearby
}

/** A need's photo: a temporary URL (two hours) for those who may open the need. */
export interface NeedPhoto {
  id: string
  url: string
}

/** needs.photos: the requester's photos and the volunteer's completion photos, each in order. */
export interface NeedPhotos {
  items: NeedPhoto[]
  completion: NeedPhoto[]
}

/**
 * How far a need in the pool is from the caller, in steps coarse enough not to tell its place: the distance from
 * the caller to the middle of the grid cell (DISTANCE_CELL_DEG) that holds the need's place.
 */
export const DISTANCE_BUCKETS = ['1km', '3km', '5km', 'far'] as const
export type DistanceBucket = (typeof DISTANCE_BUCKETS)[number]

export const DISTANCE_BUCKET_LABELS: Record<DistanceBucket, string> = {
  '1km': '1 公里内',
  '3km': '3 公里内',
  '5km': '5 公里内',
  far: '5 公里以上',
}

/** The grid a need's place is rounded to before any distance is measured: 0.01° (about 1.1 km by 0.9 km here). */
export const DISTANCE_CELL_DEG = 0.01

/** The middle of the grid cell that holds `p`: all that a distance is ever measured to. */
export function cellCentre(p: LatLng): LatLng {
  const centre = (deg: number) =>
    Math.round((Math.floor(deg / DISTANCE_CELL_DEG) + 0.5) * DISTANCE_CELL_DEG * 1e6) / 1e6
  return { lat: centre(p.lat), lng: centre(p.lng) }
}

/** The step of the distance from `from` to the cell of `place`. */
export function distanceBucket(from: LatLng, place: LatLng): DistanceBucket {
  const km = distanceKm(from, cellCentre(place))
  if (km <= 1) return '1km'
  if (km <= 3) return '3km'
  if (km <= 5) return '5km'
  return 'far'
}

/** What the pool tells a volunteer about where a need is, without its place (API.md needs.list). */
export interface NeedNearby {
  /** The need was posted from the caller's own community (both known and equal). */
  sameCommunity: boolean
  /** Asked with `near` and the need has a place on the map; otherwise null. */
  distance: DistanceBucket | null
}

export interface NeedRelease {
  openid: string
  nickname: string
  at: number
}
