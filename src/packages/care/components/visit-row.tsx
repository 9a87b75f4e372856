import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { AtTag } from 'taro-ui'
import { VISIT_KIND_LABELS, WELLBEING_LABELS, type Visit } from '@shared/care'
import { formatDayTime, formatMinutes } from '@/components/activity-time'
import ConfirmDialog from '@/components/confirm-dialog'
import { ROUTES, openPage } from '@/routes'
import { CARE_TEMPLATES, confirmVisit } from '@/services/care'
import { askForNotices } from '@/services/notices'
import { WELLBEING_TONES } from './care-text'

interface VisitRowProps {
  visit: Visit
  /** Show whom it was (the overview lists several people's visits). */
  showName?: boolean
  /** The caller may confirm it: a worker or the team's captain, and not one of its visitors. */
  canConfirm: boolean
  /** The caller captains the team: confirming is where they are asked for the urgent-visit alerts. */
  captain?: boolean
  onConfirmed: (visit: Visit) => void
}

/** One visit: when, how the person was, what was done, by whom; 到门 or not; confirmed or waiting. */
export default function VisitRow({ visit: v, showName, canConfirm, captain, onConfirmed }: VisitRowProps) {
  const [confirming, setConfirming] = useState(false)
  const names = v.visitors.map((p) => p.name).join('、')
  return (
    <View className="care-visit">
      <View className="care-visit__head">
        {showName && <Text className="care-card__name">{v.recipientName}</Text>}
        <AtTag className={`tag ${WELLBEING_TONES[v.wellbeing]}`} circle>
          {WELLBEING_LABELS[v.wellbeing]}
        </AtTag>
        <AtTag className={`tag ${v.atDoor ? 'tag--green' : 'tag--grey'}`} circle>
          {v.atDoor ? '到门' : '未扫码'}
        </AtTag>
        <AtTag className={`tag ${v.status === 'confirmed' ? 'tag--green' : 'tag--amber'}`} circle>
          {v.status === 'confirmed' ? '已确认' : '待确认'}
        </AtTag>
      </View>
      <Text className="care-visit__line">
        {formatDayTime(v.at)} · {VISIT_KIND_LABELS[v.kind]} · {formatMinutes(v.minutes)}
      </Text>
      <Text className="care-visit__line">走访：{names}</Text>
      {v.services.length > 0 && <Text className="care-visit__line">做了：{v.services.join('、')}</Text>}
      {v.note && <Text className="care-card__last-note">“{v.note}”</Text>}
      {v.needId && (
        <Text className="care-contact__value" onClick={() => openPage(`${ROUTES.needDetail}?id=${v.needId}`)}>
          已转为求助，点这里看进展
        </Text>
      )}
      {canConfirm && v.status === 'logged' && (
        <Button
          className="btn btn--secondary"
          onClick={() => {
            if (captain) void askForNotices([CARE_TEMPLATES.alert])
            setConfirming(true)
          }}
        >
          确认这次走访
        </Button>
      )}
      {confirming && (
        <ConfirmDialog
          title="确认这次走访？"
          content={`确认后，${names}会得到走访积分，走访时长也算作服务时长。`}
          confirmText="确认"
          onConfirm={async () => {
            onConfirmed(await confirmVisit(v.id))
            setConfirming(false)
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </View>
  )
}

/** Whether `openid` may confirm `visit`: a worker, or the team's captain, never one of its visitors. */
export function mayConfirm(visit: Visit, openid: string, worker: boolean, captainOf: string[]): boolean {
  if (visit.visitors.some((p) => p.openid === openid)) return false
  return worker || captainOf.includes(visit.teamId)
}
