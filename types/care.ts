/**
 * The `care` function's contract (爱心敲门): the roster of people the station looks after (关爱对象), the
 * service teams that visit them, and the visits themselves. Only workers and the recipient's own team
 * ever see a recipient; to anyone else a recipient id answers `not-found` exactly as a missing one does.
 */
import * as z from 'zod/mini'
import { idempotencyKeySchema, idSchema, pagingFields, phoneSchema, text } from './fields'
import { locationSchema, type LatLng } from './corners'
import { NEED_CATEGORIES, URGENCIES } from './needs'

export const RISKS = ['high', 'medium', 'low'] as const
export type Risk = (typeof RISKS)[number]
export const RISK_LABELS: Record<Risk, string> = { high: '高风险', medium: '中风险', low: '低风险' }
/** How often a recipient is visited when the worker does not say: high 7, medium 14, low 30 days. */
export const DEFAULT_VISIT_EVERY_DAYS: Record<Risk, number> = { high: 7, medium: 14, low: 30 }

export const CIRCUMSTANCES = ['独居', '空巢', '孤寡', '高龄', '失能', '残疾', '低保', '重病', '失独'] as const

export const VISIT_KINDS = ['door', 'phone', 'outing'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  door: '上门',
  phone: '电话',
  outing: '陪同外出',
}

export const WELLBEING = ['well', 'attention', 'urgent'] as const
export type Wellbeing = (typeof WELLBEING)[number]
export const WELLBEING_LABELS: Record<Wellbeing, string> = {
  well: '平安',
  attention: '需关注',
  urgent: '紧急',
}

export const SERVICES = ['聊天陪伴', '助医', '助洁', '助浴', '助餐', '代购', '理发', '安全检查'] as const

export const VISIT_STATUSES = ['logged', 'confirmed'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

export const ARCHIVE_REASONS = ['moved', 'passed-away', 'in-care-home', 'declined', 'other'] as const
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number]
export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, string> = {
  moved: '已搬走',
  'passed-away': '已去世',
  'in-care-home': '已入住养老机构',
  declined: '本人不再需要',
  other: '其他原因',
}

const DAY = 86_400_000
/** A visit may be recorded up to 7 days after it happened (recorded offline, sent later). */
export const VISIT_BACKDATE_MS = 7 * DAY
export const MAX_VISIT_MINUTES = 480
/** The most members a team holds (it is one document, read whole on every visit). */
export const MAX_TEAM_MEMBERS = 50
export const MAX_CO_VISITORS = 5
/** `due` lists who falls due within this many days (default) besides who is overdue. */
export const DEFAULT_DUE_WITHIN_DAYS = 3
/** The worker's overview lists urgent visits of this many days. */
export const URGENT_WINDOW_MS = 7 * DAY

/** The day a recipient is next due: the last visit (or registration) plus the frequency. */
export function nextDueAt(r: {
  lastVisitAt: number | null
  createdAt: number
  visitEveryDays: number
}): number {
  return (r.lastVisitAt ?? r.createdAt) + r.visitEveryDays * DAY
}

const DOOR_PREFIX = 'xiaoshe:door:'

/** The text a recipient's door QR code carries. */
export function doorQrText(token: string): string {
  return `${DOOR_PREFIX}${token}`
}

/** The token of a scanned door QR code; null for anything else. */
export function parseDoorQr(text: string): string | null {
  return text.startsWith(DOOR_PREFIX) ? text.slice(DOOR_PREFIX.length) : null
}

// ------------------------------------------------------------------ records

export interface PersonName {
  openid: string
  name: string
}

export interface CareTeamRecord {
  _id: string
  name: string
  captain: PersonName
  members: PersonName[]
  communities: string[]
  /** The Shanghai day ('YYYY-MM-DD') the captain was last reminded of overdue people (the 08:00 timer). */
  remindedOn?: string
  createdAt: number
  updatedAt: number
}

/** `care_members/<teamId>:<openid>`: one per team and member, so "my teams" is one indexed read. */
export interface CareMemberRecord {
  _id: string
  teamId: string
  openid: string
  name: string
  captain: boolean
  joinedAt: number
}

export interface EmergencyContact {
  name: string
  phone: string
  relation: string
}

export interface RecipientRecord {
  _id: string
  name: string
  gender: 'male' | 'female' | null
  birthYear: number | null
  community: string
  address: string
  /** Where the home is on the map (picked by a worker), for 导航 from 今日待访; null: not picked. */
  location: LatLng | null
  phone: string | null
  emergencyContact: EmergencyContact | null
  circumstances: string[]
  risk: Risk
  visitEveryDays: number
  teamId: string
  notes: string
  status: 'active' | 'archived'
  archiveReason: ArchiveReason | null
  archivedAt: number | null
  lastVisitAt: number | null
  lastNote: string
  lastWellbeing: Wellbeing | null
  /** Kept equal to nextDueAt(): the index that orders every due list. */
  nextDueAt: number
  /** Raised to revoke every door QR code printed before. */
  doorVersion: number
  consentAt: number
  registeredBy: string
  createdAt: number
  updatedAt: number
}

