/**
 * 爱心敲门 in a real browser, on the H5 build served by the emulator: a worker builds a team and registers a
 * person for it; a member records two visits with the network cut and both arrive once it returns, exactly
 * once each; an urgent visit reaches the captain and every worker; a person turns up as overdue once the
 * clock passes their visiting frequency. Screenshots in test-artifacts/care/.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { DueList, Recipient, RecipientDetail, Visit } from '../../types/care'
import type { Page as Paged } from '../../types/envelope'
import { POINTS_RULES } from '../../types/points'
import type { Me } from '../../types/user'
import { launchBrowser, phone, pickIdentity, settled, snapshot } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { careViolations, ledgerViolations, readCareState, readLedgerState } from '../helpers/invariants'
import { connectSdk, type Sdk } from '../helpers/sdk'

const WORKER = { openid: 'demo-worker-liu', name: '刘敏' }
const MEMBER = { openid: 'demo-volunteer-zhang', name: '张桂芹' }
const CAPTAIN = 'demo-captain-zhang'
const DAY = 86_400_000

let emu: Emulator
let browser: Browser
let sdk: Sdk

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve(__dirname, '..', '..', 'dist-h5') })
  browser = await launchBrowser()
  sdk = connectSdk(emu.url)
})
afterAll(async () => {
  await browser?.close()
  await emu?.stop()
})
beforeEach(async () => {
  await emu.reset('demo')
})
afterEach(async () => {
  expect(ledgerViolations(await readLedgerState(sdk))).toEqual([])
  expect(careViolations(await readCareState(sdk))).toEqual([])
})

/** Taro's H5 router keeps earlier pages in the document, hidden: act only on what a person can see. */
const visible = (page: Page, text: string | RegExp) =>
  page.getByText(text, { exact: true }).filter({ visible: true }).first()

async function care<T>(openid: string, data: object): Promise<T> {
  const envelope = await emu.call<T>('care', data, openid)
  if (!envelope.ok)
    throw new Error(`care.${(data as { action: string }).action}: ${JSON.stringify(envelope)}`)
  return envelope.data as T
}

async function openAs(name: string, route: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(emu.url)
  await pickIdentity(page, name)
  await page.goto(`${emu.url}/#${route}`)
  await settled(page)
  return { context, page }
}

/** Types into the visible box that shows `placeholder`. */
async function typeInto(page: Page, placeholder: string, value: string): Promise<void> {
  // Taro draws its web components around a real <input> or <textarea>: type into that.
  const box = `taro-input-core[placeholder="${placeholder}"] input, taro-textarea-core[placeholder="${placeholder}"] textarea`
  await page.locator(box).filter({ visible: true }).first().fill(value)
}

it('lets a worker build a team with a captain and register a person for it, with their consent', async () => {
  const { page } = await openAs(WORKER.name, '/packages/care/pages/teams/index')
  await visible(page, '新建服务队').click()
  await typeInto(page, '例如：道义街3502社区爱心敲门队', '裕华路社区敲门队')
  await typeInto(page, '例如：道义街3502社区', '裕华路社区')
  await visible(page, '选队长并建队').click()
  await typeInto(page, '姓名，或手机号后4位', '陈志强')
  await visible(page, '搜索').click()
  await page.locator('.volunteer-picker__person', { hasText: '陈志强' }).getByText('当队长').click()
  await snapshot(page, 'care/01-appoint-captain')
  await visible(page, '建队').click()
  await page.locator('.teams__team', { hasText: '裕华路社区敲门队' }).getByText('队长：陈志强').waitFor()
  await snapshot(page, 'care/02-team-built')

  await page.goto(`${emu.url}/#/packages/care/pages/edit/index`)
  await typeInto(page, '例如：刘凤琴', '马秀珍')
  await typeInto(page, '例如：1941', '1943')
  await typeInto(page, '例如：道义街3502社区', '裕华路社区')
  await typeInto(page, '例如：3栋1单元101', '裕华路社区6栋2单元302')
  await visible(page, '独居').click()
  await visible(page, '高风险').click()
  await visible(page, '裕华路社区敲门队').click()
  await visible(page, '登记').click()
  await visible(page, '请先征得老人或监护人同意，并勾选“已同意登记”').waitFor()
  await visible(page, '已同意登记').click()
  await snapshot(page, 'care/03-register-consent')
  await visible(page, '登记').click()

  await visible(page, '走访记录（最近10次）').waitFor()
  await visible(page, '还没有走访记录').waitFor()
  await snapshot(page, 'care/04-registered')
  const teams = await care<Paged<{ id: string; name: string; captain: { openid: string } }>>(WORKER.openid, {
    action: 'teams',
  })
  const team = teams.items.find((t) => t.name === '裕华路社区敲门队')!
  expect(team.captain.openid).toBe('demo-volunteer-chen')
  const roster = await care<Paged<Recipient>>(WORKER.openid, { action: 'recipients', teamId: team.id })
  expect(roster.items.map((r) => [r.name, r.risk, r.visitEveryDays])).toEqual([['马秀珍', 'high', 7]])
})

