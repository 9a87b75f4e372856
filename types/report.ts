/**
 * The `report` function's contract (工作台 → 数据): the station's figures for a period, and the counters
 * they are read from.
 *
 * Counters: one document per Shanghai day, `report_days/<YYYY-MM-DD>`, holding a bucket of counts for the
 * whole station (`all`) and one per community, corner and service team, plus the shops' redemptions. Every
 * event that a figure counts adds its tally to the day's document in the same transaction as the event
 * (server/report.ts), so a month is read as at most 31 documents in one query, whatever the number of needs.
 *
 * Distinct counts (people served, households visited, active volunteers) cannot be summed over days: each
 * bucket keeps the day's set of ids, and a period's figure is the size of the union of its days' sets —
 * exact, and bounded by the events of each day.
 *
 * The tallies below are THE definition of every figure: the event paths write them from the records they
 * change, and `talliesOf` derives them from the stored records again (the nightly recount, the demo seed
 * and the tests use it), so the counters and the records can be held equal.
 */
import * as z from 'zod/mini'
import { epochMsSchema } from './fields'
import type { VisitRecord } from './care'
import { NEED_CATEGORIES, type NeedCategory } from './needs'
import { ENTRY_KINDS, POINTS_RULES, type EntryKind } from './points'
import type { ActivityRecord, LedgerRecord, NeedRecord, OrderRecord, SignupRecord } from './records'
import type { RecipientRecord } from './care'
import { shanghaiDay, shanghaiMonth, shanghaiMonthStart, shiftMonth } from './time'

// ------------------------------------------------------------------ counters

export const COUNTERS = [
  'received',
  'claimed',
  'claimMs',
  'completed',
  'completeMs',
  'confirmed',
  'ratingSum',
  'held',
  'places',
  'signedUp',
  'attended',
  'registered',
  'logged',
  'visits',
  'minutes',
  'issued',
  'deducted',
  'redeemed',
  'redeemedOrders',
  ...NEED_CATEGORIES.map((c) => `cat_${c}` as const),
  ...ENTRY_KINDS.map((k) => `kind_${k}` as const),
] as const
export type Counter = (typeof COUNTERS)[number]

export const SETS = ['served', 'households', 'volunteers'] as const
export type SetName = (typeof SETS)[number]

export const DIMENSIONS = ['community', 'corner', 'team'] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** Counts and distinct sets of one day, for the station or one community, corner or team. */
export interface Bucket {
  n: Partial<Record<Counter, number>>
  s: Partial<Record<SetName, string[]>>
}

export interface ShopTally {
  name: string
  orders: number
  points: number
}

/** `report_days/<YYYY-MM-DD>` (Shanghai day). `v` grows with every write (the recount checks it). */
export interface ReportDayRecord {
  _id: string
  v: number
  all: Bucket
  community: Record<string, Bucket>
  corner: Record<string, Bucket>
  team: Record<string, Bucket>
  shop: Record<string, ShopTally>
}

/** What one event adds to one day: counts and ids for the station and each dimension it belongs to. */
export interface Tally {
  day: string
  community?: string | null
  corner?: string | null
  team?: string | null
  n: Partial<Record<Counter, number>>
  s?: Partial<Record<SetName, string[]>>
  shop?: { merchantId: string; name: string; orders: number; points: number }
}

/** A dimension value as a field name (no dots, no leading $); empty: the event has none. */
export function dimensionKey(value: string | null | undefined): string {
  return (value ?? '').trim().replace(/[.$]/g, '_')
}

export function emptyDay(day: string): ReportDayRecord {
  return { _id: day, v: 0, all: { n: {}, s: {} }, community: {}, corner: {}, team: {}, shop: {} }
}

/** A day's tallies as dotted paths: what to add to each count, which ids to each set, and shop names. */
export interface Flat {
  inc: Record<string, number>
  add: Record<string, string[]>
  names: Record<string, string>
}

