/**
 * `export`: the station's Excel files (types/exports.ts), built with exceljs in this function.
 *
 * Rows are read page by page in a fixed order (a time field, then `_id`), each page one indexed read of at
 * most EXPORT_PAGE_SIZE, at most EXPORT_PAGES_PER_CALL pages a call. What a call read is kept in the cloud
 * storage as a part (`exports/<caller>/<job>/<n>.json`) and the call answers a `job` token (where the reading
 * stands); the page calls again with it. The call that reads the last page builds the workbook from the parts,
 * stores it at `exports/<caller>/<job>.xlsx`, deletes the parts and answers the file ID and a temporary URL.
 * Parts live under the caller's own folder, so a token made by one worker cannot be used by another.
 * Each call records what the export has stored (`report_exports`); the nightly timer deletes the files of
 * exports whose last call is older than EXPORT_KEEP_MS (removeOldExports), finished or abandoned.
 */
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import {
  EXPORT_KEEP_MS,
  EXPORT_LABELS,
  EXPORT_PAGE_SIZE,
  EXPORT_PAGES_PER_CALL,
  EXPORT_URL_SECONDS,
  exportInput,
  type ExportInput,
  type ExportKind,
  type ExportProgress,
  type ExportRecord,
} from '../../../types/exports'
import type { VisitRecord } from '../../../types/care'
import { ENTRY_KIND_LABELS, ENTRY_KINDS } from '../../../types/points'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, NEED_STATUS_LABELS } from '../../../types/needs'
import { PARTICIPATION_STATE_LABELS } from '../../../types/activities'
import type { ActivityRecord, NeedRecord, OrderRecord, SignupRecord } from '../../../types/records'
import { FIGURE_LABELS, FIGURE_MEANINGS, type ReportSummary } from '../../../types/report'
import { formatShanghai, shanghaiDay } from '../../../types/time'
import { _, cloud, db, deleteFiles } from '../../../server/cloud'
import { byId } from '../../../server/docs'
import { invalid, notFound, precondition } from '../../../server/errors'
import { action, type Caller } from '../../../server/handler'
import { checkPeriod, summary } from './figures'

const SHANGHAI_MS = 8 * 3600_000
const EXPIRED = '这次导出已经过期，请重新导出'

// ------------------------------------------------------------------ cells

/** A cell: text, a number, or an instant (written as a date in Beijing time), or empty. */
type Cell = string | number | { t: number } | null
type Row = Cell[]

interface Column {
  header: string
  width: number
  /** `date`: yyyy-mm-dd hh:mm; `day`: yyyy-mm-dd; `number` with its format; text otherwise. */
  type?: 'date' | 'day' | 'number'
  format?: string
}

interface Sheet {
  name: string
  columns: Column[]
  rows: Row[]
}

const at = (ms: number | null | undefined): Cell => (typeof ms === 'number' ? { t: ms } : null)

// ------------------------------------------------------------------ the job

interface Job {
  /** Random id of the export (its folder). */
  id: string
  kind: ExportKind
  from: number | null
  to: number | null
  activityId: string | null
  contact: boolean
  /** The storage's `cloud://<env>.<bucket>` of the parts. */
  base: string
  /** Which source is being read, and after which row of it. */
  source: number
  after: { v: number; id: string } | null
  parts: number
  rows: number
}

function encodeJob(job: Job): string {
  return Buffer.from(JSON.stringify(job), 'utf8').toString('base64url')
}

function decodeJob(text: string): Job {
  let job: Job
  try {
    job = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Job
  } catch {
    throw invalid('导出进度不正确，请重新导出')
  }
  const ok =
    job &&
    typeof job.id === 'string' &&
    /^[0-9a-f]{16}$/.test(job.id) &&
    (EXPORT_KINDS_SET as Set<unknown>).has(job.kind) &&
    typeof job.base === 'string' &&
    /^cloud:\/\/[A-Za-z0-9._-]+$/.test(job.base) &&
    Number.isInteger(job.source) &&
    job.source >= 0 &&
    Number.isInteger(job.parts) &&
    job.parts >= 0 &&
    job.parts < 10_000 &&
    Number.isInteger(job.rows) &&
    (job.from === null || Number.isInteger(job.from)) &&
    (job.to === null || Number.isInteger(job.to)) &&
    (job.activityId === null || typeof job.activityId === 'string') &&
    typeof job.contact === 'boolean' &&
    (job.after === null ||
      (typeof job.after === 'object' && typeof job.after.v === 'number' && typeof job.after.id === 'string'))
  if (!ok) throw invalid('导出进度不正确，请重新导出')
  return job
}

