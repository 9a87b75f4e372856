/**
 * A walk through every main page of the H5 build, as each kind of person who uses it: a resident, a
 * volunteer, a social worker and a shopkeeper, on a 375×812 phone. Each page is saved as a screenshot under
 * test-artifacts/journey/ (for people to look at), and each is held to what a person would call broken: it
 * must show its own Chinese text, no error screen, no "undefined"/"NaN" leaking from the code, no image that
 * failed to load, and nothing wider than the phone (no sideways scrolling).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Corner, Project } from '@shared/corners'
import type { Activity } from '@shared/activities'
import type { CatalogItem, Order } from '@shared/mall'
import type { Need } from '@shared/needs'
import { ROUTES } from '../../src/route-paths'
import { ARTIFACTS, launchBrowser, phone, settled } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

const WIDTH = 375
const DIR = path.join(ARTIFACTS, 'journey')
/** Where the H5 identity picker keeps the chosen person: Taro's storage, {data: value} as JSON. */
const IDENTITY_KEY = 'xiaoshe:demo-identity'
/** Words that only reach a screen when code prints a value it did not have. */
const LEAKS = /\b(undefined|NaN|null|Invalid Date)\b|\[object Object\]/

type Identity = { openid: string; name: string; role: string; note: string }

/** One page of the walk: where it is, and texts a person must see there once it has loaded. */
interface Stop {
  name: string
  url: string
  shows: string[]
  /** A tap to make before the screenshot, e.g. to open a section. */
  tap?: string
}

let emu: Emulator
let browser: Browser
let identities: Identity[]
const ids = {} as {
  corner: Corner
  project: Project
  activity: Activity
  need: Need
  order: Order
}

async function data<T>(name: string, body: object, openid: string): Promise<T> {
  const envelope = await emu.call<T>(name, body, openid)
  if (!envelope.ok)
    throw new Error(`${name}.${(body as { action: string }).action}: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

const RESIDENT = 'demo-resident-wang'
const WORKER = 'demo-worker-liu'

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true })
  fs.mkdirSync(DIR, { recursive: true })
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve('dist-h5') })
  browser = await launchBrowser()
  identities = await emu.identities()

  const corners = await data<{ items: Corner[] }>('corners', { action: 'list' }, RESIDENT)
  ids.corner = corners.items[0]
  const { projects } = await data<{ projects: Project[] }>(
    'corners',
    { action: 'get', id: ids.corner.id },
    RESIDENT,
  )
  const withActivities = await Promise.all(
    projects.map((p) =>
      data<{ project: Project; activities: Activity[] }>(
        'corners',
        { action: 'getProject', id: p.id },
        RESIDENT,
      ),
    ),
  )
  const chosen = withActivities.find((p) => p.activities.length > 0)!
  ids.project = chosen.project
  ids.activity = chosen.activities[0]
  const mine = await data<{ items: Need[] }>('needs', { action: 'list', scope: 'mine' }, RESIDENT)
  ids.need = mine.items[0]
  const catalog = await data<{ items: CatalogItem[] }>('mall', { action: 'catalog' }, RESIDENT)
  const cheapest = [...catalog.items].sort((a, b) => a.cost - b.cost)[0]
  // Enough points for one order, then the order whose code she shows.
  await data(
    'points',
    {
      action: 'adjust',
      openid: RESIDENT,
      ruleId: undefined,
      delta: cheapest.cost,
      note: '帮助邻居',
      idempotencyKey: 'journey-award',
    },
    WORKER,
  )
  ids.order = await data<Order>(
    'mall',
    { action: 'order', rewardId: cheapest.id, idempotencyKey: 'journey-1' },
    RESIDENT,
  )
})
afterAll(async () => {
  await browser?.close()
  await emu?.stop()
})

/** A phone on which `openid` was already chosen in the 体验身份 picker. */
async function phoneAs(openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const identity = identities.find((i) => i.openid === openid)!
  const context = await phone(browser)
  await context.addInitScript({
    content: `localStorage.setItem(${JSON.stringify(IDENTITY_KEY)}, ${JSON.stringify(JSON.stringify({ data: identity }))});`,
  })
  return { context, page: await context.newPage() }
}

/** Taro's H5 router keeps earlier pages in the document, hidden: only what a person can see counts. */
function visible(page: Page, text: string) {
  return page.getByText(text).filter({ visible: true }).first()
}

/**
 * What a person would call broken on the page now on screen; empty when there is nothing. Runs in the
 * page (plain JavaScript: the tests' type check has no DOM).
 */
async function defects(page: Page): Promise<string[]> {
  const script = `(() => {
    const found = []
    const text = document.body.innerText
    const leak = new RegExp(${JSON.stringify(LEAKS.source)}).exec(text)
    if (leak) found.push('shows "' + leak[0] + '"')
    if (/没能打开/.test(text)) found.push('shows the error screen')
    const wide = document.documentElement.scrollWidth
    if (wide > ${WIDTH}) found.push('is ' + wide + 'px wide on a ${WIDTH}px phone')
    for (const img of Array.from(document.images)) {
      const box = img.getBoundingClientRect()
      const shown = box.width > 0 && box.height > 0 && getComputedStyle(img).visibility !== 'hidden'
      if (shown && (!img.complete || img.naturalWidth === 0)) found.push('image ' + img.src + ' did not load')
    }
    const han = (text.match(/\\p{Script=Han}/gu) || []).length
    if (han < 8) found.push('shows only ' + han + ' Chinese characters')
    return found
  })()`
  return page.evaluate<string[]>(script)
}

async function walk(openid: string, prefix: string, stops: Stop[]): Promise<void> {
  const { context, page } = await phoneAs(openid)
  const problems: string[] = []
  try {
    for (const [index, stop] of stops.entries()) {
      const file = `${prefix}-${String(index + 1).padStart(2, '0')}-${stop.name}.png`
      await page.goto(`${emu.url}/#${stop.url}`)
      try {
        for (const text of stop.shows) await visible(page, text).waitFor({ timeout: 15_000 })
      } catch (error) {
        await page.screenshot({ path: path.join(DIR, file.replace('.png', '-missing-text.png')) })
        throw error
      }
      await page.getByText('正在加载…').filter({ visible: true }).first().waitFor({ state: 'hidden' })
      if (stop.tap) {
        await visible(page, stop.tap).click()
        await page.getByText('正在加载…').filter({ visible: true }).first().waitFor({ state: 'hidden' })
      }
      await settled(page)
      await page.screenshot({ path: path.join(DIR, file) })
      for (const defect of await defects(page)) problems.push(`${stop.url} (${file}) ${defect}`)
    }
  } finally {
    await context.close()
  }
  expect(problems).toEqual([])
}

