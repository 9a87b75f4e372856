/**
 * In a real browser, on the H5 build served by the emulator: a resident finds the nearest 街头公益角 on 首页,
 * opens a project there and signs up for one of its activities. On the day, a social worker (another phone,
 * another browser context) shows the rotating check-in code; the resident checks in with it, and an hour
 * later checks out with the code shown then. The worker confirms the minutes, and the resident's points
 * rise by minutes × points per hour / 60.
 */
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { Activity, AttendanceItem } from '@shared/activities'
import type { PointsSummaryFull } from '@shared/points'
import { launchBrowser, phone, snapshot, backToTabs, pickIdentity, visibleText } from '../helpers/browser'
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

/** 赵丽 holds no place in any coming activity of the demo seed. */
const RESIDENT = { openid: 'demo-resident-zhao', name: '赵丽' }
const WORKER = { name: '刘敏' }
const CORNER = '世纪公园'
const PROJECT = '“爱心小红帽”困境老人关爱行动'
const ACTIVITY = { id: 'demo-act-xiaohongmao-1', title: '“小红帽”志愿者招募与培训' }
/** A few steps from 世纪公园, as a phone's GPS (WGS-84) reports it; maps in China draw it ~500 m east. */
const NEAR_THE_PARK = { latitude: 38.02096, longitude: 114.53614 }

const MINUTE = 60_000

/** Taro's H5 router keeps earlier pages in the document, hidden: act only on what a person can see. */
function visible(page: Page, selector: string, hasText?: string | RegExp): Locator {
  return page
    .locator(selector, hasText ? { hasText } : {})
    .filter({ visible: true })
    .first()
}

function tap(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first().click()
}

/** A phone whose owner allows the page to know where it is. */
async function phoneAt(coords: { latitude: number; longitude: number }): Promise<BrowserContext> {
  const context = await phone(browser)
  await context.grantPermissions(['geolocation'], { origin: emu.url })
  await context.setGeolocation({ ...coords, accuracy: 20 })
  return context
}

/** Reads the QR code on screen the way a phone's scanner would: from the pixels. */
async function readQrCode(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot())
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error('no QR code could be read from the screenshot')
  return found.data
}

/** The six digits the organiser's screen shows now. */
async function shownCode(page: Page): Promise<string> {
  const text = (await visible(page, '.activity-code__digits').textContent()) ?? ''
  return text.replace(/\s+/g, '')
}

/** Waits for the organiser's screen to show a code other than `old`, and answers it. */
async function newerCode(page: Page, old: string): Promise<string> {
  // Runs in the page (plain JavaScript: the tests' type check has no DOM).
  await page.waitForFunction(
    `Array.from(document.querySelectorAll('.activity-code__digits'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => (el.textContent || '').replace(/\\s+/g, ''))
      .some((code) => /^\\d{6}$/.test(code) && code !== ${JSON.stringify(old)})`,
    undefined,
    { timeout: 10_000 },
  )
  return shownCode(page)
}

async function points(openid: string): Promise<PointsSummaryFull> {
  const envelope = await emu.call<PointsSummaryFull>('points', { action: 'summary' }, openid)
  if (!envelope.ok) throw new Error(`points.summary failed: ${JSON.stringify(envelope)}`)
  return envelope.data!
}

async function activity(): Promise<Activity> {
  const envelope = await emu.call<Activity>('activities', { action: 'get', id: ACTIVITY.id }, RESIDENT.openid)
  if (!envelope.ok) throw new Error(`activities.get failed: ${JSON.stringify(envelope)}`)
  return envelope.data!
}

