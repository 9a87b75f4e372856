/** Typed calls of the `report` function (工作台 → 数据); see types/report.ts for each action's schema. */
import type { Page } from '@shared/envelope'
import type { CareTeam } from '@shared/care'
import Taro from '@tarojs/taro'
import type { ExportInput, ExportProgress } from '@shared/exports'
import type { ReportSummary, ReportTrend, SummaryInput, TrendInput } from '@shared/report'
import { callFunction } from './cloud'
import { CloudError } from './cloud-error'

const FUNCTION = 'report'

/** The station's figures for [from, to), for the whole station or one community, corner or team. */
export function getReportSummary(input: SummaryInput): Promise<ReportSummary> {
  return callFunction<ReportSummary>(FUNCTION, { action: 'summary', ...input })
}

/** The same figures month by month, the current month last. */
export function getReportTrend(input: TrendInput): Promise<ReportTrend> {
  return callFunction<ReportTrend>(FUNCTION, { action: 'trend', ...input })
}

/** The service teams (for the report's filter): one page of up to 20, newest first. */
export function listCareTeams(): Promise<Page<CareTeam>> {
  return callFunction<Page<CareTeam>>('care', { action: 'teams', limit: 20 })
}

/**
 * Builds an Excel file in the `report` function, calling again with the `job` it answers until it is done
 * (each call reads a few pages); `onProgress` hears the rows read so far. Answers the finished file.
 */
export async function exportReport(
  input: Omit<ExportInput, 'job'>,
  onProgress: (rows: number) => void,
): Promise<ExportProgress> {
  let progress = await callFunction<ExportProgress>(FUNCTION, { action: 'export', ...input })
  while (!progress.done) {
    onProgress(progress.rows)
    progress = await callFunction<ExportProgress>(FUNCTION, { action: 'export', job: progress.job })
  }
  return progress
}

/**
 * Opens a finished export: on WeChat the file is downloaded under its own name and opened with
 * openDocument (which offers to send it on); in the browser it is downloaded.
 */
export async function openExport(file: ExportProgress): Promise<void> {
  const url = file.tempFileURL ?? ''
  const name = file.name ?? 'export.xlsx'
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${name}`
    const res = await Taro.downloadFile({ url, filePath })
    if (res.statusCode !== 200) throw new CloudError('internal', '文件没有下载下来，请再试一次')
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