export interface VisitRecord {
  _id: string
  recipientId: string
  recipientName: string
  teamId: string
  /** The recipient's community when the visit was recorded (the report's dimension); absent: older visits. */
  community?: string
  visitors: PersonName[]
  at: number
  minutes: number
  kind: VisitKind
  wellbeing: Wellbeing
  services: string[]
  note: string
  /** The visit started with a valid scan of the recipient's door QR code (到门). */
  atDoor: boolean
  needId: string | null
  status: VisitStatus
  confirmedBy: string | null
  confirmedAt: number | null
  /** The arguments of the logVisit call, so the same key with others is refused. */
  fingerprint: string
  loggedBy: string
  createdAt: number
}

// ------------------------------------------------------------------ views

export interface CareTeam {
  id: string
  name: string
  captain: PersonName
  members: PersonName[]
  communities: string[]
  createdAt: number
}

/**
 * A person on the roster as the team and workers see them: the record without what only the functions use
 * (door code version, consent, registration), with whether they are overdue. The last visit's note and
 * wellbeing are what 今日待访 shows.
 */
export type Recipient = Omit<
  RecipientRecord,
  '_id' | 'archivedAt' | 'doorVersion' | 'consentAt' | 'registeredBy' | 'updatedAt'
> & {
  id: string
  overdue: boolean
}

export interface Visit {
  id: string
  recipientId: string
  recipientName: string
  teamId: string
  visitors: PersonName[]
  at: number
  minutes: number
  kind: VisitKind
  wellbeing: Wellbeing
  services: string[]
  note: string
  atDoor: boolean
  needId: string | null
  status: VisitStatus
  createdAt: number
}

export interface RecipientDetail extends Recipient {
  visits: Visit[]
}

export interface DueList {
  overdue: Recipient[]
  soon: Recipient[]
}

export interface CareOverview {
  /** Every team's overdue recipients, most overdue first (at most 100). */
  overdue: Recipient[]
  /** Urgent visits of the last 7 days, newest first. */
  urgent: Visit[]
}

export interface DoorCode {
  recipientId: string
  /** The text to print as the door QR code. */
  qr: string
}

export function toRecipient(r: RecipientRecord, now: number): Recipient {
  return {
    id: r._id,
    name: r.name,
    gender: r.gender,
    birthYear: r.birthYear,
    community: r.community,
    address: r.address,
    location: r.location ?? null,
    phone: r.phone,
    emergencyContact: r.emergencyContact,
    circumstances: r.circumstances,
    risk: r.risk,
    visitEveryDays: r.visitEveryDays,
    teamId: r.teamId,
    notes: r.notes,
    status: r.status,
    archiveReason: r.archiveReason,
    lastVisitAt: r.lastVisitAt,
    lastNote: r.lastNote,
    lastWellbeing: r.lastWellbeing,
    nextDueAt: r.nextDueAt,
    overdue: r.status === 'active' && now > r.nextDueAt,
    createdAt: r.createdAt,
  }
}

export function toVisit(v: VisitRecord): Visit {
  return {
    id: v._id,
    recipientId: v.recipientId,
    recipientName: v.recipientName,
    teamId: v.teamId,
    visitors: v.visitors,
    at: v.at,
    minutes: v.minutes,
    kind: v.kind,
    wellbeing: v.wellbeing,
    services: v.services,
    note: v.note,
    atDoor: v.atDoor,
    needId: v.needId,
    status: v.status,
    createdAt: v.createdAt,
  }
}

export function toTeam(t: CareTeamRecord): CareTeam {
  return {
    id: t._id,
    name: t.name,
    captain: t.captain,
    members: t.members,
    communities: t.communities,
    createdAt: t.createdAt,
  }
}

// ------------------------------------------------------------------ actions

const teamId = idSchema('服务队编号')
const recipientId = idSchema('关爱对象编号')
const openid = idSchema('志愿者')

const days = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .check(
      z.int({ error: `${label}应为整数天` }),
      z.gte(1, { error: `${label}至少1天` }),
      z.lte(max, { error: `${label}最多${max}天` }),
    )

export const upsertTeamInput = z.strictObject({
  id: z.optional(teamId),
  name: text('服务队名称', 30),
  captainOpenid: idSchema('队长'),
  communities: z.optional(
    z.array(text('社区名称', 30), { error: '社区不正确' }).check(z.maxLength(10, { error: '最多10个社区' })),
  ),
})

export const teamsInput = z.strictObject(pagingFields)
export const memberInput = z.strictObject({ teamId, openid })

