/** The catalogue, and the shops and rewards that workers (and a shop's own staff) keep up to date. */
import crypto from 'node:crypto'
import {
  catalogInput,
  merchantsInput,
  rewardInput,
  upsertMerchantInput,
  setRewardPhotoInput,
  upsertRewardInput,
  type CatalogItem,
  type Merchant,
  type MerchantWithRewards,
  type Reward,
} from '../../../types/mall'
import type { Page } from '../../../types/envelope'
import type { MerchantRecord, RewardRecord } from '../../../types/records'
import { _, db } from '../../../server/cloud'
import { assertSafeText } from '../../../server/content'
import { acceptPhoto, photoUrls, removeFiles } from '../../../server/photos'
import { denied, notFound, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { afterCursor, decodeCursor, pageOf } from '../../../server/paging'
import { inTransaction } from '../../../server/transaction'
import { toMerchant, toReward } from './views'

const newId = (prefix: string) => `${prefix}-${crypto.randomBytes(8).toString('hex')}`

export const catalog = action({
  input: catalogInput,
  who: 'anyone',
  run: async (args): Promise<Page<CatalogItem>> => {
    const limit = args.limit ?? 20
    const where: Record<string, unknown> = { active: true }
    if (args.merchantId) where.merchantId = args.merchantId
    if (args.kind) where.merchantKind = args.kind
    const res = await db
      .collection<RewardRecord>('rewards')
      .where(_.and([where, afterCursor('createdAt', decodeCursor(args.cursor))]))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (r) => r.createdAt)
    const shopIds = [...new Set(rows.map((r) => r.merchantId))]
    const shops = shopIds.length
      ? (
          await db
            .collection<MerchantRecord>('merchants')
            .where({ _id: _.in(shopIds) })
            .get()
        ).data
      : []
    const byId = new Map(shops.map((m) => [m._id, m]))
    const shown = rows.filter((r) => byId.get(r.merchantId)?.active)
    const urls = await photoUrls(shown.map((r) => r.photo))
    const items = shown.map((r) => ({ ...toReward(r, urls), merchant: toMerchant(byId.get(r.merchantId)!) }))
    return { items, nextCursor }
  },
})

/**
 * One reward on sale with its shop, for a card shared from a chat. A reward off sale, of a paused shop or
 * never made answers the same not-found.
 */
export const reward = action({
  input: rewardInput,
  who: 'anyone',
  run: async (args): Promise<CatalogItem> => {
    const gone = () => notFound('这件商品已经下架或不存在了')
    const r = (
      await db.collection<RewardRecord>('rewards').where({ _id: args.id, active: true }).limit(1).get()
    ).data[0]
    if (!r) throw gone()
    const shop = (
      await db
        .collection<MerchantRecord>('merchants')
        .where({ _id: r.merchantId, active: true })
        .limit(1)
        .get()
    ).data[0]
    if (!shop) throw gone()
    const urls = await photoUrls([r.photo])
    return { ...toReward(r, urls), merchant: toMerchant(shop) }
  },
})

/** The most rewards one shop is listed with (the server SDK reads at most 1000 a query). */
const MAX_REWARDS_PER_PAGE = 1000

export const merchants = action({
  input: merchantsInput,
  who: 'worker',
  run: async (args): Promise<Page<MerchantWithRewards>> => {
    const limit = args.limit ?? 20
    const res = await db
      .collection<MerchantRecord>('merchants')
      .where(afterCursor('createdAt', decodeCursor(args.cursor)))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get()
    const { rows, nextCursor } = pageOf(res.data, limit, (m) => m.createdAt)
    const rewards = rows.length
      ? (
          await db
            .collection<RewardRecord>('rewards')
            .where({ merchantId: _.in(rows.map((m) => m._id)) })
            .orderBy('createdAt', 'desc')
            .limit(MAX_REWARDS_PER_PAGE)
            .get()
        ).data
      : []
    const urls = await photoUrls(rewards.map((r) => r.photo))
    const items = rows.map((m) => ({
      merchant: toMerchant(m),
      rewards: rewards.filter((r) => r.merchantId === m._id).map((r) => toReward(r, urls)),
    }))
    return { items, nextCursor }
  },
})

