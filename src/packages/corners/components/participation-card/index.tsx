import { Button, Text, View } from '@tarojs/components'
import { PARTICIPATION_STATE_LABELS, servedMinutes, type Participation } from '@shared/activities'
import { formatClock, formatDayTime, formatMinutes, formatWindow } from '@/components/activity-time'
import CodeEntry, { type CodeMode } from '../code-entry'
import './index.scss'

const STATE_TONES: Record<Participation['state'], string> = {
  signed: 'amber',
  'checked-in': 'green',
  'checked-out': 'green',
  confirmed: 'grey',
  cancelled: 'grey',
}

/** One sentence on where the person stands and what comes next. */
function StatusLines({ place, ended }: { place: Participation; ended: boolean }) {
  const { activity, state, checkinAt, checkoutAt } = place
  switch (state) {
    case 'signed':
      return ended ? (
        <Text className="place__status">没有签到。如果您去了，请告诉社工。</Text>
      ) : (
        <Text className="place__status">活动开始前30分钟起，到现场扫社工出示的签到码签到。</Text>
      )
    case 'checked-in':
      return (
        <>
          <Text className="place__status">签到时间：{checkinAt ? formatDayTime(checkinAt) : '—'}</Text>
          <Text className="place__status place__status--hint">
            离开时别忘了签退，服务时长从签到算到签退。
          </Text>
        </>
      )
    case 'checked-out': {
      const minutes = checkinAt && checkoutAt ? servedMinutes(checkinAt, checkoutAt, activity) : null
      return (
        <>
          <Text className="place__status">
            签到 {checkinAt ? formatClock(checkinAt) : '—'} · 签退{' '}
            {checkoutAt ? formatClock(checkoutAt) : '—'}
          </Text>
          {minutes !== null && (
            <Text className="place__status place__status--strong">服务约 {formatMinutes(minutes)}</Text>
          )}
          <Text className="place__status place__status--hint">社工确认时长后，积分就到账。</Text>
        </>
      )
    }
    case 'confirmed':
      return (
        <Text className="place__status place__status--strong">
          服务 {formatMinutes(place.minutes ?? 0)}，得到 {place.points ?? 0} 积分
        </Text>
      )
    default:
      return null
  }
}

interface ParticipationCardProps {
  place: Participation
  /** The activity has ended (the 已结束 list): no more check-in or cancelling. */
  ended: boolean
  /** Which code entry is open on this card, if any. */
  entry: CodeMode | null
  onOpenEntry: (mode: CodeMode) => void
  onCloseEntry: () => void
  onChanged: (place: Participation) => void
  onCancel: () => void
}

/** One of my places (我的活动): when and where, my state, and check-in, check-out or cancelling. */
export default function ParticipationCard({
  place,
  ended,
  entry,
  onOpenEntry,
  onCloseEntry,
  onChanged,
  onCancel,
}: ParticipationCardProps) {
  const { activity, state } = place
  const canCheckIn = state === 'signed' && !ended
  const canCheckOut = state === 'checked-in'
  return (
    <View className="card place">
      <View className="place__head">
        <Text className="place__title">{activity.title}</Text>
        <Text className={`place__state place__state--${STATE_TONES[state]}`}>
          {PARTICIPATION_STATE_LABELS[state]}
        </Text>
      </View>
      <Text className="place__line">时间：{formatWindow(activity.startAt, activity.endAt)}</Text>
      <Text className="place__line">地点：{activity.location}</Text>
      <StatusLines place={place} ended={ended} />
      {entry ? (
        <CodeEntry activityId={activity.id} mode={entry} onDone={onChanged} onClose={onCloseEntry} />
      ) : (
        (canCheckIn || canCheckOut) && (
          <View className="place__actions">
            {canCheckIn && (
              <Button className="btn btn--primary" onClick={() => onOpenEntry('checkin')}>
                签到
              </Button>
            )}
            {canCheckIn && (
              <Button className="btn btn--quiet" onClick={onCancel}>
                取消报名
              </Button>
            )}
            {canCheckOut && (
              <Button className="btn btn--primary" onClick={() => onOpenEntry('checkout')}>
                签退
              </Button>
            )}
          </View>
        )
      )}
    </View>
  )
}