const emergencyContactSchema = z.strictObject(
  { name: text('紧急联系人姓名', 20), phone: phoneSchema, relation: text('与老人的关系', 10) },
  { error: '紧急联系人信息不正确' },
)

export const upsertRecipientInput = z.strictObject({
  id: z.optional(recipientId),
  name: text('姓名', 20),
  gender: z.optional(z.nullable(z.enum(['male', 'female'], { error: '性别不正确' }))),
  birthYear: z.optional(
    z.nullable(
      z
        .number({ error: '出生年份应为数字' })
        .check(
          z.int({ error: '出生年份不正确' }),
          z.gte(1900, { error: '出生年份不正确' }),
          z.lte(2100, { error: '出生年份不正确' }),
        ),
    ),
  ),
  community: text('所在社区', 30),
  address: text('住址', 100),
  location: z.optional(z.nullable(locationSchema)),
  phone: z.optional(z.nullable(phoneSchema)),
  emergencyContact: z.optional(z.nullable(emergencyContactSchema)),
  circumstances: z
    .array(text('情况', 10), { error: '请选择老人的情况' })
    .check(z.maxLength(10, { error: '情况最多选10项' })),
  risk: z.enum(RISKS, { error: '请选择风险等级' }),
  visitEveryDays: z.optional(days('走访间隔', 90)),
  teamId,
  notes: z.optional(
    z
      .string({ error: '照护备注不正确' })
      .check(z.trim(), z.maxLength(500, { error: '照护备注不能超过500个字' })),
  ),
  consent: z.literal(true, { error: '请先征得老人或监护人同意，并勾选“已同意登记”' }),
})

export const archiveRecipientInput = z.strictObject({
  id: recipientId,
  reason: z.enum(ARCHIVE_REASONS, { error: '请选择归档原因' }),
})

export const recipientsInput = z.strictObject({
  teamId: z.optional(teamId),
  risk: z.optional(z.enum(RISKS, { error: '风险等级不正确' })),
  overdue: z.optional(z.boolean({ error: '是否逾期应为是或否' })),
  ...pagingFields,
})

export const recipientInput = z.strictObject({ id: recipientId })

export const logVisitInput = z.strictObject({
  recipientId,
  at: z
    .number({ error: '请选择走访时间' })
    .check(z.int({ error: '走访时间不正确' }), z.gte(946_684_800_000, { error: '走访时间不正确' })),
  minutes: z
    .number({ error: '请填写走访用了多少分钟' })
    .check(
      z.int({ error: '分钟数应为整数' }),
      z.gte(1, { error: '走访至少1分钟' }),
      z.lte(MAX_VISIT_MINUTES, { error: `一次走访最多${MAX_VISIT_MINUTES}分钟` }),
    ),
  kind: z.enum(VISIT_KINDS, { error: '请选择走访方式' }),
  wellbeing: z.enum(WELLBEING, { error: '请选择老人情况：平安、需关注或紧急' }),
  services: z.optional(
    z
      .array(text('服务项目', 10), { error: '服务项目不正确' })
      .check(z.maxLength(10, { error: '服务最多选10项' })),
  ),
  note: z.optional(
    z.string({ error: '备注不正确' }).check(z.trim(), z.maxLength(300, { error: '备注不能超过300个字' })),
  ),
  coVisitors: z.optional(
    z
      .array(openid, { error: '同行志愿者不正确' })
      .check(z.maxLength(MAX_CO_VISITORS, { error: `同行志愿者最多${MAX_CO_VISITORS}位` })),
  ),
  /** The token of the door QR code scanned at the start of the visit (到门). */
  doorToken: z.optional(
    z.string({ error: '门牌码不正确' }).check(z.maxLength(200, { error: '门牌码不正确' })),
  ),
  raiseNeed: z.optional(
    z.strictObject(
      {
        category: z.enum(NEED_CATEGORIES, { error: '请选择求助类别' }),
        title: text('求助标题', 50),
        description: text('求助说明', 1000),
        urgency: z.optional(z.enum(URGENCIES, { error: '紧急程度不正确' })),
      },
      { error: '求助信息不正确' },
    ),
  ),
  idempotencyKey: idempotencyKeySchema,
})

export const confirmVisitInput = z.strictObject({ id: idSchema('走访记录编号') })

export const dueInput = z.strictObject({
  teamId: z.optional(teamId),
  withinDays: z.optional(days('提前天数', 30)),
})

export const overviewInput = z.strictObject({})
export const doorCodeInput = z.strictObject({ id: recipientId, revoke: z.optional(z.boolean()) })

export type UpsertTeamInput = z.infer<typeof upsertTeamInput>
export type UpsertRecipientInput = z.infer<typeof upsertRecipientInput>
export type RecipientsInput = z.infer<typeof recipientsInput>
export type LogVisitInput = z.infer<typeof logVisitInput>
export type DueInput = z.infer<typeof dueInput>