const q = (route: string, id: string) => `${route}?id=${encodeURIComponent(id)}`
/** 刘凤琴 of the demo 爱心敲门 roster. */
const LIU = 'demo-recipient-liufq'

it('every page a resident opens shows its content in Chinese, whole and unbroken', async () => {
  await walk(RESIDENT, 'resident', [
    { name: 'home', url: ROUTES.home, shows: ['附近的公益角', '我要求助'] },
    { name: 'home-map', url: ROUTES.home, shows: ['附近的公益角'], tap: '地图' },
    { name: 'activities', url: ROUTES.activities, shows: ['今天', '全部类别'] },
    {
      name: 'activity',
      url: q(ROUTES.activity, ids.activity.id),
      shows: [ids.activity.title, '看看这个公益项目'],
    },
    { name: 'corner', url: q(ROUTES.corner, ids.corner.id), shows: [ids.corner.name, '这里的近期活动'] },
    { name: 'project', url: q(ROUTES.project, ids.project.id), shows: [ids.project.title, '近期活动'] },
    { name: 'my-activities', url: ROUTES.myActivities, shows: ['未结束', '已结束'] },
    { name: 'needs', url: ROUTES.needs, shows: ['我的需求', '我要求助'] },
    { name: 'need-create', url: ROUTES.needCreate, shows: ['提交求助'] },
    { name: 'need-detail', url: q(ROUTES.needDetail, ids.need.id), shows: [ids.need.title, '进度'] },
    { name: 'points', url: ROUTES.points, shows: ['我的积分', '可以用'] },
    { name: 'points-board', url: ROUTES.points, shows: ['我的积分'], tap: '积分公示' },
    { name: 'mall', url: ROUTES.mall, shows: ['我可以用的积分'] },
    { name: 'mall-orders', url: ROUTES.mallOrders, shows: ['出示兑换码'] },
    { name: 'mall-order', url: q(ROUTES.mallOrder, ids.order.id), shows: ['兑换码'] },
    { name: 'me', url: ROUTES.me, shows: ['我的积分', '王秀英'] },
    { name: 'notices', url: ROUTES.notices, shows: ['还没有消息'] },
    { name: 'edit-profile', url: ROUTES.editProfile, shows: ['保存'] },
    { name: 'volunteer-apply', url: ROUTES.volunteerApply, shows: ['提交申请'] },
    { name: 'service-record', url: ROUTES.serviceRecord, shows: ['开具志愿服务证明', '我的证明'] },
  ])
})

