/** Typed calls of the `mall` function (积分超市); see types/mall.ts for each action's schema. */
import type * as z from 'zod/mini'
import type { Page } from '@shared/envelope'
import type {
  CatalogInput,
  CatalogItem,
  Merchant,
  Order,
  OrderStatus,
  RedemptionCode,
  CodeLookup,
  MerchantWithRewards,
  Reward,
  SettlementInput,
  SettlementItem,
  UpsertRewardInput,
  upsertMerchantInput,
} from '@shared/mall'
import { shanghaiDay } from '@shared/time'
import { callFunction, toCloudError } from './cloud'

const FUNCTION = 'mall'

export type UpsertMerchantInput = z.infer<typeof upsertMerchantInput>

export interface OrdersInput {
  scope: 'mine' | 'merchant'
  status?: OrderStatus
  cursor?: string
  limit?: number
}

// The orders this device has seen lately, so that an order's page shows at once while it asks again.
const seenOrders = new Map<string, Order>()

function remember(order: Order): Order {
  seenOrders.set(order.id, order)
  return order
}

/** The last known state of one of my orders, without asking the server (null when never seen). */
export function rememberedOrder(id: string): Order | null {
  return seenOrders.get(id) ?? null
}

/** One page of the catalogue (anyone): rewards with their shop, optionally of one shop or one kind of shop. */
export function listCatalog(input: CatalogInput = {}): Promise<Page<CatalogItem>> {
  return callFunction<Page<CatalogItem>>(FUNCTION, { action: 'catalog', ...input })
}

/** One reward on sale (a shared card opens it); not-found once it is off sale or its shop is paused. */
export function getReward(id: string): Promise<CatalogItem> {
  return callFunction<CatalogItem>(FUNCTION, { action: 'reward', id })
}

/**
 * A fresh key for one order attempt, made on the device: make it once when the person confirms, and send
 * the same key again on a retry, so that a lost answer never becomes a second order.
 */
export function newOrderKey(): string {
  let random = ''
  while (random.length < 16) random += Math.random().toString(36).slice(2)
  return `ord-${Date.now().toString(36)}-${random.slice(0, 16)}`
}

/**
 * Orders a reward: its points are held and one unit reserved. Not enough points → `failed-precondition`;
 * sold out or over the per-person limit → `resource-exhausted`.
 */
export async function placeOrder(rewardId: string, idempotencyKey: string): Promise<Order> {
  return remember(await callFunction<Order>(FUNCTION, { action: 'order', rewardId, idempotencyKey }))
}

/** A one-time code for my held order, valid for a minute; asking again replaces the previous code. */
export function getRedemptionCode(orderId: string): Promise<RedemptionCode> {
  return callFunction<RedemptionCode>(FUNCTION, { action: 'code', orderId })
}

/**
 * Shop staff: the order behind the 8 digits a customer reads out (spaces allowed), and the code that
 * redeems it. No live code of my shop with these digits → `not-found`.
 */
export function lookupCode(shortCode: string): Promise<CodeLookup> {
  return callFunction<CodeLookup>(FUNCTION, { action: 'lookupCode', shortCode })
}

/** Shop staff: redeems the code a customer shows. Spaces and line breaks typed with it are ignored. */
export function redeemCode(code: string): Promise<Order> {
  return callFunction<Order>(FUNCTION, { action: 'redeem', code: code.replace(/\s+/g, '') })
}

/** Cancels my held order: its points and the reserved unit come back. */
export async function cancelOrder(orderId: string): Promise<Order> {
  return remember(await callFunction<Order>(FUNCTION, { action: 'cancel', orderId }))
}

/** One page of orders: mine (newest first), or my shop's (shop staff; `redeemed` newest redemption first). */
export async function listOrders(input: OrdersInput): Promise<Page<Order>> {
  const page = await callFunction<Page<Order>>(FUNCTION, { action: 'orders', ...input })
  if (input.scope === 'mine') page.items.forEach(remember)
  return page
}

/** One of my orders as it is now (one read); null when there is no such order. */
export async function refreshMyOrder(id: string): Promise<Order | null> {
  try {
    return remember(await callFunction<Order>(FUNCTION, { action: 'getOrder', orderId: id }))
  } catch (e) {
    if (toCloudError(e).code === 'not-found') return null
    throw e
  }
}

/** The instant today began in Asia/Shanghai (the contract's days). */
export function startOfShanghaiDay(now: number = Date.now()): number {
  return Date.parse(`${shanghaiDay(now)}T00:00:00+08:00`)
}

/** Shop staff: what my shop has redeemed today, newest first. */
export async function listTodaysRedemptions(now: number = Date.now()): Promise<Order[]> {
  const since = startOfShanghaiDay(now)
  const today: Order[] = []
  let cursor: string | undefined
  for (;;) {
    const { items, nextCursor } = await listOrders({
      scope: 'merchant',
      status: 'redeemed',
      cursor,
      limit: 20,
    })
    for (const order of items) {
      if ((order.redeemedAt ?? 0) < since) return today
      today.push(order)
    }
    if (!nextCursor) return today
    cursor = nextCursor
  }
}

/** A shop as the catalogue shows it (its name, kind and address), or null when it lists nothing now. */
export async function findShop(merchantId: string): Promise<Merchant | null> {
  const { items } = await listCatalog({ merchantId, limit: 1 })
  return items[0]?.merchant ?? null
}

/** How many pages of shops (20 a page) the overview reads at most. */
const MAX_SHOP_PAGES = 25

/**
 * Workers only: every shop with all its rewards, newest shop first — paused shops and rewards taken off
 * sale too, so that they can be opened again.
 */
export async function listShopsWithRewards(): Promise<MerchantWithRewards[]> {
  const shops: MerchantWithRewards[] = []
  let cursor: string | undefined
  for (let page = 0; page < MAX_SHOP_PAGES; page++) {
    const { items, nextCursor } = await callFunction<Page<MerchantWithRewards>>(FUNCTION, {
      action: 'merchants',
      cursor,
      limit: 20,
    })
    shops.push(...items)
    if (!nextCursor) break
    cursor = nextCursor
  }
  return shops
}

/** Workers only: creates a shop (no `id`) or changes one. */
export function upsertMerchant(input: UpsertMerchantInput): Promise<Merchant> {
  return callFunction<Merchant>(FUNCTION, { action: 'upsertMerchant', ...input })
}

/** Workers, or staff of that shop: creates a reward (no `id`) or changes one. */
export function upsertReward(input: UpsertRewardInput): Promise<Reward> {
  return callFunction<Reward>(FUNCTION, { action: 'upsertReward', ...input })
}

/** Gives a reward the photo the caller uploaded (services/storage.ts), or takes its picture away (null). */
export function setRewardPhoto(rewardId: string, fileID: string | null): Promise<Reward> {
  return callFunction<Reward>(FUNCTION, { action: 'setRewardPhoto', rewardId, fileID })
}

/** Workers (all shops, or one); a shop's staff for their own shop: what was redeemed in [from, to). */
export function getSettlement(input: SettlementInput): Promise<{ items: SettlementItem[] }> {
  return callFunction<{ items: SettlementItem[] }>(FUNCTION, { action: 'settlement', ...input })
}
