import { configure, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PointsSummaryFull } from '@shared/points'
import MallCatalogPage from '@/packages/mall/pages/catalog'
import MallOrdersPage from '@/packages/mall/pages/orders'
import { callAs, startEmulatorForFile, tap } from './support/app'
import {
  CLINIC_NURSE,
  HOLDER,
  RESIDENT,
  WORKER,
  become,
  heldOrderWithCode,
  mall,
  myOrders,
  openOrder,
} from './mall-support'

const emulator = startEmulatorForFile()
// Every screen here waits on real function calls; give a busy machine time to answer.
configure({ asyncUtilTimeout: 8000 })

const summaryOf = (openid: string) =>
  callAs<PointsSummaryFull>(emulator(), openid, { action: 'summary' }, 'points')

/** The row of the catalogue that offers `title`. */
async function rewardRow(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title, undefined, { timeout: 5000 })).closest(
    '.catalog__reward',
  ) as HTMLElement
}

/** Opens 积分超市 as 李建国 and waits until it shows his 26 points (his login has come back). */
async function openCatalog(): Promise<void> {
  await become(emulator(), RESIDENT)
  render(<MallCatalogPage />)
  // The first login of a fresh emulator may be slow on a busy machine.
  expect(await screen.findByText('26 分', undefined, { timeout: 20_000 })).toBeInTheDocument()
}

let navigateTo: jest.SpyInstance
beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
})
afterEach(() => {
  navigateTo.mockRestore()
})

