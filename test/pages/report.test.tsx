/**
 * 数据 under jsdom against a real emulator: each of the three charts is handed exactly the figures
 * report.summary and report.trend answer (the trend month by month, the needs by category, the points per
 * shop), the same figures are written out beside the chart, and a chart whose figures are all zero says so
 * instead of drawing an empty canvas.
 */
import type { ComponentProps } from 'react'
import { render, screen } from '@testing-library/react'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS } from '@shared/needs'
import { periodOf, type ReportSummary, type TrendItem } from '@shared/report'
import { shanghaiMonth } from '@shared/time'
import type { Page } from '@shared/envelope'
import ReportPage from '@/packages/report/pages/index'
import { ChartCard, chartData } from '@/packages/report/pages/index/charts'
import { actAs, callAs, findIdentity, startEmulatorForFile } from './support/app'

type ChartProps = ComponentProps<typeof ChartCard>

// Every ChartCard the page renders, with the props it was given; it still renders as itself.
const drawn: ChartProps[] = []
jest.mock('@/packages/report/pages/index/charts', () => {
  const actual = jest.requireActual<{ ChartCard: typeof ChartCard }>('@/packages/report/pages/index/charts')
  return {
    ...actual,
    ChartCard: (props: ChartProps) => {
      drawn.push(props)
      return actual.ChartCard(props)
    },
  }
})

const emulator = startEmulatorForFile()

/** The props the chart `id` was last rendered with. */
const lastChart = (id: string) => [...drawn].reverse().find((p) => p.id === id)

test('each chart is handed the figures report.summary and report.trend answer, and writes them out beside it', async () => {
  const worker = await findIdentity(emulator(), 'worker')
  actAs(worker)
  render(<ReportPage />)
  await screen.findByText('各商户兑换积分', undefined, { timeout: 20_000 })
  await screen.findByText('近12个月收到的求助')

  const month = periodOf('month', shanghaiMonth(Date.now()))
  const s = await callAs<ReportSummary>(
    emulator(),
    worker.openid,
    { action: 'summary', from: month.from, to: month.to },
    'report',
  )
  const trend = await callAs<Page<TrendItem>>(
    emulator(),
    worker.openid,
    { action: 'trend', months: 12 },
    'report',
  )
  expect(s.points!.byShop.length).toBeGreaterThan(0)

  const trendChart = lastChart('report-trend')!
  expect(trendChart.kind).toBe('line')
  expect(chartData(trendChart.bars)).toEqual(
    trend.items.map((t) => ({ label: `${Number(t.month.slice(5))}月`, value: t.needs?.received ?? 0 })),
  )
  const categories = lastChart('report-categories')!
  expect(chartData(categories.bars)).toEqual(
    NEED_CATEGORIES.map((c) => ({ label: NEED_CATEGORY_LABELS[c], value: s.needs!.byCategory[c] })),
  )
  const shops = lastChart('report-shops')!
  expect(shops.kind).toBe('bar')
  expect(chartData(shops.bars)).toEqual(
    s.points!.byShop.map((shop) => ({ label: shop.name, value: shop.points })),
  )

  // The figures are written out too, so that nobody has to read them off a length.
  const shopsCard = screen.getByRole('figure', { name: '各商户兑换积分' })
  for (const shop of s.points!.byShop) expect(shopsCard.textContent).toContain(`${shop.name}${shop.points}分`)
}, 60_000)

test('a chart whose figures are all zero says so and draws no canvas', () => {
  const { container } = render(
    <ChartCard
      id="zeros"
      kind="bar"
      title="求助按类别"
      empty="这段时间还没有求助"
      bars={NEED_CATEGORIES.map((c) => ({ key: c, label: NEED_CATEGORY_LABELS[c], value: 0, unit: '条' }))}
    />,
  )
  expect(screen.getByText('这段时间还没有求助')).toBeInTheDocument()
  expect(container.querySelector('#zeros')).toBeNull()
  expect(container.textContent).not.toContain('0条')
})

test('a chart with figures has its canvas and lists each figure with its unit', () => {
  const { container } = render(
    <ChartCard
      id="some"
      kind="bar"
      title="求助按类别"
      empty="这段时间还没有求助"
      bars={[
        { key: 'a', label: '买菜', value: 3, unit: '条' },
        { key: 'b', label: '陪诊', value: 0, unit: '条' },
      ]}
    />,
  )
  expect(container.querySelector('#some')).not.toBeNull()
  expect(screen.queryByText('这段时间还没有求助')).toBeNull()
  expect(container.textContent).toContain('买菜3条')
  expect(container.textContent).toContain('陪诊0条')
})
