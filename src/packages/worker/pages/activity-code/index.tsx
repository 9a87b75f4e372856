import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import {
  CHECKIN_OPENS_BEFORE_MS,
  CHECKOUT_GRACE_MS,
  CODE_PERIOD_MS,
  type Activity,
  type CheckinCode,
} from '@shared/activities'
import { formatDayTime, formatWindow } from '@/components/activity-time'
import ActivityWorkersOnly from '@/components/activity-workers-only'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
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

/** After the server said codes cannot be used yet (or any more), ask again this much later. */
const CLOSED_RETRY_MS = 60_000

/**
 * Which side of the hours codes are used (30 minutes before the start until 2 hours after the end) this
 * phone's clock puts `now` on. The server decides; this only picks the words when it has said no.
 */
function codePhase(activity: Activity | null, now: number): 'before' | 'open' | 'after' {
  if (!activity) return 'open'
  if (now < activity.startAt - CHECKIN_OPENS_BEFORE_MS) return 'before'
  if (now > activity.endAt + CHECKOUT_GRACE_MS) return 'after'
  return 'open'
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
  const activityRef = useRef<Activity | null>(null)

  useEffect(() => {
    mounted.current = true
    getActivity(id)
      .then((a) => {
        if (!mounted.current) return
        activityRef.current = a
        setActivity(a)
      })
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
      const failure = toCloudError(e)
      const closed =
        failure.code === 'failed-precondition' && codePhase(activityRef.current, Date.now()) !== 'open'
      nextAt.current = Date.now() + (closed ? CLOSED_RETRY_MS : RETRY_MS)
      setShown(null)
      setError(failure)
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

  // Refused because it is not the time for codes: say when instead of showing an error.
  const phase = error?.code === 'failed-precondition' && !shown ? codePhase(activity, now) : 'open'
  const secondsLeft = shown ? Math.max(0, Math.ceil((shown.nextAt - now) / 1000)) : 0

  return (
    <View>
      <View className="activity-code__panel">
        {activity && <Text className="activity-code__title">{activity.title}</Text>}
        {activity && (
          <Text className="activity-code__time">{formatWindow(activity.startAt, activity.endAt, now)}</Text>
        )}
        {phase === 'before' && activity && (
          <EmptyState
            title="还没到签到时间"
            text={`${formatDayTime(activity.startAt - CHECKIN_OPENS_BEFORE_MS, now)} 起，这里会自动出现签到码。`}
          />
        )}
        {phase === 'after' && (
          <EmptyState
            title="签到已经结束"
            text="活动结束已超过2小时，签到码不再使用。请到“签到名单”确认服务时长。"
          />
        )}
        {phase === 'open' && <Text className="activity-code__label">签到码</Text>}
        {phase === 'open' && shown && (
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
        {phase === 'open' && !shown && !error && <Loading text="正在生成签到码…" />}
        {phase === 'open' && error && (
          <ErrorState message={error.message} onRetry={() => void fetchCode()} retryText="再试一次" />
        )}
        {phase === 'open' && (
          <Text className="activity-code__hint">
            请参加的居民打开“我的活动”，扫这个二维码，或输入上面的6位数字。签到、签退都用它。
          </Text>
        )}
      </View>
      <View className="activity-code__actions">
        {phase === 'open' && (
          <Button className="btn btn--quiet activity-code__button" onClick={() => void fetchCode()}>
            马上换新码
          </Button>
        )}
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