export function flatten(tallies: Tally[]): Flat {
  const flat: Flat = { inc: {}, add: {}, names: {} }
  const inc = (path: string, n: number) => {
    if (n) flat.inc[path] = (flat.inc[path] ?? 0) + n
  }
  for (const t of tallies) {
    const buckets = ['all']
    for (const d of DIMENSIONS) {
      const key = dimensionKey(t[d])
      if (key) buckets.push(`${d}.${key}`)
    }
    for (const b of buckets) {
      for (const [c, n] of Object.entries(t.n)) inc(`${b}.n.${c}`, n ?? 0)
      for (const [s, ids] of Object.entries(t.s ?? {})) {
        if (!ids?.length) continue
        const path = `${b}.s.${s}`
        flat.add[path] = [...new Set([...(flat.add[path] ?? []), ...ids])]
      }
    }
    if (t.shop) {
      const key = `shop.${dimensionKey(t.shop.merchantId)}`
      inc(`${key}.orders`, t.shop.orders)
      inc(`${key}.points`, t.shop.points)
      flat.names[`${key}.name`] = t.shop.name
    }
  }
  return flat
}

function walk(doc: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const parts = path.split('.')
  let node = doc
  for (const p of parts.slice(0, -1)) {
    if (!node[p] || typeof node[p] !== 'object') node[p] = {}
    node = node[p] as Record<string, unknown>
  }
  return [node, parts[parts.length - 1]]
}

/** The day's document with the tallies added (as the database applies the same update). */
export function applyFlat(day: ReportDayRecord, flat: Flat): ReportDayRecord {
  const doc = JSON.parse(JSON.stringify(day)) as ReportDayRecord
  const root = doc as unknown as Record<string, unknown>
  for (const [path, n] of Object.entries(flat.inc)) {
    const [node, leaf] = walk(root, path)
    node[leaf] = ((node[leaf] as number) ?? 0) + n
  }
  for (const [path, ids] of Object.entries(flat.add)) {
    const [node, leaf] = walk(root, path)
    node[leaf] = [...new Set([...((node[leaf] as string[]) ?? []), ...ids])]
  }
  for (const [path, name] of Object.entries(flat.names)) {
    const [node, leaf] = walk(root, path)
    node[leaf] = name
  }
  doc.v += 1
  return doc
}

/** Every day's document that the tallies make, from nothing (the recount, the seed, the tests). */
export function daysOf(tallies: Tally[]): Map<string, ReportDayRecord> {
  const byDay = new Map<string, Tally[]>()
  for (const t of tallies) byDay.set(t.day, [...(byDay.get(t.day) ?? []), t])
  const days = new Map<string, ReportDayRecord>()
  for (const [day, ts] of [...byDay].sort(([a], [b]) => a.localeCompare(b)))
    days.set(day, applyFlat(emptyDay(day), flatten(ts)))
  return days
}

/**
 * A day's document in one canonical form (zero counts, empty sets and empty buckets left out, sets sorted,
 * no version), to tell whether two agree.
 */
export function canonicalDay(doc: ReportDayRecord | null): Record<string, unknown> {
  const bucket = (b: Bucket | undefined) => {
    const n = Object.fromEntries(
      Object.entries(b?.n ?? {})
        .filter(([, v]) => v)
        .sort(),
    )
    const s = Object.fromEntries(
      Object.entries(b?.s ?? {})
        .filter(([, v]) => v?.length)
        .map(([k, v]) => [k, [...new Set(v)].sort()])
        .sort(),
    )
    return Object.keys(n).length || Object.keys(s).length ? { n, s } : null
  }
  const map = (m: Record<string, Bucket> | undefined) =>
    Object.fromEntries(
      Object.entries(m ?? {})
        .map(([k, b]) => [k, bucket(b)] as const)
        .filter(([, b]) => b)
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    )
  const shop = Object.fromEntries(
    Object.entries(doc?.shop ?? {})
      .filter(([, s]) => s.orders || s.points)
      .map(([k, s]) => [k, { orders: s.orders, points: s.points }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  )
  return {
    all: bucket(doc?.all) ?? {},
    community: map(doc?.community),
    corner: map(doc?.corner),
    team: map(doc?.team),
    shop,
  }
}

/** Paths where two days differ: `path: stored → recomputed`. */
export function differences(stored: ReportDayRecord | null, fresh: ReportDayRecord | null): string[] {
  const out: string[] = []
  const visit = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return
    const isObj = (x: unknown) => x && typeof x === 'object' && !Array.isArray(x)
    if (isObj(a) || isObj(b)) {
      const ao = (isObj(a) ? a : {}) as Record<string, unknown>
      const bo = (isObj(b) ? b : {}) as Record<string, unknown>
      for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort())
        visit(ao[k], bo[k], path ? `${path}.${k}` : k)
      return
    }
    out.push(`${path}: ${JSON.stringify(a ?? null)} → ${JSON.stringify(b ?? null)}`)
  }
  visit(canonicalDay(stored), canonicalDay(fresh), '')
  return out
}

