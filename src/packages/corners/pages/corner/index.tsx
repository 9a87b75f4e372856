import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { ActivityListing } from '@shared/activities'
import { describeSchedule, type CornerDetail } from '@shared/corners'
import ActivityCard from '@/components/activity-card'
import { describeNextSession } from '@/components/activity-time'
import { CornerKindTag } from '@/components/corner-card'
import { CoverBanner } from '@/components/cover'
import { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { findActivities } from '@/services/activities'
import { type CloudError, toCloudError } from '@/services/cloud'
import { getCorner } from '@/services/corners'
import { shareOf } from '@/utils/share'
import ProjectCard from '../../components/project-card'
import './index.scss'

/** WeChat opens its own map with the place and a button for directions; a browser has no such map. */
const CAN_NAVIGATE = process.env.TARO_ENV === 'weapp'

function navigateTo({ corner }: CornerDetail) {
  Taro.openLocation({
    latitude: corner.location.lat,
    longitude: corner.location.lng,
    name: `${corner.name}公益角`,
    address: corner.address,
    scale: 17,
  }).catch(() => undefined)
}

/** The coming activities a corner page shows (more are on the 活动 tab, filtered by the corner). */
const ACTIVITIES_SHOWN = 5

/** 公益角: where and when it is held, its coming activities (of projects or standalone) and its projects. */
export default function CornerPage() {
  const id = useRouter()?.params?.id ?? ''
  const { me } = useMe()
  const [detail, setDetail] = useState<CornerDetail | null>(null)
  const [activities, setActivities] = useState<ActivityListing[]>([])
  const [moreActivities, setMoreActivities] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setError(null)
    try {
      const [fresh, page] = await Promise.all([
        getCorner(id),
        findActivities({ cornerId: id, limit: ACTIVITIES_SHOWN }),
      ])
      if (current !== requestId.current) return
      setDetail(fresh)
      setActivities(page.items)
      setMoreActivities(page.nextCursor !== null)
      Taro.setNavigationBarTitle({ title: fresh.corner.name }).catch(() => undefined)
    } catch (e) {
      if (current === requestId.current) setError(toCloudError(e))
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from an activity (signed up there): places change.
  useRefreshOnReturn(() => void load())
  // Shared in a chat or to 朋友圈, the corner opens straight at itself.
  const share = shareOf(
    ROUTES.corner,
    { id },
    detail ? `${detail.corner.name}公益角 · 街头公益` : '街头公益角',
  )
  useShareAppMessage(() => share.message)
  useShareTimeline(() => share.timeline)

  const elder = Boolean(me?.profile.elderMode)
  if (!detail) {
    return (
      <View className={`page corner${elder ? ' page--elder' : ''}`}>
        {error ? <ErrorState message={error.message} onRetry={() => void load()} /> : <Loading />}
      </View>
    )
  }

  const { corner, projects } = detail
  const now = Date.now()
  const next = describeNextSession(corner.schedule, now, activities[0])
  return (
    <View className={`page corner${elder ? ' page--elder' : ''}`}>
      <CoverBanner url={corner.coverUrl} label={`「${corner.name}」的封面`} />
      <View className="card corner__head">
        <View className="corner__title-row">
          <Text className="corner__name">{corner.name}</Text>
          <CornerKindTag kind={corner.kind} />
        </View>
        <Text className={`corner__next${next.startsWith('正在') ? ' corner__next--now' : ''}`}>{next}</Text>
        <Text className="corner__line">时间：{describeSchedule(corner.schedule)}</Text>
        {corner.schedule.note && <Text className="corner__line">说明：{corner.schedule.note}</Text>}
        <Text className="corner__line">地址：{corner.address}</Text>
        {CAN_NAVIGATE && (
          <Button className="btn btn--secondary" onClick={() => navigateTo(detail)}>
            查看地图，导航过去
          </Button>
        )}
      </View>

      <Text className="corner__section">这里的近期活动</Text>
      {activities.length === 0 && <EmptyState title="最近没有活动" text="新活动发布后这里会显示。" />}
      {activities.map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          now={now}
          onOpen={() => openPage(`${ROUTES.activity}?id=${encodeURIComponent(activity.id)}`)}
        />
      ))}
      {moreActivities && <Text className="hint corner__more">更多活动请到“活动”里按这个公益角筛选。</Text>}

      <Text className="corner__section">这里的公益项目（{projects.length}个）</Text>
      {projects.length === 0 && <EmptyState title="这里暂时没有项目" text="过段时间再来看看吧。" />}
      {projects.map((project) => (
        <ProjectCard
          key={project.id}
          project={project}
          onOpen={() => openPage(`${ROUTES.project}?id=${encodeURIComponent(project.id)}`)}
        />
      ))}
      {error && <Text className="error-text">{error.message}</Text>}
    </View>
  )
}
