/**
 * The `mall` function's contract (积分超市): shops, rewards, orders that hold points and reserve stock,
 * one-time redemption codes scanned at the shop, and settlement per shop and period.
 */
import * as z from 'zod/mini'
import { idempotencyKeySchema, idSchema, pagingFields, text } from './fields'
import { photoFileId } from './images'

export const MERCHANT_KINDS = ['supermarket', 'clinic', 'pharmacy', 'repair', 'other'] as const
export type MerchantKind = (typeof MERCHANT_KINDS)[number]

export const MERCHANT_KIND_LABELS: Record<MerchantKind, string> = {
  supermarket: '便民超市',
  clinic: '卫生室',
  pharmacy: '药店',
  repair: '汽修点',
  other: '其他',
}

export const ORDER_STATUSES = ['held', 'redeemed', 'cancelled', 'expired'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  held: '待兑换',
  redeemed: '已兑换',
  cancelled: '已取消',
  expired: '已过期',
}

/** A held order gives its points and stock back after this long. */
export const ORDER_HOLD_MS = 7 * 24 * 3600_000
/** A redemption code works for one minute, like a payment code. */
export const CODE_TTL_MS = 60_000
/** The digits a customer reads out when the code cannot be scanned; they stand for the code with it. */
export const SHORT_CODE_DIGITS = 8
/**
 * At most this many looked-up digits that match nothing per staff member in any LOOKUP_LOCK_MS: the one that
 * reaches it locks their lookups until the oldest of them is LOOKUP_LOCK_MS old.
 */
export const LOOKUP_MAX_MISSES = 10
export const LOOKUP_LOCK_MS = 10 * 60_000
/** At most this many such misses per shop, all its staff together, in any LOOKUP_LOCK_MS. */
export const SHOP_LOOKUP_MAX_MISSES = 30

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .check(
      z.int({ error: `${label}必须是整数` }),
      z.gte(min, { error: `${label}不能小于${min}` }),
      z.lte(max, { error: `${label}不能大于${max}` }),
    )

export const catalogInput = z.strictObject({
  merchantId: z.optional(idSchema('商户')),
  kind: z.optional(z.enum(MERCHANT_KINDS, { error: '商户类别不正确' })),
  ...pagingFields,
})

/** One reward on sale, as a shared card opens it. */
export const rewardInput = z.strictObject({ id: idSchema('商品') })

export const merchantsInput = z.strictObject({ ...pagingFields })

export const upsertMerchantInput = z.strictObject({
  id: z.optional(idSchema('商户')),
  name: text('商户名称', 30),
  kind: z.enum(MERCHANT_KINDS, { error: '请选择商户类别' }),
  address: text('商户地址', 100),
  active: z.optional(z.boolean({ error: '营业状态不正确' })),
})

export const upsertRewardInput = z.strictObject({
  id: z.optional(idSchema('商品')),
  merchantId: idSchema('商户'),
  title: text('商品名称', 30),
  cost: count('所需积分', 1, 100000),
  stock: count('库存', 0, 100000),
  perUserLimit: count('每人限兑数量', 1, 100),
  active: z.optional(z.boolean({ error: '上架状态不正确' })),
})

/** A photo the caller uploaded (services/storage.ts); null takes the reward's picture away. */
export const setRewardPhotoInput = z.strictObject({
  rewardId: idSchema('商品'),
  fileID: z.nullable(photoFileId),
})

export const orderInput = z.strictObject({ rewardId: idSchema('商品'), idempotencyKey: idempotencyKeySchema })
export const codeInput = z.strictObject({ orderId: idSchema('订单') })
export const redeemInput = z.strictObject({
  code: z
    .string({ error: '请扫描或输入兑换码' })
    .check(
      z.trim(),
      z.minLength(1, { error: '请扫描或输入兑换码' }),
      z.maxLength(200, { error: '兑换码不正确' }),
    ),
})
export const lookupCodeInput = z.strictObject({
  shortCode: z.string({ error: '请输入顾客念的兑换数字' }).check(
    z.maxLength(40, { error: `兑换数字是${SHORT_CODE_DIGITS}位，请看清顾客手机上的数字` }),
    // Spaces are how the digits are shown ("1234 5678"), not part of them.
    z.overwrite((value) => value.replace(/\s+/g, '')),
    z.regex(new RegExp(`^\\d{${SHORT_CODE_DIGITS}}$`), {
      error: `兑换数字是${SHORT_CODE_DIGITS}位，请看清顾客手机上的数字`,
    }),
  ),
})
export const cancelOrderInput = z.strictObject({ orderId: idSchema('订单') })
export const getOrderInput = z.strictObject({ orderId: idSchema('订单') })
export const ordersInput = z.strictObject({
  scope: z.enum(['mine', 'merchant'], { error: '列表范围不正确' }),
  status: z.optional(z.enum(ORDER_STATUSES, { error: '订单状态不正确' })),
  ...pagingFields,
})
export const settlementInput = z
  .strictObject({
    merchantId: z.optional(idSchema('商户')),
    from: z
      .number({ error: '请选择开始日期' })
      .check(z.int({ error: '开始时间不正确' }), z.gte(0, { error: '开始时间不正确' })),
    to: z
      .number({ error: '请选择结束日期' })
      .check(z.int({ error: '结束时间不正确' }), z.gte(0, { error: '结束时间不正确' })),
  })
  .check(z.refine((v) => v.from < v.to, { error: '开始时间要早于结束时间', path: ['to'] }))

export type CatalogInput = z.infer<typeof catalogInput>
export type UpsertRewardInput = z.infer<typeof upsertRewardInput>
export type SetRewardPhotoInput = z.infer<typeof setRewardPhotoInput>
export type SettlementInput = z.infer<typeof settlementInput>

export interface Merchant {
  id: string
  name: string
  kind: MerchantKind
  address: string
  active: boolean
}

export interface Reward {
  id: string
  merchantId: string
  title: string
  cost: number
  /** What can still be ordered (held orders are already taken out of it). */
  stock: number
  perUserLimit: number
  active: boolean
  /** A temporary URL of the reward's picture (valid for two hours), or null when it has none. */
  photoUrl: string | null
}

/** A shop with every reward it has, on sale or not (workers' 商户与商品). */
export interface MerchantWithRewards {
  merchant: Merchant
  rewards: Reward[]
}

export interface CatalogItem extends Reward {
  merchant: Merchant
}

export interface Order {
  id: string
  /** Present for the owner; shops see `customer` (a masked name) instead. */
  openid?: string
  customer?: string
  rewardId: string
  rewardTitle: string
  merchantId: string
  merchantName: string
  cost: number
  status: OrderStatus
  createdAt: number
  expiresAt: number
  redeemedAt: number | null
  redeemedBy: string | null
}

export interface RedemptionCode {
  /** What the QR code holds: signed, single use. */
  code: string
  /** The same code as digits a person can read out and type (SHORT_CODE_DIGITS of them). */
  shortCode: string
  expiresAt: number
}

/** A shop's look at the order behind digits a customer read out, and the code that redeems it. */
export interface CodeLookup {
  order: Order
  code: string
}

export interface SettlementItem {
  merchantId: string
  name: string
  orders: number
  points: number
}
