import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { askForNotices, type SubscribeOutcome } from '@/services/notices'
import './index.scss'

interface SubscribePromptProps {
  templateIds: string[]
  /** What the notices will say, e.g. '审核结果和志愿者接单时' */
  when: string
}

/**
 * Offers WeChat notices about a need. WeChat only opens its dialog from a tap, so this is a button; a
 * refusal is answered kindly. Renders nothing where notices do not exist (H5) or none are configured.
 */
export default function SubscribePrompt({ templateIds, when }: SubscribePromptProps) {
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null)
  if (process.env.TARO_ENV !== 'weapp' || templateIds.filter(Boolean).length === 0) return null

  if (outcome === 'accepted')
    return <Text className="subscribe-prompt__done">好的，{when}会通过微信通知您。</Text>
  if (outcome !== null)
    return <Text className="subscribe-prompt__done">没关系，您随时可以在“我的需求”里查看进度。</Text>

  return (
    <View className="subscribe-prompt">
      <Text className="subscribe-prompt__text">{when}，要不要微信提醒您？</Text>
      <Button
        className="btn btn--secondary"
        onClick={() => {
          void askForNotices(templateIds).then(setOutcome)
        }}
      >
        好的，微信提醒我
      </Button>
    </View>
  )
}
