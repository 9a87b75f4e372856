/**
 * 工作台 → 数据 in a real browser on the H5 build: a social worker opens the station's figures, which come
 * from two calls (report.summary and report.trend), each figure with its meaning; switches to the year and
 * to one community; exports the month's needs list as an Excel file, downloaded by the browser and read back;
 * a resident who opens the page is told it is for workers. The three charts (f2 on a canvas) are drawn with the
 * figures report.summary and report.trend answer, which are also written out under each. Screenshots at 375×812 in
 * test-artifacts/report/.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import type { NeedRecord } from '../../types/records'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS } from '../../types/needs'
import { periodOf, type ReportSummary, type TrendItem } from '../../types/report'
import { shanghaiMonth } from '../../types/time'
import { readAll } from '../helpers/invariants'
import { connectSdk } from '../helpers/sdk'
import { ARTIFACTS, launchBrowser, phone, snapshot } from '../helpers/browser'
import { startEmulator, type Emulator } from '../helpers/emulator'

/** Where the H5 identity picker keeps the chosen person: Taro's storage, {data: value} as JSON. */
const IDENTITY_KEY = 'xiaoshe:demo-identity'
const REPORT = 'packages/report/pages/index/index'

let emu: Emulator
let browser: Browser

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', h5Dir: path.resolve('dist-h5') })
  browser = await launchBrowser()
  fs.mkdirSync(path.join(ARTIFACTS, 'report'), { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await emu?.stop()
})

/** A phone already set to the demo person `openid`, recording the function calls it makes. */
async function openAs(openid: string): Promise<{ page: Page; calls: string[] }> {
  const identity = (await emu.identities()).find((i) => i.openid === openid)!
  const context = await phone(browser)
  await context.addInitScript({
    content: `localStorage.setItem(${JSON.stringify(IDENTITY_KEY)}, ${JSON.stringify(JSON.stringify({ data: identity }))});`,
  })
  const page = await context.newPage()
  const calls: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (req.method() !== 'POST' || !url.pathname.startsWith('/fn/')) return
    const body = JSON.parse(req.postData() ?? '{}') as { action?: string }
    calls.push(`${url.pathname.slice('/fn/'.length)}.${body.action}`)
  })
  await page.goto(`${emu.url}/#/${REPORT}`)
  return { page, calls }
}

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

const CHARTS = ['report-trend', 'report-categories', 'report-shops']

/**
 * How many pixels of the chart `id`'s canvas are painted (not fully transparent), and its size in pixels: a
 * script for the page (this file is compiled without the DOM's types).
 */
const paintScript = (id: string) => `(() => {
  const canvas = document.getElementById(${JSON.stringify(id)})?.querySelector('canvas')
  if (!canvas || canvas.width === 0) return { painted: 0, width: 0, height: 0 }
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
  let painted = 0
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++
  return { painted, width: canvas.width, height: canvas.height }
})()`

it("draws the month's three charts on their canvases, with the figures report.summary and report.trend answer written under them", async () => {
  const { page } = await openAs('demo-worker-liu')
  const month = periodOf('month', shanghaiMonth(Date.now()))
  const sdkCall = async <T>(data: object) => (await emu.call<T>('report', data, 'demo-worker-liu')).data!
  const s = await sdkCall<ReportSummary>({ action: 'summary', from: month.from, to: month.to })
  const trend = await sdkCall<{ items: TrendItem[] }>({ action: 'trend', months: 12 })
  expect(s.points!.byShop.length).toBeGreaterThan(0)
  // f2 draws once the canvas is laid out: wait until each canvas has paint on it, then hold how much.
  for (const id of CHARTS) {
    await page.waitForFunction(`${paintScript(id)}.painted > 0`, undefined, { timeout: 20_000 })
    const { painted, width, height } = await page.evaluate<{
      painted: number
      width: number
      height: number
    }>(paintScript(id))
    // Drawn at the phone's pixel ratio, and more than a stray axis line.
    const box = (await page.locator(`#${id}`).boundingBox())!
    const ratio = await page.evaluate<number>('window.devicePixelRatio')
    expect(ratio).toBeGreaterThan(1)
    expect(width).toBe(Math.round(box.width * ratio))
    expect(painted).toBeGreaterThan((width * height) / 100)
  }
  const listed = async (title: string) =>
    (await page.getByRole('figure', { name: title }).filter({ visible: true }).textContent()) ?? ''
  const trendText = await listed('近12个月收到的求助')
  for (const t of trend.items)
    expect(trendText).toContain(`${Number(t.month.slice(5))}月${t.needs?.received ?? 0}条`)
  const categoryText = await listed('求助按类别')
  for (const c of NEED_CATEGORIES)
    expect(categoryText).toContain(`${NEED_CATEGORY_LABELS[c]}${s.needs!.byCategory[c]}条`)
  const shopText = await listed('各商户兑换积分')
  for (const shop of s.points!.byShop) expect(shopText).toContain(`${shop.name}${shop.points}分`)
  await page.locator('#report-trend').scrollIntoViewIfNeeded()
  await snapshot(page, 'report/07-chart-trend')
  await page.locator('#report-categories').scrollIntoViewIfNeeded()
  await snapshot(page, 'report/08-chart-categories')
  await page.locator('#report-shops').scrollIntoViewIfNeeded()
  await snapshot(page, 'report/09-chart-shops')
  await page.context().close()
})

