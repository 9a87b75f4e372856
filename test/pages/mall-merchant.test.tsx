import { configure, render, screen, waitFor, within } from '@testing-library/react'
import type { CatalogItem } from '@shared/mall'
import type { Page } from '@shared/envelope'
import type { PointsSummaryFull } from '@shared/points'
import MerchantRewardsPage from '@/packages/merchant/pages/rewards'
import MerchantScanPage from '@/packages/merchant/pages/scan'
import MerchantTodayPage from '@/packages/merchant/pages/today'
import { callAs, startEmulatorForFile, tap, typeInto, waitForGone } from './support/app'
import { nextPicked, picture, riskyPicture } from './support/photos'
import { CLINIC_NURSE, HOLDER, RESIDENT, SHOPKEEPER, become, heldOrderWithCode, mall } from './mall-support'

const emulator = startEmulatorForFile()
// Every screen here waits on real function calls; give a busy machine time to answer.
configure({ asyncUtilTimeout: 8000 })

const CODE_BOX = '8位数字'

/** The shopkeeper pastes what a scanner read from the QR code into 扫码核销 and taps 核销. */
async function typeCode(code: string): Promise<void> {
  await typeInto(CODE_BOX, code)
  await tap('核销')
}

/** The shopkeeper types the digits the customer reads out and taps 查找这一单. */
async function typeDigits(digits: string): Promise<void> {
  await typeInto(CODE_BOX, digits)
  await tap('查找这一单')
}

describe('扫码核销 for a shopkeeper', () => {
  test('a valid typed code shows, large, what to hand over and to whom, and takes the points', async () => {
    const { order, code } = await heldOrderWithCode(emulator(), HOLDER)
    const before = await callAs<PointsSummaryFull>(emulator(), HOLDER, { action: 'summary' }, 'points')
    await become(emulator(), SHOPKEEPER)
    render(<MerchantScanPage />)
    expect(await screen.findByText('惠民便民超市')).toBeInTheDocument()

    await typeCode(code)

    const result = (await screen.findByText('核销成功')).closest('.redeem-result') as HTMLElement
    expect(within(result).getByText('请把这件东西交给顾客：')).toBeInTheDocument()
    expect(within(result).getByText('鲜鸡蛋 一盒30枚')).toBeInTheDocument()
    expect(within(result).getByText('张*芹')).toBeInTheDocument()
    expect(within(result).getByText(order.id.slice(-8).toUpperCase())).toBeInTheDocument()
    expect(within(result).getByText('80 分，已从顾客账上扣除')).toBeInTheDocument()
    const after = await callAs<PointsSummaryFull>(emulator(), HOLDER, { action: 'summary' }, 'points')
    expect(after).toMatchObject({ balance: before.balance - 80, held: before.held - 80 })
  })

  test('the same code typed again is refused as already used, and nothing more is taken', async () => {
    const { code } = await heldOrderWithCode(emulator(), HOLDER)
    await become(emulator(), SHOPKEEPER)
    render(<MerchantScanPage />)
    await typeCode(code)
    await screen.findByText('核销成功')
    const after = await callAs<PointsSummaryFull>(emulator(), HOLDER, { action: 'summary' }, 'points')

    await tap('交好了，核销下一个')
    await typeCode(code)

    expect(await screen.findByText('不能兑换')).toBeInTheDocument()
    expect(screen.getByText(/已经用过/)).toBeInTheDocument()
    expect(screen.getByText('这一单已经交过货了，请不要再给一次。')).toBeInTheDocument()
    expect(await callAs(emulator(), HOLDER, { action: 'summary' }, 'points')).toEqual(after)
  })

  test('a code for another shop’s reward is refused in Chinese', async () => {
    const { code } = await heldOrderWithCode(emulator(), HOLDER)
    await become(emulator(), CLINIC_NURSE)
    render(<MerchantScanPage />)

    await typeCode(code)

    expect(await screen.findByText('不能兑换')).toBeInTheDocument()
    expect(screen.getByText('这件商品不是本店的，请让顾客到对应的店兑换')).toBeInTheDocument()
  })

  test('a mistyped code is refused as not readable', async () => {
    const { code } = await heldOrderWithCode(emulator(), HOLDER)
    await become(emulator(), SHOPKEEPER)
    render(<MerchantScanPage />)

    await typeCode(`${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`)

    expect(await screen.findByText('不能兑换')).toBeInTheDocument()
    expect(screen.getByText('这个兑换码不正确，请让顾客刷新后再扫')).toBeInTheDocument()
  })

  test('an empty box is caught before anything is sent', async () => {
    await become(emulator(), SHOPKEEPER)
    render(<MerchantScanPage />)
    await screen.findByText('惠民便民超市')

    await tap('查找这一单')

    expect(await screen.findByText('请输入顾客念的8位数字')).toBeInTheDocument()
  })

  test('digits read out by the customer show the order to check, and 确认核销 redeems it', async () => {
    const { shortCode } = await heldOrderWithCode(emulator(), HOLDER)
    const before = await callAs<PointsSummaryFull>(emulator(), HOLDER, { action: 'summary' }, 'points')
    await become(emulator(), SHOPKEEPER)
    render(<MerchantScanPage />)
    await screen.findByText('惠民便民超市')

    await typeDigits(`${shortCode.slice(0, 4)} ${shortCode.slice(4)}`)

    const check = (await screen.findByText('请核对后再核销')).closest('.scan__check') as HTMLElement
    expect(within(check).getByText('鲜鸡蛋 一盒30枚')).toBeInTheDocument()
    expect(within(check).getByText('顾客：张*芹')).toBeInTheDocument()
    // Nothing is taken until the staff confirms.
    expect(await callAs(emulator(), HOLDER, { action: 'summary' }, 'points')).toEqual(before)
    await tap('确认核销')

    expect(await screen.findByText('核销成功')).toBeInTheDocument()
    const after = await callAs<PointsSummaryFull>(emulator(), HOLDER, { action: 'summary' }, 'points')
    expect(after).toMatchObject({ balance: before.balance - 80, held: before.held - 80 })
  })

  test('重新输入 goes back to the box and redeems nothing', async () => {
    const { shortCode } = await heldOrderWithCode(emulator(), HOLDER)
    const before = await callAs<PointsSummaryFull>(emulator(), HOLDER, { action: 'summary' }, 'points')
    await become(emulator(), SHOPKEEPER)
    render(<MerchantScanPage />)
    await screen.findByText('惠民便民超市')

    await typeDigits(shortCode)
    await screen.findByText('请核对后再核销')
    await tap('重新输入')

    expect(await screen.findByPlaceholderText(CODE_BOX)).toBeInTheDocument()
    expect(await callAs(emulator(), HOLDER, { action: 'summary' }, 'points')).toEqual(before)
  })

  test('digits that match no live code of this shop, or too few digits, are answered in Chinese', async () => {
    const { shortCode } = await heldOrderWithCode(emulator(), HOLDER)
    await become(emulator(), CLINIC_NURSE)
    render(<MerchantScanPage />)
    await screen.findByText('槐中路社区卫生室')

    await typeDigits(shortCode)
    expect(await screen.findByText(/没有找到这个兑换码/)).toBeInTheDocument()

    await typeDigits('1234')
    expect(await screen.findByText('兑换数字是8位，请看清顾客手机上的数字')).toBeInTheDocument()
  })

  test('a non-merchant opening 扫码核销 is told it is for shop staff only', async () => {
    await become(emulator(), RESIDENT)
    render(<MerchantScanPage />)

    expect(await screen.findByText('仅合作商户的店员可以使用')).toBeInTheDocument()
    expect(screen.queryByPlaceholderText(CODE_BOX)).not.toBeInTheDocument()
    expect(screen.queryByText('核销')).not.toBeInTheDocument()
  })

  test('今日核销 lists today’s redemptions of the shop with the masked customer and the totals', async () => {
    const { code } = await heldOrderWithCode(emulator(), HOLDER)
    await callAs(emulator(), SHOPKEEPER, { action: 'redeem', code }, 'mall')
    await become(emulator(), SHOPKEEPER)

    render(<MerchantTodayPage />)

    const row = (await screen.findByText('鲜鸡蛋 一盒30枚')).closest('.today__item') as HTMLElement
    expect(within(row).getByText('顾客：张*芹 · 80 积分')).toBeInTheDocument()
    expect(screen.queryByText('张桂芹')).not.toBeInTheDocument()
  })
})