const EXPORT_KINDS_SET = new Set<ExportKind>(Object.keys(EXPORT_LABELS) as ExportKind[])

const partPath = (openid: string, job: Pick<Job, 'id'>, n: number) => `exports/${openid}/${job.id}/${n}.json`
const filePath = (openid: string, job: Pick<Job, 'id'>) => `exports/${openid}/${job.id}.xlsx`
/** `cloud://<env>.<bucket>` of a file ID. */
const baseOf = (fileID: string) => fileID.slice(0, fileID.indexOf('/', 'cloud://'.length))

// ------------------------------------------------------------------ sources read page by page

interface Source {
  collection: string
  where: Record<string, unknown>
  /** Ascending by this field, then `_id`. */
  field: string
  /** The rows a page of documents adds (compact: what the workbook needs). */
  rows: (docs: never[]) => Row[]
}

function range(job: Job): unknown {
  return _.and([_.gte(job.from), _.lt(job.to)])
}

type NeedRow = Pick<
  NeedRecord,
  | '_id'
  | 'createdAt'
  | 'category'
  | 'title'
  | 'community'
  | 'status'
  | 'points'
  | 'requester'
  | 'onBehalfOf'
  | 'assignee'
  | 'claimedAt'
  | 'doneAt'
  | 'confirmedAt'
  | 'minutes'
  | 'rating'
  | 'address'
  | 'contactPhone'
>

function sourcesOf(job: Job): Source[] {
  switch (job.kind) {
    case 'summary':
      return []
    case 'needs':
      return [
        {
          collection: 'needs',
          where: { createdAt: range(job) },
          field: 'createdAt',
          rows: (docs: NeedRow[]) =>
            docs.map((n) => [
              at(n.createdAt),
              n._id,
              NEED_CATEGORY_LABELS[n.category] ?? n.category,
              n.title,
              n.community ?? '',
              NEED_STATUS_LABELS[n.status] ?? n.status,
              n.points,
              n.requester?.nickname ?? '',
              n.onBehalfOf?.name ?? '',
              n.assignee?.nickname ?? '',
              at(n.claimedAt),
              at(n.doneAt),
              at(n.confirmedAt),
              n.status === 'confirmed' ? (n.minutes ?? 0) : null,
              n.rating ?? null,
              ...(job.contact ? [n.address ?? '', n.contactPhone ?? ''] : []),
            ]),
        },
      ]
    case 'attendance':
      return [
        {
          collection: 'signups',
          where: { activityId: job.activityId, ...(job.from === null ? {} : { signedAt: range(job) }) },
          field: 'signedAt',
          rows: (docs: SignupRecord[]) =>
            docs.map((s) => [
              s.name,
              PARTICIPATION_STATE_LABELS[s.state] ?? s.state,
              at(s.signedAt),
              at(s.checkinAt),
              at(s.checkoutAt),
              s.state === 'confirmed' ? (s.minutes ?? 0) : null,
              s.state === 'confirmed' ? (s.points ?? 0) : null,
              at(s.state === 'confirmed' ? s.confirmedAt : null),
              at(s.cancelledAt),
            ]),
        },
      ]
    case 'volunteers':
      // [openid, name, kind, minutes]: summed per person when the workbook is built.
      return [
        {
          collection: 'needs',
          where: { confirmedAt: range(job), status: 'confirmed' },
          field: 'confirmedAt',
          rows: (docs: NeedRecord[]) =>
            docs
              .filter((n) => n.assignee)
              .map((n) => [n.assignee!.openid, n.assignee!.nickname, 'need', n.minutes ?? 0]),
        },
        {
          collection: 'signups',
          where: { confirmedAt: range(job), state: 'confirmed' },
          field: 'confirmedAt',
          rows: (docs: SignupRecord[]) => docs.map((s) => [s.openid, s.name, 'activity', s.minutes ?? 0]),
        },
        {
          collection: 'care_visits',
          where: { status: 'confirmed', confirmedAt: range(job) },
          field: 'confirmedAt',
          rows: (docs: VisitRecord[]) =>
            docs.flatMap((v) => v.visitors.map((p) => [p.openid, p.name, 'visit', v.minutes])),
        },
      ]
    case 'settlement':
      return [
        {
          collection: 'orders',
          where: { status: 'redeemed', redeemedAt: range(job) },
          field: 'redeemedAt',
          rows: (docs: OrderRecord[]) =>
            docs.map((o) => [
              at(o.redeemedAt),
              o.merchantId,
              o.merchantName,
              o.rewardTitle,
              o.cost,
              o._id,
              o.redeemedByName ?? '',
            ]),
        },
      ]
  }
}

