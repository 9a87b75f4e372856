/**
 * The invariants of points and the points supermarket, checked against the database after racing tests:
 * for every person, balance = Σ ledger deltas, held = Σ cost of their held orders,
 * available = balance − held ≥ 0, service time = the minutes of the needs, shifts and visits confirmed for
 * them, earned and spent are the sums of gains and losses, no entry has a zero
 * or fractional delta, and none but a redemption was caused by the person it is for (no self-dealing); for every reward, stock + held orders + redeemed orders = all stock put in, and
 * each redeemed order has exactly one redemption entry.
 * Activities: places taken = sign-ups holding one ≤ capacity, nobody holds two overlapping places, each
 * confirmed sign-up is credited by at most one entry. Needs: an assignee exactly while someone works on
 * them, and each confirmed need credits its assignee by exactly one entry.
 */
import { overlaps } from '../../types/activities'
import { nextDueAt, type RecipientRecord, type VisitRecord } from '../../types/care'
import { countsOnBoard, POINTS_RULES } from '../../types/points'
import { emptyService, serviceFromRecords } from '../../types/service'
import type {
  ActivityRecord,
  LedgerRecord,
  NeedRecord,
  OrderRecord,
  RewardRecord,
  SignupRecord,
  UserRecord,
} from '../../types/records'
import type { Sdk } from './sdk'

export async function readAll<T>(sdk: Sdk, collection: string, where: object = {}): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await sdk.db
      .collection(collection)
      .where(where)
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get()
    out.push(...(page.data as T[]))
    if (page.data.length < 1000) return out
  }
}

export interface LedgerState {
  users: UserRecord[]
  entries: LedgerRecord[]
  orders: OrderRecord[]
  rewards: RewardRecord[]
  /** The confirmed service behind each person's service time. */
  needs: NeedRecord[]
  signups: SignupRecord[]
  visits: VisitRecord[]
}

export async function readLedgerState(sdk: Sdk): Promise<LedgerState> {
  const [users, entries, orders, rewards, needs, signups, visits] = await Promise.all([
    readAll<UserRecord>(sdk, 'users'),
    readAll<LedgerRecord>(sdk, 'ledger'),
    readAll<OrderRecord>(sdk, 'orders'),
    readAll<RewardRecord>(sdk, 'rewards'),
    readAll<NeedRecord>(sdk, 'needs', { status: 'confirmed' }),
    readAll<SignupRecord>(sdk, 'signups', { state: 'confirmed' }),
    readAll<VisitRecord>(sdk, 'care_visits', { status: 'confirmed' }),
  ])
  return { users, entries, orders, rewards, needs, signups, visits }
}

/** Every broken invariant as a sentence; an empty list means the books are sound. */
export function ledgerViolations(state: LedgerState): string[] {
  const { users, entries, orders, rewards } = state
  const problems: string[] = []
  for (const u of users) {
    const served = serviceFromRecords(u.openid, state)
    const service = u.service ?? emptyService()
    if (JSON.stringify(service) !== JSON.stringify(served))
      problems.push(`${u.openid}: service ${JSON.stringify(service)} ≠ confirmed ${JSON.stringify(served)}`)
    const mine = entries.filter((e) => e.openid === u.openid)
    const sum = mine.reduce((s, e) => s + e.delta, 0)
    const earned = mine.reduce((s, e) => s + Math.max(e.delta, 0), 0)
    const spent = mine.reduce((s, e) => s + Math.max(-e.delta, 0), 0)
    const boardEarned = mine
      .filter((e) => countsOnBoard(e.kind))
      .reduce((s, e) => s + Math.max(e.delta, 0), 0)
    const held = orders
      .filter((o) => o.openid === u.openid && o.status === 'held')
      .reduce((s, o) => s + o.cost, 0)
    const p = u.points
    if (p.balance !== sum) problems.push(`${u.openid}: balance ${p.balance} ≠ Σ ledger ${sum}`)
    if (p.held !== held) problems.push(`${u.openid}: held ${p.held} ≠ Σ held orders ${held}`)
    if (p.balance - p.held < 0) problems.push(`${u.openid}: available ${p.balance - p.held} < 0`)
    if (p.earned !== earned) problems.push(`${u.openid}: earned ${p.earned} ≠ ${earned}`)
    if (p.spent !== spent) problems.push(`${u.openid}: spent ${p.spent} ≠ ${spent}`)
    if (p.boardEarned !== boardEarned)
      problems.push(`${u.openid}: on the board ${p.boardEarned} ≠ Σ gains it publishes ${boardEarned}`)
    for (const [rewardId, n] of Object.entries(u.mallOrders ?? {})) {
      const counted = orders.filter(
        (o) =>
          o.openid === u.openid &&
          o.rewardId === rewardId &&
          (o.status === 'held' || o.status === 'redeemed'),
      ).length
      if (n !== counted)
        problems.push(`${u.openid}: ${n} orders of ${rewardId} counted, ${counted} held or redeemed`)
    }
  }
  for (const e of entries) {
    if (!Number.isInteger(e.delta) || e.delta === 0) problems.push(`entry ${e._id}: delta ${e.delta}`)
    // Nobody deals with themselves: whoever caused a credit or an adjustment is not the person it is for.
    if (e.kind !== 'redemption' && e.operator === e.openid)
      problems.push(`entry ${e._id}: ${e.kind} of ${e.delta} for ${e.openid} caused by themselves`)
  }
  for (const r of rewards) {
    const mine = orders.filter(
      (o) => o.rewardId === r._id && (o.status === 'held' || o.status === 'redeemed'),
    ).length
    if (r.stock < 0) problems.push(`${r._id}: stock ${r.stock} < 0`)
    if (r.stock + mine !== r.stockTotal)
      problems.push(`${r._id}: stock ${r.stock} + ${mine} orders ≠ ${r.stockTotal} put in`)
  }
  for (const o of orders.filter((x) => x.status === 'redeemed')) {
    const redemptions = entries.filter((e) => e.kind === 'redemption' && e.refId === o._id)
    if (redemptions.length !== 1) problems.push(`order ${o._id}: ${redemptions.length} redemption entries`)
    else if (redemptions[0].delta !== -o.cost)
      problems.push(`order ${o._id}: redemption ${redemptions[0].delta} ≠ −${o.cost}`)
  }
  return problems
}

