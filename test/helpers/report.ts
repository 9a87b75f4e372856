/**
 * The station's figures recomputed from the records in the database (types/report.ts `talliesOf`, the same
 * recompute the nightly recount uses), to hold the counters the functions keep against them.
 */
import {
  daysOf,
  differences,
  dimensionKey,
  figuresOf,
  talliesOf,
  type Bucket,
  type Dimension,
  type ReportDayRecord,
  type ReportFigures,
  type ReportRecords,
} from '../../types/report'
import { shanghaiDay } from '../../types/time'
import { readAll } from './invariants'
import type { Sdk } from './sdk'

export async function readReportRecords(sdk: Sdk): Promise<ReportRecords> {
  const [needs, activities, signups, recipients, visits, ledger, orders] = await Promise.all(
    ['needs', 'activities', 'signups', 'care_recipients', 'care_visits', 'ledger', 'orders'].map((c) =>
      readAll(sdk, c),
    ),
  )
  return { needs, activities, signups, recipients, visits, ledger, orders } as ReportRecords
}

export const readStoredDays = (sdk: Sdk): Promise<ReportDayRecord[]> => readAll(sdk, 'report_days')

/** Every day's counters as the records make them, by day. */
export async function recomputedDays(sdk: Sdk): Promise<Map<string, ReportDayRecord>> {
  return daysOf(talliesOf(await readReportRecords(sdk)))
}

/** Where the stored counters differ from the records' count: `<day> <path>: stored → records`; none when all agree. */
export async function counterMismatches(sdk: Sdk): Promise<string[]> {
  const fresh = await recomputedDays(sdk)
  const stored = new Map((await readStoredDays(sdk)).map((d) => [d._id, d]))
  return [...new Set([...fresh.keys(), ...stored.keys()])]
    .sort()
    .flatMap((day) => differences(stored.get(day) ?? null, fresh.get(day) ?? null).map((d) => `${day} ${d}`))
}

/** The figures of [from, to) as the records count them (overdue left to the caller). */
export async function figuresFromRecords(
  sdk: Sdk,
  from: number,
  to: number,
  filter: { dimension: Dimension; value: string } | null = null,
  overdue: number | null = null,
): Promise<ReportFigures> {
  const days = [...(await recomputedDays(sdk)).values()].filter(
    (d) => d._id >= shanghaiDay(from) && d._id <= shanghaiDay(to - 1),
  )
  const bucket = (d: ReportDayRecord): Bucket =>
    filter ? (d[filter.dimension][dimensionKey(filter.value)] ?? { n: {}, s: {} }) : d.all
  return figuresOf(
    days.map(bucket),
    days.map((d) => d.shop),
    filter?.dimension ?? null,
    overdue,
  )
}
