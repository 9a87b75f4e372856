/**
 * The order's owner shows a one-time code (refreshed every minute); the shop's staff scans it and the
 * order is redeemed — in one transaction that consumes the code, closes the hold and writes the
 * redemption entry. Of many scans of one code exactly one redeems.
 *
 * Where the QR code cannot be scanned, the customer reads out its digits: `lookupCode` finds the order
 * among the shop's own (by the merchant_short index), shows the staff what to hand over, and gives them
 * the code that `redeem` takes — two calls, each within the operations budget.
 */
import crypto from 'node:crypto'
import {
  CODE_TTL_MS,
  LOOKUP_LOCK_MS,
  LOOKUP_MAX_MISSES,
  SHOP_LOOKUP_MAX_MISSES,
  SHORT_CODE_DIGITS,
  codeInput,
  lookupCodeInput,
  redeemInput,
  type CodeLookup,
  type Order,
  type RedemptionCode,
} from '../../../types/mall'
import type { MerchantRecord, OrderRecord } from '../../../types/records'
import { orderRedeemed } from '../../../types/report'
import { _, db } from '../../../server/cloud'
import { type AppError, denied, exists, notFound, precondition } from '../../../server/errors'
import { afterHit, afterMiss, lockedOut, type LockoutRule } from '../../../server/lockout'
import { action } from '../../../server/handler'
import { readUser, spendHeld } from '../../../server/ledger'
import { countInTransaction } from '../../../server/report'
import { inTransaction } from '../../../server/transaction'
import { displayName } from '../../../server/users'
import { decodeCode, encodeCode, newNonce } from './codes'
import { readOrder } from './orders'
import { toOrder } from './views'

/**
 * An order past its 7-day hold is over for codes and redemption at once, whether or not the timer
 * (expireHeldOrders) has given its points and stock back yet.
 */
const pastHold = (o: OrderRecord, now: number) => o.expiresAt <= now
const PAST_HOLD = '这个订单已经过期了，积分会自动退回；需要的话请重新兑换'

export const code = action({
  input: codeInput,
  run: async (args, caller): Promise<RedemptionCode> => {
    return inTransaction(async (tx) => {
      const o = await readOrder(tx, args.orderId)
      if (o.openid !== caller.openid) throw denied('只能出示自己订单的兑换码')
      if (o.status !== 'held')
        throw precondition(o.status === 'redeemed' ? '这个订单已经兑换过了' : '这个订单已经结束了')
      const now = Date.now()
      if (pastHold(o, now)) throw precondition(PAST_HOLD)
      const nonce = newNonce()
      const shortCode = String(crypto.randomInt(0, 10 ** SHORT_CODE_DIGITS)).padStart(SHORT_CODE_DIGITS, '0')
      // A code never outlives the order's hold.
      const expiresAt = Math.min(now + CODE_TTL_MS, o.expiresAt)
      await tx
        .collection('orders')
        .doc(o._id)
        .update({ data: { codeNonce: nonce, codeExpiresAt: expiresAt, codeShort: shortCode } })
      return { code: encodeCode({ orderId: o._id, nonce, expiresAt }), shortCode, expiresAt }
    })
  },
})

const LOOKUP_LOCKOUT: LockoutRule = {
  maxMisses: LOOKUP_MAX_MISSES,
  windowMs: LOOKUP_LOCK_MS,
  refusal: (minutes) => `兑换数字输错太多次了，请${minutes}分钟后再试，或请顾客刷新兑换码后扫码`,
}

const SHOP_LOOKUP_LOCKOUT: LockoutRule = {
  maxMisses: SHOP_LOOKUP_MAX_MISSES,
  windowMs: LOOKUP_LOCK_MS,
  refusal: (minutes) => `本店兑换数字输错太多次了，请${minutes}分钟后再试，或请顾客刷新兑换码后扫码`,
}

const NO_SUCH_DIGITS = '没有找到这个兑换码。请让顾客刷新兑换码，再把最新的数字念一遍'

/**
 * Counts one lookup against the staff member and their shop (server/lockout.ts), in one transaction on
 * both records: refused while either is locked; digits that matched nothing are a miss on both, and the
 * LOOKUP_MAX_MISSES-th of the person or the SHOP_LOOKUP_MAX_MISSES-th of the shop locks. A hit forgives
 * nothing, but is written too, so that however many lookups race, each sees every one committed before it.
 * Answers the refusal, or null for a hit.
 */
