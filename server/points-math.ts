/**
 * The arithmetic of the ledger, without the database: how a summary changes with an entry, and how an
 * idempotency key becomes a document id. Shared by server/ledger.ts and the demo seed.
 */
import crypto from 'node:crypto'
import { countsOnBoard, type EntryKind } from '../types/points'
import type { PointsRecord } from '../types/records'
import { shanghaiMonth } from '../types/time'

export function idFor(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)
}

export const availableOf = (p: PointsRecord) => p.balance - p.held

/**
 * The summary after a change of `delta` of `kind` at `now`: `earned` counts every gain; the board's
 * `boardEarned` and this month's `monthEarned` only gains of kinds the board publishes.
 */
export function applyDelta(points: PointsRecord, delta: number, now: number, kind: EntryKind): PointsRecord {
  const month = shanghaiMonth(now)
  const sameMonth = points.month === month
  const next: PointsRecord = {
    ...points,
    balance: points.balance + delta,
    earned: points.earned + Math.max(delta, 0),
    spent: points.spent + Math.max(-delta, 0),
  }
  if (delta > 0 && countsOnBoard(kind)) {
    next.boardEarned = (points.boardEarned ?? 0) + delta
    next.month = month
    next.monthEarned = (sameMonth ? points.monthEarned : 0) + delta
  }
  return next
}