it('every page a volunteer opens shows its content in Chinese, whole and unbroken', async () => {
  await walk('demo-volunteer-zhang', 'volunteer', [
    { name: 'needs', url: ROUTES.needs, shows: ['我是志愿者'] },
    { name: 'pool', url: ROUTES.needPool, shows: ['我来接单'] },
    { name: 'assigned', url: ROUTES.needsAssigned, shows: ['居民确认后，积分就到账'] },
    { name: 'my-activities', url: ROUTES.myActivities, shows: ['未结束', '已结束'] },
    { name: 'points', url: ROUTES.points, shows: ['我的积分'] },
    { name: 'care-due', url: ROUTES.careDue, shows: ['已超期，请尽快去', '记录走访'] },
    { name: 'care-visit', url: q(ROUTES.careVisit, LIU), shows: ['走访：刘凤琴', '保存走访记录'] },
    { name: 'care-recipient', url: q(ROUTES.careRecipient, LIU), shows: ['走访记录（最近10次）'] },
    { name: 'care-teams', url: ROUTES.careTeams, shows: ['队长：张秀芹'] },
    { name: 'me', url: ROUTES.me, shows: ['张桂芹', '志愿者'] },
    { name: 'tasks', url: ROUTES.volunteerTasks, shows: ['已确认的服务时长', '我接的求助'] },
    { name: 'service-record', url: ROUTES.serviceRecord, shows: ['开具证明', '服务记录'] },
  ])
})

it('every page a social worker opens shows its content in Chinese, whole and unbroken', async () => {
  await walk(WORKER, 'worker', [
    { name: 'needs', url: ROUTES.needs, shows: ['社工工作台'] },
    { name: 'needs-review', url: ROUTES.needsReview, shows: ['完成后奖励'] },
    { name: 'needs-all', url: ROUTES.needsAll, shows: ['全部'] },
    { name: 'need-on-behalf', url: ROUTES.needCreateOnBehalf, shows: ['代居民发布'] },
    { name: 'volunteer-review', url: ROUTES.volunteerReview, shows: ['已通过', '未通过'] },
    { name: 'points-adjust', url: ROUTES.pointsAdjust, shows: ['1. 给谁'] },
    { name: 'mall-shops', url: ROUTES.mallShops, shows: ['商品'] },
    { name: 'mall-settlement', url: ROUTES.mallSettlement, shows: ['上个月'] },
    { name: 'corners-manage', url: ROUTES.cornersManage, shows: ['公益角'] },
    { name: 'activity-code', url: q(ROUTES.activityCode, ids.activity.id), shows: ['签到码'] },
    { name: 'activity-attendance', url: q(ROUTES.activityAttendance, ids.activity.id), shows: ['签到'] },
    { name: 'care-overview', url: ROUTES.careOverview, shows: ['近7天的紧急走访', '已超期没去的'] },
    { name: 'care-roster', url: ROUTES.careRoster, shows: ['登记新的关爱对象'] },
    { name: 'care-register', url: ROUTES.careEdit, shows: ['已同意登记'] },
    { name: 'care-door', url: q(ROUTES.careDoor, LIU), shows: ['爱心敲门 · 门牌码'] },
    { name: 'care-teams', url: ROUTES.careTeams, shows: ['新建服务队'] },
    { name: 'me', url: ROUTES.me, shows: ['刘敏', '社工'] },
    { name: 'workbench', url: ROUTES.workbench, shows: ['待审核的求助', '超期未走访的老人'] },
    { name: 'certificate-verify', url: ROUTES.certificateVerify, shows: ['证明编号', '查询'] },
  ])
})

it('every page a shopkeeper opens shows its content in Chinese, whole and unbroken', async () => {
  await walk('demo-merchant-zhou', 'shopkeeper', [
    { name: 'scan', url: ROUTES.merchantScan, shows: ['本店', '输入兑换数字'] },
    { name: 'today', url: ROUTES.merchantToday, shows: ['积分'] },
    { name: 'me', url: ROUTES.me, shows: ['周海燕'] },
  ])
})
