import { type ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { PARTICIPATION_STATE_LABELS, type Activity } from '@shared/activities'
import { formatWindow } from '@/components/activity-time'
import { ROUTES, openPage } from '@/routes'
import './index.scss'

/** Places still free, never below zero. */
export const placesLeft = (a: Activity): number => Math.max(0, a.capacity - a.signedUp)

/** Does the caller hold a place (any state but cancelled)? */
export const holdsPlace = (a: Activity): boolean => Boolean(a.myState && a.myState !== 'cancelled')

function PlacesLine({ activity }: { activity: Activity }) {
  const left = placesLeft(activity)
  if (left === 0)
    return (
      <Text className="activity-item__line activity-item__full">
        名额：已报满（共 {activity.capacity} 个）
      </Text>
    )
  return (
    <Text className="activity-item__line">
      名额：还剩 <Text className="activity-item__left">{left}</Text> 个（共 {activity.capacity} 个）
    </Text>
  )
}

interface ActivityItemProps {
  activity: Activity
  now: number
  /** What went wrong the last time the person tried (full, overlapping…), in Chinese. */
  message?: string | null
  /** Buttons under the facts. */
  children?: ReactNode
}

/** An activity of a project: when, where, places left, points per hour, and where the caller stands. */
export default function ActivityItem({ activity, now, message, children }: ActivityItemProps) {
  const mine = holdsPlace(activity) ? activity.myState! : null
  return (
    <View className="card activity-item">
      <View className="activity-item__head">
        <Text className="activity-item__title">{activity.title}</Text>
        {mine && <Text className="activity-item__mine">{PARTICIPATION_STATE_LABELS[mine]}</Text>}
      </View>
      <Text className="activity-item__line">时间：{formatWindow(activity.startAt, activity.endAt, now)}</Text>
      <Text className="activity-item__line">地点：{activity.location}</Text>
      <PlacesLine activity={activity} />
      <Text className="activity-item__line">积分：每服务 1 小时得 {activity.pointsPerHour} 分</Text>
      {message && <Text className="error-text activity-item__message">{message}</Text>}
      {children && <View className="activity-item__actions">{children}</View>}
    </View>
  )
}

/** A worker's buttons under an activity: the on-site code, the attendance list and the poster. */
export function WorkerButtons({ id }: { id: string }) {
  return (
    <>
      <Button
        className="btn btn--quiet"
        onClick={() => openPage(`${ROUTES.activityCode}?id=${encodeURIComponent(id)}`)}
      >
        出示签到码
      </Button>
      <Button
        className="btn btn--quiet"
        onClick={() => openPage(`${ROUTES.activityAttendance}?id=${encodeURIComponent(id)}`)}
      >
        签到名单
      </Button>
      <Button
        className="btn btn--quiet"
        onClick={() => openPage(`${ROUTES.activityPoster}?id=${encodeURIComponent(id)}`)}
      >
        活动海报
      </Button>
    </>
  )
}
