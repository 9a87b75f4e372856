/** What the 积分超市 page tests share: the demo people they act as, orders and codes made through the function. */
import { render } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { Order, RedemptionCode } from '@shared/mall'
import type { Role } from '@shared/user'
import MallOrderPage from '@/packages/mall/pages/order'
import { actAs, callAs } from './support/app'
import type { Emulator } from './support/emulator'

/** 李建国: a resident with 26 points and no orders. */
export const RESIDENT = 'demo-resident-li'
/** 张桂芹: holds an order of 鲜鸡蛋 at 惠民便民超市. */
export const HOLDER = 'demo-volunteer-zhang'
/** 周海燕, staff of 惠民便民超市 (shop-huimin). */
export const SHOPKEEPER = 'demo-merchant-zhou'
/** 孟晓燕, staff of 槐中路社区卫生室 (shop-huaizhong-clinic). */
export const CLINIC_NURSE = 'demo-merchant-meng'
export const WORKER = 'demo-worker-liu'

/** The app acts as the demo person `openid` from now on. */
export async function become(emulator: Emulator, openid: string): Promise<void> {
  const identity = (await emulator.identities()).find((i) => i.openid === openid)
  if (!identity) throw new Error(`the demo seed has no identity ${openid}`)
  actAs({ ...identity, role: identity.role as Role })
}

/** Calls the mall function as `openid`, failing the test on an error envelope. */
export function mall<T>(emulator: Emulator, openid: string, data: object): Promise<T> {
  return callAs<T>(emulator, openid, data, 'mall')
}

export async function myOrders(emulator: Emulator, openid: string): Promise<Order[]> {
  return (await mall<{ items: Order[] }>(emulator, openid, { action: 'orders', scope: 'mine' })).items
}

/** The held order `openid` has, and a fresh code for it, as their phone would show it. */
export async function heldOrderWithCode(
  emulator: Emulator,
  openid: string,
): Promise<{ order: Order; code: string; shortCode: string }> {
  const order = (await myOrders(emulator, openid)).find((o) => o.status === 'held')
  if (!order) throw new Error(`${openid} holds no order in the demo seed`)
  const { code, shortCode } = await mall<RedemptionCode>(emulator, openid, {
    action: 'code',
    orderId: order.id,
  })
  return { order, code, shortCode }
}

/** Renders an order's page as a navigation to `…/order/index?id=<id>` would. */
export function openOrder(id: string) {
  Current.router = {
    params: { id },
    path: '/packages/mall/pages/order/index',
  } as unknown as typeof Current.router
  return render(<MallOrderPage />)
}
