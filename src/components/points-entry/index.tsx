import { Text, View } from '@tarojs/components'
import { ENTRY_KIND_LABELS, type LedgerEntry } from '@shared/points'
import './index.scss'
import { formatShanghai } from '@shared/time'

/** +5 / −10: a real minus sign reads better than a hyphen in large type. */
export function signedPoints(delta: number): string {
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`
}

/** One line of a ledger: what it was for, the points it added or took, when, and the balance after it. */
export default function PointsEntry({ entry }: { entry: LedgerEntry }) {
  const gain = entry.delta > 0
  return (
    <View className="points-entry">
      <View className="points-entry__main">
        <Text className={`points-entry__kind points-entry__kind--${entry.kind}`}>
          {ENTRY_KIND_LABELS[entry.kind] ?? '积分变动'}
        </Text>
        {entry.note && <Text className="points-entry__note">{entry.note}</Text>}
        <Text className="points-entry__time">{formatShanghai(entry.createdAt, 'YYYY年M月D日 HH:mm')}</Text>
      </View>
      <View className="points-entry__side">
        <Text
          className={`points-entry__delta ${gain ? 'points-entry__delta--gain' : 'points-entry__delta--loss'}`}
        >
          {signedPoints(entry.delta)}
        </Text>
        <Text className="points-entry__after">余额 {entry.balanceAfter}</Text>
      </View>
    </View>
  )
}
