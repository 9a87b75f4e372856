import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { type Activity, activityIdFromScene } from '@shared/activities'
import { CoverBanner } from '@/components/cover'
import PrivacySheet from '@/components/privacy-sheet'
import { useRefreshOnReturn } from '@/components/need-list'
import { ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { getActivity } from '@/services/activities'
import { type CloudError, toCloudError } from '@/services/cloud'
import { shareOf } from '@/utils/share'
import ActivityItem, { WorkerButtons } from '../../components/activity-item'
import { SignUpAction, useSignUp } from '../../components/activity-item/sign-up'

/** One activity, of a project or standalone (环境整治 and the like): when, where, places, and sign-up. */
export default function ActivityPage() {
  // Opened from a link by `id`, or from a poster's mini-program code by its `scene` (activityScene).
  const params = useRouter()?.params ?? {}
  const id = params.id ?? activityIdFromScene(params.scene) ?? ''
  const { me } = useMe()
  const [activity, setActivity] = useState<Activity | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setError(null)
    try {
      const fresh = await getActivity(id)
      if (current !== requestId.current) return
      setActivity(fresh)
      Taro.setNavigationBarTitle({ title: fresh.title }).catch(() => undefined)
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
  useRefreshOnReturn(() => void load())
  const signing = useSignUp(setActivity, () => void load())

  // Shared in a chat or to 朋友圈, the activity opens straight at itself.
  const share = shareOf(
    ROUTES.activity,
    { id },
    activity ? `${activity.title} · 一起报名吧` : '一起报名参加活动吧',
  )
  useShareAppMessage(() => share.message)
  useShareTimeline(() => share.timeline)

  const elder = Boolean(me?.profile.elderMode)
  if (!activity) {
    return (
      <View className={`page${elder ? ' page--elder' : ''}`}>
        {error ? <ErrorState message={error.message} onRetry={() => void load()} /> : <Loading />}
      </View>
    )
  }
  const now = Date.now()
  return (
    <View className={`page${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      <CoverBanner url={activity.coverUrl} label={`「${activity.title}」的封面`} />
      <ActivityItem activity={activity} now={now} message={signing.messages[activity.id] ?? error?.message}>
        <SignUpAction activity={activity} now={now} onSignUp={() => signing.ask(activity)} />
        {hasRole(me, 'worker') && <WorkerButtons id={activity.id} />}
      </ActivityItem>
      {activity.projectId && (
        <Button
          className="btn btn--secondary"
          onClick={() => openPage(`${ROUTES.project}?id=${encodeURIComponent(activity.projectId!)}`)}
        >
          看看这个公益项目
        </Button>
      )}
      {activity.cornerId && (
        <Button
          className="btn btn--secondary"
          onClick={() => openPage(`${ROUTES.corner}?id=${encodeURIComponent(activity.cornerId!)}`)}
        >
          看看这个公益角
        </Button>
      )}
      {signing.dialog}
    </View>
  )
}
