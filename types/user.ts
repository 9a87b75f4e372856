/**
 * The `user` function's contract: each action's input schema (shared by the pages' forms and the function)
 * and the shapes it answers with.
 */
import * as z from 'zod/mini'
import { idSchema, pagingFields, phoneSchema, text } from './fields'
import type { ServiceTotals } from './service'

export { phoneSchema }

export const ROLES = ['resident', 'volunteer', 'worker', 'merchant'] as const
export type Role = (typeof ROLES)[number]

/** Roles a worker may grant or revoke; `resident` is everyone's and `volunteer` comes from review. */
export const GRANTABLE_ROLES = ['worker', 'merchant'] as const
export type GrantableRole = (typeof GRANTABLE_ROLES)[number]

export const VOLUNTEER_STATUSES = ['pending', 'approved', 'rejected'] as const
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  worker: '社工',
  merchant: '商户',
}

export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
}

/** Skills a volunteer can tick; free text is allowed too. */
export const SKILL_SUGGESTIONS = [
  '陪伴聊天',
  '代买代办',
  '家电维修',
  '助医陪诊',
  '理发',
  '心理疏导',
  '手语',
  '驾驶',
] as const

export const realNameSchema = z
  .string({ error: '请填写真实姓名' })
  .check(
    z.trim(),
    z.minLength(2, { error: '真实姓名至少两个字' }),
    z.maxLength(20, { error: '真实姓名不能超过20个字' }),
    z.regex(/^[\u4e00-\u9fa5·A-Za-z\s]+$/, { error: '真实姓名只能包含汉字或字母' }),
  )

export const openidSchema = idSchema('用户标识')

export const loginInput = z.strictObject({})

export const updateProfileInput = z.strictObject({
  nickname: z.optional(text('昵称', 20)),
  phone: z.optional(phoneSchema),
  community: z.optional(text('所在社区', 30)),
  address: z.optional(text('住址', 100)),
  elderMode: z.optional(z.boolean({ error: '关怀模式的设置不正确' })),
})

export const applyVolunteerInput = z.strictObject({
  realName: realNameSchema,
  phone: phoneSchema,
  skills: z
    .array(text('技能', 20), { error: '请选择至少一项技能' })
    .check(z.minLength(1, { error: '请选择至少一项技能' }), z.maxLength(10, { error: '技能最多选10项' })),
})

export const reviewVolunteerInput = z
  .strictObject({
    openid: openidSchema,
    approve: z.boolean({ error: '请选择通过或不通过' }),
    reason: z.optional(text('原因', 200)),
  })
  .check(z.refine((v) => v.approve || Boolean(v.reason), { error: '不通过时请填写原因', path: ['reason'] }))

export const roleChangeInput = z
  .strictObject({
    openid: openidSchema,
    role: z.enum(GRANTABLE_ROLES, { error: '只能授予社工或商户身份' }),
    merchantId: z.optional(text('商户', 64)),
  })
  .check(
    z.refine((v) => v.role !== 'merchant' || Boolean(v.merchantId), {
      error: '授予商户身份时请选择商户',
      path: ['merchantId'],
    }),
  )

export const listVolunteersInput = z.strictObject({
  status: z.optional(z.enum(VOLUNTEER_STATUSES, { error: '审核状态不正确' })),
  ...pagingFields,
})

/** Workers look people up to award points or dispatch a need: by name, by phone (all 11 digits or the last 4). */
export const findPeopleInput = z
  .strictObject({
    q: z.optional(
      z
        .string({ error: '请输入姓名或手机号' })
        .check(z.trim(), z.maxLength(20, { error: '搜索内容不能超过20个字' })),
    ),
    role: z.optional(z.enum(ROLES, { error: '身份不正确' })),
    /** With `role: 'merchant'`: only the staff of this shop. */
    merchantId: z.optional(text('商户', 64)),
    /**
     * With `role: 'volunteer'`: choosing whom to dispatch this need to. Each person then comes with `forNeed`
     * (skills, same community, open tasks) and the list is ordered for the choice (API.md user.findPeople).
     */
    needId: z.optional(idSchema('需求编号')),
    limit: z.optional(
      z
        .number({ error: '条数应为数字' })
        .check(
          z.int({ error: '条数应为整数' }),
          z.gte(1, { error: '至少1条' }),
          z.lte(20, { error: '最多20条' }),
        ),
    ),
  })
  .check(
    z.refine((v) => !v.needId || v.role === 'volunteer', {
      error: '为需求派单时只能查找志愿者',
      path: ['needId'],
    }),
  )