/** One page of a source after `after`: the rows it adds, and where the next page starts (null: the end). */
async function readPage(source: Source, after: Job['after']): Promise<{ rows: Row[]; after: Job['after'] }> {
  const where = after
    ? _.and([
        source.where,
        _.or([{ [source.field]: _.gt(after.v) }, { [source.field]: after.v, _id: _.gt(after.id) }]),
      ])
    : source.where
  const res = await db
    .collection(source.collection)
    .where(where)
    .orderBy(source.field, 'asc')
    .orderBy('_id', 'asc')
    .limit(EXPORT_PAGE_SIZE)
    .get()
  const docs = res.data as Array<Record<string, unknown> & { _id: string }>
  const last = docs[docs.length - 1]
  return {
    rows: source.rows(docs as never[]),
    after: docs.length < EXPORT_PAGE_SIZE ? null : { v: last[source.field] as number, id: last._id },
  }
}

// ------------------------------------------------------------------ the workbooks

const periodText = (job: Job) =>
  job.from === null || job.to === null
    ? ''
    : `${formatShanghai(job.from, 'YYYY年M月D日')}至${formatShanghai(job.to - 1, 'YYYY年M月D日')}`

const fileDay = (ms: number) => shanghaiDay(ms).replace(/-/g, '')

const textColumn = (header: string, width: number): Column => ({ header, width })
const countColumn = (header: string, width = 8): Column => ({ header, width, type: 'number', format: '0' })
const minutesColumn = (header: string): Column => countColumn(header, 12)
const timeColumn = (header: string): Column => ({ header, width: 17, type: 'date' })

function needsSheet(job: Job, rows: Row[]): Sheet {
  return {
    name: '求助清单',
    columns: [
      timeColumn('发布时间'),
      textColumn('编号', 26),
      textColumn('类别', 9),
      textColumn('标题', 24),
      textColumn('社区', 16),
      textColumn('状态', 9),
      countColumn('积分', 7),
      textColumn('求助人', 10),
      textColumn('代谁求助', 10),
      textColumn('志愿者', 10),
      timeColumn('接单时间'),
      timeColumn('完成时间'),
      timeColumn('确认时间'),
      minutesColumn('服务时长（分钟）'),
      countColumn('评分', 7),
      ...(job.contact ? [textColumn('地址', 28), textColumn('联系电话', 14)] : []),
    ],
    rows,
  }
}

function attendanceSheet(rows: Row[]): Sheet {
  return {
    name: '签到表',
    columns: [
      textColumn('姓名', 12),
      textColumn('状态', 12),
      timeColumn('报名时间'),
      timeColumn('签到时间'),
      timeColumn('签退时间'),
      minutesColumn('确认时长（分钟）'),
      countColumn('积分', 8),
      timeColumn('确认时间'),
      timeColumn('取消时间'),
    ],
    rows,
  }
}

/** One row per volunteer: minutes by kind, total minutes and hours, and how many services; most first. */
export function volunteerRows(items: Row[]): Row[] {
  const people = new Map<string, { name: string; need: number; activity: number; visit: number; n: number }>()
  for (const [openid, name, kind, minutes] of items as [
    string,
    string,
    'need' | 'activity' | 'visit',
    number,
  ][]) {
    const p = people.get(openid) ?? { name, need: 0, activity: 0, visit: 0, n: 0 }
    p[kind] += minutes
    p.n += 1
    if (!p.name) p.name = name
    people.set(openid, p)
  }
  return [...people.entries()]
    .map(([openid, p]) => ({ openid, ...p, total: p.need + p.activity + p.visit }))
    .sort((a, b) => b.total - a.total || a.openid.localeCompare(b.openid))
    .map((p) => [
      p.name || '未填写姓名',
      p.need,
      p.activity,
      p.visit,
      p.total,
      Math.round((p.total / 60) * 100) / 100,
      p.n,
    ])
}

