import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { Activity } from '@shared/activities'
import { PROJECT_CATEGORY_LABELS, type Project } from '@shared/corners'
import { CoverBanner } from '@/components/cover'
import { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES } from '@/routes'
import { listActivities } from '@/services/activities'
import { type CloudError, toCloudError } from '@/services/cloud'
import { getProject } from '@/services/corners'
import { shareOf } from '@/utils/share'
import ActivityItem, { WorkerButtons } from '../../components/activity-item'
import { SignUpAction, useSignUp } from '../../components/activity-item/sign-up'
import './index.scss'

const PAGE_SIZE = 10

/** 公益项目: what it is, who runs it, and its coming activities with sign-up. */
export default function ProjectPage() {
  const id = useRouter()?.params?.id ?? ''
  const { me } = useMe()
  const [project, setProject] = useState<Project | null>(null)
  const [activities, setActivities] = useState<Activity[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setError(null)
    try {
      // The project's own answer lists activities without the caller's state; the activity list has it.
      const [detail, page] = await Promise.all([
        getProject(id),
        listActivities({ projectId: id, limit: PAGE_SIZE }),
      ])
      if (current !== requestId.current) return
      setProject(detail.project)
      setActivities(page.items.filter((a) => a.status !== 'cancelled'))
      setCursor(page.nextCursor)
      Taro.setNavigationBarTitle({ title: detail.project.title }).catch(() => undefined)
    } catch (e) {
      if (current === requestId.current) setError(toCloudError(e))
    }
  }, [id])

  const loadMore = async () => {
    if (!cursor || loadingMore) return
    const current = requestId.current
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await listActivities({ projectId: id, cursor, limit: PAGE_SIZE })
      if (current !== requestId.current) return
      setActivities((previous) => [...previous, ...page.items.filter((a) => a.status !== 'cancelled')])
      setCursor(page.nextCursor)
    } catch (e) {
      if (current === requestId.current) setMoreError(toCloudError(e).message)
    } finally {
      setLoadingMore(false)
    }
  }

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from 我的活动 (a place cancelled there) or a worker's screen: show what changed.
  useRefreshOnReturn(() => void load())

  const signing = useSignUp(
    (fresh) => setActivities((list) => list.map((a) => (a.id === fresh.id ? fresh : a))),
    () => void load(),
  )
  // Shared in a chat or to 朋友圈, the project opens straight at itself.
  const share = shareOf(ROUTES.project, { id }, project ? `${project.title} · 一起来做公益` : '一起来做公益')
  useShareAppMessage(() => share.message)
  useShareTimeline(() => share.timeline)

  const elder = Boolean(me?.profile.elderMode)
  const worker = hasRole(me, 'worker')
  const now = Date.now()

  if (!project) {
    return (
      <View className={`page project${elder ? ' page--elder' : ''}`}>
        {error ? <ErrorState message={error.message} onRetry={() => void load()} /> : <Loading />}
      </View>
    )
  }

  return (
    <View className={`page project${elder ? ' page--elder' : ''}`}>
      <CoverBanner url={project.coverUrl} label={`「${project.title}」的封面`} />
      <View className="card project__head">
        <Text className="project__title">{project.title}</Text>
        <View className="project__meta">
          <Text className="project__category">{PROJECT_CATEGORY_LABELS[project.category]}</Text>
          {project.status === 'archived' && <Text className="project__archived">已下架</Text>}
        </View>
        <Text className="project__org">主办：{project.org}</Text>
        <Text className="project__summary">{project.summary}</Text>
        <Text className="project__description">{project.description}</Text>
      </View>

      <Text className="project__section">近期活动</Text>
      {error && <Text className="error-text">{error.message}</Text>}
      {activities.length === 0 && (
        <EmptyState title="最近没有活动" text="可以先到公益角现场了解，新活动发布后这里会显示。" />
      )}
      {activities.map((activity) => (
        <ActivityItem key={activity.id} activity={activity} now={now} message={signing.messages[activity.id]}>
          <SignUpAction activity={activity} now={now} onSignUp={() => signing.ask(activity)} />
          {worker && <WorkerButtons id={activity.id} />}
        </ActivityItem>
      ))}
      {moreError && <Text className="error-text">{moreError}</Text>}
      {cursor && (
        <Button
          className="btn btn--quiet"
          disabled={loadingMore || undefined}
          onClick={() => void loadMore()}
        >
          {loadingMore ? '正在加载…' : '更多活动'}
        </Button>
      )}

      {signing.dialog}
    </View>
  )
}
