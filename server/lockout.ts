/**
 * Too many wrong tries in a row lock something out for a while: on-site check-in codes per sign-up,
 * spoken redemption digits per shop staff member. The count lives on the record that is locked, as
 * `{misses, until}`; callers change it in a transaction so that racing tries are all counted.
 */
import { type AppError, precondition } from './errors'

export interface Lock {
  /** Wrong tries since the last lock. */
  misses: number
  /** Until when tries are refused (null: not locked). */
  until: number | null
}

export interface LockoutRule {
  /** The try that locks, counting from 1. */
  maxMisses: number
  lockMs: number
  /** The refusal while locked, given the whole minutes left. */
  refusal: (minutes: number) => string
}

/** No misses, no lock: what a successful try leaves. */
export const UNLOCKED: Lock = { misses: 0, until: null }

/** The refusal while `lock` holds at `now`, or null. */
export function lockedOut(rule: LockoutRule, lock: Lock | undefined, now: number): AppError | null {
  if (!lock?.until || lock.until <= now) return null
  return precondition(rule.refusal(Math.ceil((lock.until - now) / 60_000)))
}

/** One more miss on an unlocked record: the lock to store, and the refusal when this miss starts it. */
export function afterMiss(
  rule: LockoutRule,
  lock: Lock | undefined,
  now: number,
): { lock: Lock; locked: AppError | null } {
  const misses = (lock?.misses ?? 0) + 1
  if (misses < rule.maxMisses) return { lock: { misses, until: null }, locked: null }
  const next = { misses: 0, until: now + rule.lockMs }
  return { lock: next, locked: lockedOut(rule, next, now) }
}
