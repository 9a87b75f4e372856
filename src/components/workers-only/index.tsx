import { Button, Text, View } from '@tarojs/components'
import { ROUTES, goBack } from '@/routes'
import './index.scss'

/** What anyone but a social worker sees on the station's management pages (积分超市, 数据). */
export default function WorkersOnly() {
  return (
    <View className="card workers-only">
      <Text className="workers-only__title">仅社工可以使用</Text>
      <Text className="workers-only__text">这一页是社工站管理合作商户和积分结算用的。</Text>
      <Button className="btn btn--primary" onClick={() => goBack(ROUTES.me)}>
        返回
      </Button>
    </View>
  )
}
