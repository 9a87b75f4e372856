import { Text, View } from '@tarojs/components'
import {
  ACTIVITY_PHASE_LABELS,
  PARTICIPATION_STATE_LABELS,
  activityPhase,
  type ActivityListing,
} from '@shared/activities'
import { PROJECT_CATEGORY_LABELS, formatDistance } from '@shared/corners'
import { formatWindow } from '@/components/activity-time'
import { CoverThumb } from '@/components/cover'
import './index.scss'

/** Where it belongs: 'XX项目 · 世纪公园', or '社区活动' for one of no project. */
export function belongsTo(a: ActivityListing): string {
  const parts = [a.projectTitle ?? '社区活动']
  if (a.cornerName) parts.push(`${a.cornerName}公益角`)
  return parts.join(' · ')
}

interface ActivityCardProps {
  activity: ActivityListing
  now: number
  onOpen: () => void
}

/** An activity in a list: its phase, when, where, how far, places left; tap to open it and sign up. */
export default function ActivityCard({ activity: a, now, onOpen }: ActivityCardProps) {
  const phase = activityPhase(a, now)
  const mine = a.myState && a.myState !== 'cancelled' ? a.myState : null
  const left = Math.max(0, a.capacity - a.signedUp)
  return (
    <View className="card activity-card" onClick={onOpen} role="button">
      <View className="cover-row">
        <View className="cover-row__main">
          <View className="activity-card__head">
            <Text className="activity-card__title">{a.title}</Text>
            <Text className={`activity-card__phase activity-card__phase--${mine ? 'mine' : phase}`}>
              {mine ? PARTICIPATION_STATE_LABELS[mine] : ACTIVITY_PHASE_LABELS[phase]}
            </Text>
          </View>
          <Text className="activity-card__line">{formatWindow(a.startAt, a.endAt, now)}</Text>
          <Text className="activity-card__line">
            {a.location}
            {a.distanceKm !== undefined && (
              <Text className="activity-card__distance"> · {formatDistance(a.distanceKm)}</Text>
            )}
          </Text>
          <View className="activity-card__foot">
            {a.category && <Text className="activity-card__tag">{PROJECT_CATEGORY_LABELS[a.category]}</Text>}
            <Text className="activity-card__belongs">{belongsTo(a)}</Text>
          </View>
          <Text className="activity-card__places">
            {left === 0
              ? `名额已报满（共 ${a.capacity} 个）`
              : `还剩 ${left} 个名额 · 每小时 ${a.pointsPerHour} 分`}
          </Text>
        </View>
        <CoverThumb url={a.coverUrl} label={`「${a.title}」的封面`} />
      </View>
    </View>
  )
}
