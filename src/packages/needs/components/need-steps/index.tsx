import { Text, View } from '@tarojs/components'
import { NEED_STATUS_LABELS, NEED_STEPS, type NeedStatus } from '@shared/needs'
import Icon from '@/components/icon'
import './index.scss'

/** Where a need is on its way: 待审核 → 待接单 → 服务中 → 待确认 → 已完成. */
export default function NeedSteps({ status }: { status: NeedStatus }) {
  const current = NEED_STEPS.indexOf(status)
  return (
    <View className="need-steps" role="list" aria-label="进度">
      {NEED_STEPS.map((step, index) => {
        const state =
          index < current || status === 'confirmed' ? 'done' : index === current ? 'current' : 'todo'
        return (
          <View
            key={step}
            role="listitem"
            aria-current={state === 'current' ? 'step' : undefined}
            className={`need-steps__step need-steps__step--${state}`}
          >
            <View className="need-steps__dot">
              {state === 'done' ? <Icon name="check" /> : <Text>{index + 1}</Text>}
            </View>
            <Text className="need-steps__label">{NEED_STATUS_LABELS[step]}</Text>
          </View>
        )
      })}
    </View>
  )
}