function volunteersSheet(items: Row[]): Sheet {
  return {
    name: '志愿者服务时长',
    columns: [
      textColumn('志愿者', 14),
      minutesColumn('帮助邻居（分钟）'),
      minutesColumn('参加活动（分钟）'),
      minutesColumn('爱心敲门（分钟）'),
      minutesColumn('合计（分钟）'),
      { header: '合计（小时）', width: 12, type: 'number', format: '0.00' },
      countColumn('服务次数', 10),
    ],
    rows: volunteerRows(items),
  }
}

/** Per shop: orders and points redeemed, most points first; then every redemption. */
function settlementSheets(items: Row[]): Sheet[] {
  const shops = new Map<string, { name: string; orders: number; points: number }>()
  for (const [, merchantId, name, , cost] of items as [Cell, string, string, string, number][]) {
    const s = shops.get(merchantId) ?? { name, orders: 0, points: 0 }
    s.orders += 1
    s.points += cost
    shops.set(merchantId, s)
  }
  const totals = [...shops.entries()]
    .sort(([a, x], [b, y]) => y.points - x.points || a.localeCompare(b))
    .map(([, s]) => [s.name, s.orders, s.points] as Row)
  return [
    {
      name: '结算汇总',
      columns: [textColumn('商户', 22), countColumn('核销单数', 10), countColumn('积分合计', 10)],
      rows: totals,
    },
    {
      name: '核销明细',
      columns: [
        timeColumn('核销时间'),
        textColumn('商户', 22),
        textColumn('兑换物品', 20),
        countColumn('积分', 8),
        textColumn('订单号', 26),
        textColumn('核销店员', 10),
      ],
      rows: items.map(([when, , name, title, cost, id, by]) => [when, name, title, cost, id, by]),
    },
  ]
}

const GROUP_LABELS: Record<string, string> = {
  needs: '居民求助',
  activities: '志愿活动',
  people: '服务群众',
  care: '爱心敲门',
  volunteers: '志愿者',
  points: '积分',
}

/** The report: every figure with its unit and meaning, then needs by category, points by kind and by shop. */
export function reportRows(s: ReportSummary): Row[] {
  const rows: Row[] = []
  for (const [path, meaning] of Object.entries(FIGURE_MEANINGS) as [keyof typeof FIGURE_MEANINGS, string][]) {
    const [group, key] = path.split('.')
    const value = (s[group as 'needs'] as Record<string, unknown> | null)?.[key]
    const [label, unit] = FIGURE_LABELS[path]
    rows.push([GROUP_LABELS[group], label, typeof value === 'number' ? value : null, unit, meaning])
  }
  for (const c of NEED_CATEGORIES)
    rows.push([
      '求助按类别',
      NEED_CATEGORY_LABELS[c],
      s.needs?.byCategory[c] ?? 0,
      '条',
      '期间发布的这一类求助数',
    ])
  for (const k of ENTRY_KINDS)
    rows.push([
      '积分按来源',
      ENTRY_KIND_LABELS[k],
      s.points?.byKind[k] ?? 0,
      '分',
      '期间这一类积分变动的合计',
    ])
  for (const shop of s.points?.byShop ?? [])
    rows.push(['商户兑换', shop.name, shop.points, '分', `期间核销${shop.orders}单`])
  return rows
}

function reportSheet(s: ReportSummary): Sheet {
  return {
    name: '工作报表',
    columns: [
      textColumn('分类', 12),
      textColumn('项目', 14),
      { header: '数值', width: 10, type: 'number', format: '0.##' },
      textColumn('单位', 7),
      textColumn('说明', 44),
    ],
    rows: reportRows(s),
  }
}

