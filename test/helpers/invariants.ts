/**
 * The invariants of points and the points supermarket, checked against the database after racing tests:
 * for every person, balance = Σ ledger deltas, held = Σ cost of their held orders,
 * available = balance − held ≥ 0, earned and spent are the sums of gains and losses, no entry has a zero
 * or fractional delta; for every reward, stock + held orders + redeemed orders = all stock put in, and
 * each redeemed order has exactly one redemption entry.
 */
import type { LedgerRecord, OrderRecord, RewardRecord, UserRecord } from '../../types/records'
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
}

export async function readLedgerState(sdk: Sdk): Promise<LedgerState> {
  const [users, entries, orders, rewards] = await Promise.all([
    readAll<UserRecord>(sdk, 'users'),
    readAll<LedgerRecord>(sdk, 'ledger'),
    readAll<OrderRecord>(sdk, 'orders'),
    readAll<RewardRecord>(sdk, 'rewards'),
  ])
  return { users, entries, orders, rewards }
}

/** Every broken invariant as a sentence; an empty list means the books are sound. */
export function ledgerViolations({ users, entries, orders, rewards }: LedgerState): string[] {
  const problems: string[] = []
  for (const u of users) {
    const mine = entries.filter((e) => e.openid === u.openid)
    const sum = mine.reduce((s, e) => s + e.delta, 0)
    const earned = mine.reduce((s, e) => s + Math.max(e.delta, 0), 0)
    const spent = mine.reduce((s, e) => s + Math.max(-e.delta, 0), 0)
    const held = orders
      .filter((o) => o.openid === u.openid && o.status === 'held')
      .reduce((s, o) => s + o.cost, 0)
    const p = u.points
    if (p.balance !== sum) problems.push(`${u.openid}: balance ${p.balance} ≠ Σ ledger ${sum}`)
    if (p.held !== held) problems.push(`${u.openid}: held ${p.held} ≠ Σ held orders ${held}`)
    if (p.balance - p.held < 0) problems.push(`${u.openid}: available ${p.balance - p.held} < 0`)
    if (p.earned !== earned) problems.push(`${u.openid}: earned ${p.earned} ≠ ${earned}`)
    if (p.spent !== spent) problems.push(`${u.openid}: spent ${p.spent} ≠ ${spent}`)
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
