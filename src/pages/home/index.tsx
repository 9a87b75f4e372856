import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import IdentityPicker, { CurrentIdentity } from '@/components/identity-picker'
import MenuItem from '@/components/menu-item'
import { ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { canApplyVolunteer } from '@/utils/volunteer'
import './index.scss'

const COMING_SOON = [
  { title: '邻里互助', text: '有困难发个求助，社工派单，志愿者上门帮忙。' },
  { title: '街头公益角', text: '公园、商圈里的公益集市，看看附近有什么活动。' },
  { title: '积分超市', text: '做好事攒积分，到合作的小超市、药店换东西。' },
]

export default function HomePage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const [pickerOpen, setPickerOpen] = useState(false)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const elder = Boolean(me?.profile.elderMode)
  const volunteerStatus = me?.volunteer?.status

  return (
    <View className={`page home${elder ? ' page--elder' : ''}`}>
      {process.env.TARO_ENV === 'h5' && (
        <>
          <CurrentIdentity onSwitch={() => setPickerOpen(true)} />
          <IdentityPicker open={pickerOpen} onClose={() => setPickerOpen(false)} />
        </>
      )}

      <View className="home__hero">
        <Text className="home__name">小社 · 邻里公益</Text>
        <Text className="home__slogan">远亲不如近邻，大家帮一把</Text>
        {me && (
          <Text className="home__greeting">
            {me.profile.nickname ? `${me.profile.nickname}，您好！` : '您好！'}
            {me.profile.community ? `欢迎来到${me.profile.community}。` : ''}
          </Text>
        )}
      </View>

      <Text className="home__section">现在可以做的事</Text>
      {loading && !me && <Loading />}
      {error && !me && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {me && (
        <View className="home__shortcuts">
          {canApplyVolunteer(me) && (
            <MenuItem
              primary
              title="申请成为志愿者"
              description="填写姓名、电话和特长，社工审核后就能帮助邻居"
              onClick={() => openPage(ROUTES.volunteerApply)}
            />
          )}
          {volunteerStatus === 'pending' && (
            <MenuItem
              title="我的志愿者申请：审核中"
              description="社工会尽快审核，请耐心等待"
              onClick={() => openPage(ROUTES.me)}
            />
          )}
          {volunteerStatus === 'approved' && hasRole(me, 'volunteer') && (
            <MenuItem
              title="我是志愿者"
              description="谢谢您！接单和活动报名马上开放"
              onClick={() => openPage(ROUTES.me)}
            />
          )}
          {hasRole(me, 'worker') && (
            <MenuItem
              primary={!canApplyVolunteer(me)}
              title="志愿者审核"
              description="查看居民的志愿者申请，通过或不通过"
              onClick={() => openPage(ROUTES.volunteerReview)}
            />
          )}
          <MenuItem
            title={`我的积分：可用 ${me.points.available} 分`}
            description="查看我的资料、积分和志愿者状态"
            onClick={() => openPage(ROUTES.me)}
          />
        </View>
      )}
      {needsIdentity && <Text className="hint home__hint">请先在上方选择一位体验身份。</Text>}

      <Text className="home__section">马上就来</Text>
      <View className="card home__coming">
        {COMING_SOON.map((item) => (
          <View key={item.title} className="home__coming-item">
            <View className="home__coming-head">
              <Text className="home__coming-title">{item.title}</Text>
              <Text className="home__coming-tag">即将开放</Text>
            </View>
            <Text className="home__coming-text">{item.text}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
