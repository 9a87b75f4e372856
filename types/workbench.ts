/**
 * 工作台: what waits for a social worker's decision, each as a count (`user.workbench`), so that a worker's
 * first screen says where the day's work starts.
 */
import * as z from 'zod/mini'

export const workbenchInput = z.strictObject({})

/** Held orders that expire within this time count as about to expire. */
export const EXPIRING_WITHIN_MS = 24 * 3600_000
/** A person whose latest visit found them in danger stays urgent for this long (as care.overview's list). */
export const URGENT_WITHIN_MS = 7 * 24 * 3600_000

export interface Workbench {
  /** Needs waiting for review (`pending`). */
  needsToReview: number
  /** Volunteer applications waiting for review. */
  volunteerApplications: number
  /** Sign-ups checked out and not yet confirmed. */
  attendanceToConfirm: number
  /** Active care recipients past their next visit. */
  careOverdue: number
  /** Active care recipients whose latest visit, within the last 7 days, found them in danger. */
  careUrgent: number
  /** Held orders that expire within the next 24 hours. */
  ordersExpiring: number
}
