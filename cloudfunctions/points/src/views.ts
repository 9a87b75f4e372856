/** What the `points` function shows of ledger entries and summaries. */
import {
  CIVIC_RULES,
  type LedgerEntry,
  type PointsSummaryFull,
  type PublicEntry,
} from '../../../types/points'
import type { LedgerRecord, PointsRecord } from '../../../types/records'
import { maskName } from '../../../types/text'

export function toEntry(r: LedgerRecord): LedgerEntry {
  return {
    id: r._id,
    openid: r.openid,
    delta: r.delta,
    kind: r.kind,
    refId: r.refId,
    note: r.note,
    operator: r.operator,
    createdAt: r.createdAt,
    balanceAfter: r.balanceAfter,
  }
}

export function toSummary(p: PointsRecord): PointsSummaryFull {
  return { balance: p.balance, held: p.held, available: p.balance - p.held, earned: p.earned, spent: p.spent }
}

/** The public board names the rule, never a worker's free-text note, and masks the person's name. */
export function toPublicEntry(r: LedgerRecord): PublicEntry {
  const rule = CIVIC_RULES.find((c) => c.id === r.refId)
  return {
    name: maskName(r.name),
    delta: r.delta,
    kind: r.kind,
    note: rule?.title ?? r.note,
    createdAt: r.createdAt,
  }
}
