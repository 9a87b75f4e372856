/**
 * In a real browser, on the H5 build served by the emulator: a resident verifies their phone number the
 * WeChat way (the emulator answers for the demo person), and a volunteer who released three needs in a week
 * is told, when they try to claim a fourth, why not and whom to ask.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Me } from '../../types/user'
import type { Need } from '../../types/needs'
import { launchBrowser, phone, pickIdentity, snapshot } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

const RESIDENT = { openid: 'demo-resident-li', name: '李建国' }
const VOLUNTEER = { openid: 'demo-volunteer-zhang', name: '张桂芹' }
const WORKER = 'demo-worker-liu'

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

/** Taro's H5 router keeps earlier pages in the document, hidden: act only on what a person can see. */
const visibleText = (page: Page, text: string | RegExp) =>
  page.getByText(text).filter({ visible: true }).first()

async function openNeed(title: string): Promise<string> {
  const made = await emu.call<Need>(
    'needs',
    {
      action: 'create',
      category: 'errand',
      title,
      description: '腿脚不方便，想请人帮忙买点青菜。',
      address: '槐中路社区2栋2单元201',
      contactPhone: '13503110007',
    },
    RESIDENT.openid,
  )
  await emu.call('needs', { action: 'review', id: made.data!.id, approve: true }, WORKER)
  return made.data!.id
}

it('lets a resident verify their phone number with the phone-number button, and says it is verified', async () => {
  const before = (await emu.call<Me>('user', { action: 'login' }, RESIDENT.openid)).data!
  const page = await (await phone(browser)).newPage()
  await page.goto(emu.url)
  await pickIdentity(page, RESIDENT.name)
  await page.goto(`${emu.url}/#/packages/profile/pages/edit/index`)
  await visibleText(page, '手机号还没有验证：验证后社工能认出是您本人').waitFor()
  await snapshot(page, 'phone-01-unverified')

  await visibleText(page, '用微信绑定的手机号验证').click()
  // The phone number is first used here: the 隐私保护提示 asks first.
  await visibleText(page, '隐私保护提示').waitFor()
  await visibleText(page, '同意并继续').click()

  await visibleText(page, `手机号 ${before.profile.phoneMasked} 已验证`).waitFor()
  await snapshot(page, 'phone-02-verified')
  const after = (await emu.call<Me>('user', { action: 'login' }, RESIDENT.openid)).data!
  expect(after.profile.phoneVerified).toBe(true)
})

it('tells a volunteer who released three needs this week why they cannot claim, and whom to ask', async () => {
  for (let i = 0; i < 3; i++) {
    const id = await openNeed(`帮忙取药${i}`)
    await emu.call('needs', { action: 'claim', id }, VOLUNTEER.openid)
    await emu.call('needs', { action: 'release', id }, VOLUNTEER.openid)
  }
  const id = await openNeed('帮忙买菜')
  const page = await (await phone(browser)).newPage()
  await page.goto(emu.url)
  await pickIdentity(page, VOLUNTEER.name)
  await page.goto(`${emu.url}/#/packages/needs/pages/detail/index?id=${id}`)

  await visibleText(page, '我来帮忙（接单）').click()
  await visibleText(page, '确认接单').click()

  await visibleText(page, /已经放弃了3个需求.*请联系社工站的社工/).waitFor()
  await snapshot(page, 'release-limit-claim-refused')
  const need = (await emu.call<Need>('needs', { action: 'get', id }, WORKER)).data!
  expect(need).toMatchObject({ status: 'open', assignee: null })
})
