import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { Activity } from '@shared/activities'
import { PROJECT_CATEGORY_LABELS, type Project } from '@shared/corners'
import type { ErrorCode } from '@shared/envelope'
import { formatWindow } from '@/components/activity-time'
import ConfirmDialog from '@/components/confirm-dialog'
import { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { ACTIVITY_TEMPLATES, listActivities, signUp } from '@/services/activities'
import { askForNotices } from '@/services/notices'
import { type CloudError, toCloudError } from '@/services/cloud'
import { getProject } from '@/services/corners'
import ActivityItem, { holdsPlace, placesLeft } from '../../components/activity-item'
import './index.scss'

const PAGE_SIZE = 10

/**
 * Answers to a sign-up that say something about the activity (full, already mine, overlapping another of
 * mine, closed meanwhile): shown on the activity itself, which is then read again.
 */
const REFUSALS: readonly ErrorCode[] = [
  'resource-exhausted',
  'already-exists',
  'failed-precondition',
  'not-found',
]

/** What a person can do with an activity, as one button (or a quiet line when nothing can be done). */
function SignUpAction({
  activity,
  now,
  onSignUp,
}: {
  activity: Activity
  now: number
  onSignUp: () => void
}) {
  if (holdsPlace(activity)) {
    return (
      <Button className="btn btn--secondary" onClick={() => openPage(ROUTES.myActivities)}>
        到“我的活动”签到
      </Button>
    )
  }
  const closed = (text: string) => (
    <Button className="btn btn--quiet btn--disabled" disabled>
      {text}
    </Button>
  )
  if (activity.status === 'closed') return closed('报名已截止')
  if (now >= activity.startAt) return closed('活动已开始')
  if (placesLeft(activity) === 0) return closed('名额已满')
  return (
    <Button className="btn btn--primary" onClick={onSignUp}>
      我要报名
    </Button>
  )
}

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
  const [messages, setMessages] = useState<Record<string, string>>({})
  const [asking, setAsking] = useState<Activity | null>(null)
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

  const signUpFor = async (activity: Activity) => {
    // Inside the tap (WeChat shows its dialog only there): may we tell them if the activity is cancelled?
    void askForNotices([ACTIVITY_TEMPLATES.change])
    try {
      const place = await signUp(activity.id)
      setActivities((list) => list.map((a) => (a.id === activity.id ? place.activity : a)))
      setMessages(({ [activity.id]: _gone, ...rest }) => rest)
      setAsking(null)
      Taro.showToast({ title: '报名成功', icon: 'success', duration: 2000 }).catch(() => undefined)
    } catch (e) {
      const problem = toCloudError(e)
      if (!REFUSALS.includes(problem.code)) throw problem
      setAsking(null)
      setMessages((previous) => ({ ...previous, [activity.id]: problem.message }))
      void load()
    }
  }

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
        <ActivityItem key={activity.id} activity={activity} now={now} message={messages[activity.id]}>
          <SignUpAction activity={activity} now={now} onSignUp={() => setAsking(activity)} />
          {worker && (
            <Button
              className="btn btn--quiet"
              onClick={() => openPage(`${ROUTES.activityCode}?id=${encodeURIComponent(activity.id)}`)}
            >
              出示签到码
            </Button>
          )}
          {worker && (
            <Button
              className="btn btn--quiet"
              onClick={() => openPage(`${ROUTES.activityAttendance}?id=${encodeURIComponent(activity.id)}`)}
            >
              签到名单
            </Button>
          )}
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

      {asking && (
        <ConfirmDialog
          title="确认报名？"
          content={`${asking.title}，${formatWindow(asking.startAt, asking.endAt, now)}，在${asking.location}。请按时到场，到了找社工扫码签到。`}
          confirmText="确认报名"
          onConfirm={() => signUpFor(asking)}
          onClose={() => setAsking(null)}
        />
      )}
    </View>
  )
}