// ------------------------------------------------------------------ what each record counts

/** The points a confirmed need credits its assignee: its points plus the rating bonus. */
export function needCredit(points: number, rating: number): number {
  return points + POINTS_RULES.ratingBonus[String(rating) as '1']
}

/** Who a need served: the requester, or the person a worker or a visit posted it for. */
export const servedByNeed = (n: Pick<NeedRecord, 'requester' | 'onBehalfOf'>): string =>
  n.onBehalfOf ? `p:${n.requester.openid}:${n.onBehalfOf.name}` : `p:${n.requester.openid}`

export function needReceived(n: NeedRecord): Tally {
  return {
    day: shanghaiDay(n.createdAt),
    community: n.community,
    n: { received: 1, [`cat_${n.category}`]: 1 },
  }
}

export function needClaimed(n: NeedRecord): Tally | null {
  if (!n.claimedAt) return null
  return {
    day: shanghaiDay(n.claimedAt),
    community: n.community,
    n: { claimed: 1, claimMs: n.claimedAt - n.createdAt },
  }
}

export function needCompleted(n: NeedRecord): Tally | null {
  if (!n.doneAt) return null
  return {
    day: shanghaiDay(n.doneAt),
    community: n.community,
    n: { completed: 1, completeMs: n.doneAt - n.createdAt },
  }
}

/** A confirmed need: its rating, its assignee's minutes, and whom it served (points: the ledger's tally). */
export function needConfirmed(n: NeedRecord): Tally | null {
  if (n.status !== 'confirmed' || !n.confirmedAt) return null
  return {
    day: shanghaiDay(n.confirmedAt),
    community: n.community,
    n: { confirmed: 1, ratingSum: n.rating ?? 0, minutes: n.assignee ? (n.minutes ?? 0) : 0 },
    s: { served: [servedByNeed(n)], volunteers: n.assignee ? [n.assignee.openid] : [] },
  }
}

/** An activity counts on the day it starts, unless cancelled: itself, its places and the places held. */
export function activityHeld(
  a: Pick<ActivityRecord, 'startAt' | 'cornerId' | 'status' | 'capacity' | 'signedUp'>,
): Tally | null {
  if (a.status === 'cancelled') return null
  return {
    day: shanghaiDay(a.startAt),
    corner: a.cornerId,
    n: { held: 1, places: a.capacity, signedUp: a.signedUp },
  }
}

/** A place taken (+1) or given back (−1) in an activity not cancelled, on the day the activity starts. */
export function placeChanged(a: Pick<ActivityRecord, 'startAt' | 'cornerId'>, by: 1 | -1): Tally {
  return { day: shanghaiDay(a.startAt), corner: a.cornerId, n: { signedUp: by } }
}

/** What an edit of an activity changes: its tally before taken away, its tally after added. */
export function activityEdited(before: ActivityRecord, after: ActivityRecord): Tally[] {
  const out: Tally[] = []
  const old = activityHeld(before)
  const now = activityHeld(after)
  if (old) out.push({ ...old, n: Object.fromEntries(Object.entries(old.n).map(([k, v]) => [k, -(v ?? 0)])) })
  if (now) out.push(now)
  return out
}

export function attendanceConfirmed(s: SignupRecord): Tally | null {
  if (s.state !== 'confirmed' || !s.confirmedAt) return null
  return {
    day: shanghaiDay(s.confirmedAt),
    corner: s.cornerId ?? null,
    n: { attended: 1, minutes: s.minutes ?? 0 },
    s: { volunteers: [s.openid] },
  }
}

export function recipientRegistered(r: RecipientRecord): Tally {
  return { day: shanghaiDay(r.createdAt), community: r.community, team: r.teamId, n: { registered: 1 } }
}

