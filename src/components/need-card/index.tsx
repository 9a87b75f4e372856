import { type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import {
  DISTANCE_BUCKET_LABELS,
  NEED_CATEGORY_LABELS,
  NEED_STATUS_LABELS,
  type Need,
  type NeedNearby,
  type NeedStatus,
} from '@shared/needs'
import { shanghaiDay, shanghaiMinute } from '@shared/time'
import Icon from '@/components/icon'
import './index.scss'

const STATUS_TONES: Record<NeedStatus, string> = {
  pending: 'amber',
  open: 'brand',
  rejected: 'grey',
  assigned: 'green',
  done: 'amber',
  confirmed: 'green',
  cancelled: 'grey',
}

/** 11月23日 14:05 in Beijing time, whatever the phone's zone (the year only when it is not this year). */
export function formatNeedTime(ms: number): string {
  const [year, month, day] = shanghaiDay(ms).split('-').map(Number)
  const clock = shanghaiMinute(ms).slice(11)
  const thisYear = Number(shanghaiDay(Date.now()).slice(0, 4))
  return `${year === thisYear ? '' : `${year}年`}${month}月${day}日 ${clock}`
}

/** The need's status in words, coloured by what it asks of people (waiting, active, finished). */
export function NeedStatusTag({ status }: { status: NeedStatus }) {
  return (
    <Text className={`need-status need-status--${STATUS_TONES[status]}`}>{NEED_STATUS_LABELS[status]}</Text>
  )
}

/** 紧急 in red, for needs that should not wait. */
export function UrgentMark() {
  return <Text className="need-urgent">紧急</Text>
}

/** Who asked: the resident, or the worker who posted for an elderly resident. */
export function requesterLine(need: Need): string {
  if (need.onBehalfOf) return `${need.onBehalfOf.name}（社工${need.requester.nickname}代发）`
  return need.requester.nickname || '居民'
}

/** What completing the need earns (before the rating bonus), as the pool's cards say it. */
export function pointsLine(points: number): string {
  return points > 0 ? `完成可得 ${points} 积分` : '这件事不计积分'
}

/** 同社区 and the distance step, as far as the pool told them (nothing when it told neither). */
function NearbyLine({ nearby }: { nearby: NeedNearby }) {
  if (!nearby.sameCommunity && !nearby.distance) return null
  return (
    <View className="need-card__nearby">
      {nearby.sameCommunity && <Text className="need-card__near">同社区</Text>}
      {nearby.distance && (
        <Text className="need-card__distance">离您 {DISTANCE_BUCKET_LABELS[nearby.distance]}</Text>
      )}
    </View>
  )
}

interface NeedCardProps {
  need: Need
  /** Show who asked (lists that hold many people's needs). */
  showRequester?: boolean
  /** Show the volunteer who took it. @default true */
  showAssignee?: boolean
  /** Show what completing it earns (the pool). */
  showPoints?: boolean
  /** Opens the need's page. */
  onOpen?: () => void
  /** Buttons under the card's text. */
  children?: ReactNode
}

/** One need in a list: category, urgency, status, title and the few facts people scan for. */
export default function NeedCard({
  need,
  showRequester = false,
  showAssignee = true,
  showPoints = false,
  onOpen,
  children,
}: NeedCardProps) {
  return (
    <View className={`need-card${need.urgency === 'urgent' ? ' need-card--urgent' : ''}`}>
      <View className="need-card__body" onClick={onOpen} role={onOpen ? 'button' : undefined}>
        <View className="need-card__head">
          <Text className="need-card__category">{NEED_CATEGORY_LABELS[need.category]}</Text>
          {need.urgency === 'urgent' && <UrgentMark />}
          <View className="need-card__status">
            <NeedStatusTag status={need.status} />
          </View>
        </View>
        <Text className="need-card__title">{need.title}</Text>
        {(showPoints || need.nearby) && (
          <View className="need-card__facts">
            {showPoints && <Text className="need-card__points">{pointsLine(need.points)}</Text>}
            {need.nearby && <NearbyLine nearby={need.nearby} />}
          </View>
        )}
        {showRequester && <Text className="need-card__line">求助人：{requesterLine(need)}</Text>}
        {need.preferredTime && <Text className="need-card__line">希望时间：{need.preferredTime}</Text>}
        {showAssignee && need.assignee && (
          <Text className="need-card__line">志愿者：{need.assignee.nickname}</Text>
        )}
        <Text className="need-card__line need-card__time">发布于 {formatNeedTime(need.createdAt)}</Text>
        {onOpen && (
          <Text className="need-card__more">
            查看详情 <Icon name="next" />
          </Text>
        )}
      </View>
      {children && <View className="need-card__actions">{children}</View>}
    </View>
  )
}