export const upsertMerchant = action({
  input: upsertMerchantInput,
  who: 'worker',
  run: async (args, caller): Promise<Merchant> => {
    await assertSafeText(caller.openid, [args.name, args.address])
    const now = Date.now()
    const id = args.id ?? newId('shop')
    const record = await inTransaction(async (tx) => {
      const ref = tx.collection<MerchantRecord>('merchants').doc(id)
      let current: MerchantRecord | null = null
      try {
        current = (await ref.get()).data
      } catch {
        if (args.id) throw notFound('没有找到这个商户')
      }
      const next: MerchantRecord = {
        _id: id,
        name: args.name,
        kind: args.kind,
        address: args.address,
        active: args.active ?? current?.active ?? true,
        // Editing a shop leaves its staff's count of wrong digits as it is.
        ...(current?.lookupLock ? { lookupLock: current.lookupLock } : {}),
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      }
      const { _id: _ignored, ...data } = next
      await ref.set({ data })
      return next
    })
    // Rewards carry the shop's name, kind and whether it is open, for the catalogue and for orders: once
    // this answers, no reward of a paused shop can be ordered.
    await db
      .collection('rewards')
      .where({ merchantId: id })
      .update({
        data: { merchantName: record.name, merchantKind: record.kind, merchantActive: record.active },
      })
    return toMerchant(record)
  },
})

export const upsertReward = action({
  input: upsertRewardInput,
  who: ['worker', 'merchant'],
  run: async (args, caller): Promise<Reward> => {
    if (!caller.roles.has('worker') && caller.user!.merchantId !== args.merchantId) {
      throw denied('只能管理本店的商品')
    }
    await assertSafeText(caller.openid, [args.title])
    const shop = (
      await db.collection<MerchantRecord>('merchants').where({ _id: args.merchantId }).limit(1).get()
    ).data[0]
    if (!shop) throw notFound('没有找到这个商户')
    const now = Date.now()
    const id = args.id ?? newId('reward')
    const record = await inTransaction(async (tx) => {
      const ref = tx.collection<RewardRecord>('rewards').doc(id)
      let current: RewardRecord | null = null
      try {
        current = (await ref.get()).data
      } catch {
        if (args.id) throw notFound('没有找到这件商品')
      }
      if (current && current.merchantId !== args.merchantId) throw precondition('商品不能换到别的商户')
      // Stock put in or taken out keeps the books: stock + held + redeemed = stockTotal.
      const stockTotal = (current?.stockTotal ?? 0) + args.stock - (current?.stock ?? 0)
      const next: RewardRecord = {
        _id: id,
        merchantId: args.merchantId,
        merchantKind: shop.kind,
        merchantName: shop.name,
        merchantActive: shop.active,
        title: args.title,
        cost: args.cost,
        stock: args.stock,
        stockTotal,
        perUserLimit: args.perUserLimit,
        active: args.active ?? current?.active ?? true,
        photo: current?.photo ?? null,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      }
      const { _id: _ignored, ...data } = next
      await ref.set({ data })
      return next
    })
    return toReward(record, await photoUrls([record.photo]))
  },
})

/**
 * Gives a reward its picture (or takes it away): the photo the caller uploaded passes the checks of
 * server/photos.ts and is kept under `public/rewards/<id>/`, which anyone may read; the one it replaces is
 * deleted. Staff of a shop may do it for their own shop's rewards, workers for any.
 */
export const setRewardPhoto = action({
  input: setRewardPhotoInput,
  who: ['worker', 'merchant'],
  run: async (args, caller): Promise<Reward> => {
    const ref = db.collection<RewardRecord>('rewards').doc(args.rewardId)
    let reward: RewardRecord
    try {
      reward = (await ref.get()).data
    } catch {
      throw notFound('没有找到这件商品')
    }
    if (!caller.roles.has('worker') && caller.user!.merchantId !== reward.merchantId) {
      throw denied('只能管理本店的商品')
    }
    const photo = args.fileID
      ? await acceptPhoto(caller.openid, args.fileID, `public/rewards/${reward._id}/photo`)
      : null
    await ref.update({ data: { photo, updatedAt: Date.now() } })
    if (reward.photo && reward.photo !== photo) await removeFiles([reward.photo])
    return toReward({ ...reward, photo }, await photoUrls([photo]))
  },
})
