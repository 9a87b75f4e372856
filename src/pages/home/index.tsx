import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Corner } from '@shared/corners'
import type { Me } from '@shared/user'
import PrivacySheet from '@/components/privacy-sheet'
import CornerCard, { CornerLine } from '@/components/corner-card'
import CornerMap from '@/components/corner-map'
import { IconBadge, type IconName } from '@/components/icon'
import IdentityPicker, { CurrentIdentity } from '@/components/identity-picker'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { canApplyVolunteer } from '@/utils/volunteer'
import { useTabSelected } from '@/utils/tab-bar'
import { useNearbyCorners, type NearbyCorners } from './use-nearby-corners'
import './index.scss'

type Mode = 'list' | 'map'

interface Shortcut {
  key: string
  /** The picture in the round badge. */
  icon: IconName
  title: string
  /** A short second line (e.g. the points one can spend). */
  sub?: string
  tone: 'brand' | 'green' | 'amber' | 'blue'
  url: string
}

function shortcutsFor(me: Me | null): Shortcut[] {
  const list: Shortcut[] = [
    { key: 'needs', icon: 'need', title: '我要求助', tone: 'brand', url: ROUTES.needs },
    {
      key: 'points',
      icon: 'points',
      title: '我的积分',
      sub: me ? `可用 ${me.points.available} 分` : undefined,
      tone: 'amber',
      url: ROUTES.points,
    },
    { key: 'activities', icon: 'activities', title: '我的活动', tone: 'green', url: ROUTES.myActivities },
    { key: 'mall', icon: 'mall', title: '积分超市', tone: 'blue', url: ROUTES.mall },
  ]
  if (hasRole(me, 'worker')) {
    list.push(
      { key: 'manage', icon: 'corners', title: '公益角管理', tone: 'green', url: ROUTES.cornersManage },
      { key: 'review', icon: 'review', title: '志愿者审核', tone: 'brand', url: ROUTES.volunteerReview },
    )
  }
  return list
}

/** The row of things people come back for, at the top of 首页. */
function Shortcuts({ me }: { me: Me | null }) {
  return (
    <View className="home__shortcuts">
      {shortcutsFor(me).map((s) => (
        <View key={s.key} className="home__shortcut" onClick={() => openPage(s.url)} role="button">
          <IconBadge name={s.icon} tone={s.tone} solid size="large" />
          <Text className="home__shortcut-title">{s.title}</Text>
          {s.sub && <Text className="home__shortcut-sub">{s.sub}</Text>}
        </View>
      ))}
    </View>
  )
}

function VolunteerPrompt({ me }: { me: Me }) {
  if (canApplyVolunteer(me)) {
    return (
      <MenuItem
        title="申请成为志愿者"
        icon="volunteer"
        description="填写姓名、电话和特长，社工审核后就能帮助邻居"
        onClick={() => openPage(ROUTES.volunteerApply)}
      />
    )
  }
  if (me.volunteer?.status === 'pending') {
    return (
      <MenuItem
        title="我的志愿者申请：审核中"
        icon="volunteer"
        description="社工会尽快审核，请耐心等待"
        onClick={() => openPage(ROUTES.me)}
      />
    )
  }
  return null
}

function ViewSwitch({ value, onChange }: { value: Mode; onChange: (v: Mode) => void }) {
  const options: { value: Mode; label: string }[] = [
    { value: 'list', label: '列表' },
    { value: 'map', label: '地图' },
  ]
  return (
    <View className="home__switch" role="tablist">
      {options.map((o) => (
        <View
          key={o.value}
          role="tab"
          aria-selected={o.value === value}
          className={`home__switch-item${o.value === value ? ' home__switch-item--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}

function NearbyCornersSection({ nearby, view }: { nearby: NearbyCorners; view: Mode }) {
  const { origin, corners, loading, error } = nearby
  const openCorner = (corner: Corner) => openPage(`${ROUTES.corner}?id=${encodeURIComponent(corner.id)}`)
  const now = Date.now()

  return (
    <View className="home__corners">
      {origin && !origin.located && (
        <View className="home__location">
          <Text className="home__location-text">未获得位置，按默认位置排序</Text>
          <Button className="btn btn--secondary home__location-retry" onClick={() => void nearby.relocate()}>
            重新定位
          </Button>
        </View>
      )}
      {loading && corners.length === 0 && (
        <Loading text={origin ? '正在找附近的公益角…' : '正在确定您的位置…'} />
      )}
      {error && corners.length === 0 && (
        <ErrorState message={error.message} onRetry={() => void nearby.reload()} />
      )}
      {!loading && !error && corners.length === 0 && (
        <EmptyState title="还没有公益角" text="社工站正在筹备，敬请期待。" />
      )}
      {corners.length > 0 && view === 'map' && origin && (
        <View>
          <CornerMap corners={corners} origin={origin.point} located={origin.located} onOpen={openCorner} />
          <View className="card home__legend">
            {corners.map((corner, index) => (
              <CornerLine
                key={corner.id}
                corner={corner}
                rank={index + 1}
                onOpen={() => openCorner(corner)}
              />
            ))}
          </View>
        </View>
      )}
      {corners.length > 0 &&
        view === 'list' &&
        corners.map((corner, index) => (
          <CornerCard
            key={corner.id}
            corner={corner}
            rank={index + 1}
            now={now}
            onOpen={() => openCorner(corner)}
          />
        ))}
    </View>
  )
}

export default function HomePage() {
  const { me, needsIdentity, reload: reloadMe } = useMe()
  useTabSelected(ROUTES.home)
  const nearby = useNearbyCorners()
  const [pickerOpen, setPickerOpen] = useState(false)
  const [view, setView] = useState<Mode>('list')

  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), nearby.refresh()]).finally(() => Taro.stopPullDownRefresh())
  })
  // Back from elsewhere: the schedules' "next session" moves on with the clock, and counts change.
  const [, setShownAt] = useState(0)
  useDidShow(() => setShownAt(Date.now()))

  // Switching to the map or back brings the corners to the top of the screen.
  const showAs = (mode: Mode) => {
    setView(mode)
    Taro.pageScrollTo({ selector: '.home__section-head', duration: 200 }).catch(() => undefined)
  }

  const elder = Boolean(me?.profile.elderMode)

  return (
    <View className={`page home${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {process.env.TARO_ENV === 'h5' && (
        <>
          <CurrentIdentity onSwitch={() => setPickerOpen(true)} />
          <IdentityPicker open={pickerOpen} onClose={() => setPickerOpen(false)} />
        </>
      )}

      <View className="home__hero">
        <Text className="home__name">小社 · 邻里公益</Text>
        <Text className="home__greeting">
          {me?.profile.nickname ? `${me.profile.nickname}，您好！` : '您好！'}
          远亲不如近邻，大家帮一把。
        </Text>
      </View>

      <Shortcuts me={me} />
      {me && !hasRole(me, 'worker') && <VolunteerPrompt me={me} />}
      {needsIdentity && <Text className="hint home__hint">请先在上方选择一位体验身份。</Text>}

      <View className="home__section-head">
        <View className="home__section-text">
          <Text className="home__section">附近的公益角</Text>
          <Text className="home__section-sub">离您近的排在前面</Text>
        </View>
        <ViewSwitch value={view} onChange={showAs} />
      </View>
      <NearbyCornersSection nearby={nearby} view={view} />
    </View>
  )
}
