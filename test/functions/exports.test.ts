/**
 * The station's Excel exports (`report.export`): each file is fetched through its temporary URL, read back
 * with exceljs and compared cell by cell with rows this test computes from the records itself — dates as
 * real dates in Beijing time, numbers as numbers, Chinese headers, a title row naming what and the period.
 * A list longer than one call reads is exported over several calls (`job`), page by page, each call within
 * the operations budget, ties of the sort field across page boundaries included. Only workers export; a
 * job belongs to the worker who started it; refusals store nothing.
 */
import ExcelJS from 'exceljs'
import type { VisitRecord } from '../../types/care'
import {
  EXPORT_PAGE_SIZE,
  EXPORT_PAGES_PER_CALL,
  type ExportProgress,
  type ExportRecord,
} from '../../types/exports'
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS } from '../../types/needs'
import { PARTICIPATION_STATE_LABELS } from '../../types/activities'
import type { ActivityRecord, NeedRecord, OrderRecord, SignupRecord } from '../../types/records'
import type { ReportSummary } from '../../types/report'
import { formatShanghai, shanghaiDay } from '../../types/time'
import type { CallOutcome, Emulator } from '../helpers/emulator'
import { startEmulatorForFile } from '../helpers/file-emulator'
import { readAll } from '../helpers/invariants'
import type { Sdk } from '../helpers/sdk'
import { fetchBytes } from '../helpers/storage'
import { waitUntil } from '../helpers/wait'

const WORKER = 'demo-worker-liu'
const OTHER_WORKER = 'demo-worker-sun'
const DAY = 86_400_000
const SHANGHAI = 8 * 3600_000
/** The caller, the pages of one call, the activity of an attendance and the export's record. */
const BUDGET = 6

let emu: Emulator
let sdk: Sdk

startEmulatorForFile({ seed: 'demo' }, (started, connected) => {
  emu = started
  sdk = connected
})

type Expected = string | number | { at: number } | null

interface Done {
  calls: CallOutcome<ExportProgress>[]
  progress: ExportProgress
  book: ExcelJS.Workbook
}

/** Runs an export to its end as the 数据 page does (calling again with `job`), and reads the file back. */
async function exportAll(args: object, openid = WORKER): Promise<Done> {
  const calls: CallOutcome<ExportProgress>[] = []
  let payload: object = { action: 'export', ...args }
  for (;;) {
    const res = await emu.callRaw<ExportProgress>('report', payload, openid)
    if (!res.body.ok) throw new Error(`export: ${res.body.code} ${res.body.message}`)
    calls.push(res)
    const p = res.body.data!
    if (p.done) {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load((await fetchBytes(p.tempFileURL!)) as unknown as ArrayBuffer)
      return { calls, progress: p, book }
    }
    expect(p.job).toEqual(expect.any(String))
    payload = { action: 'export', job: p.job }
  }
}

/** A sheet's title, note, headers and data rows, cells as exceljs read them. */
function sheetOf(book: ExcelJS.Workbook, name: string) {
  const ws = book.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  const width = ws.getRow(3).cellCount
  const values = (r: number) =>
    Array.from({ length: width }, (_x, i) => {
      const v = ws.getRow(r).getCell(i + 1).value
      return v === undefined ? null : v
    })
  const rows: unknown[][] = []
  for (let r = 4; r <= ws.rowCount; r++) rows.push(values(r))
  return {
    title: String(ws.getCell(1, 1).value),
    note: String(ws.getCell(2, 1).value),
    headers: values(3),
    rows,
  }
}

/** Expected cells as exceljs reads them back: an instant is a Date whose UTC fields are Beijing's wall clock. */
function cells(rows: Expected[][]): unknown[][] {
  return rows.map((r) =>
    r.map((c) => (c && typeof c === 'object' ? new Date(c.at + SHANGHAI) : c === '' ? null : c)),
  )
}

