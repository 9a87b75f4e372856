import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { describeSchedule, type CornerDetail } from '@shared/corners'
import { describeNextSession } from '@/components/activity-time'
import { CornerKindTag } from '@/components/corner-card'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { type CloudError, toCloudError } from '@/services/cloud'
import { getCorner } from '@/services/corners'
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

/** 公益角: where and when it is held, and the charity projects it shows now. */
export default function CornerPage() {
  const id = useRouter()?.params?.id ?? ''
  const { me } = useMe()
  const [detail, setDetail] = useState<CornerDetail | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setError(null)
    try {
      const fresh = await getCorner(id)
      if (current !== requestId.current) return
      setDetail(fresh)
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

  const elder = Boolean(me?.profile.elderMode)
  if (!detail) {
    return (
      <View className={`page corner${elder ? ' page--elder' : ''}`}>
        {error ? <ErrorState message={error.message} onRetry={() => void load()} /> : <Loading />}
      </View>
    )
  }

  const { corner, projects } = detail
  const next = describeNextSession(corner.schedule)
  return (
    <View className={`page corner${elder ? ' page--elder' : ''}`}>
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