export interface ActivityState {
  activities: ActivityRecord[]
  signups: SignupRecord[]
  entries: LedgerRecord[]
}

export async function readActivityState(sdk: Sdk): Promise<ActivityState> {
  const [activities, signups, entries] = await Promise.all([
    readAll<ActivityRecord>(sdk, 'activities'),
    readAll<SignupRecord>(sdk, 'signups'),
    readAll<LedgerRecord>(sdk, 'ledger', { kind: 'activity' }),
  ])
  return { activities, signups, entries }
}

/**
 * Every broken rule of activities as a sentence: signedUp = the sign-ups that hold a place ≤ capacity; one
 * sign-up per person and activity; nobody holds two places at overlapping times in activities that go ahead;
 * a confirmed sign-up has one 'activity' entry of its points (none when it earned none), any other none.
 */
export function activityViolations({ activities, signups, entries }: ActivityState): string[] {
  const problems: string[] = []
  const byId = new Map(activities.map((a) => [a._id, a]))
  for (const a of activities) {
    const holding = signups.filter((s) => s.activityId === a._id && s.state !== 'cancelled').length
    if (a.signedUp !== holding)
      problems.push(`activity ${a._id}: signedUp ${a.signedUp} ≠ ${holding} places held`)
    if (a.signedUp > a.capacity)
      problems.push(`activity ${a._id}: signedUp ${a.signedUp} > capacity ${a.capacity}`)
    if (a.signedUp < 0) problems.push(`activity ${a._id}: signedUp ${a.signedUp} < 0`)
  }
  const credits = new Map<string, LedgerRecord[]>()
  for (const e of entries) {
    const key = `${e.refId}:${e.openid}`
    credits.set(key, [...(credits.get(key) ?? []), e])
  }
  const held = new Map<string, Array<{ id: string; startAt: number; endAt: number }>>()
  for (const s of signups) {
    const activity = byId.get(s.activityId)
    if (!activity) {
      problems.push(`sign-up ${s._id}: no activity ${s.activityId}`)
      continue
    }
    if (s._id !== `${s.activityId}:${s.openid}`) problems.push(`sign-up ${s._id}: not the one of ${s.openid}`)
    const mine = credits.get(`${s.activityId}:${s.openid}`) ?? []
    if (s.state === 'confirmed') {
      const expected = (s.points ?? 0) > 0 ? 1 : 0
      if (mine.length !== expected)
        problems.push(`sign-up ${s._id}: confirmed for ${s.points} points, ${mine.length} activity entries`)
      else if (expected === 1 && (mine[0]._id !== s.entryId || mine[0].delta !== s.points))
        problems.push(
          `sign-up ${s._id}: entry ${mine[0]._id} of ${mine[0].delta} ≠ ${s.entryId} of ${s.points}`,
        )
    } else if (mine.length > 0) {
      problems.push(`sign-up ${s._id}: ${s.state}, yet ${mine.length} activity entries`)
    }
    if (s.state !== 'cancelled' && activity.status !== 'cancelled') {
      const window = { id: activity._id, startAt: activity.startAt, endAt: activity.endAt }
      const clash = (held.get(s.openid) ?? []).find((w) => overlaps(w, window))
      if (clash) problems.push(`${s.openid}: places in ${clash.id} and ${activity._id} overlap`)
      held.set(s.openid, [...(held.get(s.openid) ?? []), window])
    }
  }
  return problems
}

export interface NeedState {
  needs: NeedRecord[]
  entries: LedgerRecord[]
}

