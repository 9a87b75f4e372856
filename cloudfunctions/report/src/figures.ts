/**
 * `summary` and `trend`: the figures of a period summed from its days' counter documents (one query), and
 * the care roster's overdue count as it stands (one indexed count).
 */
import {
  daysBetween,
  dimensionKey,
  figuresOf,
  MAX_REPORT_DAYS,
  monthsEnding,
  summaryInput,
  trendInput,
  type Bucket,
  type Dimension,
  type ReportDayRecord,
  type ReportSummary,
  type ReportTrend,
} from '../../../types/report'
import { shanghaiDay, shanghaiMonthStart, shiftMonth } from '../../../types/time'
import { _, db } from '../../../server/cloud'
import { invalid } from '../../../server/errors'
import { action } from '../../../server/handler'
import { dayAfter, DAYS_AHEAD, ensureDays, readDays, recountDay, type Recount } from '../../../server/report'

const DAY_MS = 86_400_000

/** The bucket a filter reads, and its dimension (none: the whole station). */
function scopeOf(args: { community?: string; cornerId?: string; teamId?: string }): {
  dimension: Dimension | null
  path: string
} {
  const given = [
    args.community !== undefined && (['community', args.community] as const),
    args.cornerId !== undefined && (['corner', args.cornerId] as const),
    args.teamId !== undefined && (['team', args.teamId] as const),
  ].filter((x) => x !== false)
  if (given.length > 1) throw invalid('一次只能按社区、公益角或服务队中的一项筛选')
  if (!given.length) return { dimension: null, path: 'all' }
  const [dimension, value] = given[0] as readonly [Dimension, string]
  const key = dimensionKey(value)
  if (!key) throw invalid('筛选条件不正确')
  return { dimension, path: `${dimension}.${key}` }
}

function bucketAt(day: ReportDayRecord, path: string): Bucket {
  const node = path
    .split('.')
    .reduce<unknown>(
      (n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined),
      day,
    )
  return (node as Bucket | undefined) ?? { n: {}, s: {} }
}

/** Active recipients past their visit frequency now, for the station, a community or a team. */
async function overdueNow(args: { community?: string; teamId?: string }, now: number): Promise<number> {
  const where: Record<string, unknown> = { status: 'active', nextDueAt: _.lt(now) }
  if (args.teamId) where.teamId = args.teamId
  if (args.community) where.community = args.community
  return (await db.collection('care_recipients').where(where).count()).total
}

/** The period's whole days, refused when it ends before it starts or is longer than a year. */
export function checkPeriod(args: { from: number; to: number }): number {
  if (args.to <= args.from) throw invalid('结束时间要晚于开始时间')
  const days = Math.ceil((args.to - args.from) / DAY_MS)
  if (days > MAX_REPORT_DAYS) throw invalid('一次最多统计一年的数据')
  return days
}

export const summary = action({
  input: summaryInput,
  who: 'worker',
  run: async (args): Promise<ReportSummary> => {
    const days = checkPeriod(args)
    const scope = scopeOf(args)
    const { first, last } = daysBetween(args.from, args.to)
    const docs = await readDays(first, last, {
      [scope.path]: true,
      ...(scope.dimension ? {} : { shop: true }),
    })
    const careApplies = scope.dimension !== 'corner'
    const overdue = careApplies ? await overdueNow(args, Date.now()) : null
    const figures = figuresOf(
      docs.map((d) => bucketAt(d, scope.path)),
      docs.map((d) => d.shop ?? {}),
      scope.dimension,
      overdue,
    )
    return { ...figures, from: args.from, to: args.to, days }
  },
})

export const trend = action({
  input: trendInput,
  who: 'worker',
  run: async (args): Promise<ReportTrend> => {
    const now = Date.now()
    const scope = scopeOf(args)
    const months = monthsEnding(now, args.months)
    const first = `${months[0]}-01`
    // The whole current month: activities count on the day they start, which may be later this month.
    const last = shanghaiDay(shanghaiMonthStart(shiftMonth(months[months.length - 1], 1)) - 1)
    const docs = await readDays(first, last, {
      [scope.path]: true,
      ...(scope.dimension ? {} : { shop: true }),
    })
    const items = months.map((month) => {
      const inMonth = docs.filter((d) => d._id.startsWith(month))
      const figures = figuresOf(
        inMonth.map((d) => bucketAt(d, scope.path)),
        inMonth.map((d) => d.shop ?? {}),
        scope.dimension,
        null,
      )
      return { month, ...figures }
    })
    return { items }
  },
})

/** The nightly timer: yesterday recounted (and mended), and the next days' documents made ahead. */
export async function nightly(now: number): Promise<{ recount: Recount; created: number }> {
  const recount = await recountDay(dayAfter(now, -1), now)
  const created = await ensureDays(Array.from({ length: DAYS_AHEAD + 1 }, (_x, i) => dayAfter(now, i)))
  return { recount, created }
}
