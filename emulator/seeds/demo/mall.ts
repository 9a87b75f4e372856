/**
 * The 积分超市 of seed 003 ("随时可在各镇街便民超市、卫生室、药店、汽修点等处兑换积分优惠"): rewards at the
 * four shop kinds, a few held orders and past redemptions — with the people's summaries and the ledger
 * kept in step (held = Σ held orders, a redemption is a ledger entry).
 */
import type {
  LedgerRecord,
  MerchantRecord,
  OrderRecord,
  RewardRecord,
  UserRecord,
} from '../../../types/records'
import { ORDER_HOLD_MS } from '../../../types/mall'
import { applyDelta, idFor } from '../../../server/points-math'
import { fileIdOf } from '../../storage'
import { rewardPicture } from './pictures'

const DAY = 86_400_000

const REWARDS: Array<[string, string, string, number, number, number]> = [
  // id, shop, title, cost, stock, per-person limit
  ['reward-oil', 'shop-huimin', '食用油 5升', 300, 20, 1],
  ['reward-eggs', 'shop-huimin', '鲜鸡蛋 一盒30枚', 80, 50, 2],
  ['reward-noodles', 'shop-huimin', '挂面 2斤装', 40, 100, 3],
  ['reward-detergent', 'shop-huimin', '洗衣液 2公斤', 120, 30, 1],
  ['reward-bp-check', 'shop-huaizhong-clinic', '免费测血压血糖一次', 20, 200, 4],
  ['reward-checkup', 'shop-huaizhong-clinic', '老年人健康体检套餐', 200, 10, 1],
  ['reward-masks', 'shop-renhe-pharmacy', '医用口罩 一盒50只', 50, 100, 2],
  ['reward-medkit', 'shop-renhe-pharmacy', '家庭小药箱', 150, 20, 1],
  ['reward-carwash', 'shop-xingda-repair', '免费洗车一次', 60, 30, 2],
  ['reward-tyre', 'shop-xingda-repair', '电动车补胎一次', 30, 50, 2],
]

export function demoMall(
  shops: MerchantRecord[],
  users: UserRecord[],
  ledger: LedgerRecord[],
  now: number,
): {
  rewards: RewardRecord[]
  orders: OrderRecord[]
  users: UserRecord[]
  ledger: LedgerRecord[]
  /** Each reward's picture, drawn for the demo (pictures.ts), at the path setRewardPhoto would keep it. */
  files: Array<{ path: string; bytes: Buffer }>
} {
  const shopById = new Map(shops.map((s) => [s._id, s]))
  const files: Array<{ path: string; bytes: Buffer }> = []
  const rewards: RewardRecord[] = REWARDS.map(([id, shopId, title, cost, stock, limit], i) => {
    const shop = shopById.get(shopId)!
    const photoPath = `public/rewards/${id}/photo-demo.png`
    files.push({ path: photoPath, bytes: rewardPicture(i, shop.kind) })
    return {
      _id: id,
      merchantId: shopId,
      merchantKind: shop.kind,
      merchantName: shop.name,
      merchantActive: shop.active,
      title,
      cost,
      stock,
      stockTotal: stock,
      perUserLimit: limit,
      active: true,
      photo: fileIdOf(photoPath),
      createdAt: now - (30 - i) * DAY,
      updatedAt: now - (30 - i) * DAY,
    }
  })
  const byReward = new Map(rewards.map((r) => [r._id, r]))
  const people = new Map(
    users.map((u) => [u.openid, { ...u, points: { ...u.points }, mallOrders: { ...(u.mallOrders ?? {}) } }]),
  )
  const orders: OrderRecord[] = []
  const entries = [...ledger]

  const place = (openid: string, rewardId: string, daysAgo: number, redeemedBy?: UserRecord) => {
    const person = people.get(openid)
    const reward = byReward.get(rewardId)!
    if (!person || person.points.balance - person.points.held < reward.cost) return
    const createdAt = now - daysAgo * DAY
    const id = idFor(`order:seed:${openid}:${rewardId}`)
    const order: OrderRecord = {
      _id: id,
      openid,
      customerName: person.nickname,
      rewardId,
      rewardTitle: reward.title,
      merchantId: reward.merchantId,
      merchantName: reward.merchantName,
      cost: reward.cost,
      status: redeemedBy ? 'redeemed' : 'held',
      codeNonce: null,
      codeExpiresAt: null,
      codeShort: null,
      createdAt,
      expiresAt: createdAt + ORDER_HOLD_MS,
      redeemedAt: redeemedBy ? createdAt + 3600_000 : null,
      redeemedBy: redeemedBy?.openid ?? null,
      redeemedByName: redeemedBy?.nickname ?? null,
      closedAt: redeemedBy ? createdAt + 3600_000 : null,
      entryId: null,
    }
    reward.stock -= 1
    person.mallOrders[rewardId] = (person.mallOrders[rewardId] ?? 0) + 1
    if (redeemedBy) {
      person.points = applyDelta(person.points, -reward.cost, order.redeemedAt!, 'redemption')
      const entry: LedgerRecord = {
        _id: idFor(`entry:redeem:${id}`),
        openid,
        delta: -reward.cost,
        kind: 'redemption',
        refId: id,
        note: `兑换 ${reward.title}（${reward.merchantName}）`,
        operator: redeemedBy.openid,
        createdAt: order.redeemedAt!,
        balanceAfter: person.points.balance,
        name: person.nickname,
        public: false,
        fingerprint: JSON.stringify(['redemption', -reward.cost, id, openid]),
      }
      order.entryId = entry._id
      entries.push(entry)
    } else {
      person.points = { ...person.points, held: person.points.held + reward.cost }
    }
    orders.push(order)
  }

  const staff = (shopId: string) => users.find((u) => u.merchantId === shopId)!
  place('demo-volunteer-zhang', 'reward-eggs', 0.2)
  place('demo-volunteer-chen', 'reward-carwash', 1)
  place('demo-neighbour-01', 'reward-noodles', 0.1, staff('shop-huimin'))
  place('demo-neighbour-04', 'reward-bp-check', 0.05, staff('shop-huaizhong-clinic'))
  place('demo-neighbour-07', 'reward-masks', 2, staff('shop-renhe-pharmacy'))
  place('demo-resident-wang', 'reward-bp-check', 0.5)
  return { rewards, orders, users: [...people.values()], ledger: entries, files }
}