/** Title row (what, for which period), a line on when it was made, the headers, the rows. */
async function workbookOf(title: string, note: string, sheets: Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '小社 · 邻里公益'
  book.created = new Date()
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 3 }] })
    ws.columns = sheet.columns.map((c) => ({
      width: c.width,
      style:
        c.type === 'date'
          ? { numFmt: 'yyyy-mm-dd hh:mm' }
          : c.type === 'day'
            ? { numFmt: 'yyyy-mm-dd' }
            : c.format
              ? { numFmt: c.format }
              : {},
    }))
    ws.addRow([title])
    ws.mergeCells(1, 1, 1, sheet.columns.length)
    ws.getRow(1).font = { bold: true, size: 14 }
    ws.addRow([note])
    ws.mergeCells(2, 1, 2, sheet.columns.length)
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    header.font = { bold: true }
    for (const row of sheet.rows)
      ws.addRow(
        row.map((cell) =>
          cell && typeof cell === 'object' ? new Date(cell.t + SHANGHAI_MS) : cell === '' ? null : cell,
        ),
      )
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function buildFile(
  job: Job,
  items: Row[],
  activity: ActivityRecord | null,
  caller: Caller,
  now: number,
): Promise<Pick<ExportProgress, 'rows' | 'fileID' | 'tempFileURL' | 'name' | 'expiresAt'>> {
  const label = EXPORT_LABELS[job.kind]
  let title = `${label}（${periodText(job)}）`
  let sheets: Sheet[]
  let name = `${label}_${job.from === null ? '' : `${fileDay(job.from)}-${fileDay(job.to! - 1)}`}.xlsx`
  switch (job.kind) {
    case 'summary': {
      const s = await summary.run({ from: job.from!, to: job.to! }, caller)
      sheets = [reportSheet(s)]
      break
    }
    case 'needs':
      sheets = [needsSheet(job, items)]
      break
    case 'attendance': {
      const a = activity!
      title = `${label}：${a.title}（${formatShanghai(a.startAt, 'YYYY年M月D日 HH:mm')}，${a.location}）`
      name = `${label}_${a.title.replace(/[\\/:*?"<>|\s]+/g, '')}_${fileDay(a.startAt)}.xlsx`
      sheets = [attendanceSheet(items)]
      break
    }
    case 'volunteers':
      sheets = [volunteersSheet(items)]
      break
    case 'settlement':
      sheets = settlementSheets(items)
      break
  }
  const rows = sheets[0].rows.length
  const note = `导出时间：${formatShanghai(now, 'YYYY-MM-DD HH:mm')}（北京时间，表中时间均为北京时间）；共${rows}行`
  const bytes = await workbookOf(title, note, sheets)
  const { fileID } = await cloud.uploadFile({
    cloudPath: filePath(caller.openid, job),
    fileContent: bytes,
  })
  const res = (await cloud.getTempFileURL({
    fileList: [{ fileID, maxAge: EXPORT_URL_SECONDS }],
  })) as { fileList: Array<{ tempFileURL: string; status: number }> }
  const url = res.fileList[0]?.status === 0 ? res.fileList[0].tempFileURL : ''
  if (!url) throw precondition('文件已生成，但暂时拿不到下载地址，请重新导出')
  // The report reads no rows of records: its rows are the figures written.
  return {
    rows: job.kind === 'summary' ? rows : job.rows,
    fileID,
    tempFileURL: url,
    name,
    expiresAt: now + EXPORT_URL_SECONDS * 1000,
  }
}

async function activityOf(id: string): Promise<ActivityRecord> {
  const a = await byId<ActivityRecord>('activities', id)
  if (!a) throw notFound('没有找到这个活动')
  return a
}

// ------------------------------------------------------------------ the action

function newJob(args: ExportInput): Omit<Job, 'base'> {
  if (!args.kind) throw invalid('请选择要导出的内容')
  const job = {
    id: crypto.randomBytes(8).toString('hex'),
    kind: args.kind,
    from: null as number | null,
    to: null as number | null,
    activityId: null as string | null,
    contact: false,
    source: 0,
    after: null,
    parts: 0,
    rows: 0,
  }
  if (args.contact !== undefined && args.kind !== 'needs') throw invalid('只有求助清单可以包含联系方式')
  if (args.kind === 'attendance') {
    if (!args.activityId) throw invalid('请选择活动')
    job.activityId = args.activityId
  } else if (args.activityId !== undefined) throw invalid('只有活动签到表按活动导出')
  // An attendance list takes every sign-up, or those made in the period when one is given.
  if (args.kind === 'attendance' && args.from === undefined && args.to === undefined) return job
  if (args.from === undefined || args.to === undefined) throw invalid('请选择导出的时间段')
  checkPeriod({ from: args.from, to: args.to })
  job.from = args.from
  job.to = args.to
  job.contact = args.contact ?? false
  return job
}

async function readParts(openid: string, job: Job): Promise<Row[]> {
  const parts = await Promise.all(
    Array.from({ length: job.parts }, async (_x, n) => {
      try {
        const res = await cloud.downloadFile({ fileID: `${job.base}/${partPath(openid, job, n)}` })
        return JSON.parse(Buffer.from(res.fileContent as Buffer).toString('utf8')) as Row[]
      } catch {
        throw precondition(EXPIRED)
      }
    }),
  )
  return parts.flat()
}

