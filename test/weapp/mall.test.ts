import type { CatalogItem, Order } from '@shared/mall'
import {
  cloudCalls,
  connect,
  pageText,
  renderPage,
  tapText,
  waitForText,
  waitForNavigation,
  demoEmulatorForFile,
} from './support/weapp'

const emulator = demoEmulatorForFile()

/** 陈志强, a volunteer with points of his own (the demo seed's), and 200 more from the test. */
const RESIDENT = 'demo-volunteer-chen'

test('the 积分超市 of the weapp build lists rewards by shop through wx.cloud, and orders one after confirming', async () => {
  const envelope = await emulator().call<{ items: CatalogItem[] }>('mall', { action: 'catalog', limit: 20 })
  if (!envelope.ok) throw new Error(`catalog failed: ${JSON.stringify(envelope)}`)
  const rewards = envelope.data!.items
  expect(rewards.length).toBeGreaterThan(5)
  // Enough for the dearest reward, 食用油 5升 (300), which is listed last.
  const award = await emulator().call(
    'points',
    { action: 'adjust', openid: RESIDENT, delta: 200, note: '测试加分', idempotencyKey: 'weapp-mall-award' },
    'demo-worker-liu',
  )
  expect(award.ok).toBe(true)
  const summary = await emulator().call<{ available: number }>('points', { action: 'summary' }, RESIDENT)
  const available = summary.data!.available
  connect(emulator().url, RESIDENT)

  const page = renderPage('packages/mall/pages/catalog/index')

  await waitForText(page, rewards[0].title)
  const text = pageText(page)
  for (const reward of rewards) {
    expect(text).toContain(reward.title)
    expect(text).toContain(reward.merchant.name)
  }
  expect(text).toContain('地址：裕华区体育南大街86号')
  expect(text).toContain('还剩 50 件 · 每人限兑 2 件')
  expect(cloudCalls()).toContainEqual({ name: 'mall', data: { action: 'catalog', limit: 20 } })

  // The last 兑换 button on the page orders the oldest reward.
  expect(rewards[rewards.length - 1].title).toBe('食用油 5升')
  await tapText(page, '兑换')
  await waitForText(page, '确认兑换？')
  expect(pageText(page)).toContain(`您现在可以用 ${available} 分`)
  expect(pageText(page)).toContain('下单后，这 300 积分先冻结')
  await tapText(page, '确认兑换')

  const toOrder = await waitForNavigation('/packages/mall/pages/order/index?id=')
  const mine = await emulator().call<{ items: Order[] }>(
    'mall',
    { action: 'orders', scope: 'mine' },
    RESIDENT,
  )
  const order = mine.data!.items.find((o) => o.rewardTitle === '食用油 5升')
  expect(order).toMatchObject({ status: 'held', cost: 300 })
  expect(toOrder).toEqual({ api: 'navigateTo', url: `/packages/mall/pages/order/index?id=${order!.id}` })
})
