/** Typed calls of the `points` function; see types/points.ts for each action's schema. */
import type { Page } from '@shared/envelope'
import type {
  AdjustInput,
  Board,
  BoardInput,
  LedgerEntry,
  LedgerInput,
  PointsRules,
  PointsSummaryFull,
} from '@shared/points'
import { callFunction } from './cloud'

const FUNCTION = 'points'

/** The caller's balance, held, available, earned and spent points. */
export function getSummary(): Promise<PointsSummaryFull> {
  return callFunction<PointsSummaryFull>(FUNCTION, { action: 'summary' })
}

/** One page of the caller's own ledger, newest first. */
export function getLedger(input: LedgerInput = {}): Promise<Page<LedgerEntry>> {
  return callFunction<Page<LedgerEntry>>(FUNCTION, { action: 'ledger', ...input })
}

/** The public board (积分公示); anyone may read it, names come masked. */
export function getBoard(input: BoardInput = {}): Promise<Board> {
  return callFunction<Board>(FUNCTION, { action: 'board', ...input })
}

/** How points are earned and lost: points per hour, need points, rating bonus and the civic catalogue. */
export function getRules(): Promise<PointsRules> {
  return callFunction<PointsRules>(FUNCTION, { action: 'rules' })
}

/**
 * Workers only: awards or deducts points for a person, by a civic rule or by a number. Send the same
 * `idempotencyKey` when retrying one confirmed adjustment, so that it is written once whatever the network did.
 */
export function adjustPoints(input: AdjustInput): Promise<LedgerEntry> {
  return callFunction<LedgerEntry>(FUNCTION, { action: 'adjust', ...input })
}

/**
 * A fresh key for one adjustment attempt, made on the device: the time plus random letters, well within the
 * contract's 8–64 characters of letters, digits and `-`.
 */
export function newIdempotencyKey(): string {
  let random = ''
  while (random.length < 16) random += Math.random().toString(36).slice(2)
  return `adj-${Date.now().toString(36)}-${random.slice(0, 16)}`
}