describe('积分超市 for a resident', () => {
  test('lists each reward under its shop with cost, stock left, per-person limit and the shop’s address', async () => {
    await openCatalog()

    const row = await rewardRow('食用油 5升')
    expect(within(row).getByText('300')).toBeInTheDocument()
    expect(within(row).getByText('还剩 20 件 · 每人限兑 1 件')).toBeInTheDocument()
    const shop = row.closest('.catalog__shop') as HTMLElement
    expect(within(shop).getByText('惠民便民超市')).toBeInTheDocument()
    expect(within(shop).getByText('便民超市')).toBeInTheDocument()
    expect(within(shop).getByText('地址：裕华区体育南大街86号')).toBeInTheDocument()
  })

  test('filters the catalogue by shop kind', async () => {
    await openCatalog()
    await rewardRow('食用油 5升')

    await tap('药店', screen.getByRole('tablist'))

    expect(await screen.findByText('家庭小药箱')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('食用油 5升')).not.toBeInTheDocument())
    expect(screen.queryByText('免费洗车一次')).not.toBeInTheDocument()
  })

  test('ordering asks first, stating the cost and the hold, then holds the points and opens the order', async () => {
    await openCatalog()
    const row = await rewardRow('免费测血压血糖一次')
    const stockBefore = Number(/还剩 (\d+) 件/.exec(row.textContent ?? '')![1])

    await tap('兑换', row)
    expect(await screen.findByText('确认兑换？')).toBeInTheDocument()
    expect(screen.getByText(/下单后，这 20 积分先冻结，暂时不能用。/)).toBeInTheDocument()
    expect(screen.getByText(/店员扫码交货后，积分才扣掉/)).toBeInTheDocument()
    expect(screen.getByText(/7 天内没去领，积分会自动退回/)).toBeInTheDocument()
    expect(await myOrders(emulator(), RESIDENT)).toEqual([])

    await tap('确认兑换')

    await waitFor(() => expect(navigateTo).toHaveBeenCalled())
    // The catalogue reloads the person and the rewards: what is left to spend, and one fewer in stock.
    expect(await screen.findByText('6 分')).toBeInTheDocument()
    expect(await screen.findByText(`还剩 ${stockBefore - 1} 件 · 每人限兑 4 件`)).toBeInTheDocument()
    const [order] = await myOrders(emulator(), RESIDENT)
    expect(order).toMatchObject({ rewardTitle: '免费测血压血糖一次', status: 'held', cost: 20 })
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/mall/pages/order/index?id=${order.id}` })
    expect(await summaryOf(RESIDENT)).toMatchObject({ balance: 26, held: 20, available: 6 })
    const { items } = await mall<{ items: Array<{ id: string; stock: number }> }>(emulator(), RESIDENT, {
      action: 'catalog',
      merchantId: 'shop-huaizhong-clinic',
    })
    expect(items.find((r) => r.id === 'reward-bp-check')!.stock).toBe(stockBefore - 1)
  })

  test('a held order shows a QR code and its text, which the shop can redeem; the page then shows it redeemed', async () => {
    await become(emulator(), RESIDENT)
    const order = await mall<{ id: string }>(emulator(), RESIDENT, {
      action: 'order',
      rewardId: 'reward-bp-check',
      idempotencyKey: 'page-test-order-1',
    })

    openOrder(order.id)

    expect(await screen.findByRole('img', { name: '兑换二维码' })).toBeInTheDocument()
    expect(screen.getByText(/^\d+ 秒后自动换新码$/)).toBeInTheDocument()
    const image = document.querySelector('.qr-code__image') as HTMLElement
    expect(image.getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    const shown = (document.querySelector('.code-panel__code') as HTMLElement).textContent ?? ''
    expect(shown).toMatch(/^\d{4} \d{4}$/)

    // The nurse types the digits read out to her, checks the order and redeems it.
    const found = await mall<{ code: string }>(emulator(), CLINIC_NURSE, {
      action: 'lookupCode',
      shortCode: shown,
    })
    const redeemed = await mall<{ customer: string; status: string }>(emulator(), CLINIC_NURSE, {
      action: 'redeem',
      code: found.code,
    })
    expect(redeemed).toMatchObject({ status: 'redeemed', customer: '李*国' })
    expect(await screen.findByText('已经领到了', undefined, { timeout: 15_000 })).toBeInTheDocument()
    expect(screen.getByText('孟*燕')).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: '兑换二维码' })).not.toBeInTheDocument()
  })

  test('a reward the person cannot afford says how many points are missing, and its 确认兑换 is disabled; nothing is ordered', async () => {
    await openCatalog()

    await tap('兑换', await rewardRow('食用油 5升'))
    expect(await screen.findByText('您现在可以用 26 分，还差 274 分')).toBeInTheDocument()
    expect(screen.queryByText('确认兑换')).not.toBeInTheDocument()
    const button = screen.getByText('积分不够').closest('taro-button-core')!
    expect(button).toHaveAttribute('disabled')
    await tap('积分不够')

    expect(navigateTo).not.toHaveBeenCalled()
    expect(await myOrders(emulator(), RESIDENT)).toEqual([])
    expect(await summaryOf(RESIDENT)).toMatchObject({ held: 0, available: 26 })
  })

  test('a refusal shows at the top of the sheet, above the reward, where the eye is', async () => {
    await openCatalog()
    await tap('兑换', await rewardRow('免费测血压血糖一次'))
    expect(await screen.findByText('确认兑换？')).toBeInTheDocument()
    // Meanwhile the points went elsewhere: the sheet still thinks 26 are there, the function refuses.
    await callAs(
      emulator(),
      WORKER,
      {
        action: 'adjust',
        openid: RESIDENT,
        delta: -20,
        note: '测试扣分',
        idempotencyKey: `top-${Date.now()}`,
      },
      'points',
    )
    await tap('确认兑换')

    const error = await screen.findByText('可用积分不够兑换这件商品')
    const title = screen.getAllByText('免费测血压血糖一次').find((el) => el.closest('.order-dialog'))!
    expect(error.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(await myOrders(emulator(), RESIDENT)).toEqual([])
  })

  test('cancelling a held order asks first, then gives the points back', async () => {
    await become(emulator(), HOLDER)
    const { order } = await heldOrderWithCode(emulator(), HOLDER)
    const before = await summaryOf(HOLDER)

    openOrder(order.id)
    await tap('不要了，取消兑换')
    expect(await screen.findByText('取消这个兑换？')).toBeInTheDocument()
    await tap('确认取消')

    expect(await screen.findByText('这个兑换已经取消')).toBeInTheDocument()
    expect(await summaryOf(HOLDER)).toMatchObject({
      held: before.held - order.cost,
      available: before.available + order.cost,
    })
  })

  test('我的兑换 lists my orders with their status, the held ones first', async () => {
    await become(emulator(), HOLDER)
    render(<MallOrdersPage />)

    const card = (await screen.findByText('鲜鸡蛋 一盒30枚')).closest('.orders__item') as HTMLElement
    expect(within(card).getByText('待兑换')).toBeInTheDocument()
    expect(within(card).getByText('惠民便民超市 · 80 积分')).toBeInTheDocument()
    expect(within(card).getByText('出示兑换码')).toBeInTheDocument()
  })
})