/** A job goes on only where it was left: its parts are in the caller's own folder (another's answer as expired). */
async function assertOwnParts(openid: string, job: Job): Promise<void> {
  if (!job.parts) throw invalid('导出进度不正确，请重新导出')
  const res = (await cloud.getTempFileURL({
    fileList: [{ fileID: `${job.base}/${partPath(openid, job, job.parts - 1)}`, maxAge: 60 }],
  })) as { fileList: Array<{ status: number }> }
  if (res.fileList[0]?.status !== 0) throw precondition(EXPIRED)
}

async function removeParts(openid: string, job: Job): Promise<void> {
  if (!job.parts) return
  try {
    await deleteFiles(Array.from({ length: job.parts }, (_x, n) => `${job.base}/${partPath(openid, job, n)}`))
  } catch (err) {
    // Parts left behind cost storage, not correctness: the finished file does not depend on them.
    console.error('deleteFile of export parts failed', err)
  }
}

export const exportFile = action({
  input: exportInput,
  who: 'worker',
  run: async (args, caller): Promise<ExportProgress> => {
    const now = Date.now()
    let job: Job
    if (args.job !== undefined) {
      if (Object.keys(args).length > 1) throw invalid('继续导出时只需要导出进度')
      job = decodeJob(args.job)
      await assertOwnParts(caller.openid, job)
    } else job = { ...newJob(args), base: '' }
    // An activity's attendance: the activity must exist (answered as not-found otherwise).
    const activity = job.kind === 'attendance' ? await activityOf(job.activityId!) : null

    const sources = sourcesOf(job)
    const rows: Row[] = []
    for (let page = 0; page < EXPORT_PAGES_PER_CALL && job.source < sources.length; page++) {
      const read = await readPage(sources[job.source], job.after)
      rows.push(...read.rows)
      job.rows += read.rows.length
      job.after = read.after
      if (!read.after) job.source += 1
    }
    if (job.source < sources.length) {
      const { fileID } = await cloud.uploadFile({
        cloudPath: partPath(caller.openid, job, job.parts),
        fileContent: Buffer.from(JSON.stringify(rows), 'utf8'),
      })
      if (!job.base) job.base = baseOf(fileID)
      job.parts += 1
      await recordFiles(caller.openid, job, now)
      return {
        done: false,
        rows: job.rows,
        job: encodeJob(job),
        fileID: null,
        tempFileURL: null,
        name: null,
        expiresAt: null,
      }
    }
    const items = [...(await readParts(caller.openid, job)), ...rows]
    const file = await buildFile(job, items, activity, caller, now)
    if (!job.base) job.base = baseOf(file.fileID!)
    await recordFiles(caller.openid, job, now)
    await removeParts(caller.openid, job)
    return { done: true, job: null, ...file }
  },
})

// ------------------------------------------------------------------ files kept for a while, then deleted

/** One write after the call's upload: a crash before it leaves one file unrecorded, never a record of none. */
async function recordFiles(owner: string, job: Job, now: number): Promise<void> {
  const data: Omit<ExportRecord, '_id'> = { owner, base: job.base, parts: job.parts, touchedAt: now }
  await db.collection('report_exports').doc(job.id).set({ data })
}

const CLEAN_BATCH = 100
const CLEAN_ROUNDS = 20

/**
 * The nightly timer's clean-up: every export last called more than EXPORT_KEEP_MS ago loses its file and
 * parts, then its record (so a failed delete is tried again the next night). A job continued afterwards
 * answers as expired. Answers how many exports and file IDs it deleted.
 */
export async function removeOldExports(now: number): Promise<{ exports: number; files: number }> {
  let exports = 0
  let files = 0
  for (let round = 0; round < CLEAN_ROUNDS; round++) {
    const res = (await db
      .collection('report_exports')
      .where({ touchedAt: _.lt(now - EXPORT_KEEP_MS) })
      .orderBy('touchedAt', 'asc')
      .limit(CLEAN_BATCH)
      .get()) as unknown as { data: ExportRecord[] }
    if (!res.data.length) break
    const fileList = res.data.flatMap((r) => [
      `${r.base}/${filePath(r.owner, { id: r._id })}`,
      ...Array.from({ length: r.parts }, (_x, n) => `${r.base}/${partPath(r.owner, { id: r._id }, n)}`),
    ])
    await deleteFiles(fileList)
    await db
      .collection('report_exports')
      .where({ _id: _.in(res.data.map((r) => r._id)) })
      .remove()
    exports += res.data.length
    files += fileList.length
    if (res.data.length < CLEAN_BATCH) break
  }
  return { exports, files }
}
