/**
 * Orders: a resident orders a reward (points held, stock reserved, one transaction), may cancel while it
 * is held, and an order not redeemed within 7 days expires (timer). Both give back exactly what was held.
 */
import {
  cancelOrderInput,
  getOrderInput,
  ORDER_HOLD_MS,
  orderInput,
  ordersInput,
  type Order,
} from '../../../types/mall'
import type { Page } from '../../../types/envelope'
import type { OrderRecord, RewardRecord, UserRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import type { Transaction } from '../../../server/db'
import { isDuplicate } from '../../../server/docs'
import { AppError, denied, exhausted, exists, notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { holdPoints, readUser, releasePoints } from '../../../server/ledger'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { idFor } from '../../../server/points-math'
import { inTransaction } from '../../../server/transaction'
import { displayName } from '../../../server/users'
import { toOrder } from './views'

/** An order, read in a transaction or (given `db`) on its own; a missing one is not-found. */
export async function readOrder(tx: Transaction, id: string): Promise<OrderRecord> {
  try {
    return (await tx.collection<OrderRecord>('orders').doc(id).get()).data
  } catch {
    throw notFound('没有找到这个订单')
  }
}

export const order = action({
  input: orderInput,
  run: async (args, caller): Promise<Order> => {
    const id = idFor(`order:${caller.openid}:${args.idempotencyKey}`)
    try {
      const placed = await inTransaction(async (tx) => {
        const now = Date.now()
        let reward: RewardRecord
        try {
          reward = (await tx.collection<RewardRecord>('rewards').doc(args.rewardId).get()).data
        } catch {
          throw notFound('没有找到这件商品')
        }
        if (!reward.active) throw precondition('这件商品已经下架了')
        // (A reward stored before shops could be paused has no such field: its shop is open.)
        if (reward.merchantActive === false) throw precondition('这家店暂停兑换了，请看看别的店的商品')
        if (reward.stock <= 0) throw exhausted('这件商品已经兑换完了')
        const user = await readUser(tx, caller.openid)
        const mine = user.mallOrders?.[reward._id] ?? 0
        if (mine >= reward.perUserLimit) throw exhausted(`这件商品每人最多兑换${reward.perUserLimit}件`)
        const points = holdPoints(user.points, reward.cost)
        const record: OrderRecord = {
          _id: id,
          openid: caller.openid,
          customerName: displayName(user),
          rewardId: reward._id,
          rewardTitle: reward.title,
          merchantId: reward.merchantId,
          merchantName: reward.merchantName,
          cost: reward.cost,
          status: 'held',
          codeNonce: null,
          codeExpiresAt: null,
          codeShort: null,
          createdAt: now,
          expiresAt: now + ORDER_HOLD_MS,
          redeemedAt: null,
          redeemedBy: null,
          redeemedByName: null,
          closedAt: null,
          entryId: null,
        }
        await tx.collection('orders').add({ data: record })
        await tx
          .collection('rewards')
          .doc(reward._id)
          .update({ data: { stock: reward.stock - 1, updatedAt: now } })
        await tx
          .collection('users')
          .doc(caller.openid)
          .update({
            data: { points: _.set(points), [`mallOrders.${reward._id}`]: mine + 1, updatedAt: now },
          })
        return record
      })
      return toOrder(placed, 'owner')
    } catch (err) {
      if (!isDuplicate(err) && !(err instanceof AppError)) throw err
      // A retry of an order that went through (the same key) is answered with that order, whatever the
      // limits say now; the same key for something else is refused. Only refusals pay for this read.
      const earlier = (await db.collection<OrderRecord>('orders').where({ _id: id }).limit(1).get()).data[0]
      if (!earlier) throw err
      if (earlier.rewardId !== args.rewardId) throw exists('这个操作编号已经用过了')
      return toOrder(earlier, 'owner')
    }
  },
})

/** Gives a held order's points and stock back: cancelled by its owner, or expired. */
export async function closeHeldOrder(
  tx: Transaction,
  o: OrderRecord,
  status: 'cancelled' | 'expired',
  now: number,
): Promise<OrderRecord> {
  const user: UserRecord = await readUser(tx, o.openid)
  const count = user.mallOrders?.[o.rewardId] ?? 0
  await tx
    .collection('orders')
    .doc(o._id)
    .update({ data: { status, closedAt: now, codeNonce: null, codeShort: null } })
  await tx
    .collection('users')
    .doc(o.openid)
    .update({
      data: {
        points: _.set(releasePoints(user.points, o.cost)),
        [`mallOrders.${o.rewardId}`]: Math.max(0, count - 1),
        updatedAt: now,
      },
    })
  await tx
    .collection('rewards')
    .doc(o.rewardId)
    .update({ data: { stock: _.inc(1), updatedAt: now } })
  return { ...o, status, closedAt: now, codeNonce: null, codeShort: null }
}

export const cancel = action({
  input: cancelOrderInput,
  run: async (args, caller): Promise<Order> => {
    const closed = await inTransaction(async (tx) => {
      const o = await readOrder(tx, args.orderId)
      if (o.openid !== caller.openid) throw denied('只能取消自己的订单')
      if (o.status !== 'held')
        throw precondition(o.status === 'redeemed' ? '已经兑换的订单不能取消' : '这个订单已经结束了')
      return closeHeldOrder(tx, o, 'cancelled', Date.now())
    })
    return toOrder(closed, 'owner')
  },
})

/** The timer: held orders past their 7 days expire, a batch at a time, each in its own transaction. */
export async function expireHeldOrders(): Promise<{ expired: number }> {
  let expired = 0
  for (let round = 0; round < 5; round++) {
    const due = await db
      .collection<OrderRecord>('orders')
      .where({ status: 'held', expiresAt: _.lte(Date.now()) })
      .orderBy('expiresAt', 'asc')
      .limit(100)
      .get()
    for (const candidate of due.data) {
      const done = await inTransaction(async (tx) => {
        const o = await readOrder(tx, candidate._id)
        if (o.status !== 'held' || o.expiresAt > Date.now()) return false
        await closeHeldOrder(tx, o, 'expired', Date.now())
        return true
      })
      if (done) expired++
    }
    if (due.data.length < 100) break
  }
  return { expired }
}

/** One order: its owner sees it as in `orders` mine, the staff of its shop as the shop does; no one else. */
export const getOrder = action({
  input: getOrderInput,
  run: async (args, caller): Promise<Order> => {
    const o = await readOrder(db, args.orderId)
    if (o.openid === caller.openid) return toOrder(o, 'owner')
    if (caller.roles.has('merchant') && caller.user?.merchantId === o.merchantId) return toOrder(o, 'shop')
    throw denied('只能查看自己的订单')
  },
})

export const orders = action({
  input: ordersInput,
  run: async (args, caller): Promise<Page<Order>> => {
    const limit = args.limit ?? 20
    const where: Record<string, unknown> = {}
    if (args.scope === 'mine') where.openid = caller.openid
    else {
      if (!caller.roles.has('merchant') || !caller.user?.merchantId)
        throw denied('只有合作商户的店员可以查看本店订单')
      where.merchantId = caller.user.merchantId
    }
    if (args.status) where.status = args.status
    // A shop's redemptions read newest redemption first; everything else newest order first.
    const field = args.scope === 'merchant' && args.status === 'redeemed' ? 'redeemedAt' : 'createdAt'
    const res = await db
      .collection<OrderRecord>('orders')
      .where(_.and([where, afterCursor(field, decodeCursor(args.cursor))]))
      .orderBy(field, 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (o) =>
      field === 'redeemedAt' ? (o.redeemedAt ?? 0) : o.createdAt,
    )
    return { items: rows.map((o) => toOrder(o, args.scope === 'mine' ? 'owner' : 'shop')), nextCursor }
  },
})