export function visitLogged(v: VisitRecord): Tally {
  return { day: shanghaiDay(v.createdAt), community: v.community, team: v.teamId, n: { logged: 1 } }
}

/** A confirmed visit: one visit, each visitor's minutes, the person visited (入户 when at their door). */
export function visitConfirmed(v: VisitRecord): Tally | null {
  if (v.status !== 'confirmed' || !v.confirmedAt) return null
  const person = `r:${v.recipientId}`
  return {
    day: shanghaiDay(v.confirmedAt),
    community: v.community,
    team: v.teamId,
    n: { visits: 1, minutes: v.minutes * v.visitors.length },
    s: {
      served: [person],
      households: v.kind === 'door' ? [person] : [],
      volunteers: v.visitors.map((p) => p.openid),
    },
  }
}

/** A ledger entry other than a redemption: points issued (or deducted), by its kind. */
export function entryPosted(e: Pick<LedgerRecord, 'createdAt' | 'delta' | 'kind'>): Tally | null {
  if (e.kind === 'redemption') return null
  return {
    day: shanghaiDay(e.createdAt),
    n: { issued: Math.max(e.delta, 0), deducted: Math.max(-e.delta, 0), [`kind_${e.kind}`]: e.delta },
  }
}

export function orderRedeemed(o: OrderRecord): Tally | null {
  if (o.status !== 'redeemed' || !o.redeemedAt) return null
  return {
    day: shanghaiDay(o.redeemedAt),
    n: { redeemed: o.cost, redeemedOrders: 1 },
    shop: { merchantId: o.merchantId, name: o.merchantName, orders: 1, points: o.cost },
  }
}

export interface ReportRecords {
  needs: NeedRecord[]
  activities: ActivityRecord[]
  signups: SignupRecord[]
  recipients: RecipientRecord[]
  visits: VisitRecord[]
  ledger: LedgerRecord[]
  orders: OrderRecord[]
}

/** Every tally the records make (the recompute of every counter). */
export function talliesOf(r: ReportRecords): Tally[] {
  const all: (Tally | null)[] = [
    ...r.needs.flatMap((n) => [needReceived(n), needClaimed(n), needCompleted(n), needConfirmed(n)]),
    ...r.activities.map(activityHeld),
    ...r.signups.map(attendanceConfirmed),
    ...r.recipients.map(recipientRegistered),
    ...r.visits.flatMap((v) => [visitLogged(v), visitConfirmed(v)]),
    ...r.ledger.map(entryPosted),
    ...r.orders.map(orderRedeemed),
  ]
  return all.filter((t): t is Tally => t !== null)
}

// ------------------------------------------------------------------ figures

export interface ReportFigures {
  needs: {
    received: number
    completed: number
    confirmed: number
    avgRating: number | null
    avgHoursToClaim: number | null
    avgHoursToComplete: number | null
    byCategory: Record<NeedCategory, number>
  } | null
  activities: { held: number; places: number; signedUp: number; attended: number } | null
  people: { served: number; visits: number } | null
  care: { recipients: number; householdsVisited: number; visits: number; overdue: number | null } | null
  volunteers: { active: number; minutes: number } | null
  points: {
    issued: number
    deducted: number
    redeemed: number
    byKind: Record<EntryKind, number>
    byShop: { merchantId: string; name: string; orders: number; points: number }[]
  } | null
}

/** Which figure groups a filter by community, corner or team can answer (the events that carry it). */
export const GROUPS_BY_DIMENSION: Record<Dimension, (keyof ReportFigures)[]> = {
  community: ['needs', 'people', 'care', 'volunteers'],
  corner: ['activities', 'volunteers'],
  team: ['people', 'care', 'volunteers'],
}

const round1 = (x: number) => Math.round(x * 10) / 10
const HOUR = 3600_000