it('lets a resident find a corner, sign up, check in and out with the worker’s code, and get the points', async () => {
  const before = await points(RESIDENT.openid)
  const planned = await activity()
  expect(planned.myState).toBeNull()

  // 首页 sorts the corners from where the phone is: 世纪公园 first.
  const residentContext = await phoneAt(NEAR_THE_PARK)
  const resident = await residentContext.newPage()
  await resident.goto(emu.url)
  await pickIdentity(resident, RESIDENT.name)
  // Until the person agrees to the privacy policy, the phone is not asked: 重新定位 brings up the sheet first.
  await visibleText(resident, '未获得位置，按默认位置排序').waitFor()
  await tap(resident, '重新定位')
  await visible(resident, '.privacy-sheet__panel').waitFor()
  await snapshot(resident, 'corners-00-privacy-sheet')
  await tap(resident, '同意并继续')
  const first = visible(resident, '.corner-card')
  await first.getByText(CORNER, { exact: true }).waitFor()
  await expect(first.locator('.corner-card__distance').textContent()).resolves.toMatch(/^\d+米$/)
  await expect(resident.getByText('未获得位置，按默认位置排序').isVisible()).resolves.toBe(false)
  await snapshot(resident, 'corners-01-home')
  await tap(resident, '地图')
  const pin = resident.locator(`.corner-plan__pin[aria-label="1 ${CORNER}"]`).filter({ visible: true })
  await pin.waitFor()
  await snapshot(resident, 'corners-02-home-map')
  await pin.click()

  // The corner, its projects, and the project's activities.
  await visible(resident, '.corner__name', CORNER).waitFor()
  await snapshot(resident, 'corners-03-corner')
  await visible(resident, '.project-card', PROJECT).click()
  const card = visible(resident, '.activity-item', ACTIVITY.title)
  await card.waitFor()
  const left = planned.capacity - planned.signedUp
  await card.getByText(`名额：还剩 ${left} 个（共 ${planned.capacity} 个）`).waitFor()
  await snapshot(resident, 'corners-04-project')
  await card.getByText('我要报名', { exact: true }).click()
  await resident.getByText('确认报名？').filter({ visible: true }).waitFor()
  await snapshot(resident, 'corners-05-confirm-signup')
  await tap(resident, '确认报名')
  await card.getByText(`名额：还剩 ${left - 1} 个（共 ${planned.capacity} 个）`).waitFor()
  await card.getByText('已报名', { exact: true }).waitFor()
  await snapshot(resident, 'corners-06-signed-up')
  expect(await activity()).toMatchObject({ signedUp: planned.signedUp + 1, myState: 'signed' })

  // The day comes: ten minutes before the start.
  const now = await emu.advanceClock(0)
  await emu.advanceClock(planned.startAt - 10 * MINUTE - now)

  // The worker opens the same activity and shows its code.
  const workerContext = await phone(browser)
  const worker = await workerContext.newPage()
  await worker.goto(emu.url)
  await pickIdentity(worker, WORKER.name)
  await visible(worker, '.corner-card', CORNER).click()
  await visible(worker, '.project-card', PROJECT).click()
  await visible(worker, '.activity-item', ACTIVITY.title).getByText('出示签到码', { exact: true }).click()
  await visible(worker, '.activity-code__digits').waitFor()
  await visible(worker, '.activity-code__countdown')
    .getByText(/秒后自动换新码/)
    .waitFor()
  const checkinCode = await shownCode(worker)
  expect(checkinCode).toMatch(/^\d{6}$/)
  await expect(readQrCode(visible(worker, '.qr-code'))).resolves.toBe(
    `xiaoshe:checkin:${ACTIVITY.id}:${checkinCode}`,
  )
  await snapshot(worker, 'corners-07-worker-code')

  // The resident checks in on 我的活动 with the six digits.
  await card.getByText('到“我的活动”签到', { exact: true }).click()
  const place = visible(resident, '.place', ACTIVITY.title)
  await place.getByText('签到', { exact: true }).click()
  await place.locator('input').fill(checkinCode)
  await snapshot(resident, 'corners-08-typing-code')
  await place.getByText('确认签到', { exact: true }).click()
  await place.getByText('已签到', { exact: true }).waitFor()
  await place.getByText(/^签到时间：/).waitFor()
  await snapshot(resident, 'corners-09-checked-in')

  // An hour later the worker's screen shows a newer code, and the resident checks out with it.
  await emu.advanceClock(60 * MINUTE)
  await tap(worker, '马上换新码')
  const checkoutCode = await newerCode(worker, checkinCode)
  await place.getByText('签退', { exact: true }).click()
  await place.locator('input').fill(checkoutCode)
  await place.getByText('确认签退', { exact: true }).click()
  await place.getByText('已签退', { exact: true }).waitFor()
  // Checked in before the start: the minutes count from the start, 50 of them.
  await place.getByText('服务约 50分钟', { exact: true }).waitFor()
  await snapshot(resident, 'corners-10-checked-out')

  // The worker confirms the minutes on 签到名单.
  await tap(worker, '签到名单')
  const row = visible(worker, '.attendance__person', RESIDENT.name)
  await row.getByText('已签退', { exact: true }).waitFor()
  await expect(row.locator('input').inputValue()).resolves.toBe('50')
  await row.getByText('确认时长', { exact: true }).click()
  const credit = Math.round((50 * planned.pointsPerHour) / 60)
  await worker
    .getByText(new RegExp(`将发放 ${credit} 积分`))
    .filter({ visible: true })
    .waitFor()
  await snapshot(worker, 'corners-11-confirm-minutes')
  await tap(worker, '确认并发积分')
  await row.getByText(`已确认 50分钟，发了 ${credit} 积分`, { exact: true }).waitFor()
  await snapshot(worker, 'corners-12-attendance')

  const envelope = await emu.call<{ items: AttendanceItem[] }>(
    'activities',
    { action: 'attendance', id: ACTIVITY.id },
    'demo-worker-liu',
  )
  const confirmed = envelope.data!.items.find((i) => i.openid === RESIDENT.openid)
  expect(confirmed).toMatchObject({ state: 'confirmed', minutes: 50, points: credit })

  // The points are there, as points.summary and on the resident's 积分 tab.
  const after = await points(RESIDENT.openid)
  expect(after.balance).toBe(before.balance + Math.round((confirmed!.minutes! * planned.pointsPerHour) / 60))
  expect(after.earned).toBe(before.earned + credit)
  await resident.reload()
  await place.getByText(`服务 50分钟，得到 ${credit} 积分`, { exact: true }).waitFor()
  await snapshot(resident, 'corners-13-confirmed')
  await backToTabs(resident)
  await resident.locator('.taro-tabbar__tabbar').getByText('积分', { exact: true }).click()
  await visible(resident, '.points__balance-value', String(after.balance)).waitFor()
  await snapshot(resident, 'corners-14-points')

  await residentContext.close()
  await workerContext.close()
})
