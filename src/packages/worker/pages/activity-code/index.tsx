import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { CODE_PERIOD_MS, type Activity, type CheckinCode } from '@shared/activities'
import { formatWindow } from '@/components/activity-time'
import ActivityWorkersOnly from '@/components/activity-workers-only'
import { ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { getActivity, getCheckinCode } from '@/services/activities'
import { type CloudError, toCloudError } from '@/services/cloud'
import QrCode from '@/components/qr-code'
import './index.scss'

/** After a failed request, try again this much later (the worker can also tap to retry at once). */
const RETRY_MS = 10_000

/**
 * When to fetch the next code, on this phone's clock. A code is accepted in its own 30-second period and
 * the next, so one fetched at any moment is good for at least 30 seconds more: follow the server's
 * rotation when this phone's clock agrees with it, else simply fetch again 30 seconds later.
 */
function nextFetchAt(code: CheckinCode, askedAt: number): number {
  const untilRotation = code.refreshAt - askedAt
  if (untilRotation > 1000 && untilRotation <= CODE_PERIOD_MS) return code.refreshAt + 300
  return askedAt + CODE_PERIOD_MS
}

/** '123 456': two groups are easier to read out and type. */
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`

/** Keeps the screen on while the code is shown; WeChat only. Answers how to undo it. */
function keepScreenOn(): () => void {
  if (process.env.TARO_ENV !== 'weapp') return () => undefined
  Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  return () => {
    Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }
}

function CodeScreen({ id }: { id: string }) {
  const [activity, setActivity] = useState<Activity | null>(null)
  const [shown, setShown] = useState<{ code: CheckinCode; nextAt: number } | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [now, setNow] = useState(Date.now)
  const [active, setActive] = useState(true)
  const fetching = useRef(false)
  const nextAt = useRef(0)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    getActivity(id)
      .then((a) => mounted.current && setActivity(a))
      .catch(() => undefined)
    return () => {
      mounted.current = false
    }
  }, [id])

  const fetchCode = useCallback(async () => {
    if (fetching.current) return
    fetching.current = true
    const askedAt = Date.now()
    try {
      const code = await getCheckinCode(id)
      if (!mounted.current) return
      nextAt.current = nextFetchAt(code, askedAt)
      setShown({ code, nextAt: nextAt.current })
      setError(null)
    } catch (e) {
      if (!mounted.current) return
      nextAt.current = Date.now() + RETRY_MS
      setShown(null)
      setError(toCloudError(e))
    } finally {
      fetching.current = false
      if (mounted.current) setNow(Date.now())
    }
  }, [id])

  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))

  useEffect(() => {
    if (!active) return
    const restore = keepScreenOn()
    // Shown again after a while: the code it showed may have lapsed.
    void fetchCode()
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= nextAt.current) void fetchCode()
    }, 1000)
    return () => {
      clearInterval(timer)
      restore()
    }
  }, [active, fetchCode])

  const secondsLeft = shown ? Math.max(0, Math.ceil((shown.nextAt - now) / 1000)) : 0

  return (
    <View>
      <View className="activity-code__panel">
        {activity && <Text className="activity-code__title">{activity.title}</Text>}
        {activity && (
          <Text className="activity-code__time">{formatWindow(activity.startAt, activity.endAt, now)}</Text>
        )}
        <Text className="activity-code__label">签到码</Text>
        {shown && (
          <>
            <Text className="activity-code__digits" aria-label={`签到码 ${shown.code.code}`}>
              {spaced(shown.code.code)}
            </Text>
            <QrCode text={shown.code.qr} label="签到二维码" />
            <Text className="activity-code__countdown" aria-live="polite">
              {secondsLeft} 秒后自动换新码
            </Text>
          </>
        )}
        {!shown && !error && <Loading text="正在生成签到码…" />}
        {error && (
          <ErrorState message={error.message} onRetry={() => void fetchCode()} retryText="再试一次" />
        )}
        <Text className="activity-code__hint">
          请参加的居民打开“我的活动”，扫这个二维码，或输入上面的6位数字。签到、签退都用它。
        </Text>
      </View>
      <View className="activity-code__actions">
        <Button className="btn btn--quiet activity-code__button" onClick={() => void fetchCode()}>
          马上换新码
        </Button>
        <Button
          className="btn btn--quiet activity-code__button"
          onClick={() => openPage(`${ROUTES.activityAttendance}?id=${encodeURIComponent(id)}`)}
        >
          签到名单
        </Button>
      </View>
    </View>
  )
}

/** The organiser's screen on site: the rotating check-in code, large, with its QR code. */
export default function ActivityCodePage() {
  const id = useRouter()?.params?.id ?? ''
  const { me, loading, error, reload } = useMe()
  return (
    <View className="page activity-code">
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {me &&
        (hasRole(me, 'worker') ? (
          <CodeScreen id={id} />
        ) : (
          <ActivityWorkersOnly purpose="这一页是社工在活动现场出示签到码用的。参加活动请到“我的活动”签到。" />
        ))}
    </View>
  )
}
