import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { CatalogItem, SettlementItem } from '@shared/mall'
import { shanghaiMonth, shanghaiMonthStart } from '@shared/time'
import MallSettlementPage from '@/packages/worker/pages/mall-settlement'
import MallShopsPage from '@/packages/worker/pages/mall-shops'
import { callAs, startEmulatorForFile, tap, typeInto, waitForGone } from './support/app'
import { HOLDER, RESIDENT, SHOPKEEPER, WORKER, become, heldOrderWithCode, mall } from './mall-support'

const emulator = startEmulatorForFile()
// Every screen here waits on real function calls; give a busy machine time to answer.
configure({ asyncUtilTimeout: 8000 })

describe('积分结算 for a worker', () => {
  test('lists, for this month, each shop with its redeemed orders and points, and the total', async () => {
    // At least one redemption this month, whatever day the test runs.
    const { code } = await heldOrderWithCode(emulator(), HOLDER)
    await mall(emulator(), SHOPKEEPER, { action: 'redeem', code })
    const month = shanghaiMonth(Date.now())
    const next = shanghaiMonth(shanghaiMonthStart(month) + 32 * 86_400_000)
    const { items } = await mall<{ items: SettlementItem[] }>(emulator(), WORKER, {
      action: 'settlement',
      from: shanghaiMonthStart(month),
      to: shanghaiMonthStart(next),
    })
    expect(items.length).toBeGreaterThan(0)
    await become(emulator(), WORKER)

    render(<MallSettlementPage />)

    const [year, mon] = month.split('-').map(Number)
    expect(await screen.findByText(`${year}年${mon}月`)).toBeInTheDocument()
    for (const item of items) {
      const row = (await screen.findByText(item.name)).closest('.settlement__row') as HTMLElement
      expect(within(row).getByText(String(item.orders))).toBeInTheDocument()
      expect(within(row).getByText(String(item.points))).toBeInTheDocument()
    }
    const total = screen.getByText('合计').closest('.settlement__row') as HTMLElement
    expect(
      within(total).getByText(String(items.reduce((sum, item) => sum + item.points, 0))),
    ).toBeInTheDocument()
  })

  test('the previous month can be chosen', async () => {
    await become(emulator(), WORKER)
    render(<MallSettlementPage />)
    const month = shanghaiMonth(Date.now())
    const previous = shanghaiMonth(shanghaiMonthStart(month) - 86_400_000)
    const [year, mon] = previous.split('-').map(Number)

    await tap('上个月')

    expect(await screen.findByText(`${year}年${mon}月`)).toBeInTheDocument()
  })

  test('a resident is told it is for workers only', async () => {
    await become(emulator(), RESIDENT)
    render(<MallSettlementPage />)

    expect(await screen.findByText('仅社工可以使用')).toBeInTheDocument()
    expect(screen.queryByText('合计')).not.toBeInTheDocument()
  })
})