const when = (ms: number | null | undefined): Expected => (typeof ms === 'number' ? { at: ms } : null)
const byTimeThenId =
  <T extends { _id: string }>(field: (x: T) => number) =>
  (a: T, b: T) =>
    field(a) - field(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
const periodTitle = (from: number, to: number) =>
  `${formatShanghai(from, 'YYYY年M月D日')}至${formatShanghai(to - 1, 'YYYY年M月D日')}`

async function removeNeeds(ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 100)
    await Promise.all(ids.slice(i, i + 100).map((id) => sdk.db.collection('needs').doc(id).remove()))
}

/** `total` needs copied from a seeded one, posted from `base` on, seven to a minute (ties across pages). */
async function bulkNeeds(base: number, total: number): Promise<NeedRecord[]> {
  const template = (await readAll<NeedRecord>(sdk, 'needs'))[0]
  const made: NeedRecord[] = Array.from({ length: total }, (_x, i) => ({
    ...template,
    _id: `bulk-${String(i).padStart(5, '0')}`,
    title: `批量求助${i}`,
    createdAt: base + Math.floor(i / 7) * 60_000,
    updatedAt: base + Math.floor(i / 7) * 60_000,
  }))
  for (let i = 0; i < made.length; i += 100)
    await Promise.all(
      made.slice(i, i + 100).map(({ _id, ...data }) => sdk.db.collection('needs').doc(_id).set({ data })),
    )
  return made
}

async function period(): Promise<{ from: number; to: number }> {
  const now = await emu.now()
  return { from: now - 300 * DAY, to: now + 60 * DAY }
}

function needRow(n: NeedRecord, contact: boolean): Expected[] {
  return [
    when(n.createdAt),
    n._id,
    NEED_CATEGORY_LABELS[n.category],
    n.title,
    n.community ?? '',
    NEED_STATUS_LABELS[n.status],
    n.points,
    n.requester.nickname,
    n.onBehalfOf?.name ?? '',
    n.assignee?.nickname ?? '',
    when(n.claimedAt),
    when(n.doneAt),
    when(n.confirmedAt),
    n.status === 'confirmed' ? (n.minutes ?? 0) : null,
    n.rating ?? null,
    ...(contact ? [n.address, n.contactPhone] : []),
  ]
}

describe('the needs list', () => {
  it('holds every need posted in the period, in order of posting, cell by cell, with a title naming the period', async () => {
    const { from, to } = await period()
    const done = await exportAll({ kind: 'needs', from, to })
    const needs = (await readAll<NeedRecord>(sdk, 'needs'))
      .filter((n) => n.createdAt >= from && n.createdAt < to)
      .sort(byTimeThenId((n) => n.createdAt))
    expect(needs.length).toBeGreaterThan(0)
    const sheet = sheetOf(done.book, '求助清单')
    expect(sheet.title).toBe(`求助清单（${periodTitle(from, to)}）`)
    expect(sheet.note).toContain(`共${needs.length}行`)
    expect(sheet.headers).toEqual([
      '发布时间',
      '编号',
      '类别',
      '标题',
      '社区',
      '状态',
      '积分',
      '求助人',
      '代谁求助',
      '志愿者',
      '接单时间',
      '完成时间',
      '确认时间',
      '服务时长（分钟）',
      '评分',
    ])
    expect(sheet.rows).toEqual(cells(needs.map((n) => needRow(n, false))))
    expect(done.progress.rows).toBe(needs.length)
    expect(done.progress.name!).toMatch(/^求助清单_\d{8}-\d{8}\.xlsx$/)
    // A need's address and phone only when asked for (workers see them, API.md), and nowhere else.
    expect(JSON.stringify(sheet.rows)).not.toContain(needs[0].contactPhone)
    const withContact = sheetOf(
      (await exportAll({ kind: 'needs', from, to, contact: true })).book,
      '求助清单',
    )
    expect(withContact.headers.slice(-2)).toEqual(['地址', '联系电话'])
    expect(withContact.rows).toEqual(cells(needs.map((n) => needRow(n, true))))
  })

  it('reads a list longer than one call over several calls, page by page, each within the budget, for the worker who started it', async () => {
    const { from } = await period()
    // More needs than one call reads, many posted at the same instant (ties across page boundaries).
    const base = from + DAY
    const total = EXPORT_PAGE_SIZE * EXPORT_PAGES_PER_CALL + 250
    const made = await bulkNeeds(base, total)
    const to = base + total * 60_000
    // The job belongs to the worker who started it; a token not made by the function is refused.
    const first = await emu.call<ExportProgress>(
      'report',
      { action: 'export', kind: 'needs', from: base, to },
      WORKER,
    )
    expect(first.data).toMatchObject({ done: false })
    const stolen = await emu.call('report', { action: 'export', job: first.data!.job }, OTHER_WORKER)
    expect(stolen).toMatchObject({
      ok: false,
      code: 'failed-precondition',
      message: '这次导出已经过期，请重新导出',
    })
    const forged = await emu.call('report', { action: 'export', job: 'eyJpZCI6IngifQ' }, WORKER)
    expect(forged).toMatchObject({
      ok: false,
      code: 'invalid-argument',
      message: '导出进度不正确，请重新导出',
    })

    const done = await exportAll({ kind: 'needs', from: base, to })
    expect(done.calls.length).toBe(2)
    for (const c of done.calls) expect(c.reads + c.writes).toBeLessThanOrEqual(BUDGET)
    expect(done.calls[0].body.data).toMatchObject({
      done: false,
      rows: EXPORT_PAGE_SIZE * EXPORT_PAGES_PER_CALL,
    })
    const needs = (await readAll<NeedRecord>(sdk, 'needs'))
      .filter((n) => n.createdAt >= base && n.createdAt < to)
      .sort(byTimeThenId((n) => n.createdAt))
    expect(needs.length).toBe(total)
    expect(sheetOf(done.book, '求助清单').rows).toEqual(cells(needs.map((n) => needRow(n, false))))
    await removeNeeds(made.map((n) => n._id))
  })
})

