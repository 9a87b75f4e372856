/**
 * Nobody deals with themselves: whoever holds a role may not use it on their own account (their own
 * points, attendance, needs served, volunteer application or roles). Another worker does it for them.
 */
import { denied } from './errors'

/** Refuses with permission-denied when the target of the action is the caller. */
export function refuseSelfDealing(
  callerOpenid: string,
  targetOpenid: string | null | undefined,
  what: string,
): void {
  if (callerOpenid && targetOpenid === callerOpenid) throw denied(`不能${what}，请另一位社工来办`)
}
