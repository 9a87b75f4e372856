/**
 * 志愿服务证明: a person issues one for a period of their own record, with the hours their confirmed records in
 * that period hold; anyone checks one by serial (at most a few wrong serials in a while); workers revoke one.
 */
import { randomInt } from 'node:crypto'
import {
  type Certificate,
  type CertificateCheck,
  type CertificateRecord,
  isSerial,
  issueInput,
  mineInput,
  revokeInput,
  serialCheck,
  verifyInput,
} from '../../../types/certificate'
import type { Page } from '../../../types/envelope'
import type { MissLog } from '../../../types/records'
import { serviceFromRecords } from '../../../types/service'
import { maskName, maskPhone } from '../../../types/text'
import { shanghaiDay } from '../../../types/time'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { readOptional } from '../../../server/docs'
import { AppError, invalid, notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { afterHit, afterMiss, type LockoutRule, lockedOut } from '../../../server/lockout'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { inTransaction } from '../../../server/transaction'
import { readSources, shanghaiDayStart } from './sources'

/** At most this many confirmed records of each kind in one certificate's period. */
const MAX_RECORDS = 1000

/** Wrong serials allowed to one caller (all anonymous callers together count as one) in 10 minutes. */
export const VERIFY_RULE: LockoutRule = {
  maxMisses: 10,
  windowMs: 10 * 60_000,
  refusal: (minutes) => `查询错误的编号次数太多，请${minutes}分钟后再试`,
}

function toCertificate(c: CertificateRecord): Certificate {
  return {
    serial: c.serial,
    realName: c.realName,
    phoneMasked: c.phoneMasked,
    period: c.period,
    minutes: c.minutes,
    total: c.total,
    issuedAt: c.issuedAt,
    status: c.status,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
  }
}

function newSerial(now: number): string {
  const year = shanghaiDay(now).slice(0, 4)
  const digits = String(randomInt(0, 100_000_000)).padStart(8, '0')
  return `XS-${year}-${digits}-${serialCheck(year, digits)}`
}

export const issue = action({
  input: issueInput,
  run: async (args, caller): Promise<Certificate> => {
    const now = Date.now()
    const user = caller.user!
    const realName = user.volunteer?.realName?.trim()
    if (!realName) throw precondition('开具证明需要您的真实姓名，请先在“我的”里申请成为志愿者，填写真实姓名')
    const from = shanghaiDayStart(args.period.from)
    const toDay = shanghaiDayStart(args.period.to)
    if (Number.isNaN(from)) throw invalid('开始日期不存在，请重新选择')
    if (Number.isNaN(toDay)) throw invalid('结束日期不存在，请重新选择')
    if (toDay < from) throw invalid('结束日期不能早于开始日期')
    if (args.period.to > shanghaiDay(now)) throw invalid('结束日期不能晚于今天')
    const src = await readSources(caller.openid, { from, to: toDay + 86_400_000 }, null, MAX_RECORDS + 1)
    if (src.needs.length > MAX_RECORDS || src.signups.length > MAX_RECORDS || src.visits.length > MAX_RECORDS)
      throw precondition('这段时间的服务记录太多，请把时间段缩短一些分开开具')
    const totals = serviceFromRecords(caller.openid, src)
    if (totals.minutes <= 0) throw precondition('这段时间还没有已确认的服务时长，无法开具证明')
    const serial = newSerial(now)
    const record: CertificateRecord = {
      _id: serial,
      serial,
      openid: caller.openid,
      realName,
      phoneMasked: maskPhone(user.volunteer?.phone || user.phone),
      period: { from: args.period.from, to: args.period.to },
      minutes: { need: totals.need, activity: totals.activity, visit: totals.visit },
      total: totals.minutes,
      issuedAt: now,
      status: 'valid',
      revokedAt: null,
      revokedBy: null,
      revokeReason: '',
    }
    try {
      await db.collection<CertificateRecord>('certificates').add({ data: record })
    } catch {
      // A serial drawn twice (one in 100 million) or a write that failed: nothing was stored.
      throw new AppError('internal', '开具没有成功，请再试一次')
    }
    return toCertificate(record)
  },
})

export const verify = action({
  who: 'anyone',
  input: verifyInput,
  run: async (args, caller): Promise<CertificateCheck> => {
    const serial = args.serial.toUpperCase()
    const guessId = caller.openid || 'anonymous'
    const outcome = await inTransaction(async (tx) => {
      const now = Date.now()
      const guesses = tx.collection<{ _id: string } & MissLog>('certificate_guesses')
      const log = await readOptional(guesses.doc(guessId))
      const locked = lockedOut(VERIFY_RULE, log, now)
      if (locked) return { error: locked }
      const cert = isSerial(serial)
        ? await readOptional(tx.collection<CertificateRecord>('certificates').doc(serial))
        : null
      if (!cert) {
        const next = afterMiss(VERIFY_RULE, log, now)
        await guesses.doc(guessId).set({ data: next.log })
        return { error: next.locked ?? notFound('没有找到这个编号的证明，请核对编号') }
      }
      if (log) await guesses.doc(guessId).set({ data: afterHit(VERIFY_RULE, log, now) })
      return { cert }
    })
    if ('error' in outcome) throw outcome.error
    const c = outcome.cert
    return {
      serial: c.serial,
      status: c.status,
      nameMasked: maskName(c.realName),
      period: c.period,
      minutes: c.minutes,
      total: c.total,
    }
  },
})

export const revoke = action({
  who: 'worker',
  input: revokeInput,
  run: async (args, caller): Promise<Certificate> => {
    const serial = args.serial.toUpperCase()
    if (!isSerial(serial)) throw notFound('没有找到这个编号的证明，请核对编号')
    await assertSafeText(caller.openid, [args.reason])
    const revoked = await inTransaction(async (tx) => {
      const now = Date.now()
      const ref = tx.collection<CertificateRecord>('certificates').doc(serial)
      const cert = await readOptional(ref)
      if (!cert) throw notFound('没有找到这个编号的证明，请核对编号')
      if (cert.status === 'revoked') throw precondition('这份证明已经作废了')
      const patch = {
        status: 'revoked' as const,
        revokedAt: now,
        revokedBy: caller.openid,
        revokeReason: args.reason,
      }
      await ref.update({ data: patch })
      return { ...cert, ...patch }
    })
    return toCertificate(revoked)
  },
})

export const mine = action({
  input: mineInput,
  run: async (args, caller): Promise<Page<Certificate>> => {
    const limit = args.limit ?? 20
    const res = await db
      .collection<CertificateRecord>('certificates')
      .where(_.and([{ openid: caller.openid }, afterCursor('issuedAt', decodeCursor(args.cursor))]))
      .orderBy('issuedAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (r) => r.issuedAt)
    return { items: rows.map(toCertificate), nextCursor }
  },
})