describe('the other files', () => {
  it('lists an activity’s attendance, everyone who signed up, cell by cell', async () => {
    const activities = await readAll<ActivityRecord>(sdk, 'activities')
    const signups = await readAll<SignupRecord>(sdk, 'signups')
    const activity = activities
      .map((a) => ({ a, n: signups.filter((s) => s.activityId === a._id).length }))
      .sort((x, y) => y.n - x.n)[0].a
    const done = await exportAll({ kind: 'attendance', activityId: activity._id })
    const sheet = sheetOf(done.book, '签到表')
    expect(sheet.title).toBe(
      `活动签到表：${activity.title}（${formatShanghai(activity.startAt, 'YYYY年M月D日 HH:mm')}，${activity.location}）`,
    )
    const mine = signups.filter((s) => s.activityId === activity._id).sort(byTimeThenId((s) => s.signedAt))
    expect(mine.length).toBeGreaterThan(0)
    expect(sheet.headers).toEqual([
      '姓名',
      '状态',
      '报名时间',
      '签到时间',
      '签退时间',
      '确认时长（分钟）',
      '积分',
      '确认时间',
      '取消时间',
    ])
    expect(sheet.rows).toEqual(
      cells(
        mine.map((s) => [
          s.name,
          PARTICIPATION_STATE_LABELS[s.state],
          when(s.signedAt),
          when(s.checkinAt),
          when(s.checkoutAt),
          s.state === 'confirmed' ? s.minutes : null,
          s.state === 'confirmed' ? s.points : null,
          when(s.state === 'confirmed' ? s.confirmedAt : null),
          when(s.cancelledAt),
        ]),
      ),
    )
  })

  it('lists only the sign-ups made in the period when an attendance export is given one', async () => {
    const signups = await readAll<SignupRecord>(sdk, 'signups')
    const byActivity = new Map<string, SignupRecord[]>()
    for (const s of signups) byActivity.set(s.activityId, [...(byActivity.get(s.activityId) ?? []), s])
    const [activityId, found] = [...byActivity.entries()].sort((a, b) => b[1].length - a[1].length)[0]
    // This test's own history: the activity's sign-ups made an hour apart, the earliest first.
    const mine = found.map((s, i) => ({ ...s, signedAt: s.signedAt - (found.length - i) * 3600_000 }))
    await Promise.all(
      mine.map((s) =>
        sdk.db
          .collection('signups')
          .doc(s._id)
          .update({ data: { signedAt: s.signedAt } }),
      ),
    )
    const from = mine[Math.floor(mine.length / 2)].signedAt
    const to = mine[mine.length - 1].signedAt + 1
    const sheet = sheetOf((await exportAll({ kind: 'attendance', activityId, from, to })).book, '签到表')
    const expected = mine
      .filter((s) => s.signedAt >= from && s.signedAt < to)
      .sort(byTimeThenId((s) => s.signedAt))
    expect(expected.length).toBeLessThan(mine.length)
    expect(sheet.rows.map((r) => r[0])).toEqual(expected.map((s) => s.name))
  })

  it('sums each volunteer’s confirmed minutes in the period by kind, most first', async () => {
    const { from, to } = await period()
    const inPeriod = (t: number | null | undefined) => typeof t === 'number' && t >= from && t < to
    const people = new Map<
      string,
      { name: string; need: number; activity: number; visit: number; n: number }
    >()
    const add = (openid: string, name: string, kind: 'need' | 'activity' | 'visit', minutes: number) => {
      const p = people.get(openid) ?? { name, need: 0, activity: 0, visit: 0, n: 0 }
      p[kind] += minutes
      p.n += 1
      people.set(openid, p)
    }
    for (const n of await readAll<NeedRecord>(sdk, 'needs'))
      if (n.status === 'confirmed' && n.assignee && inPeriod(n.confirmedAt))
        add(n.assignee.openid, n.assignee.nickname, 'need', n.minutes ?? 0)
    for (const s of await readAll<SignupRecord>(sdk, 'signups'))
      if (s.state === 'confirmed' && inPeriod(s.confirmedAt))
        add(s.openid, s.name, 'activity', s.minutes ?? 0)
    for (const v of await readAll<VisitRecord>(sdk, 'care_visits'))
      if (v.status === 'confirmed' && inPeriod(v.confirmedAt))
        for (const p of v.visitors) add(p.openid, p.name, 'visit', v.minutes)
    expect(people.size).toBeGreaterThan(1)
    const expected = [...people.entries()]
      .map(([openid, p]) => ({ openid, p, total: p.need + p.activity + p.visit }))
      .sort((a, b) => b.total - a.total || a.openid.localeCompare(b.openid))
      .map(({ p, total }) => [
        p.name,
        p.need,
        p.activity,
        p.visit,
        total,
        Math.round((total / 60) * 100) / 100,
        p.n,
      ])
    const sheet = sheetOf((await exportAll({ kind: 'volunteers', from, to })).book, '志愿者服务时长')
    expect(sheet.title).toBe(`志愿者服务时长（${periodTitle(from, to)}）`)
    expect(sheet.headers).toEqual([
      '志愿者',
      '帮助邻居（分钟）',
      '参加活动（分钟）',
      '爱心敲门（分钟）',
      '合计（分钟）',
      '合计（小时）',
      '服务次数',
    ])
    expect(sheet.rows).toEqual(cells(expected))
  })

  it('settles each shop: orders and points redeemed in the period, and every redemption', async () => {
    const { from, to } = await period()
    const orders = (await readAll<OrderRecord>(sdk, 'orders'))
      .filter((o) => o.status === 'redeemed' && o.redeemedAt! >= from && o.redeemedAt! < to)
      .sort(byTimeThenId((o) => o.redeemedAt!))
    expect(orders.length).toBeGreaterThan(0)
    const shops = new Map<string, { name: string; orders: number; points: number }>()
    for (const o of orders) {
      const s = shops.get(o.merchantId) ?? { name: o.merchantName, orders: 0, points: 0 }
      s.orders += 1
      s.points += o.cost
      shops.set(o.merchantId, s)
    }
    const done = await exportAll({ kind: 'settlement', from, to })
    const totals = sheetOf(done.book, '结算汇总')
    expect(totals.title).toBe(`商户兑换结算（${periodTitle(from, to)}）`)
    expect(totals.headers).toEqual(['商户', '核销单数', '积分合计'])
    expect(totals.rows).toEqual(
      [...shops.entries()]
        .sort(([a, x], [b, y]) => y.points - x.points || a.localeCompare(b))
        .map(([, s]) => [s.name, s.orders, s.points]),
    )
    const detail = sheetOf(done.book, '核销明细')
    expect(detail.headers).toEqual(['核销时间', '商户', '兑换物品', '积分', '订单号', '核销店员'])
    expect(detail.rows).toEqual(
      cells(
        orders.map((o) => [
          when(o.redeemedAt),
          o.merchantName,
          o.rewardTitle,
          o.cost,
          o._id,
          o.redeemedByName ?? '',
        ]),
      ),
    )
  })

  it('writes the report’s figures as numbers, each with its unit and meaning, equal to report.summary', async () => {
    const { from, to } = await period()
    const summary = (await emu.call<ReportSummary>('report', { action: 'summary', from, to }, WORKER)).data!
    const done = await exportAll({ kind: 'summary', from, to })
    expect(done.calls).toHaveLength(1)
    const sheet = sheetOf(done.book, '工作报表')
    expect(done.progress.rows).toBe(sheet.rows.length)
    expect(sheet.title).toBe(`工作报表（${periodTitle(from, to)}）`)
    expect(sheet.headers).toEqual(['分类', '项目', '数值', '单位', '说明'])
    const value = (label: string) => sheet.rows.find((r) => r[1] === label)?.[2]
    expect(value('收到求助')).toBe(summary.needs!.received)
    expect(value('居民确认')).toBe(summary.needs!.confirmed)
    expect(value('开展活动')).toBe(summary.activities!.held)
    expect(value('服务居民')).toBe(summary.people!.served)
    expect(value('走访入户')).toBe(summary.care!.householdsVisited)
    expect(value('服务时长')).toBe(summary.volunteers!.minutes)
    expect(value('兑换积分')).toBe(summary.points!.redeemed)
    expect(value('助老')).toBe(summary.needs!.byCategory.elderly)
    for (const shop of summary.points!.byShop) expect(value(shop.name)).toBe(shop.points)
    for (const r of sheet.rows) expect(typeof r[2] === 'number' || r[2] === null).toBe(true)
  })
})

