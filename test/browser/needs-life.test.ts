/**
 * The whole life of a need in a real browser, on the H5 build served by the emulator: an elderly resident
 * posts it, the social worker approves it, a volunteer claims and completes it, the resident confirms with
 * five stars — and the volunteer's points rise by the need's points plus the five-star bonus. Each person
 * uses their own phone (browser context), so their own 体验身份.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Need } from '@shared/needs'
import type { PointsRules, PointsSummaryFull } from '@shared/points'
import { launchBrowser, phone, snapshot } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

let emu: Emulator
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve('dist-h5') })
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await emu?.stop()
})

const RESIDENT = 'demo-resident-wang'
const VOLUNTEER = 'demo-volunteer-zhang'
const TITLE = '想请人帮忙换厨房的灯泡'

async function data<T>(name: string, body: object, openid: string): Promise<T> {
  const envelope = await emu.call<T>(name, body, openid)
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

/** A phone opened on the 求助 tab as `name`, picked in the 体验身份 picker. */
async function phoneOf(name: string): Promise<Page> {
  const context = await phone(browser)
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${emu.url}/#/pages/needs/index`)
  const picker = page.getByRole('dialog', { name: '选择体验身份' })
  await picker.waitFor()
  await picker.locator('.identity-picker__person', { hasText: name }).first().click()
  await picker.waitFor({ state: 'detached' })
  await visible(page, '我的需求').waitFor()
  return page
}

/** Taro's H5 router keeps earlier pages in the document, hidden: act only on what a person can see. */
function visible(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first()
}

function tap(page: Page, text: string) {
  return visible(page, text).click()
}

function cardOf(page: Page, title: string) {
  return page.locator('.need-card', { hasText: title }).filter({ visible: true }).first()
}

it('a need goes from the resident through the worker and a volunteer back to the resident, and points follow', async () => {
  const rules = await data<PointsRules>('points', { action: 'rules' }, VOLUNTEER)
  const before = await data<PointsSummaryFull>('points', { action: 'summary' }, VOLUNTEER)

  // The elderly resident posts a need.
  const resident = await phoneOf('王秀英')
  await snapshot(resident, 'needs-01-tab-resident')
  await tap(resident, '我要求助')
  // The list behind the form also says 紧急 on urgent cards: choose inside the form.
  const form = resident.locator('.need-form').filter({ visible: true }).first()
  await form.getByText('维修', { exact: true }).click()
  await form.getByText('紧急', { exact: true }).click()
  await resident.locator('input[placeholder="例如：帮忙买一周的菜"]').fill(TITLE)
  await resident
    .locator('textarea[placeholder="例如：腿脚不方便，想请人帮忙买青菜和鸡蛋，钱当面给"]')
    .fill('厨房灯泡坏了，晚上看不见，我够不着。')
  await resident.locator('input[placeholder="例如：3栋1单元101"]').fill('道义街3502社区3栋1单元101')
  await resident.locator('input[placeholder="例如：13912345678"]').fill('13603110005')
  await tap(resident, '明天上午')
  await snapshot(resident, 'needs-02-form')
  await tap(resident, '提交求助')
  await visible(resident, '求助已提交').waitFor()
  await snapshot(resident, 'needs-03-posted')
  const mine = await data<{ items: Need[] }>('needs', { action: 'list', scope: 'mine' }, RESIDENT)
  const need = mine.items.find((n) => n.title === TITLE)!
  expect(need).toMatchObject({ status: 'pending', urgency: 'urgent', category: 'repair' })
  await tap(resident, '回到求助页')
  await cardOf(resident, TITLE).getByText('待审核', { exact: true }).waitFor()

  // The social worker approves it from 待审核.
  const worker = await phoneOf('刘敏')
  await tap(worker, '待审核')
  const review = cardOf(worker, TITLE)
  await review.waitFor()
  await snapshot(worker, 'needs-04-review')
  await review.getByText('通过', { exact: true }).click()
  await tap(worker, '确认通过')
  await review.waitFor({ state: 'detached' })
  expect((await data<Need>('needs', { action: 'get', id: need.id }, RESIDENT)).status).toBe('open')

  // A volunteer claims it in 需求大厅, sees where to go, and reports it done.
  const volunteer = await phoneOf('张桂芹')
  await tap(volunteer, '需求大厅')
  const offer = cardOf(volunteer, TITLE)
  await offer.waitFor()
  await snapshot(volunteer, 'needs-05-pool')
  await offer.getByText('我来接单', { exact: true }).click()
  await tap(volunteer, '确认接单')
  await visible(volunteer, '道义街3502社区3栋1单元101').waitFor()
  await snapshot(volunteer, 'needs-06-claimed')
  await tap(volunteer, '填写完成情况')
  await tap(volunteer, '1小时')
  await tap(volunteer, '提交，服务完成了')
  await visible(volunteer, '等待居民确认，确认后积分就到账。').waitFor()
  expect(await data<Need>('needs', { action: 'get', id: need.id }, RESIDENT)).toMatchObject({
    status: 'done',
    minutes: 60,
  })

  // Later the resident opens the app again, finds it waiting in 我的需求 and confirms with five stars.
  await resident.reload()
  const done = cardOf(resident, TITLE)
  await done.getByText('待确认', { exact: true }).waitFor()
  await done.getByText(TITLE, { exact: true }).click()
  await visible(resident, '帮完了吗？请确认并评价').waitFor()
  await resident.locator('[aria-label="5星"]').filter({ visible: true }).click()
  await resident.locator('textarea[placeholder="例如：小张很耐心，谢谢！"]').fill('张大姐手脚麻利，谢谢！')
  const bonus = rules.ratingBonus['5']
  const credit = rules.needPoints + bonus
  await visible(
    resident,
    `确认后，张桂芹将获得 ${credit} 积分（需求积分 ${rules.needPoints} + 五星奖励 ${bonus}）`,
  ).waitFor()
  await snapshot(resident, 'needs-07-rate')
  await tap(resident, '确认完成')
  await visible(resident, '已完成，谢谢张桂芹的帮助！').waitFor()
  await snapshot(resident, 'needs-08-confirmed')

  const after = await data<PointsSummaryFull>('points', { action: 'summary' }, VOLUNTEER)
  expect(after.balance - before.balance).toBe(credit)
  expect(after.earned - before.earned).toBe(credit)
})