describe('商户与商品 for a worker', () => {
  test('lists the shops with their rewards', async () => {
    await become(emulator(), WORKER)
    render(<MallShopsPage />)

    const shop = (await screen.findByText('兴达汽修点')).closest('.shops__shop') as HTMLElement
    expect(within(shop).getByText('免费洗车一次')).toBeInTheDocument()
    expect(within(shop).getByText('地址：裕华区建华南大街210号')).toBeInTheDocument()
  })

  test('a worker adds a reward to a shop, and residents then find it in the catalogue', async () => {
    await become(emulator(), WORKER)
    render(<MallShopsPage />)
    const shop = (await screen.findByText('兴达汽修点')).closest('.shops__shop') as HTMLElement

    await tap('添加商品', shop)
    await typeInto('例如：鲜鸡蛋 一盒30枚', '汽车打蜡一次')
    const numbers = screen.getAllByPlaceholderText('填数字').filter((el) => el.tagName === 'INPUT')
    expect(numbers).toHaveLength(3)
    const [cost, stock, limit] = numbers
    fireEvent.input(cost, { target: { value: '90' } })
    fireEvent.input(stock, { target: { value: '12' } })
    fireEvent.input(limit, { target: { value: '1' } })
    await tap('保存')

    expect(await screen.findByText('汽车打蜡一次')).toBeInTheDocument()
    const { items } = await mall<{ items: CatalogItem[] }>(emulator(), RESIDENT, {
      action: 'catalog',
      merchantId: 'shop-xingda-repair',
    })
    expect(items.find((r) => r.title === '汽车打蜡一次')).toMatchObject({
      cost: 90,
      stock: 12,
      perUserLimit: 1,
    })
  })

  test('a reward missing its cost is not saved, and the form says what is missing', async () => {
    await become(emulator(), WORKER)
    render(<MallShopsPage />)
    const shop = (await screen.findByText('兴达汽修点')).closest('.shops__shop') as HTMLElement

    await tap('添加商品', shop)
    await typeInto('例如：鲜鸡蛋 一盒30枚', '汽车打蜡一次')
    await tap('保存')

    expect(await screen.findByText('请填写所需积分')).toBeInTheDocument()
  })

  test('a paused shop stays listed as 暂停兑换 and can be opened again, back in the catalogue', async () => {
    const { items } = await mall<{ items: CatalogItem[] }>(emulator(), RESIDENT, {
      action: 'catalog',
      merchantId: 'shop-xingda-repair',
    })
    const { id, name, kind, address } = items[0].merchant
    await mall(emulator(), WORKER, { action: 'upsertMerchant', id, name, kind, address, active: false })
    await become(emulator(), WORKER)
    render(<MallShopsPage />)

    const shop = (await screen.findByText('兴达汽修点')).closest('.shops__shop') as HTMLElement
    expect(within(shop).getByText('暂停兑换')).toBeInTheDocument()
    await tap('修改商户', shop)
    await tap('营业中')
    await tap('保存')

    await screen.findByText('添加商户')
    // The list reloads after the save: the shop shows as open again.
    await waitFor(() => {
      const reloaded = screen.getByText('兴达汽修点').closest('.shops__shop') as HTMLElement
      expect(within(reloaded).queryByText('暂停兑换')).not.toBeInTheDocument()
    })
    const open = await mall<{ items: CatalogItem[] }>(emulator(), RESIDENT, {
      action: 'catalog',
      merchantId: 'shop-xingda-repair',
    })
    expect(open.items.length).toBe(items.length)
    expect(open.items[0].merchant.active).toBe(true)
  })

  test('店员: a worker makes a resident staff of a shop, who can then redeem there, and takes it back', async () => {
    await become(emulator(), WORKER)
    render(<MallShopsPage />)
    const shop = (await screen.findByText('惠民便民超市')).closest('.shops__shop') as HTMLElement

    await tap('店员', shop)
    const panel = (await screen.findByText('惠民便民超市的店员')).closest('.shops__staff') as HTMLElement
    expect(await within(panel).findByText('周海燕')).toBeInTheDocument()
    await typeInto('姓名，或手机号后4位', '秀英')
    await tap('查找', panel)
    const row = (await within(panel).findByText('王秀英')).closest('.shops__person') as HTMLElement
    await tap('设为店员', row)
    expect(await screen.findByText('让王秀英做店员？')).toBeInTheDocument()
    await tap('确认设为店员')

    // Now among the staff, with 解除 instead of 设为店员.
    const staffRow = await waitFor(() => {
      const row = within(panel).getByText('王秀英').closest('.shops__person') as HTMLElement
      expect(within(row).getByText('解除')).toBeInTheDocument()
      return row
    })
    const wang = await callAs<{ roles: string[]; merchantId: string }>(emulator(), 'demo-resident-wang', {
      action: 'login',
    })
    expect(wang).toMatchObject({ merchantId: 'shop-huimin' })
    expect(wang.roles).toContain('merchant')

    await tap('解除', staffRow)
    await tap('确认解除')
    await waitForGone('王秀英')
    const after = await callAs<{ roles: string[] }>(emulator(), 'demo-resident-wang', { action: 'login' })
    expect(after.roles).not.toContain('merchant')
  })

  test('a resident is told it is for workers only', async () => {
    await become(emulator(), RESIDENT)
    render(<MallShopsPage />)

    expect(await screen.findByText('仅社工可以使用')).toBeInTheDocument()
    expect(screen.queryByText('添加商户')).not.toBeInTheDocument()
  })
})