describe('who may export', () => {
  it('refuses everyone but workers', async () => {
    const { from, to } = await period()
    for (const openid of ['demo-resident-li', 'demo-volunteer-zhang', 'demo-merchant-meng']) {
      const res = await emu.call(
        'report',
        { action: 'export', kind: 'needs', from, to, contact: true },
        openid,
      )
      expect(res).toMatchObject({ ok: false, code: 'permission-denied' })
    }
    expect((await emu.call('report', { action: 'export', kind: 'needs', from, to })).code).toBe(
      'unauthenticated',
    )
  })

  it('answers bad requests in plain Chinese', async () => {
    const now = await emu.now()
    const cases: [object, string][] = [
      [{ from: now - DAY, to: now }, '请选择要导出的内容'],
      [{ kind: 'needs' }, '请选择导出的时间段'],
      [{ kind: 'needs', from: now, to: now - DAY }, '结束时间要晚于开始时间'],
      [{ kind: 'needs', from: now - 400 * DAY, to: now }, '一次最多统计一年的数据'],
      [{ kind: 'attendance' }, '请选择活动'],
      [{ kind: 'volunteers', from: now - DAY, to: now, contact: true }, '只有求助清单可以包含联系方式'],
    ]
    for (const [args, message] of cases)
      expect(await emu.call('report', { action: 'export', ...args }, WORKER)).toMatchObject({
        ok: false,
        code: 'invalid-argument',
        message,
      })
    expect(
      await emu.call('report', { action: 'export', kind: 'attendance', activityId: 'nope' }, WORKER),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    })
  })
})

