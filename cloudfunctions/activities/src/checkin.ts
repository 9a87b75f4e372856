/**
 * On site: the organiser's screen shows a rotating code (a QR code of it, or the six digits to type);
 * participants check in from 30 minutes before the start until the end, and check out with a code as well.
 * The sign-up's state changes in a transaction on its own document, so a check-in never crosses a
 * cancellation or a confirmation.
 */
import {
  CHECKIN_OPENS_BEFORE_MS,
  CHECKOUT_GRACE_MS,
  CODE_LOCK_MS,
  CODE_MAX_MISSES,
  checkinCodeInput,
  checkinInput,
  checkoutInput,
  type CheckinCode,
  type Participation,
} from '../../../types/activities'
import type { ActivityRecord, SignupRecord } from '../../../types/records'
import { type AppError, denied, precondition } from '../../../server/errors'
import { afterHit, afterMiss, lockedOut, type LockoutRule } from '../../../server/lockout'
import { action, type Caller } from '../../../server/handler'
import { inTransaction } from '../../../server/transaction'
import { acceptsCode, issueCode } from './code'
import { findActivity, findSignup, readOptional, signupId } from './store'
import { toParticipation } from './views'

const WRONG_CODE = '签到码不对或已经过期，请扫描现场最新的签到码'

const CODE_LOCKOUT: LockoutRule = {
  maxMisses: CODE_MAX_MISSES,
  windowMs: CODE_LOCK_MS,
  refusal: (minutes) => `签到码输错太多次了，请${minutes}分钟后再试，或请现场社工帮您登记`,
}

export const checkinCode = action({
  input: checkinCodeInput,
  who: 'worker',
  run: async (args): Promise<CheckinCode> => {
    const activity = await findActivity(args.id)
    const now = Date.now()
    if (activity.status === 'cancelled') throw precondition('这个活动已经取消了')
    if (now < activity.startAt - CHECKIN_OPENS_BEFORE_MS || now >= activity.endAt + CHECKOUT_GRACE_MS)
      throw precondition('签到码在活动开始前30分钟到活动结束后2小时之间才能使用')
    return issueCode(activity._id, now)
  },
})

/** The caller's sign-up, refused when they hold no place. */
async function participant(activity: ActivityRecord, caller: Caller): Promise<SignupRecord> {
  const mine = await findSignup(signupId(activity._id, caller.openid))
  if (!mine || mine.state === 'cancelled') throw denied('您还没有报名这个活动，请先报名')
  return mine
}

/** Changes the caller's sign-up atomically; `decide` answers the fields to change, or null for none. */
function changeSignup(
  id: string,
  decide: (s: SignupRecord) => Partial<SignupRecord> | null,
): Promise<SignupRecord> {
  return inTransaction(async (tx) => {
    const current = await readOptional(tx.collection<SignupRecord>('signups').doc(id))
    if (!current || current.state === 'cancelled') throw denied('您还没有报名这个活动，请先报名')
    const patch = decide(current)
    if (!patch) return current
    const next = { ...patch, updatedAt: Date.now() }
    await tx.collection('signups').doc(id).update({ data: next })
    return { ...current, ...next }
  })
}

/**
 * Counts a wrong code against the sign-up (server/lockout.ts); the CODE_MAX_MISSES-th within CODE_LOCK_MS
 * locks codes out. Answers the error to give the caller.
 */
async function missed(id: string): Promise<AppError> {
  let refusal: AppError = precondition(WRONG_CODE)
  await changeSignup(id, (s) => {
    const now = Date.now()
    const locked = lockedOut(CODE_LOCKOUT, s.codeLock, now)
    if (locked) {
      refusal = locked
      return null
    }
    const next = afterMiss(CODE_LOCKOUT, s.codeLock, now)
    refusal = next.locked ?? refusal
    return { codeLock: next.log }
  })
  return refusal
}

export const checkin = action({
  input: checkinInput,
  run: async (args, caller): Promise<Participation> => {
    const activity = await findActivity(args.id)
    await participant(activity, caller)
    const now = Date.now()
    if (activity.status === 'cancelled') throw precondition('这个活动已经取消了')
    if (now < activity.startAt - CHECKIN_OPENS_BEFORE_MS)
      throw precondition('还没到签到时间，活动开始前30分钟才能签到')
    if (now >= activity.endAt) throw precondition('活动已经结束，不能签到了；如果您参加了，请告诉社工')
    const id = signupId(activity._id, caller.openid)
    if (!acceptsCode(activity._id, args.code, now)) throw await missed(id)
    const signup = await changeSignup(id, (s) => {
      const locked = lockedOut(CODE_LOCKOUT, s.codeLock, Date.now())
      if (locked) throw locked
      if (s.state === 'checked-in') return null
      if (s.state !== 'signed') throw precondition('您已经签退了，不用再签到')
      return {
        state: 'checked-in',
        checkinAt: Date.now(),
        codeLock: afterHit(CODE_LOCKOUT, s.codeLock, Date.now()),
      }
    })
    return toParticipation(signup, activity)
  },
})

export const checkout = action({
  input: checkoutInput,
  run: async (args, caller): Promise<Participation> => {
    const activity = await findActivity(args.id)
    await participant(activity, caller)
    const now = Date.now()
    if (activity.status === 'cancelled') throw precondition('这个活动已经取消了')
    if (now >= activity.endAt + CHECKOUT_GRACE_MS)
      throw precondition('活动已经结束很久了，不能再签退；服务时长请找社工确认')
    const id = signupId(activity._id, caller.openid)
    if (!acceptsCode(activity._id, args.code, now)) throw await missed(id)
    const signup = await changeSignup(id, (s) => {
      const locked = lockedOut(CODE_LOCKOUT, s.codeLock, Date.now())
      if (locked) throw locked
      if (s.state === 'signed') throw precondition('您还没有签到，请先签到再签退')
      if (s.state !== 'checked-in') return null
      return {
        state: 'checked-out',
        checkoutAt: Date.now(),
        codeLock: afterHit(CODE_LOCKOUT, s.codeLock, Date.now()),
      }
    })
    return toParticipation(signup, activity)
  },
})