function countLookup(openid: string, merchantId: string, hit: boolean): Promise<AppError | null> {
  return inTransaction(async (tx) => {
    const now = Date.now()
    const staff = await readUser(tx, openid)
    let shop: MerchantRecord
    try {
      shop = (await tx.collection<MerchantRecord>('merchants').doc(merchantId).get()).data
    } catch {
      throw notFound('没有找到这个商户')
    }
    const locked =
      lockedOut(LOOKUP_LOCKOUT, staff.lookupLock, now) ?? lockedOut(SHOP_LOOKUP_LOCKOUT, shop.lookupLock, now)
    if (locked) return locked
    const mine = hit
      ? { log: afterHit(LOOKUP_LOCKOUT, staff.lookupLock, now), locked: null }
      : afterMiss(LOOKUP_LOCKOUT, staff.lookupLock, now)
    const ours = hit
      ? { log: afterHit(SHOP_LOOKUP_LOCKOUT, shop.lookupLock, now), locked: null }
      : afterMiss(SHOP_LOOKUP_LOCKOUT, shop.lookupLock, now)
    await tx
      .collection('users')
      .doc(openid)
      .update({ data: { lookupLock: _.set(mine.log) } })
    await tx
      .collection('merchants')
      .doc(merchantId)
      .update({ data: { lookupLock: _.set(ours.log) } })
    if (hit) return null
    return mine.locked ?? ours.locked ?? notFound(NO_SUCH_DIGITS)
  })
}

export const lookupCode = action({
  input: lookupCodeInput,
  who: 'merchant',
  run: async (args, caller): Promise<CodeLookup> => {
    const merchantId = caller.user?.merchantId
    if (!caller.user || !merchantId) throw denied('只有合作商户的店员可以核销')
    // Already locked: refused without looking (the transaction below decides for everyone else).
    const locked = lockedOut(LOOKUP_LOCKOUT, caller.user.lookupLock, Date.now())
    if (locked) throw locked
    const { data } = await db
      .collection<OrderRecord>('orders')
      .where({ merchantId, codeShort: args.shortCode })
      .limit(2)
      .get()
    const now = Date.now()
    const live = data.filter(
      (o) =>
        o.status === 'held' && !pastHold(o, now) && o.codeNonce !== null && (o.codeExpiresAt ?? 0) >= now,
    )
    // Two live codes with the same digits at one shop are next to impossible; a fresh code settles it.
    const refusal = await countLookup(caller.openid, merchantId, live.length === 1)
    if (refusal) throw refusal
    const o = live[0]
    const code = encodeCode({ orderId: o._id, nonce: o.codeNonce!, expiresAt: o.codeExpiresAt! })
    return { order: toOrder(o, 'shop'), code }
  },
})

export const redeem = action({
  input: redeemInput,
  who: 'merchant',
  run: async (args, caller): Promise<Order> => {
    const claims = decodeCode(args.code)
    const redeemed = await inTransaction(async (tx) => {
      const now = Date.now()
      const o = await readOrder(tx, claims.orderId)
      if (!caller.user?.merchantId || o.merchantId !== caller.user.merchantId) {
        throw denied('这件商品不是本店的，请让顾客到对应的店兑换')
      }
      if (o.status === 'redeemed') throw exists('这个兑换码已经用过了，东西已经领走')
      if (o.status !== 'held') throw precondition('这个订单已经取消或过期，不能兑换')
      if (pastHold(o, now)) throw precondition(PAST_HOLD)
      if (o.codeNonce !== claims.nonce) throw precondition('这个兑换码已经换新了，请扫顾客手机上最新的码')
      if (claims.expiresAt < now) throw precondition('兑换码已过期，请让顾客刷新后再扫')
      const customer = await readUser(tx, o.openid)
      const { points, entry } = spendHeld(
        customer,
        o.cost,
        {
          key: `redeem:${o._id}`,
          refId: o._id,
          note: `兑换 ${o.rewardTitle}（${o.merchantName}）`,
          operator: caller.openid,
        },
        now,
      )
      await tx.collection('ledger').add({ data: entry })
      await tx
        .collection('users')
        .doc(o.openid)
        .update({ data: { points: _.set(points), updatedAt: now } })
      const change = {
        status: 'redeemed' as const,
        redeemedAt: now,
        redeemedBy: caller.openid,
        redeemedByName: displayName(caller.user),
        codeNonce: null,
        codeShort: null,
        closedAt: now,
        entryId: entry._id,
      }
      await tx.collection('orders').doc(o._id).update({ data: change })
      const done = { ...o, ...change }
      // The redemption counted for the report (per shop), the transaction's last write.
      await countInTransaction(tx, [orderRedeemed(done)])
      return done
    })
    return toOrder(redeemed, 'shop')
  },
})
