/**
 * The station's counters (types/report.ts): the one module through which an event adds to them, and the
 * nightly recount that holds them to the records.
 *
 * An event adds its tallies with `countInTransaction`, as the LAST write of the transaction that makes the
 * event: one `update` of `report_days/<day>` with `_.inc` on dotted paths (and `_.addToSet` for the
 * distinct sets), so the day's document is locked only from that write to the commit, and always after
 * the event's own documents (no lock cycle). A day's document normally exists already: the nightly timer
 * creates the next days' documents ahead. When it does not (an activity far in the future, a station that
 * just started), the update changes nothing (`updated: 0`, the emulator's and CloudBase's answer for a
 * missing document) and the same transaction `set`s the document with the event's tallies: the update has
 * already locked the id, so a racing transaction waits and then finds the document (CloudBase answers the
 * loser of two such first writes with a conflict, which inTransaction retries).
 */
import {
  applyFlat,
  daysOf,
  differences,
  emptyDay,
  flatten,
  talliesOf,
  type ReportDayRecord,
  type ReportRecords,
  type Tally,
} from '../types/report'
import { shanghaiDay } from '../types/time'
import { _, db } from './cloud'
import type { Condition, Transaction } from './db'
import { isDuplicate, readOptional } from './docs'
import { inTransaction } from './transaction'

const DAY_MS = 86_400_000
/** How many days ahead the nightly timer creates the day documents. */
export const DAYS_AHEAD = 7

/** Adds the tallies to their days' documents: one write per day (events are almost always one day). */
export async function countInTransaction(tx: Transaction, tallies: (Tally | null)[]): Promise<void> {
  const byDay = new Map<string, Tally[]>()
  for (const t of tallies) if (t) byDay.set(t.day, [...(byDay.get(t.day) ?? []), t])
  for (const [day, ts] of byDay) {
    const flat = flatten(ts)
    if (!Object.keys(flat.inc).length && !Object.keys(flat.add).length) continue
    const data: Record<string, unknown> = { v: _.inc(1) }
    for (const [path, n] of Object.entries(flat.inc)) data[path] = _.inc(n)
    for (const [path, ids] of Object.entries(flat.add)) data[path] = _.addToSet({ $each: ids })
    for (const [path, name] of Object.entries(flat.names)) data[path] = _.set(name)
    const ref = tx.collection('report_days').doc(day)
    const res = (await ref.update({ data })) as { stats?: { updated?: number }; updated?: number }
    const updated = res?.stats?.updated ?? res?.updated ?? 0
    if (updated === 0) {
      const { _id, ...fields } = applyFlat(emptyDay(day), flat)
      await ref.set({ data: fields })
    }
  }
}

/** Creates the documents of `days` that do not exist yet (an existing one is left as it is). */
export async function ensureDays(days: string[]): Promise<number> {
  const made = await Promise.all(
    days.map(async (day) => {
      try {
        const { _id, ...fields } = emptyDay(day)
        await db.collection('report_days').add({ data: { _id, ...fields } })
        return 1
      } catch (err) {
        if (!isDuplicate(err)) throw err
        return 0
      }
    }),
  )
  return made.reduce<number>((a, b) => a + b, 0)
}

/** The Shanghai day `offset` days after the one `at` falls in. */
export const dayAfter = (at: number, offset: number): string => shanghaiDay(at + offset * DAY_MS)

/** The instants a Shanghai day ('YYYY-MM-DD') begins and ends. */
export function dayRange(day: string): { start: number; end: number } {
  const start = Date.parse(`${day}T00:00:00+08:00`)
  return { start, end: start + DAY_MS }
}

const PAGE = 500

/** Every document whose `field` falls in [start, end), paged by id (never one unbounded read). */
async function readRange<T extends { _id: string }>(
  collection: string,
  field: string,
  range: { start: number; end: number },
  extra: Record<string, unknown> = {},
): Promise<T[]> {
  const rows: T[] = []
  let last = ''
  for (;;) {
    const cond: Record<string, unknown> = {
      ...extra,
      [field]: (_.gte(range.start) as Condition).and(_.lt(range.end)),
    }
    if (last) cond._id = _.gt(last)
    const page = await db.collection<T>(collection).where(cond).orderBy('_id', 'asc').limit(PAGE).get()
    rows.push(...page.data)
    if (page.data.length < PAGE) return rows
    last = page.data[page.data.length - 1]._id
  }
}

