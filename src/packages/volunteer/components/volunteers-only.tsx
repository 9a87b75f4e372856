import { Button, Text, View } from '@tarojs/components'
import { ROUTES, goBack, openPage } from '@/routes'
import './volunteers-only.scss'

/** What a resident who is not (yet) a volunteer sees on the volunteers' pages. */
export default function VolunteersOnly() {
  return (
    <View className="card volunteers-only">
      <Text className="volunteers-only__title">志愿者才能接单</Text>
      <Text className="volunteers-only__text">
        这一页是志愿者接单用的。想帮助邻居的话，欢迎申请成为志愿者，社工审核通过后就能接单。
      </Text>
      <Button className="btn btn--primary" onClick={() => openPage(ROUTES.volunteerApply)}>
        申请成为志愿者
      </Button>
      <Button className="btn btn--quiet" onClick={() => goBack(ROUTES.needs)}>
        返回
      </Button>
    </View>
  )
}
