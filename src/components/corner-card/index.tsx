import { Text, View } from '@tarojs/components'
import { CORNER_KIND_LABELS, describeSchedule, formatDistance, type Corner } from '@shared/corners'
import Icon from '@/components/icon'
import { describeNextSession } from '@/components/activity-time'
import { CoverThumb } from '@/components/cover'
import './index.scss'

/** 公园 in green, 商圈 in the brand colour. */
export function CornerKindTag({ kind }: { kind: Corner['kind'] }) {
  return <Text className={`corner-kind corner-kind--${kind}`}>{CORNER_KIND_LABELS[kind]}</Text>
}

interface CornerCardProps {
  corner: Corner
  /** Its place in a nearest-first list (matches the number on the map). */
  rank?: number
  now: number
  onOpen: () => void
}

/** A corner in a list: name, how far, 公园/商圈, when it is next held, and how many projects it shows. */
export default function CornerCard({ corner, rank, now, onOpen }: CornerCardProps) {
  const next = describeNextSession(corner.schedule, now, corner.nextActivity)
  const note = corner.schedule.note ? ` · ${corner.schedule.note}` : ''
  return (
    <View className="card corner-card" onClick={onOpen} role="button">
      <View className="cover-row">
        <View className="cover-row__main">
          <View className="corner-card__head">
            {rank !== undefined && <Text className={`corner-rank corner-rank--${corner.kind}`}>{rank}</Text>}
            <Text className="corner-card__name">{corner.name}</Text>
            {corner.distanceKm !== undefined && (
              <Text className="corner-card__distance">{formatDistance(corner.distanceKm)}</Text>
            )}
          </View>
          <View className="corner-card__tags">
            <CornerKindTag kind={corner.kind} />
            <Text className="corner-card__count">{corner.projectCount}个公益项目</Text>
          </View>
          <Text className={`corner-card__next${next.startsWith('正在') ? ' corner-card__next--now' : ''}`}>
            {next}
          </Text>
          <Text className="corner-card__line">
            {describeSchedule(corner.schedule)}
            {note}
          </Text>
          <Text className="corner-card__more">
            看看有哪些项目 <Icon name="next" />
          </Text>
        </View>
        <CoverThumb url={corner.coverUrl} label={`「${corner.name}」的封面`} />
      </View>
    </View>
  )
}

interface CornerLineProps {
  corner: Corner
  rank: number
  onOpen: () => void
}

/** A corner in one line under the map, numbered as on the map. */
export function CornerLine({ corner, rank, onOpen }: CornerLineProps) {
  return (
    <View className="corner-line" onClick={onOpen} role="button">
      <Text className={`corner-rank corner-rank--${corner.kind}`}>{rank}</Text>
      <Text className="corner-line__name">{corner.name}</Text>
      {corner.distanceKm !== undefined && (
        <Text className="corner-line__distance">{formatDistance(corner.distanceKm)}</Text>
      )}
      <Icon name="next" size="medium" tone="muted" className="corner-line__arrow" />
    </View>
  )
}
