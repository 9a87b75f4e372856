/**
 * In a real browser, on the H5 build served by the emulator: a resident orders a reward in 积分超市 and opens
 * the order's code; a shopkeeper, on another phone (another browser context), reads the code from the QR
 * image itself and redeems it on 扫码核销; the resident's page then shows the order redeemed, and the points
 * are gone. A second customer reads out the code's 8 digits instead, and the shopkeeper types them.
 */
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, phone, settled, snapshot, backToTabs, pickIdentity } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

let emu: Emulator
let browser: Browser

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve(__dirname, '..', '..', 'dist-h5') })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await emu?.stop()
})

const RESIDENT = { openid: 'demo-resident-li', name: '李建国' }
const NURSE = { name: '孟晓燕' }
const REWARD = '免费测血压血糖一次'

/** Taro's H5 router keeps earlier pages in the document, hidden: act only on what a person can see. */
function visible(page: Page, selector: string, hasText?: string): Locator {
  return page
    .locator(selector, hasText ? { hasText } : {})
    .filter({ visible: true })
    .first()
}

function tap(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first().click()
}

/** To 我的: back until the tab bar shows, then by its tab unless back already led there. */
async function openMe(page: Page): Promise<void> {
  const tab = page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })
  await backToTabs(page)
  // Switching to the tab one is on would land late and close whatever is opened next.
  if (!page.url().includes('/pages/me/index')) await tab.click()
  await visible(page, '.me__nickname').waitFor()
  await settled(page)
}

/** Reads the QR code on screen the way a shop's scanner would: from the pixels. */
async function readQrCode(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot())
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error('no QR code could be read from the screenshot')
  return found.data
}

it('lets a resident order and show a code that a shopkeeper scans from the screen and redeems', async () => {
  const before = await emu.call<{ balance: number; available: number }>(
    'points',
    { action: 'summary' },
    RESIDENT.openid,
  )
  expect(before.data).toMatchObject({ balance: 26, available: 26 })

  // The resident finds 积分超市 on 我的 and orders a blood-pressure check at the clinic.
  const residentContext = await phone(browser)
  const resident = await residentContext.newPage()
  await resident.goto(emu.url)
  await pickIdentity(resident, RESIDENT.name)
  await openMe(resident)
  await tap(resident, '积分超市')
  const row = visible(resident, '.catalog__reward', REWARD)
  await row.waitFor()
  await snapshot(resident, 'mall-01-catalogue')
  await row.getByText('兑换', { exact: true }).click()
  await resident.getByText('确认兑换？').filter({ visible: true }).waitFor()
  await snapshot(resident, 'mall-02-confirm')
  await tap(resident, '确认兑换')

  // The order's page shows a large QR code, a countdown and the code's text.
  const qr = visible(resident, '.qr-code')
  await qr.waitFor()
  await visible(resident, '.code-panel__countdown')
    .getByText(/秒后自动换新码/)
    .waitFor()
  await snapshot(resident, 'mall-03-order-code')
  const code = await readQrCode(qr)
  expect(code).toMatch(/^XS1\./)
  // Under it, the same code as 8 digits to read out where it cannot be scanned.
  const digits = (await visible(resident, '.code-panel__code').textContent()) ?? ''
  expect(digits).toMatch(/^\d{4} \d{4}$/)

  // The clinic's nurse, on her own phone, types what the scanner read into 扫码核销.
  const shopContext = await phone(browser)
  const shop = await shopContext.newPage()
  await shop.goto(emu.url)
  await pickIdentity(shop, NURSE.name)
  await openMe(shop)
  await tap(shop, '扫码核销')
  const box = visible(shop, '.scan__input input')
  await box.waitFor()
  await box.fill(code)
  await snapshot(shop, 'mall-04-scan')
  await tap(shop, '核销')
  const result = visible(shop, '.redeem-result')
  await result.getByText('核销成功').waitFor()
  await expect(result.getByText(REWARD).isVisible()).resolves.toBe(true)
  await expect(result.getByText('李*国').isVisible()).resolves.toBe(true)
  await snapshot(shop, 'mall-05-redeemed-at-shop')

  // Scanning the same code again is refused.
  await tap(shop, '交好了，核销下一个')
  await visible(shop, '.scan__input input').fill(code)
  await tap(shop, '核销')
  await visible(shop, '.redeem-result')
    .getByText(/已经用过/)
    .waitFor()
  await snapshot(shop, 'mall-06-used-twice')

  // The resident's phone turns to 已经领到了 by itself, and the points are gone.
  await visible(resident, '.order__outcome').getByText('已经领到了').waitFor({ timeout: 15_000 })
  await snapshot(resident, 'mall-07-order-redeemed')
  const after = await emu.call<{ balance: number; held: number; available: number; spent: number }>(
    'points',
    { action: 'summary' },
    RESIDENT.openid,
  )
  expect(after.data).toMatchObject({ balance: 6, held: 0, available: 6, spent: 20 })
  await openMe(resident)
  const available = visible(resident, '.me__points-item--main .me__points-value')
  await expect(available.textContent()).resolves.toBe('6')

  // 我的兑换 lists it as 已兑换.
  await tap(resident, '我的兑换')
  await tap(resident, '全部')
  await visible(resident, '.orders__item', REWARD).getByText('已兑换').waitFor()
  await snapshot(resident, 'mall-08-my-orders')

  await residentContext.close()
  await shopContext.close()
})

