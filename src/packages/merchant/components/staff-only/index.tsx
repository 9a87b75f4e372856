import { Button, Text, View } from '@tarojs/components'
import { ROUTES, goBack, openPage } from '@/routes'
import './index.scss'

/** What anyone who is not a partner shop's staff sees on the shop's pages. */
export default function StaffOnly() {
  return (
    <View className="card staff-only">
      <Text className="staff-only__title">仅合作商户的店员可以使用</Text>
      <Text className="staff-only__text">
        这一页是合作商店的店员给顾客扫码、交货用的。您想用积分换东西的话，请去“积分超市”。
      </Text>
      <Button className="btn btn--primary" onClick={() => openPage(ROUTES.mall)}>
        去积分超市
      </Button>
      <Button className="btn btn--quiet" onClick={() => goBack(ROUTES.me)}>
        返回
      </Button>
    </View>
  )
}
