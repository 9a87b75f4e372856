/** Typed calls of the `report` function (工作台 → 数据); see types/report.ts for each action's schema. */
import type { Page } from '@shared/envelope'
import type { CareTeam } from '@shared/care'
import type { ReportSummary, ReportTrend, SummaryInput, TrendInput } from '@shared/report'
import { callFunction } from './cloud'

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