export type FindPeopleInput = z.infer<typeof findPeopleInput>

/** The code of WeChat's phone-number button (getPhoneNumber), exchanged by the function for the number. */
export const verifyPhoneInput = z.strictObject({
  code: z
    .string({ error: '缺少手机号验证码，请重新点一次“验证手机号”' })
    .check(
      z.minLength(1, { error: '缺少手机号验证码，请重新点一次“验证手机号”' }),
      z.maxLength(128, { error: '手机号验证码不正确，请重新点一次“验证手机号”' }),
    ),
})

/** A person as a worker's search shows them. */
export interface PersonSummary {
  openid: string
  name: string
  community: string
  phoneMasked: string
  /** What tells two people with one name and number apart: WeChat vouched for the number, and since when. */
  phoneVerified: boolean
  phoneVerifiedAt: number | null
  /** When the person first used the app (or a worker added them). */
  since: number
  roles: Role[]
  volunteerStatus: VolunteerStatus | null
  /** Only when asked with `needId`: what a worker weighs when dispatching that need to this volunteer. */
  forNeed?: VolunteerFit
}

/** A volunteer as a dispatch weighs them against one need (user.findPeople with `needId`). */
export interface VolunteerFit {
  /** The skills of the volunteer's application. */
  skills: string[]
  /**
   * The volunteer's community is the need's (the requester's when it was posted). Volunteers have no place on
   * the map, so this is the only distance there is to tell.
   */
  sameCommunity: boolean
  /** Needs assigned to the volunteer now (服务中: claimed or dispatched, not yet marked done). */
  openTasks: number
}

export type UpdateProfileInput = z.infer<typeof updateProfileInput>
export type ApplyVolunteerInput = z.infer<typeof applyVolunteerInput>
export type ReviewVolunteerInput = z.infer<typeof reviewVolunteerInput>
export type RoleChangeInput = z.infer<typeof roleChangeInput>
export type ListVolunteersInput = z.infer<typeof listVolunteersInput>

/** The person's points as `login` answers them: the same figures as `points.summary`. */
export interface PointsSummary {
  balance: number
  held: number
  available: number
  earned: number
  spent: number
}

export interface VolunteerInfo {
  status: VolunteerStatus
  realName: string
  skills: string[]
  /** Why an application was refused or a volunteer suspended. */
  reason?: string
}

/** What `login` (and every action that changes the caller's own record) answers. */
export interface Me {
  openid: string
  roles: Role[]
  profile: {
    nickname: string
    community: string
    phoneMasked: string
    /** Whether WeChat vouched for the number (the phone-number button), rather than it being typed. */
    phoneVerified: boolean
    elderMode: boolean
  }
  volunteer: VolunteerInfo | null
  merchantId: string | null
  points: PointsSummary
  /** Confirmed minutes of service, in all and by kind (types/service.ts). */
  service: ServiceTotals
}

/** A volunteer application as workers see it in the review queue. */
export interface VolunteerApplication {
  openid: string
  nickname: string
  realName: string
  phone: string
  skills: string[]
  status: VolunteerStatus
  appliedAt: number
  reviewedAt: number | null
  reason: string | null
}

/** What `grantRole`, `revokeRole` and `reviewVolunteer` answer: the target's roles after the change. */
export interface RoleHolder {
  openid: string
  roles: Role[]
  merchantId: string | null
  volunteer: VolunteerInfo | null
}