it("shows a worker the month's figures with their meanings, from two calls, then the year and one community", async () => {
  const { page, calls } = await openAs('demo-worker-liu')
  await visible(page, '.report__figure').first().waitFor()
  await visible(page, '.report__chart').first().waitFor()
  expect([...calls].sort()).toEqual(['report.summary', 'report.trend'])
  await page.getByText('期间居民发布的求助数').filter({ visible: true }).waitFor()
  // Every figure is a number (or — where there is nothing to average), never undefined or NaN.
  const values = await visible(page, '.report__figure-value').allTextContents()
  expect(values.length).toBeGreaterThan(15)
  for (const v of values) expect(v).toMatch(/^(\d+(\.\d)?[\u4e00-\u9fa5]+|—)$/)
  await snapshot(page, 'report/01-month')

  await page.getByText('年', { exact: true }).filter({ visible: true }).click()
  await page
    .getByText(/^\d{4}年$/)
    .filter({ visible: true })
    .waitFor()
  await visible(page, '.report__figure').first().waitFor()
  await snapshot(page, 'report/02-year')
  await visible(page, '.report__chart').last().scrollIntoViewIfNeeded()
  await snapshot(page, 'report/03-charts')

  await page.getByText('全站 · 换一个').filter({ visible: true }).click()
  await page.getByText('社区：道义街3502社区').filter({ visible: true }).click()
  await page.getByText('社区：道义街3502社区 · 换一个').filter({ visible: true }).waitFor()
  await visible(page, '.report__figure').first().waitFor()
  // Activities are counted by corner, not by community: the page says so instead of showing 0.
  await page.getByText('按这个筛选不统计这一项').filter({ visible: true }).first().waitFor()
  await snapshot(page, 'report/04-community')
  await page.context().close()
})

it("downloads the month's needs list as an Excel file from 导出, after a word on what it holds", async () => {
  const { page, calls } = await openAs('demo-worker-liu')
  await visible(page, '.report__figure').first().waitFor()
  const section = page.getByText('导出 Excel').filter({ visible: true })
  await section.scrollIntoViewIfNeeded()
  // The list with addresses and phones asks first; 再想想 builds nothing.
  await page.getByText('导出求助清单（含地址电话）').filter({ visible: true }).click()
  await page.getByText('文件里有居民的地址和电话', { exact: false }).filter({ visible: true }).waitFor()
  await page.getByText('再想想').filter({ visible: true }).click()
  expect(calls.filter((c) => c === 'report.export')).toEqual([])

  const downloading = page.waitForEvent('download')
  await page.getByText('导出求助清单', { exact: true }).filter({ visible: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^求助清单_\d{8}-\d{8}\.xlsx$/)
  const file = path.join(ARTIFACTS, 'report', download.suggestedFilename())
  await download.saveAs(file)
  await page
    .getByText(/已生成 求助清单_\d{8}-\d{8}\.xlsx（\d+ 行）/)
    .filter({ visible: true })
    .waitFor()
  await page.getByText('再打开一次').filter({ visible: true }).scrollIntoViewIfNeeded()
  await snapshot(page, 'report/06-export')

  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const sheet = book.getWorksheet('求助清单')!
  const month = periodOf('month', shanghaiMonth(Date.now()))
  const needs = (await readAll<NeedRecord>(connectSdk(emu.url), 'needs')).filter(
    (n) => n.createdAt >= month.from && n.createdAt < month.to,
  )
  expect(String(sheet.getCell(1, 1).value)).toMatch(/^求助清单（\d{4}年\d+月1日至\d{4}年\d+月\d+日）$/)
  expect(sheet.getCell(3, 1).value).toBe('发布时间')
  expect(sheet.rowCount - 3).toBe(needs.length)
  const ids = Array.from({ length: needs.length }, (_x, i) => sheet.getCell(4 + i, 2).value).sort()
  expect(ids).toEqual(needs.map((n) => n._id).sort())
  expect(calls.filter((c) => c === 'report.export').length).toBeGreaterThan(0)
  await page.context().close()
})

it('tells a resident the page is for social workers', async () => {
  const { page } = await openAs('demo-resident-li')
  await page.getByText('仅社工可以使用').filter({ visible: true }).waitFor()
  await snapshot(page, 'report/05-resident')
  await page.context().close()
})