const merge = <T extends { _id: string }>(...lists: T[][]): T[] => [
  ...new Map(lists.flat().map((d) => [d._id, d])).values(),
]

/** The records whose events fall on `day`, read by the field each event stamps. */
export async function recordsOfDay(day: string): Promise<ReportRecords> {
  const r = dayRange(day)
  const needs = ['createdAt', 'claimedAt', 'doneAt', 'confirmedAt'].map((f) =>
    readRange<ReportRecords['needs'][0]>('needs', f, r),
  )
  const visits = ['createdAt', 'confirmedAt'].map((f) =>
    readRange<ReportRecords['visits'][0]>('care_visits', f, r),
  )
  const [activities, signups, recipients, ledger, orders] = await Promise.all([
    readRange<ReportRecords['activities'][0]>('activities', 'startAt', r),
    readRange<ReportRecords['signups'][0]>('signups', 'confirmedAt', r),
    readRange<ReportRecords['recipients'][0]>('care_recipients', 'createdAt', r),
    readRange<ReportRecords['ledger'][0]>('ledger', 'createdAt', r),
    readRange<ReportRecords['orders'][0]>('orders', 'redeemedAt', r, { status: 'redeemed' }),
  ])
  return {
    needs: merge(...(await Promise.all(needs))),
    visits: merge(...(await Promise.all(visits))),
    activities,
    signups,
    recipients,
    ledger,
    orders,
  }
}

/** The day's document recomputed from its records (null when nothing happened that day). */
export async function recomputeDay(day: string): Promise<ReportDayRecord | null> {
  const tallies = talliesOf(await recordsOfDay(day)).filter((t) => t.day === day)
  return daysOf(tallies).get(day) ?? null
}

export interface Recount {
  day: string
  differences: string[]
  mended: boolean
}

/**
 * Recomputes a day's counters from the records and compares: any difference is written to
 * `report_recounts/<day>` and logged, and the day's document is replaced by the recomputed one — in a
 * transaction that first checks that no event wrote to it since it was read (its `v`), else it starts over.
 */
export async function recountDay(day: string, at = Date.now()): Promise<Recount> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await readDay(day)
    const fresh = await recomputeDay(day)
    const diff = differences(stored, fresh)
    if (!diff.length) return { day, differences: [], mended: false }
    const mended = await inTransaction(async (tx) => {
      const now = await readOptional(tx.collection<ReportDayRecord>('report_days').doc(day))
      if ((now?.v ?? -1) !== (stored?.v ?? -1)) return false
      const { _id, ...fields } = fresh ?? emptyDay(day)
      await tx
        .collection('report_days')
        .doc(day)
        .set({ data: { ...fields, v: (stored?.v ?? 0) + 1 } })
      await tx
        .collection('report_recounts')
        .doc(day)
        .set({ data: { day, at, differences: diff } })
      return true
    })
    if (mended) {
      console.warn(
        `report: counters of ${day} differed from the records and were mended:\n${diff.join('\n')}`,
      )
      return { day, differences: diff, mended: true }
    }
  }
  throw new Error(`report: the counters of ${day} kept changing during the recount`)
}

export async function readDay(day: string): Promise<ReportDayRecord | null> {
  const res = await db.collection<ReportDayRecord>('report_days').where({ _id: day }).limit(1).get()
  return res.data[0] ?? null
}

/** The day documents from `first` to `last` (inclusive), with only the fields asked for: one query. */
export async function readDays(
  first: string,
  last: string,
  fields: Record<string, boolean>,
): Promise<ReportDayRecord[]> {
  const res = await db
    .collection<ReportDayRecord>('report_days')
    .where({ _id: (_.gte(first) as Condition).and(_.lte(last)) })
    .field(fields)
    .limit(1000)
    .get()
  return res.data
}