/** The figures of a period from its days' buckets (`shops` only station-wide). */
export function figuresOf(
  buckets: Bucket[],
  shops: Record<string, ShopTally>[],
  dimension: Dimension | null,
  overdue: number | null,
): ReportFigures {
  const n = (c: Counter) => buckets.reduce((sum, b) => sum + (b.n?.[c] ?? 0), 0)
  const distinct = (s: SetName) => new Set(buckets.flatMap((b) => b.s?.[s] ?? [])).size
  const avg = (total: number, count: number, scale = 1) => (count ? round1(total / count / scale) : null)
  const byShop = new Map<string, { merchantId: string; name: string; orders: number; points: number }>()
  for (const day of shops)
    for (const [merchantId, s] of Object.entries(day ?? {})) {
      const row = byShop.get(merchantId) ?? { merchantId, name: s.name, orders: 0, points: 0 }
      row.orders += s.orders ?? 0
      row.points += s.points ?? 0
      row.name = s.name || row.name
      byShop.set(merchantId, row)
    }
  const figures: ReportFigures = {
    needs: {
      received: n('received'),
      completed: n('completed'),
      confirmed: n('confirmed'),
      avgRating: avg(n('ratingSum'), n('confirmed')),
      avgHoursToClaim: avg(n('claimMs'), n('claimed'), HOUR),
      avgHoursToComplete: avg(n('completeMs'), n('completed'), HOUR),
      byCategory: Object.fromEntries(NEED_CATEGORIES.map((c) => [c, n(`cat_${c}`)])) as Record<
        NeedCategory,
        number
      >,
    },
    activities: { held: n('held'), places: n('places'), signedUp: n('signedUp'), attended: n('attended') },
    people: { served: distinct('served'), visits: n('confirmed') + n('visits') },
    care: {
      recipients: n('registered'),
      householdsVisited: distinct('households'),
      visits: n('visits'),
      overdue,
    },
    volunteers: { active: distinct('volunteers'), minutes: n('minutes') },
    points: {
      issued: n('issued'),
      deducted: n('deducted'),
      redeemed: n('redeemed'),
      byKind: Object.fromEntries(ENTRY_KINDS.map((k) => [k, n(`kind_${k}`)])) as Record<EntryKind, number>,
      byShop: [...byShop.values()]
        .filter((s) => s.orders || s.points)
        .sort((a, b) => b.points - a.points || a.merchantId.localeCompare(b.merchantId)),
    },
  }
  if (dimension)
    for (const g of Object.keys(figures) as (keyof ReportFigures)[])
      if (!GROUPS_BY_DIMENSION[dimension].includes(g)) figures[g] = null
  return figures
}

/** The Shanghai days of [from, to): the day `from` falls in through the day of the last instant before `to`. */
export function daysBetween(from: number, to: number): { first: string; last: string } {
  return { first: shanghaiDay(from), last: shanghaiDay(to - 1) }
}

/** The `count` Shanghai months ending with the one `now` falls in, oldest first. */
export function monthsEnding(now: number, count: number): string[] {
  const months: string[] = []
  let start = shanghaiMonthStart(shanghaiMonth(now))
  for (let i = 0; i < count; i++) {
    months.unshift(shanghaiMonth(start))
    start = shanghaiMonthStart(shanghaiMonth(start - 1))
  }
  return months
}

// ------------------------------------------------------------------ actions

/** The longest period a summary reads: a year (one query of at most 366 day documents). */
export const MAX_REPORT_DAYS = 366
export const MAX_TREND_MONTHS = 24

const epochMs = epochMsSchema

const dimensionFields = {
  community: z.optional(
    z
      .string({ error: '社区名称不正确' })
      .check(
        z.trim(),
        z.minLength(1, { error: '社区名称不正确' }),
        z.maxLength(30, { error: '社区名称不正确' }),
      ),
  ),
  cornerId: z.optional(
    z
      .string({ error: '公益角编号不正确' })
      .check(z.minLength(1), z.maxLength(64, { error: '公益角编号不正确' })),
  ),
  teamId: z.optional(
    z
      .string({ error: '服务队编号不正确' })
      .check(z.minLength(1), z.maxLength(64, { error: '服务队编号不正确' })),
  ),
}

export const summaryInput = z.strictObject({
  from: epochMs('开始时间'),
  to: epochMs('结束时间'),
  ...dimensionFields,
})
export type SummaryInput = z.infer<typeof summaryInput>

export const trendInput = z.strictObject({
  months: z
    .number({ error: '请选择月数' })
    .check(
      z.int({ error: '月数应为整数' }),
      z.gte(1, { error: '至少看1个月' }),
      z.lte(MAX_TREND_MONTHS, { error: `最多看${MAX_TREND_MONTHS}个月` }),
    ),
  community: dimensionFields.community,
})
export type TrendInput = z.infer<typeof trendInput>