it('lets a shopkeeper type the 8 digits a customer reads out, check the order and redeem it', async () => {
  const CUSTOMER = { openid: 'demo-volunteer-chen', name: '陈志强', masked: '陈*强' }
  const SHOPKEEPER = { name: '周海燕' }
  const catalog = await emu.call<{ items: Array<{ id: string; title: string; cost: number }> }>(
    'mall',
    { action: 'catalog', merchantId: 'shop-huimin' },
    CUSTOMER.openid,
  )
  const reward = catalog.data!.items.sort((a, b) => a.cost - b.cost)[0]
  const placed = await emu.call<{ id: string }>(
    'mall',
    { action: 'order', rewardId: reward.id, idempotencyKey: 'browser-digits-1' },
    CUSTOMER.openid,
  )
  expect(placed.ok).toBe(true)
  const before = (await emu.call<{ balance: number }>('points', { action: 'summary' }, CUSTOMER.openid)).data!

  // The customer opens the order at the counter: the QR code will not scan, so they read out the digits.
  const customerContext = await phone(browser)
  const customer = await customerContext.newPage()
  await customer.goto(emu.url)
  await pickIdentity(customer, CUSTOMER.name)
  await customer.goto(`${emu.url}/#/packages/mall/pages/order/index?id=${placed.data!.id}`)
  const digits = visible(customer, '.code-panel__code')
  await digits.waitFor()
  const spoken = (await digits.textContent()) ?? ''
  expect(spoken).toMatch(/^\d{4} \d{4}$/)

  // The shopkeeper types them, sees what the order is and for whom, and confirms.
  const shopContext = await phone(browser)
  const shop = await shopContext.newPage()
  await shop.goto(emu.url)
  await pickIdentity(shop, SHOPKEEPER.name)
  await shop.goto(`${emu.url}/#/packages/merchant/pages/scan/index`)
  await visible(shop, '.scan__input input').fill(spoken)
  await tap(shop, '查找这一单')
  const check = visible(shop, '.scan__check')
  await check.getByText('请核对后再核销').waitFor()
  await expect(check.getByText(reward.title).isVisible()).resolves.toBe(true)
  await expect(check.getByText(`顾客：${CUSTOMER.masked}`).isVisible()).resolves.toBe(true)
  await snapshot(shop, 'mall-09-check-digits')
  await tap(shop, '确认核销')
  await visible(shop, '.redeem-result').getByText('核销成功').waitFor()
  await snapshot(shop, 'mall-10-redeemed-by-digits')

  // The customer's phone shows it handed over, and the points are spent.
  await visible(customer, '.order__outcome').getByText('已经领到了').waitFor({ timeout: 15_000 })
  const after = (await emu.call<{ balance: number }>('points', { action: 'summary' }, CUSTOMER.openid)).data!
  expect(after.balance).toBe(before.balance - reward.cost)

  await customerContext.close()
  await shopContext.close()
})