export async function readNeedState(sdk: Sdk): Promise<NeedState> {
  const [needs, entries] = await Promise.all([
    readAll<NeedRecord>(sdk, 'needs'),
    readAll<LedgerRecord>(sdk, 'ledger', { kind: 'need' }),
  ])
  return { needs, entries }
}

/**
 * Every broken rule of needs as a sentence: an assignee while assigned, done or confirmed, none while
 * pending, open or rejected; a confirmed need credits its assignee by exactly one 'need' entry of the need's
 * points plus the rating bonus (none when that is 0), any other need by none; every 'need' entry is a need's.
 */
export function needViolations({ needs, entries }: NeedState): string[] {
  const problems: string[] = []
  const ids = new Set(needs.map((n) => n._id))
  for (const n of needs) {
    const working = n.status === 'assigned' || n.status === 'done' || n.status === 'confirmed'
    const free = n.status === 'pending' || n.status === 'open' || n.status === 'rejected'
    if (working && !n.assignee?.openid) problems.push(`need ${n._id}: ${n.status} without an assignee`)
    if (free && n.assignee) problems.push(`need ${n._id}: ${n.status} with assignee ${n.assignee.openid}`)
    const mine = entries.filter((e) => e.refId === n._id)
    if (n.status !== 'confirmed') {
      if (mine.length > 0) problems.push(`need ${n._id}: ${n.status}, yet ${mine.length} need entries`)
      continue
    }
    const bonus = n.rating ? POINTS_RULES.ratingBonus[String(n.rating) as '1'] : 0
    const points = n.points + bonus
    const expected = points > 0 && n.assignee ? 1 : 0
    if (mine.length !== expected) {
      problems.push(`need ${n._id}: confirmed for ${points} points, ${mine.length} need entries`)
      continue
    }
    if (expected === 0) continue
    const [e] = mine
    if (e.openid !== n.assignee!.openid)
      problems.push(`need ${n._id}: credited ${e.openid}, not ${n.assignee!.openid}`)
    if (e.delta !== points) problems.push(`need ${n._id}: credited ${e.delta} ≠ ${points}`)
    if (e._id !== n.creditEntryId)
      problems.push(`need ${n._id}: entry ${e._id} ≠ creditEntryId ${n.creditEntryId}`)
  }
  for (const e of entries)
    if (!ids.has(e.refId)) problems.push(`entry ${e._id}: credits need ${e.refId}, which does not exist`)
  return problems
}

export interface CareState {
  recipients: RecipientRecord[]
  visits: VisitRecord[]
  entries: LedgerRecord[]
}

export async function readCareState(sdk: Sdk): Promise<CareState> {
  const [recipients, visits, entries] = await Promise.all([
    readAll<RecipientRecord>(sdk, 'care_recipients'),
    readAll<VisitRecord>(sdk, 'care_visits'),
    readAll<LedgerRecord>(sdk, 'ledger', { kind: 'visit' }),
  ])
  return { recipients, visits, entries }
}

/**
 * Every broken rule of 爱心敲门 as a sentence: a confirmed visit credits each of its visitors by exactly one
 * 'visit' entry of visitPoints, a logged one nobody; every 'visit' entry is a visit's; a recipient's last visit
 * is the latest of its visits and its next due day follows from it (or from registration before any visit).
 */
export function careViolations({ recipients, visits, entries }: CareState): string[] {
  const problems: string[] = []
  const visitIds = new Set(visits.map((v) => v._id))
  for (const v of visits) {
    const mine = entries.filter((e) => e.refId === v._id)
    if (v.status !== 'confirmed') {
      if (mine.length > 0) problems.push(`visit ${v._id}: ${v.status}, yet ${mine.length} visit entries`)
      continue
    }
    for (const person of v.visitors) {
      const credits = mine.filter((e) => e.openid === person.openid)
      if (credits.length !== 1)
        problems.push(`visit ${v._id}: ${person.openid} credited ${credits.length} times`)
      else if (credits[0].delta !== POINTS_RULES.visitPoints)
        problems.push(`visit ${v._id}: ${person.openid} credited ${credits[0].delta}`)
    }
    if (mine.length !== v.visitors.length)
      problems.push(`visit ${v._id}: ${mine.length} entries for ${v.visitors.length} visitors`)
  }
  for (const e of entries)
    if (!visitIds.has(e.refId))
      problems.push(`entry ${e._id}: credits visit ${e.refId}, which does not exist`)
  for (const r of recipients) {
    const ats = visits.filter((v) => v.recipientId === r._id).map((v) => v.at)
    const last = ats.length ? Math.max(...ats) : null
    if (r.lastVisitAt !== last) problems.push(`recipient ${r._id}: lastVisitAt ${r.lastVisitAt} ≠ ${last}`)
    if (r.nextDueAt !== nextDueAt(r))
      problems.push(`recipient ${r._id}: nextDueAt ${r.nextDueAt} ≠ ${nextDueAt(r)}`)
  }
  return problems
}
