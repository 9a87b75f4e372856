/**
 * Each role starts from its own home, in Chromium on a 375×812 phone: a social worker from 我的 into 工作台, a
 * volunteer into 我的任务, a shopkeeper from the counter on 我的 straight to the order whose digits the customer
 * read out; and 消息 with a notice that nobody subscribed to. Screenshots in test-artifacts/homes/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Need } from '@shared/needs'
import type { Order, RedemptionCode } from '@shared/mall'
import type { Workbench } from '@shared/workbench'
import { ARTIFACTS, launchBrowser, phone, settled } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

const DIR = path.join(ARTIFACTS, 'homes')
/** Where the H5 identity picker keeps the chosen person: Taro's storage, {data: value} as JSON. */
const IDENTITY_KEY = 'xiaoshe:demo-identity'
const WORKER = 'demo-worker-liu'
const VOLUNTEER = 'demo-volunteer-zhang'
const SHOPKEEPER = 'demo-merchant-zhou'
const RESIDENT = 'demo-resident-li'

let emu: Emulator
let browser: Browser

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true })
  fs.mkdirSync(DIR, { recursive: true })
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve('dist-h5') })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await emu?.stop()
})

async function data<T>(name: string, body: object, openid: string): Promise<T> {
  const envelope = await emu.call<T>(name, body, openid)
  if (!envelope.ok)
    throw new Error(`${name}.${(body as { action: string }).action}: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

/** A phone on which `openid` is the chosen demo identity, opened at 我的. */
async function openMeAs(openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const identity = (await emu.identities()).find((i) => i.openid === openid)!
  const context = await phone(browser)
  await context.addInitScript({
    content: `localStorage.setItem(${JSON.stringify(IDENTITY_KEY)}, ${JSON.stringify(JSON.stringify({ data: identity }))});`,
  })
  const page = await context.newPage()
  await page.goto(`${emu.url}/#/pages/me/index`)
  await visible(page, '.me__nickname').waitFor({ timeout: 30_000 })
  return { context, page }
}

/** Taro's H5 router keeps earlier pages in the document, hidden: only what a person can see counts. */
function visible(page: Page, selector: string, hasText?: string) {
  return page
    .locator(selector, hasText ? { hasText } : {})
    .filter({ visible: true })
    .first()
}

async function shot(page: Page, name: string): Promise<void> {
  await page.getByText('正在加载…').filter({ visible: true }).first().waitFor({ state: 'hidden' })
  await settled(page)
  await page.screenshot({ path: path.join(DIR, `${name}.png`) })
}

it('a social worker goes from 我的 into 工作台 and sees the counts the emulator holds', async () => {
  const held = await data<Workbench>('user', { action: 'workbench' }, WORKER)
  const { context, page } = await openMeAs(WORKER)
  try {
    await visible(page, '.menu-item--primary', '工作台').waitFor()
    await shot(page, 'worker-1-me')
    await visible(page, '.menu-item--primary', '工作台').click()
    const row = visible(page, '.workbench__row', '待审核的求助')
    await row.waitFor()
    expect(await row.locator('.workbench__count').textContent()).toBe(String(held.needsToReview))
    await shot(page, 'worker-2-workbench')
    await row.click()
    await visible(page, '.taro_page', '完成后奖励').waitFor()
    await shot(page, 'worker-3-needs-review')
  } finally {
    await context.close()
  }
})

it('a volunteer goes from 我的 into 我的任务 and sees the need a worker dispatched to them as new', async () => {
  const need = await data<Need>(
    'needs',
    {
      action: 'create',
      category: 'errand',
      title: '帮忙搬一袋米',
      description: '米在楼下超市，请帮忙搬上楼。',
      address: '槐中路社区2栋2单元201',
      contactPhone: '13503110007',
    },
    RESIDENT,
  )
  await data('needs', { action: 'review', id: need.id, approve: true }, WORKER)
  await data('needs', { action: 'dispatch', id: need.id, volunteerOpenid: VOLUNTEER }, WORKER)
  const { context, page } = await openMeAs(VOLUNTEER)
  try {
    await visible(page, '.menu-item--primary', '我的任务').waitFor()
    await shot(page, 'volunteer-1-me')
    await visible(page, '.menu-item--primary', '我的任务').click()
    const row = visible(page, '.tasks__item', '帮忙搬一袋米')
    await row.waitFor()
    await row.getByText('新', { exact: true }).waitFor()
    await shot(page, 'volunteer-2-tasks')
    // The dispatch is in 消息 too, whether or not the volunteer subscribed.
    await page.goto(`${emu.url}/#/pages/me/index`)
    await visible(page, '.menu-item', '消息').click()
    await visible(page, '.notices__item', '社工派给您一个求助：帮忙搬一袋米').waitFor()
    await shot(page, 'volunteer-3-notices')
  } finally {
    await context.close()
  }
})

it('a shopkeeper types the customer’s digits on 我的 and lands on that order, ready to hand over', async () => {
  const orders = await data<{ items: Order[] }>('mall', { action: 'orders', scope: 'mine' }, VOLUNTEER)
  const order = orders.items.find((o) => o.status === 'held' && o.merchantName === '惠民便民超市')!
  const { shortCode } = await data<RedemptionCode>('mall', { action: 'code', orderId: order.id }, VOLUNTEER)
  const { context, page } = await openMeAs(SHOPKEEPER)
  try {
    const counter = visible(page, '.role-home__counter')
    await counter.waitFor()
    await shot(page, 'shopkeeper-1-me')
    await counter.locator('input').fill(shortCode)
    await counter.getByText('查找这一单').click()
    await visible(page, '.taro_page', '确认核销').waitFor()
    await visible(page, '.taro_page', order.rewardTitle).waitFor()
    await shot(page, 'shopkeeper-2-counter')
  } finally {
    await context.close()
  }
})
