import { Text, View } from '@tarojs/components'
import type { Board } from '@shared/points'
import { formatShanghai } from '@shared/time'
import { signedPoints } from '@/components/points-entry'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import './index.scss'

export type BoardPeriod = Board['period']

const PERIODS: { period: BoardPeriod; label: string; heading: string; empty: string }[] = [
  { period: 'month', label: '本月', heading: '本月得分排行', empty: '这个月还没有人得分' },
  { period: 'all', label: '总榜', heading: '累计得分排行', empty: '还没有人得分' },
]

interface PointsBoardProps {
  period: BoardPeriod
  onPeriodChange: (period: BoardPeriod) => void
  /** The board of `period`; null while it loads or when it failed. */
  board: Board | null
  loading: boolean
  /** A Chinese message to show instead of the board. */
  error: string | null
  onRetry: () => void
}

/** 积分公示: who earned the most (names masked) and the latest civic awards and deductions. */
export default function PointsBoard({
  period,
  onPeriodChange,
  board,
  loading,
  error,
  onRetry,
}: PointsBoardProps) {
  const current = PERIODS.find((p) => p.period === period) ?? PERIODS[0]
  const shown = board && board.period === period ? board : null
  return (
    <View className="points-board">
      <Text className="hint points-board__intro">为了保护大家的隐私，名字中间用 * 代替。</Text>
      <View className="points-board__switch" role="tablist">
        {PERIODS.map((p) => (
          <View
            key={p.period}
            role="tab"
            aria-selected={p.period === period}
            className={`points-board__period${p.period === period ? ' points-board__period--active' : ''}`}
            onClick={() => onPeriodChange(p.period)}
          >
            <Text>{p.label}</Text>
          </View>
        ))}
      </View>

      {!shown && loading && <Loading />}
      {!shown && !loading && error && <ErrorState message={error} onRetry={onRetry} />}
      {shown && (
        <>
          <View className="card points-board__ranking">
            <Text className="card__title">{current.heading}</Text>
            {shown.items.length === 0 && <EmptyState title={current.empty} />}
            {shown.items.map((item, index) => (
              <View key={`${item.rank}-${index}`} className="points-board__row">
                <Text
                  className={`points-board__rank${item.rank <= 3 ? ` points-board__rank--top${item.rank}` : ''}`}
                >
                  {item.rank}
                </Text>
                <Text className="points-board__name">{item.name}</Text>
                <Text className="points-board__points">{item.points} 分</Text>
              </View>
            ))}
          </View>

          <View className="card points-board__recent">
            <Text className="card__title">最近的奖励和扣分</Text>
            {shown.recent.length === 0 && <EmptyState title="最近没有奖励或扣分" />}
            {shown.recent.map((entry, index) => (
              <View key={`${entry.createdAt}-${index}`} className="points-board__recent-row">
                <View className="points-board__recent-main">
                  <View className="points-board__recent-who">
                    <Text className="points-board__recent-name">{entry.name}</Text>
                    <Text>{entry.note}</Text>
                  </View>
                  <Text className="points-board__recent-time">
                    {formatShanghai(entry.createdAt, 'M月D日')}
                  </Text>
                </View>
                <Text
                  className={`points-board__recent-delta ${entry.delta > 0 ? 'points-board__recent-delta--gain' : 'points-board__recent-delta--loss'}`}
                >
                  {signedPoints(entry.delta)}
                </Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
