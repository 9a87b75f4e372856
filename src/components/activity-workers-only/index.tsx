import { Button, Text, View } from '@tarojs/components'
import { ROUTES, goBack } from '@/routes'
import './index.scss'

interface WorkersOnlyProps {
  /** What the page is for, in one sentence. */
  purpose: string
}

/** What anyone but a social worker sees on the 公益角 and activity screens of the 社工站. */
export default function ActivityWorkersOnly({ purpose }: WorkersOnlyProps) {
  return (
    <View className="card activity-workers-only">
      <Text className="activity-workers-only__title">仅社工可以使用</Text>
      <Text className="activity-workers-only__text">{purpose}</Text>
      <Button className="btn btn--primary" onClick={() => goBack(ROUTES.home)}>
        返回
      </Button>
    </View>
  )
}
