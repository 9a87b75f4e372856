/**
 * In a real browser, on the H5 build served by the emulator: a resident applies to volunteer, a social
 * worker approves, and the resident then holds the volunteer role — all through the pages, switching
 * people with the 体验身份 picker as a newcomer would.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, phone, snapshot, backToTabs } from '../helpers/browser'
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

async function pickIdentity(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('dialog', { name: '选择体验身份' })
  await picker.waitFor()
  await picker.locator('.identity-picker__person', { hasText: name }).first().click()
  await picker.waitFor({ state: 'detached' })
}

/** Taro's H5 router keeps earlier pages in the document, hidden: act only on what a person can see. */
function tap(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first().click()
}

/** To 我的: by its tab where the tab bar shows, else by the back button as a person would. */
async function openMe(page: Page): Promise<void> {
  const tab = page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })
  await backToTabs(page)
  await tab.click()
  await page.locator('.me__nickname').filter({ visible: true }).first().waitFor()
}

it('lets a resident apply, a worker approve, and the resident then be a volunteer', async () => {
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(emu.url)

  // A newcomer is asked who to be, and picks a resident.
  await pickIdentity(page, '李建国')
  await snapshot(page, 'foundation-01-home-resident')
  await openMe(page)
  await tap(page, '申请成为志愿者')

  await page.locator('input[placeholder="例如：张秀芹"]').fill('李建国')
  await page.locator('input[placeholder="11位手机号"]').fill('13503110007')
  await tap(page, '驾驶')
  await snapshot(page, 'foundation-02-apply')
  await tap(page, '提交申请')
  await page.getByText('已提交，请等待社工审核').waitFor()

  // The worker approves in 志愿者审核.
  await openMe(page)
  await tap(page, '切换体验身份')
  await pickIdentity(page, '刘敏')
  await tap(page, '志愿者审核')
  const card = page.locator('.review__item', { hasText: '李建国' }).filter({ visible: true })
  await card.waitFor()
  await snapshot(page, 'foundation-03-review')
  await card.getByText('通过', { exact: true }).click()
  await tap(page, '确认通过')
  await card.waitFor({ state: 'detached' })

  // Back as the resident: 我的 shows the volunteer role.
  await openMe(page)
  await tap(page, '切换体验身份')
  await pickIdentity(page, '李建国')
  await openMe(page)
  await page.getByText('已通过', { exact: true }).filter({ visible: true }).first().waitFor()
  await snapshot(page, 'foundation-04-me-volunteer')

  const me = await emu.call<{ roles: string[] }>('user', { action: 'login' }, 'demo-resident-li')
  expect(me.data?.roles).toContain('volunteer')
  await context.close()
})
