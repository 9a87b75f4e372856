/**
 * 工作台 → 数据: what the station did in a month, quarter or year (Asia/Shanghai), for the whole station or
 * one community, corner or service team — each figure with its one-line meaning — and three charts drawn with
 * @antv/f2 (charts.tsx, the reason this page is a subpackage of its own): the trend month by month, the needs by category, the points redeemed per shop. The first screen is two calls
 * (summary and trend); the filter's lists are read only when it is opened. Under them, 导出: the period's
 * Excel files (components/export-item, which 活动签到 uses too).
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS } from '@shared/needs'
import {
  FIGURE_LABELS,
  FIGURE_MEANINGS,
  PERIOD_KINDS,
  PERIOD_KIND_LABELS,
  periodOf,
  type PeriodKind,
  type ReportSummary,
  type TrendItem,
} from '@shared/report'
import { shanghaiMonth } from '@shared/time'
import Icon from '@/components/icon'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { cachedMe } from '@/hooks/use-me'
import { type CloudError, toCloudError } from '@/services/cloud'
import { listCorners } from '@/services/corners'
import { getReportSummary, getReportTrend, listCareTeams } from '@/services/report'
import WorkersOnly from '@/components/workers-only'
import { ChartCard } from './charts'
import { ExportSection } from '@/components/export-item'
import './index.scss'

const TREND_MONTHS = 12
const STEP_LABELS: Record<PeriodKind, string> = { month: '月', quarter: '季', year: '年' }

type FilterKind = 'community' | 'corner' | 'team'
const FILTER_LABELS: Record<FilterKind, string> = { community: '社区', corner: '公益角', team: '服务队' }

interface Filter {
  kind: FilterKind
  id: string
  name: string
}

type Meaning = keyof typeof FIGURE_MEANINGS

const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n}${unit}`)

/** A figure with its name and unit (FIGURE_LABELS) and its one-line meaning; `value` overrides the text. */
function Figure({ n, meaning, value }: { n?: number | null; meaning: Meaning; value?: string }) {
  const [label, unit] = FIGURE_LABELS[meaning]
  return (
    <View className="report__figure">
      <View className="report__figure-head">
        <Text className="report__figure-label">{label}</Text>
        <Text className="report__figure-value">{value ?? fmt(n, unit)}</Text>
      </View>
      <Text className="report__figure-meaning">{FIGURE_MEANINGS[meaning]}</Text>
    </View>
  )
}

function Group({ title, shown, children }: { title: string; shown: boolean; children: ReactNode }) {
  return (
    <View className="card report__group">
      <Text className="report__group-title">{title}</Text>
      {shown ? children : <Text className="hint">按这个筛选不统计这一项</Text>}
    </View>
  )
}

function Figures({ s }: { s: ReportSummary }) {
  return (
    <View>
      <Group title="居民求助" shown={s.needs !== null}>
        <Figure n={s.needs?.received} meaning="needs.received" />
        <Figure n={s.needs?.completed} meaning="needs.completed" />
        <Figure n={s.needs?.confirmed} meaning="needs.confirmed" />
        <Figure n={s.needs?.avgRating} meaning="needs.avgRating" />
        <Figure n={s.needs?.avgHoursToClaim} meaning="needs.avgHoursToClaim" />
        <Figure n={s.needs?.avgHoursToComplete} meaning="needs.avgHoursToComplete" />
      </Group>
      <Group title="志愿活动" shown={s.activities !== null}>
        <Figure n={s.activities?.held} meaning="activities.held" />
        <Figure n={s.activities?.places} meaning="activities.places" />
        <Figure n={s.activities?.signedUp} meaning="activities.signedUp" />
        <Figure n={s.activities?.attended} meaning="activities.attended" />
      </Group>
      <Group title="服务群众" shown={s.people !== null}>
        <Figure n={s.people?.served} meaning="people.served" />
        <Figure n={s.people?.visits} meaning="people.visits" />
      </Group>
      <Group title="爱心敲门" shown={s.care !== null}>
        <Figure n={s.care?.recipients} meaning="care.recipients" />
        <Figure n={s.care?.householdsVisited} meaning="care.householdsVisited" />
        <Figure n={s.care?.visits} meaning="care.visits" />
        <Figure n={s.care?.overdue} meaning="care.overdue" />
      </Group>
      <Group title="志愿者" shown={s.volunteers !== null}>
        <Figure n={s.volunteers?.active} meaning="volunteers.active" />
        <Figure
          value={s.volunteers ? `${Math.round((s.volunteers.minutes / 60) * 10) / 10}小时` : '—'}
          meaning="volunteers.minutes"
        />
      </Group>
      <Group title="积分" shown={s.points !== null}>
        <Figure n={s.points?.issued} meaning="points.issued" />
        <Figure n={s.points?.redeemed} meaning="points.redeemed" />
      </Group>
    </View>
  )
}

