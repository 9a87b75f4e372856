/**
 * 数据 → 导出 in the weapp build: a worker's tap builds the file in the `report` function, and the page downloads
 * it under its own name into the phone's user folder and opens it with openDocument (which offers to send it on).
 * The file opened is read back with exceljs. The figures written under its charts are the ones report.summary
 * answers (the simulator has no 2d canvas node, so f2 draws nothing here; test/browser/report.test.ts holds the
 * drawing).
 */
import fs from 'node:fs'
import type ExcelJSType from 'exceljs'
import type { ReportSummary } from '@shared/report'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS } from '@shared/needs'
import { periodOf } from '@shared/report'
import { shanghaiMonth } from '@shared/time'
import {
  connect,
  pageText,
  deviceCallLog,
  demoEmulatorForFile,
  localFile,
  renderPage,
  tapText,
  waitForText,
  waitUntil,
} from './support/weapp'

// This project's environment resolves packages as a browser would: exceljs's own browser build reads the file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS = require('exceljs/dist/exceljs.min.js') as typeof ExcelJSType

const emulator = demoEmulatorForFile()

// The simulator renders a route once per file: one test holds the charts' figures and the export.
test('a worker’s charts show the figures report.summary answers, and an export is downloaded under its name and opened with openDocument', async () => {
  connect(emulator().url, 'demo-worker-liu')
  const page = renderPage('packages/report/pages/index/index')
  const month = periodOf('month', shanghaiMonth(Date.now()))
  const answered = await emulator().call<ReportSummary>(
    'report',
    { action: 'summary', from: month.from, to: month.to },
    'demo-worker-liu',
  )
  const s = answered.data!
  expect(s.points!.byShop.length).toBeGreaterThan(0)
  await waitForText(page, '各商户兑换积分')
  const text = pageText(page)
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  for (const c of NEED_CATEGORIES)
    expect(text).toMatch(new RegExp(`${NEED_CATEGORY_LABELS[c]}\\s*${s.needs!.byCategory[c]}条`))
  for (const shop of s.points!.byShop)
    expect(text).toMatch(new RegExp(`${escape(shop.name)}\\s*${shop.points}分`))
  await waitForText(page, '导出工作报表')
  await tapText(page, '导出工作报表')
  await waitUntil(
    () => deviceCallLog().some((c) => c.api === 'openDocument'),
    () => `no openDocument; the phone was asked: ${JSON.stringify(deviceCallLog())}`,
  )
  const download = deviceCallLog().find((c) => c.api === 'downloadFile')!
  const open = deviceCallLog().find((c) => c.api === 'openDocument')!
  expect(download.options.filePath).toMatch(/^wxfile:\/\/usr\/工作报表_\d{8}-\d{8}\.xlsx$/)
  expect(open.options).toMatchObject({
    filePath: download.options.filePath,
    fileType: 'xlsx',
    showMenu: true,
  })
  await waitForText(page, '已生成 工作报表_')

  const book = new ExcelJS.Workbook()
  const bytes = fs.readFileSync(localFile(String(open.options.filePath)))
  const buffer = new ArrayBuffer(bytes.length)
  new Uint8Array(buffer).set(bytes)
  await book.xlsx.load(buffer)
  const sheet = book.getWorksheet('工作报表')!
  expect(String(sheet.getCell(1, 1).value)).toMatch(/^工作报表（\d{4}年\d+月1日至\d{4}年\d+月\d+日）$/)
  expect(sheet.getCell(3, 2).value).toBe('项目')
  expect(sheet.getCell(4, 2).value).toBe('收到求助')
  expect(typeof sheet.getCell(4, 3).value).toBe('number')
})
