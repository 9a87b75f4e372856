/**
 * The ledger's invariants, checked against the database after racing tests:
 * for every person, balance = Σ ledger deltas, held = Σ open holds, available = balance − held ≥ 0,
 * earned and spent are the sums of gains and losses, and no entry has a zero or fractional delta.
 */
import type { HoldRecord, LedgerRecord, UserRecord } from '../../types/records'
import type { Sdk } from './sdk'

async function readAll<T>(sdk: Sdk, collection: string, where: object = {}): Promise<T[]> {
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
  holds: HoldRecord[]
}

export async function readLedgerState(sdk: Sdk): Promise<LedgerState> {
  const [users, entries, holds] = await Promise.all([
    readAll<UserRecord>(sdk, 'users'),
    readAll<LedgerRecord>(sdk, 'ledger'),
    readAll<HoldRecord>(sdk, 'holds'),
  ])
  return { users, entries, holds }
}

/** Every broken invariant as a sentence; an empty list means the ledger is sound. */
export function ledgerViolations({ users, entries, holds }: LedgerState): string[] {
  const problems: string[] = []
  for (const u of users) {
    const mine = entries.filter((e) => e.openid === u.openid)
    const sum = mine.reduce((s, e) => s + e.delta, 0)
    const earned = mine.reduce((s, e) => s + Math.max(e.delta, 0), 0)
    const spent = mine.reduce((s, e) => s + Math.max(-e.delta, 0), 0)
    const held = holds
      .filter((h) => h.openid === u.openid && h.status === 'open')
      .reduce((s, h) => s + h.amount, 0)
    const p = u.points
    if (p.balance !== sum) problems.push(`${u.openid}: balance ${p.balance} ≠ Σ ledger ${sum}`)
    if (p.held !== held) problems.push(`${u.openid}: held ${p.held} ≠ Σ open holds ${held}`)
    if (p.balance - p.held < 0) problems.push(`${u.openid}: available ${p.balance - p.held} < 0`)
    if (p.earned !== earned) problems.push(`${u.openid}: earned ${p.earned} ≠ ${earned}`)
    if (p.spent !== spent) problems.push(`${u.openid}: spent ${p.spent} ≠ ${spent}`)
    const chain = [...mine].sort((a, b) => a.balanceAfter - b.balanceAfter)
    if (mine.length && !chain.some((e) => e.balanceAfter === p.balance)) {
      problems.push(`${u.openid}: no entry ends at the balance ${p.balance}`)
    }
  }
  for (const e of entries) {
    if (!Number.isInteger(e.delta) || e.delta === 0) problems.push(`entry ${e._id}: delta ${e.delta}`)
  }
  return problems
}