function Charts({ s, trend }: { s: ReportSummary; trend: TrendItem[] | null }) {
  return (
    <View>
      {trend && (
        <ChartCard
          id="report-trend"
          kind="line"
          title={`近${TREND_MONTHS}个月收到的求助`}
          empty="近一年还没有求助"
          bars={trend.map((t) => ({
            key: t.month,
            label: `${Number(t.month.slice(5))}月`,
            value: t.needs?.received ?? 0,
            unit: '条',
          }))}
        />
      )}
      {s.needs && (
        <ChartCard
          id="report-categories"
          kind="bar"
          title="求助按类别"
          empty="这段时间还没有求助"
          bars={NEED_CATEGORIES.map((c) => ({
            key: c,
            label: NEED_CATEGORY_LABELS[c],
            value: s.needs!.byCategory[c],
            unit: '条',
          }))}
        />
      )}
      {s.points && (
        <ChartCard
          id="report-shops"
          kind="bar"
          title="各商户兑换积分"
          empty="这段时间还没有兑换"
          bars={s.points.byShop.map((shop) => ({
            key: shop.merchantId,
            label: shop.name,
            value: shop.points,
            unit: '分',
          }))}
        />
      )}
    </View>
  )
}

/** Nothing happened in the period (every count zero). */
function isEmpty(s: ReportSummary): boolean {
  const counts = [
    s.needs?.received,
    s.needs?.confirmed,
    s.activities?.held,
    s.activities?.attended,
    s.care?.recipients,
    s.care?.visits,
    s.volunteers?.minutes,
    s.points?.issued,
    s.points?.redeemed,
  ]
  return counts.every((n) => !n)
}

