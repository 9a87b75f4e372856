/** What the mall shows: shops, rewards, and orders — shops see customers' masked names, never openids. */
import type { Merchant, Order, Reward } from '../../../types/mall'
import type { MerchantRecord, OrderRecord, RewardRecord } from '../../../types/records'
import { maskName } from '../../../types/text'

export function toMerchant(m: MerchantRecord): Merchant {
  return { id: m._id, name: m.name, kind: m.kind, address: m.address, active: m.active }
}

/** A reward as shown; `photoUrls` holds the temporary URL of its picture (server/photos.ts photoUrls). */
export function toReward(r: RewardRecord, photoUrls: Map<string, string>): Reward {
  return {
    id: r._id,
    merchantId: r.merchantId,
    title: r.title,
    cost: r.cost,
    stock: r.stock,
    perUserLimit: r.perUserLimit,
    active: r.active,
    photoUrl: (r.photo && photoUrls.get(r.photo)) || null,
  }
}

export function toOrder(o: OrderRecord, viewer: 'owner' | 'shop'): Order {
  return {
    id: o._id,
    ...(viewer === 'owner' ? { openid: o.openid } : { customer: maskName(o.customerName) }),
    rewardId: o.rewardId,
    rewardTitle: o.rewardTitle,
    merchantId: o.merchantId,
    merchantName: o.merchantName,
    cost: o.cost,
    status: o.status,
    createdAt: o.createdAt,
    expiresAt: o.expiresAt,
    redeemedAt: o.redeemedAt,
    redeemedBy: o.redeemedByName ? maskName(o.redeemedByName) : null,
  }
}