describe('商品照片 for shop staff', () => {
  /** The bytes of the reward's picture as a resident's 积分超市 shows it now. */
  async function catalogPicture(rewardId: string): Promise<string> {
    const page = await mall<Page<CatalogItem>>(emulator(), RESIDENT, {
      action: 'catalog',
      merchantId: 'shop-huimin',
    })
    const url = page.items.find((r) => r.id === rewardId)!.photoUrl!
    return Buffer.from(await (await fetch(url)).arrayBuffer()).toString('base64')
  }
  const cardOf = async (title: string) => (await screen.findByText(title)).closest('.card') as HTMLElement

  afterEach(() => jest.restoreAllMocks())

  test('staff see only their own shop’s rewards and change a picture the 积分超市 then shows; a refused one changes nothing', async () => {
    const before = await catalogPicture('reward-eggs')
    await become(emulator(), SHOPKEEPER)
    render(<MerchantRewardsPage />)
    const card = await cardOf('鲜鸡蛋 一盒30枚')
    expect(screen.queryByText('免费测血压血糖一次')).not.toBeInTheDocument()

    nextPicked([riskyPicture(1)])
    await tap('换一张照片', card)
    expect(await within(card).findByText('这张照片没有通过内容检查，请换一张')).toBeInTheDocument()
    expect(await catalogPicture('reward-eggs')).toBe(before)

    const fresh = picture(2)
    nextPicked([fresh])
    await tap('换一张照片', card)
    await waitForGone('这张照片没有通过内容检查，请换一张')
    await waitFor(async () => expect(await catalogPicture('reward-eggs')).toBe(fresh.toString('base64')))
    expect(await within(card).findByText('换一张照片')).toBeInTheDocument()
  })

  test('a resident opening 商品照片 is told it is for shop staff only', async () => {
    await become(emulator(), RESIDENT)
    render(<MerchantRewardsPage />)
    expect(await screen.findByText('仅合作商户的店员可以使用')).toBeInTheDocument()
    expect(screen.queryByText('换一张照片')).not.toBeInTheDocument()
  })
})
