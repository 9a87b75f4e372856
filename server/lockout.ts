/**
 * Guess limits: at most `maxMisses` wrong tries in any `windowMs` — on-site check-in codes per person and
 * activity, spoken redemption digits per shop staff member and per shop. The record that is limited keeps
 * the times of its wrong tries within the window (`{missedAt}`); callers read and write it in the same
 * transaction as the try, so that racing tries are all counted, and a right try forgives nothing: the
 * misses stay until they are older than the window.
 */
import type { MissLog } from '../types/records'
import { type AppError, precondition } from './errors'

export interface LockoutRule {
  /** Wrong tries allowed in any window; the one that reaches it locks. */
  maxMisses: number
  windowMs: number
  /** The refusal while locked, given the whole minutes left. */
  refusal: (minutes: number) => string
}

/** The misses still within the window at `now`, oldest first (a record never tried has none). */
export function recentMisses(rule: LockoutRule, log: MissLog | null | undefined, now: number): number[] {
  const times = Array.isArray(log?.missedAt) ? log.missedAt : []
  return times.filter((t) => t > now - rule.windowMs).sort((a, b) => a - b)
}

/** The refusal while `log` holds `maxMisses` misses within the window at `now`, or null. */
export function lockedOut(rule: LockoutRule, log: MissLog | null | undefined, now: number): AppError | null {
  const recent = recentMisses(rule, log, now)
  if (recent.length < rule.maxMisses) return null
  // Tries come back when the oldest of the last maxMisses misses leaves the window.
  const until = recent[recent.length - rule.maxMisses] + rule.windowMs
  return precondition(rule.refusal(Math.max(1, Math.ceil((until - now) / 60_000))))
}

/** One more miss on an unlocked record: the log to store, and the refusal when this miss locks it. */
export function afterMiss(
  rule: LockoutRule,
  log: MissLog | null | undefined,
  now: number,
): { log: MissLog; locked: AppError | null } {
  const next = { missedAt: [...recentMisses(rule, log, now), now], triedAt: now }
  return { log: next, locked: lockedOut(rule, next, now) }
}

/** The log after a right try: the same misses (older ones dropped), none forgiven. */
export function afterHit(rule: LockoutRule, log: MissLog | null | undefined, now: number): MissLog {
  return { missedAt: recentMisses(rule, log, now), triedAt: now }
}
