import { Button, Text, View } from '@tarojs/components'
import { ACTIVITY_PHASE_LABELS, activityPhase, type Activity } from '@shared/activities'
import type { Corner } from '@shared/corners'
import { formatWindow } from '@/components/activity-time'
import { ROUTES, openPage } from '@/routes'

interface ActivityRowsProps {
  activities: Activity[]
  corners: Corner[]
  onEdit: (activity: Activity) => void
}

/** Activities as a worker sees them: places taken, and the code, attendance and edit at hand. */
export default function ActivityRows({ activities, corners, onEdit }: ActivityRowsProps) {
  const cornerName = new Map(corners.map((c) => [c.id, c.name]))
  const now = Date.now()
  return (
    <View>
      {activities.map((a) => {
        const phase = activityPhase(a, now)
        return (
          <View key={a.id} className="card manage__row">
            <View className="manage__row-head">
              <Text className="manage__row-title">{a.title}</Text>
              <Text className={`manage__status manage__status--${phase}`}>
                {ACTIVITY_PHASE_LABELS[phase]}
              </Text>
            </View>
            <Text className="manage__row-line">{formatWindow(a.startAt, a.endAt, now)}</Text>
            <Text className="manage__row-line">
              {a.cornerId ? `${cornerName.get(a.cornerId) ?? '公益角'} · ` : ''}报名 {a.signedUp}/{a.capacity}{' '}
              · 每小时 {a.pointsPerHour} 分
            </Text>
            <View className="manage__row-actions">
              <Button
                className="btn btn--secondary manage__small"
                onClick={() => openPage(`${ROUTES.activityCode}?id=${encodeURIComponent(a.id)}`)}
              >
                签到码
              </Button>
              <Button
                className="btn btn--secondary manage__small"
                onClick={() => openPage(`${ROUTES.activityAttendance}?id=${encodeURIComponent(a.id)}`)}
              >
                签到名单
              </Button>
              {a.status !== 'cancelled' && (
                <Button className="btn btn--quiet manage__small" onClick={() => onEdit(a)}>
                  修改
                </Button>
              )}
            </View>
          </View>
        )
      })}
    </View>
  )
}
