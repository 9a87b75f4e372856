/**
 * The `points` function's contract: the rule catalogue, each action's input schema and the shapes it
 * answers with. Points are whole numbers; every change is one ledger entry.
 */
import * as z from 'zod/mini'
import { idempotencyKeySchema, pagingFields } from './fields'

export const ENTRY_KINDS = [
  'need',
  'activity',
  'visit',
  'civic',
  'deduction',
  'redemption',
  'adjustment',
] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/**
 * Does a gain of this kind count on the board (积分公示)? Everything but a worker's free-number adjustment,
 * which 积分加减 promises stays off it (it is in the person's own ledger only).
 */
export const countsOnBoard = (kind: EntryKind): boolean => kind !== 'adjustment'

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  need: '帮助邻居',
  activity: '参加活动',
  visit: '爱心敲门',
  civic: '文明积分',
  deduction: '违规扣分',
  redemption: '积分兑换',
  adjustment: '社工调整',
}

export interface CivicRule {
  id: string
  title: string
  /** Positive: an award; negative: a deduction. */
  delta: number
}

/** The civic catalogue (村规民约-style): awards for good deeds, deductions for violations. */
export const CIVIC_RULES: readonly CivicRule[] = [
  { id: 'garbage-sorting', title: '垃圾分类', delta: 5 },
  { id: 'environment', title: '环境整治', delta: 10 },
  { id: 'civility', title: '文明劝导', delta: 5 },
  { id: 'door-knocking', title: '爱心敲门探访', delta: 5 },
  { id: 'neighbour-mediation', title: '邻里纠纷调解', delta: 8 },
  { id: 'road-occupation', title: '违规占道', delta: -10 },
  { id: 'littering', title: '乱扔垃圾', delta: -5 },
  { id: 'unleashed-dog', title: '遛狗不牵绳', delta: -5 },
  { id: 'illegal-parking', title: '乱停乱放', delta: -5 },
]

export interface PointsRules {
  pointsPerHour: number
  needPoints: number
  /** Credited to each visitor of a confirmed care visit (爱心敲门). */
  visitPoints: number
  ratingBonus: Record<'1' | '2' | '3' | '4' | '5', number>
  civic: CivicRule[]
}

export const POINTS_RULES: PointsRules = {
  pointsPerHour: 10,
  needPoints: 20,
  visitPoints: 10,
  ratingBonus: { '1': 0, '2': 0, '3': 2, '4': 5, '5': 10 },
  civic: [...CIVIC_RULES],
}

/** Activity points for minutes served: minutes × pointsPerHour / 60, rounded. */
export function activityPoints(minutes: number, pointsPerHour: number): number {
  return Math.round((minutes * pointsPerHour) / 60)
}

/** The largest single adjustment a worker may make. */
export const MAX_ADJUSTMENT = 1000

export const summaryInput = z.strictObject({})
export const ledgerInput = z.strictObject(pagingFields)
export const boardInput = z.strictObject({
  period: z.optional(z.enum(['month', 'all'], { error: '排行榜周期只能是本月或全部' })),
})
export const rulesInput = z.strictObject({})

export const adjustInput = z
  .strictObject({
    openid: z
      .string({ error: '请选择居民' })
      .check(z.minLength(1, { error: '请选择居民' }), z.maxLength(64, { error: '居民标识不正确' })),
    ruleId: z.optional(
      z.string({ error: '请选择积分规则' }).check(z.maxLength(64, { error: '积分规则不正确' })),
    ),
    delta: z.optional(
      z.number({ error: '积分应为数字' }).check(
        z.int({ error: '积分必须是整数' }),
        z.refine((n) => n !== 0, { error: '积分不能为0' }),
        z.gte(-MAX_ADJUSTMENT, { error: `一次最多调整${MAX_ADJUSTMENT}分` }),
        z.lte(MAX_ADJUSTMENT, { error: `一次最多调整${MAX_ADJUSTMENT}分` }),
      ),
    ),
    note: z
      .string({ error: '请填写原因' })
      .check(
        z.trim(),
        z.minLength(1, { error: '请填写原因' }),
        z.maxLength(100, { error: '原因不能超过100个字' }),
      ),
    idempotencyKey: idempotencyKeySchema,
  })
  .check(
    z.refine((v) => (v.ruleId === undefined) !== (v.delta === undefined), {
      error: '请在积分规则和自定义分值中选一个',
      path: ['ruleId'],
    }),
  )

export type LedgerInput = z.infer<typeof ledgerInput>
export type BoardInput = z.infer<typeof boardInput>
export type AdjustInput = z.infer<typeof adjustInput>

export interface PointsSummaryFull {
  balance: number
  held: number
  available: number
  earned: number
  spent: number
}

export interface LedgerEntry {
  id: string
  openid: string
  delta: number
  kind: EntryKind
  refId: string
  note: string
  operator: string
  createdAt: number
  balanceAfter: number
}

export interface BoardItem {
  rank: number
  name: string
  points: number
}

export interface PublicEntry {
  name: string
  delta: number
  kind: EntryKind
  note: string
  createdAt: number
}

export interface Board {
  period: 'month' | 'all'
  items: BoardItem[]
  recent: PublicEntry[]
}