export type ReportSummary = ReportFigures & { from: number; to: number; days: number }

export interface TrendItem extends ReportFigures {
  month: string
}

export interface ReportTrend {
  items: TrendItem[]
}

/** The one-line meaning of each figure, as the 数据 page shows it and docs/API.md documents it. */
export const FIGURE_MEANINGS = {
  'needs.received': '期间居民发布的求助数',
  'needs.completed': '期间志愿者标记完成的求助数',
  'needs.confirmed': '期间居民确认并评价的求助数',
  'needs.avgRating': '期间确认的求助的平均评分',
  'needs.avgHoursToClaim': '从发布到第一次有志愿者接单的平均小时数',
  'needs.avgHoursToComplete': '从发布到志愿者完成的平均小时数',
  'activities.held': '期间开始、没有取消的活动场次',
  'activities.places': '这些活动一共提供的名额',
  'activities.signedUp': '这些活动现在报上名的人数',
  'activities.attended': '期间社工确认了服务时长的参与人次',
  'people.served': '期间得到服务的居民人数（同一人只算一次）',
  'people.visits': '期间确认的服务人次（求助加走访）',
  'care.recipients': '期间新建的关爱对象档案数',
  'care.householdsVisited': '期间确认上门走访过的关爱对象户数',
  'care.visits': '期间确认的走访次数（上门、电话、陪同外出）',
  'care.overdue': '此刻已经超过走访周期的关爱对象人数',
  'volunteers.active': '期间有服务被确认的志愿者人数（同一人只算一次）',
  'volunteers.minutes': '期间确认的志愿服务总分钟数',
  'points.issued': '期间发出的积分（按规则奖励，不含扣分）',
  'points.redeemed': '期间在积分超市兑换掉的积分',
} as const

/** Each figure's name and unit, as the 数据 page and the exported report show them. */
export const FIGURE_LABELS: Record<keyof typeof FIGURE_MEANINGS, [string, string]> = {
  'needs.received': ['收到求助', '条'],
  'needs.completed': ['完成服务', '条'],
  'needs.confirmed': ['居民确认', '条'],
  'needs.avgRating': ['平均评分', '星'],
  'needs.avgHoursToClaim': ['接单用时', '小时'],
  'needs.avgHoursToComplete': ['完成用时', '小时'],
  'activities.held': ['开展活动', '场'],
  'activities.places': ['提供名额', '个'],
  'activities.signedUp': ['报名人数', '人'],
  'activities.attended': ['实际参与', '人次'],
  'people.served': ['服务居民', '人'],
  'people.visits': ['服务人次', '人次'],
  'care.recipients': ['新建档案', '个'],
  'care.householdsVisited': ['走访入户', '户'],
  'care.visits': ['走访次数', '次'],
  'care.overdue': ['逾期未访', '人'],
  'volunteers.active': ['参与服务', '人'],
  'volunteers.minutes': ['服务时长', '分钟'],
  'points.issued': ['发放积分', '分'],
  'points.redeemed': ['兑换积分', '分'],
}

// ------------------------------------------------------------------ periods the 数据 page offers

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: '月', quarter: '季度', year: '年' }

export interface Period {
  kind: PeriodKind
  /** The first month of the period ('YYYY-MM'). */
  first: string
  from: number
  to: number
  label: string
}

const MONTHS_OF: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 }

/** The Shanghai month, quarter or year that holds `month`, `steps` periods later (negative: earlier). */
export function periodOf(kind: PeriodKind, month: string, steps = 0): Period {
  const [year, mon] = month.split('-').map(Number)
  const size = MONTHS_OF[kind]
  const firstOfPeriod = `${year}-${String(Math.floor((mon - 1) / size) * size + 1).padStart(2, '0')}`
  const first = shiftMonth(firstOfPeriod, steps * size)
  const [y, m] = first.split('-').map(Number)
  const label =
    kind === 'month' ? `${y}年${m}月` : kind === 'quarter' ? `${y}年第${Math.ceil(m / 3)}季度` : `${y}年`
  return {
    kind,
    first,
    from: shanghaiMonthStart(first),
    to: shanghaiMonthStart(shiftMonth(first, size)),
    label,
  }
}