function FilterPicker({ onPick, onClose }: { onPick: (f: Filter | null) => void; onClose: () => void }) {
  const [options, setOptions] = useState<Filter[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const load = useCallback(async () => {
    setError(null)
    setOptions(null)
    try {
      const [corners, teams] = await Promise.all([listCorners(), listCareTeams()])
      const communities = [...new Set(teams.items.flatMap((t) => t.communities))].sort()
      setOptions([
        ...communities.map((c) => ({ kind: 'community' as const, id: c, name: c })),
        ...corners.items.map((c) => ({ kind: 'corner' as const, id: c.id, name: c.name })),
        ...teams.items.map((t) => ({ kind: 'team' as const, id: t.id, name: t.name })),
      ])
    } catch (e) {
      setError(toCloudError(e))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return (
    <View className="card report__picker">
      <Text className="report__group-title">看哪一部分</Text>
      <Button className="btn btn--quiet report__option" onClick={() => onPick(null)}>
        全站
      </Button>
      {error && <ErrorState message={error.message} onRetry={() => void load()} />}
      {!error && !options && <Loading />}
      {options?.map((o) => (
        <Button key={`${o.kind}:${o.id}`} className="btn btn--quiet report__option" onClick={() => onPick(o)}>
          {FILTER_LABELS[o.kind]}：{o.name}
        </Button>
      ))}
      <Button className="btn report__option" onClick={onClose}>
        取消
      </Button>
    </View>
  )
}

function Dashboard() {
  const thisMonth = shanghaiMonth(Date.now())
  const [kind, setKind] = useState<PeriodKind>('month')
  const [steps, setSteps] = useState(0)
  const [filter, setFilter] = useState<Filter | null>(null)
  const [picking, setPicking] = useState(false)
  const [summary, setSummary] = useState<ReportSummary | null>(null)
  const [trend, setTrend] = useState<TrendItem[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [denied, setDenied] = useState(false)
  const requestId = useRef(0)
  const period = periodOf(kind, thisMonth, steps)

  const load = useCallback(async () => {
    const id = ++requestId.current
    setSummary(null)
    setError(null)
    const scope = filter
      ? filter.kind === 'community'
        ? { community: filter.id }
        : filter.kind === 'corner'
          ? { cornerId: filter.id }
          : { teamId: filter.id }
      : {}
    try {
      const [s, t] = await Promise.all([
        getReportSummary({ from: period.from, to: period.to, ...scope }),
        filter && filter.kind !== 'community'
          ? Promise.resolve(null)
          : getReportTrend({ months: TREND_MONTHS, ...scope }),
      ])
      if (id !== requestId.current) return
      setSummary(s)
      setTrend(t?.items ?? null)
    } catch (e) {
      if (id !== requestId.current) return
      const err = toCloudError(e)
      if (err.code === 'permission-denied') setDenied(true)
      else setError(err)
    }
  }, [period.from, period.to, filter])
  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (denied) return <WorkersOnly />
  const atLatest = period.first >= periodOf(kind, thisMonth).first
  return (
    <View>
      <View className="report__kinds">
        {PERIOD_KINDS.map((k) => (
          <Button
            key={k}
            className={`btn report__kind${k === kind ? ' report__kind--on' : ''}`}
            onClick={() => {
              setKind(k)
              setSteps(0)
            }}
          >
            {PERIOD_KIND_LABELS[k]}
          </Button>
        ))}
      </View>
      <View className="report__steps">
        <Button className="btn btn--quiet report__step" onClick={() => setSteps(steps - 1)}>
          <Icon name="previous" /> 上一{STEP_LABELS[kind]}
        </Button>
        <Text className="report__period">{period.label}</Text>
        <Button
          className={`btn btn--quiet report__step${atLatest ? ' btn--disabled' : ''}`}
          disabled={atLatest || undefined}
          onClick={() => setSteps(steps + 1)}
        >
          下一{STEP_LABELS[kind]} <Icon name="next" />
        </Button>
      </View>
      <Button className="btn btn--quiet report__filter" onClick={() => setPicking(true)}>
        {filter ? `${FILTER_LABELS[filter.kind]}：${filter.name}` : '全站'} · 换一个
      </Button>
      {picking && (
        <FilterPicker
          onClose={() => setPicking(false)}
          onPick={(f) => {
            setFilter(f)
            setPicking(false)
          }}
        />
      )}
      <Text className="hint report__note">按北京时间统计；每个数字下面是它的意思。</Text>
      {error && <ErrorState message={error.message} onRetry={() => void load()} />}
      {!error && !summary && <Loading />}
      {summary && isEmpty(summary) && (
        <EmptyState
          title={`${period.label}还没有数据`}
          text="居民求助、活动、走访和兑换发生后，这里就有数了"
        />
      )}
      {summary && (
        <>
          <Figures s={summary} />
          <Charts s={summary} trend={trend} />
          <ExportSection from={period.from} to={period.to} label={period.label} />
        </>
      )}
    </View>
  )
}

export default function ReportPage() {
  const elder = Boolean(cachedMe()?.profile.elderMode)
  return (
    <View className={`page report${elder ? ' page--elder' : ''}`}>
      <Dashboard />
    </View>
  )
}