describe('files kept for a while', () => {
  const records = () => readAll<ExportRecord>(sdk, 'report_exports')
  const stored = async (fileID: string) => {
    const res = (await sdk.cloud.getTempFileURL({ fileList: [fileID] })) as {
      fileList: { status: number }[]
    }
    return res.fileList[0].status === 0
  }
  const partOf = (r: ExportRecord, n: number) => `${r.base}/exports/${r.owner}/${r._id}/${n}.json`

  it('deletes the files of many old exports in one nightly run, though storage deletes at most 50 files a request', async () => {
    // 30 exports left after three calls each: 90 parts and 30 files, stored as the function stores them.
    const base = (
      await sdk.cloud.uploadFile({ cloudPath: 'exports/probe.json', fileContent: Buffer.from('[]') })
    ).fileID as string
    const bucket = base.slice(0, base.indexOf('/', 'cloud://'.length))
    const now = await emu.now()
    const made: ExportRecord[] = Array.from({ length: 30 }, (_v, i) => ({
      _id: `old-export-${i}`,
      owner: WORKER,
      base: bucket,
      parts: 3,
      touchedAt: now,
    }))
    const files = made.flatMap((r) => [
      `exports/${r.owner}/${r._id}.xlsx`,
      ...[0, 1, 2].map((n) => `exports/${r.owner}/${r._id}/${n}.json`),
    ])
    for (const cloudPath of files) await sdk.cloud.uploadFile({ cloudPath, fileContent: Buffer.from('[]') })
    for (const { _id, ...data } of made) await sdk.db.collection('report_exports').doc(_id).set({ data })
    expect(files).toHaveLength(120)
    expect(await stored(`${bucket}/${files[119]}`)).toBe(true)

    const run = nextRunAfter(now + 3 * HOUR)
    await emu.advanceClock(run - now + MINUTE)
    await waitUntil(async () => {
      const ids = new Set((await records()).map((r) => r._id))
      return made.some((r) => ids.has(r._id)) ? undefined : true
    })
    const left = await Promise.all(files.map((f) => stored(`${bucket}/${f}`)))
    expect(files.filter((_f, i) => left[i])).toEqual([])
  })

  it('deletes finished and abandoned exports at the first nightly run two hours after their last call, and keeps newer ones', async () => {
    const { from, to } = await period()
    const before = new Set((await records()).map((r) => r._id))
    // An export left after its first call (one part stored), and a finished one.
    const made = await bulkNeeds(from + DAY, EXPORT_PAGE_SIZE * EXPORT_PAGES_PER_CALL + 1)
    const abandoned = await emu.call<ExportProgress>(
      'report',
      { action: 'export', kind: 'needs', from, to },
      WORKER,
    )
    expect(abandoned.data).toMatchObject({ done: false })
    await removeNeeds(made.map((n) => n._id))
    const finished = (await exportAll({ kind: 'volunteers', from, to })).progress
    const old = (await records()).filter((r) => !before.has(r._id))
    expect(old).toHaveLength(2)
    expect(old.every((r) => r.owner === WORKER)).toBe(true)
    const part = partOf(
      old.find((r) => r.parts === 1)!,
      0,
    )
    expect(await stored(part)).toBe(true)
    expect(await stored(finished.fileID!)).toBe(true)

    // The first 02:00 (Beijing time) at least three hours on; an export made an hour before it.
    const now = await emu.now()
    const run = nextRunAfter(now + 3 * HOUR)
    await emu.advanceClock(run - HOUR - now)
    const recent = (await exportAll({ kind: 'volunteers', from, to })).progress
    await emu.advanceClock(HOUR + MINUTE)

    const left = await waitUntil(async () => {
      const ids = new Set((await records()).map((r) => r._id))
      return old.some((r) => ids.has(r._id)) ? undefined : ids
    })
    expect(await stored(part)).toBe(false)
    expect(await stored(finished.fileID!)).toBe(false)
    expect(await stored(recent.fileID!)).toBe(true)
    expect(left.size).toBe(1)
    // The abandoned export cannot be continued: it answers as expired.
    expect(await emu.call('report', { action: 'export', job: abandoned.data!.job }, WORKER)).toMatchObject({
      ok: false,
      code: 'failed-precondition',
      message: '这次导出已经过期，请重新导出',
    })
  })
})

const HOUR = 3600_000
const MINUTE = 60_000
/** The nightly timer's first run (02:00 Beijing time) at or after `at`. */
function nextRunAfter(at: number): number {
  let run = dayStart(at) + 2 * HOUR
  while (run < at) run += DAY
  return run
}
const dayStart = (at: number) => Date.parse(`${shanghaiDay(at)}T00:00:00+08:00`)
