/**
 * `report.export` (工作台 → 数据 → 导出): Excel files a district office can open, built in the `report`
 * function and kept in the cloud storage. An export reads its rows page by page: each call reads at most
 * `EXPORT_PAGES_PER_CALL` pages of `EXPORT_PAGE_SIZE` and answers `done: false` with a `job` to call again with,
 * until the last call builds the workbook and answers the file. What the rows are is defined here, once:
 * the function writes them and the pages describe them.
 */
import * as z from 'zod/mini'
import { epochMsSchema } from './fields'

export const EXPORT_KINDS = ['summary', 'needs', 'attendance', 'volunteers', 'settlement'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** What each export is, as its file's title and the 导出 section name it. */
export const EXPORT_LABELS: Record<ExportKind, string> = {
  summary: '工作报表',
  needs: '求助清单',
  attendance: '活动签到表',
  volunteers: '志愿者服务时长',
  settlement: '商户兑换结算',
}

/** One line on what each file holds (the 导出 section shows it under the button). */
export const EXPORT_MEANINGS: Record<ExportKind, string> = {
  summary: '这段时间的各项数字和每个数字的意思',
  needs: '这段时间发布的每一条求助：类别、状态、接单和完成时间、评分',
  attendance: '这场活动报名的每个人：签到、签退、确认的时长和积分',
  volunteers: '这段时间每位志愿者被确认的服务时长，按帮助邻居、参加活动、爱心敲门分开',
  settlement: '这段时间每家商户核销的单数和积分，以及每一笔核销',
}

/** Rows in one read, and reads in one call (with the caller and one more read, within 6 operations). */
export const EXPORT_PAGE_SIZE = 1000
export const EXPORT_PAGES_PER_CALL = 3
/** How long the file's temporary URL works (seconds). */
export const EXPORT_URL_SECONDS = 3600
/**
 * How long an export's files stay in the storage after its last call: the nightly timer deletes older ones
 * (the URL has stopped working by then, and a file with addresses and phones is not kept longer than needed).
 */
export const EXPORT_KEEP_MS = 2 * 3600_000

const JOB_MAX = 1000

export const exportInput = z.strictObject({
  kind: z.optional(z.enum(EXPORT_KINDS, { error: '请选择要导出的内容' })),
  from: z.optional(epochMsSchema('开始时间')),
  to: z.optional(epochMsSchema('结束时间')),
  activityId: z.optional(
    z
      .string({ error: '活动编号不正确' })
      .check(z.minLength(1, { error: '活动编号不正确' }), z.maxLength(64, { error: '活动编号不正确' })),
  ),
  /** The needs list with each need's address and contact phone (workers see them, API.md). */
  contact: z.optional(z.boolean({ error: '是否包含联系方式应为是或否' })),
  /** The `job` of the previous call's answer: go on with that export (nothing else is given then). */
  job: z.optional(
    z
      .string({ error: '导出进度不正确，请重新导出' })
      .check(z.minLength(1), z.maxLength(JOB_MAX, { error: '导出进度不正确，请重新导出' })),
  ),
})
export type ExportInput = z.infer<typeof exportInput>

/** Each call's answer: how far it is, and once done, the file. */
export interface ExportProgress {
  done: boolean
  /** Rows of records read so far (when done, for `summary`: the figures written). */
  rows: number
  /** Call again with `{ job }` while not done; null when done. */
  job: string | null
  /** When done: the file in the cloud storage, a temporary URL of it (valid `EXPORT_URL_SECONDS`). */
  fileID: string | null
  tempFileURL: string | null
  /** When done: the file's name for the person (what, which period, `.xlsx`) and when the URL stops working. */
  name: string | null
  expiresAt: number | null
}

/** `report_exports/<job id>`: where an export's files are, and when it was last called. */
export interface ExportRecord {
  _id: string
  owner: string
  base: string
  /** Parts stored so far (deleted when the file is built; deleting a missing one is harmless). */
  parts: number
  touchedAt: number
}