it('keeps two visits recorded without a network on the phone and sends each exactly once when it returns', async () => {
  const { context, page } = await openAs(MEMBER.name, '/packages/care/pages/due/index')
  const due = await care<DueList>(MEMBER.openid, { action: 'due' })
  const [first, second] = [...due.overdue, ...due.soon]
  expect(second).toBeDefined()
  const card = (r: Recipient) =>
    page.locator('.care-card', { hasText: r.name }).filter({ visible: true }).first()
  await card(first).getByText('记录走访').click()
  await visible(page, `走访：${first.name}`).waitFor()

  await context.setOffline(true)
  await visible(page, '平安').click()
  await typeInto(page, '例如：血压正常，冰箱里菜不多了', '断网时记的第一次走访')
  await visible(page, '保存走访记录').click()
  await visible(page, '已保存在手机上，待上传').waitFor()
  await snapshot(page, 'care/05-saved-offline')
  await visible(page, '返回今日待访').click()
  await visible(page, '待上传 1 条').waitFor()

  await card(second).getByText('记录走访').click()
  await visible(page, `走访：${second.name}`).waitFor()
  await visible(page, '需关注').click()
  await typeInto(page, '例如：血压正常，冰箱里菜不多了', '断网时记的第二次走访')
  await visible(page, '保存走访记录').click()
  await visible(page, '已保存在手机上，待上传').waitFor()
  await visible(page, '返回今日待访').click()
  await visible(page, '待上传 2 条').waitFor()
  // Trying again while still offline keeps both waiting.
  await visible(page, '重新上传').click()
  await visible(page, '重新上传').waitFor()
  await visible(page, '待上传 2 条').waitFor()
  await snapshot(page, 'care/06-two-waiting')

  await context.setOffline(false)
  await page.locator('.care-queue').filter({ visible: true }).waitFor({ state: 'detached' })
  await snapshot(page, 'care/07-sent')

  const notes = ['断网时记的第一次走访', '断网时记的第二次走访']
  const landed: Visit[] = []
  for (const r of [first, second]) {
    const detail = await care<RecipientDetail>(WORKER.openid, { action: 'recipient', id: r.id })
    landed.push(...detail.visits.filter((v) => notes.includes(v.note)))
  }
  expect(landed.map((v) => [v.recipientId, v.note, v.wellbeing]).sort()).toEqual(
    [
      [first.id, notes[0], 'well'],
      [second.id, notes[1], 'attention'],
    ].sort(),
  )
  // Nothing is left to send: another retry (the app coming back to the front) records nothing more.
  await page.reload()
  await settled(page)
  await visible(page, '关爱名单').waitFor()
  expect(await page.locator('.care-queue').count()).toBe(0)
})

it('sends an urgent visit to the captain and every worker at once, and a worker confirms it with its points', async () => {
  const { page } = await openAs(MEMBER.name, '/packages/care/pages/visit/index?id=demo-recipient-liufq')
  await visible(page, '走访：刘凤琴').waitFor()
  const before = (await emu.outbox()).length

  await visible(page, '紧急').click()
  await visible(page, '选“紧急”后，队长和社工会马上收到微信提醒。').waitFor()
  await typeInto(page, '例如：血压正常，冰箱里菜不多了', '在家摔倒了，腿不能动')
  await snapshot(page, 'care/08-urgent-visit')
  await visible(page, '保存走访记录').click()
  await visible(page, '已记录对刘凤琴的走访').waitFor()

  const told = new Set((await emu.outbox()).slice(before).map((m) => m.payload.touser))
  const found = await emu.call<{ items: Array<{ openid: string }> }>(
    'user',
    { action: 'findPeople', role: 'worker' },
    WORKER.openid,
  )
  const workers = found.data!.items.map((p) => p.openid)
  expect(workers.length).toBeGreaterThan(0)
  expect([...told].sort()).toEqual([CAPTAIN, ...workers].sort())

  const { page: workerPage } = await openAs(WORKER.name, '/packages/care/pages/overview/index')
  const urgent = workerPage
    .locator('.care-visit', { hasText: '在家摔倒了，腿不能动' })
    .filter({ visible: true })
  await urgent.waitFor()
  await snapshot(workerPage, 'care/09-overview-urgent')

  // The worker confirms it: the member is credited once, with the visit's points.
  const points = async () =>
    (await emu.call<Me>('user', { action: 'login' }, MEMBER.openid)).data!.points.balance
  const pointsBefore = await points()
  await urgent.getByText('确认这次走访').click()
  await visible(workerPage, '确认').click()
  await urgent.getByText('已确认').waitFor()
  expect(await urgent.getByText('确认这次走访').count()).toBe(0)
  expect((await points()) - pointsBefore).toBe(POINTS_RULES.visitPoints)
})

it('shows a person as overdue in 今日待访 once the clock passes their visiting frequency', async () => {
  const liu = await care<RecipientDetail>(WORKER.openid, { action: 'recipient', id: 'demo-recipient-liufq' })
  expect(liu.overdue).toBe(false)
  const { page } = await openAs(MEMBER.name, '/packages/care/pages/due/index')
  await visible(page, '关爱名单').waitFor()
  const overdue = page.locator('.due__section', { hasText: '已超期，请尽快去' }).filter({ visible: true })
  expect(await overdue.getByText('刘凤琴').count()).toBe(0)

  const now = await emu.now()
  await emu.advanceClock(liu.nextDueAt - now + DAY)
  await page.reload()
  await settled(page)
  await overdue.locator('.care-card', { hasText: '刘凤琴' }).waitFor()
  await snapshot(page, 'care/10-overdue')
})
