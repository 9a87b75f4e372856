import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import {
  MAX_ACTIVITY_MINUTES,
  PARTICIPATION_STATE_LABELS,
  type Activity,
  type AttendanceItem,
} from '@shared/activities'
import { activityPoints } from '@shared/points'
import { formatDayTime, formatMinutes, formatWindow } from '@/components/activity-time'
import ActivityWorkersOnly from '@/components/activity-workers-only'
import ConfirmDialog from '@/components/confirm-dialog'
import { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { confirmAttendance, getActivity, getAttendance } from '@/services/activities'
import { type CloudError, toCloudError } from '@/services/cloud'
import { ExportItem } from '@/components/export-item'
import './index.scss'

const STATE_TONES: Record<AttendanceItem['state'], string> = {
  signed: 'amber',
  'checked-in': 'green',
  'checked-out': 'green',
  confirmed: 'grey',
}

/** The minutes typed, or an error in Chinese. */
function readMinutes(text: string, longest: number): number | string {
  const trimmed = text.trim()
  if (trimmed === '') return '请填写服务了多少分钟'
  if (!/^\d+$/.test(trimmed)) return '服务时长请填整数分钟'
  const minutes = Number(trimmed)
  if (minutes < 1) return '服务时长至少1分钟'
  if (minutes > longest) return `服务时长不能超过活动时长${longest}分钟`
  return minutes
}

interface Pending {
  item: AttendanceItem
  minutes: number
  points: number
}

function PersonRow({
  item,
  activity,
  started,
  onConfirm,
}: {
  item: AttendanceItem
  activity: Activity
  /** Minutes are confirmed only once the activity has begun (the server refuses earlier). */
  started: boolean
  onConfirm: (pending: Pending) => void
}) {
  const [typed, setTyped] = useState(item.minutes !== null ? String(item.minutes) : '')
  const [problem, setProblem] = useState<string | null>(null)
  const confirmed = item.state === 'confirmed'
  const longest = Math.min(MAX_ACTIVITY_MINUTES, Math.floor((activity.endAt - activity.startAt) / 60_000))

  const ask = () => {
    const minutes = readMinutes(typed, longest)
    if (typeof minutes === 'string') {
      setProblem(minutes)
      return
    }
    setProblem(null)
    onConfirm({ item, minutes, points: activityPoints(minutes, activity.pointsPerHour) })
  }

  const hint =
    item.state === 'signed'
      ? '没有签到。确实来了的话，请按实际情况填写分钟数。'
      : item.state === 'checked-in'
        ? '签到后没有签退，请按实际情况填写分钟数。'
        : '已按签到、签退时间算好，可以改。'

  return (
    <View className="card attendance__person">
      <View className="attendance__person-head">
        <Text className="attendance__name">{item.name}</Text>
        <Text className={`attendance__state attendance__state--${STATE_TONES[item.state]}`}>
          {PARTICIPATION_STATE_LABELS[item.state]}
        </Text>
      </View>
      <Text className="attendance__line">
        签到：{item.checkinAt ? formatDayTime(item.checkinAt) : '没有签到'}
      </Text>
      <Text className="attendance__line">
        签退：{item.checkoutAt ? formatDayTime(item.checkoutAt) : '没有签退'}
      </Text>
      {confirmed && (
        <Text className="attendance__done">
          已确认 {formatMinutes(item.minutes ?? 0)}，发了 {item.points ?? 0} 积分
        </Text>
      )}
      {!confirmed && !started && (
        <Text className="attendance__hint">活动开始后，才能在这里确认服务时长。</Text>
      )}
      {!confirmed && started && (
        <View className="attendance__confirm">
          <Text className="attendance__label">服务时长（分钟）</Text>
          <Text className="attendance__hint">{hint}</Text>
          <View className="attendance__confirm-row">
            <Input
              className="attendance__input"
              type="number"
              maxlength={3}
              value={typed}
              placeholder="分钟数"
              placeholderClass="attendance__placeholder"
              onInput={(e) => setTyped(e.detail.value)}
            />
            <Button className="btn btn--primary attendance__button" onClick={ask}>
              确认时长
            </Button>
          </View>
          {problem && <Text className="error-text">{problem}</Text>}
        </View>
      )}
    </View>
  )
}

function Attendance({ id }: { id: string }) {
  const [activity, setActivity] = useState<Activity | null>(null)
  const [items, setItems] = useState<AttendanceItem[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [confirmingAll, setConfirmingAll] = useState(false)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setError(null)
    try {
      const [a, list] = await Promise.all([getActivity(id), getAttendance(id)])
      if (current !== requestId.current) return
      setActivity(a)
      setItems(list.items)
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

  const confirm = async ({ item, minutes }: Pending) => {
    // Unchanged from what check-in and check-out give: let the server count it, exactly as it would.
    const same = item.state === 'checked-out' && item.minutes === minutes
    const done = await confirmAttendance({ id, openid: item.openid, ...(same ? {} : { minutes }) })
    setItems((list) => list?.map((i) => (i.openid === done.openid ? done : i)) ?? null)
    setPending(null)
    Taro.showToast({ title: `已发 ${done.points ?? 0} 积分`, icon: 'none', duration: 2000 }).catch(
      () => undefined,
    )
  }

  /**
   * 全部确认: everyone who checked out, at what check-in and check-out give, one confirmation each (each is one
   * activities.confirm, credited once however often it is asked). A failure stops there and is shown; those
   * confirmed before it stay confirmed, and asking again carries on with the rest.
   */
  const confirmAll = async (rows: AttendanceItem[]) => {
    let confirmed = 0
    for (const row of rows) {
      const done = await confirmAttendance({ id, openid: row.openid })
      setItems((list) => list?.map((i) => (i.openid === done.openid ? done : i)) ?? null)
      confirmed += 1
    }
    setConfirmingAll(false)
    Taro.showToast({ title: `已确认 ${confirmed} 人`, icon: 'none', duration: 2000 }).catch(() => undefined)
  }

  if (!activity || !items) {
    return error ? <ErrorState message={error.message} onRetry={() => void load()} /> : <Loading />
  }

  const count = (state: AttendanceItem['state']) => items.filter((i) => i.state === state).length
  const checkedOut = items.filter((i) => i.state === 'checked-out' && i.minutes !== null)
  const allMinutes = checkedOut.reduce((sum, i) => sum + i.minutes!, 0)
  const allPoints = checkedOut.reduce((sum, i) => sum + activityPoints(i.minutes!, activity.pointsPerHour), 0)
  return (
    <View>
      <View className="card attendance__head">
        <Text className="attendance__title">{activity.title}</Text>
        <Text className="attendance__line">{formatWindow(activity.startAt, activity.endAt)}</Text>
        <Text className="attendance__line">每服务 1 小时得 {activity.pointsPerHour} 积分</Text>
        <View className="attendance__counts">
          <Text className="attendance__count">报名 {items.length}</Text>
          <Text className="attendance__count">签到中 {count('checked-in')}</Text>
          <Text className="attendance__count">已签退 {count('checked-out')}</Text>
          <Text className="attendance__count">已确认 {count('confirmed')}</Text>
        </View>
        <Button
          className="btn btn--secondary"
          onClick={() => openPage(`${ROUTES.activityCode}?id=${encodeURIComponent(id)}`)}
        >
          出示签到码
        </Button>
        {checkedOut.length > 1 && (
          <Button className="btn btn--primary" onClick={() => setConfirmingAll(true)}>
            {`一次确认已签退的 ${checkedOut.length} 人`}
          </Button>
        )}
        <ExportItem input={{ kind: 'attendance', activityId: id }} />
      </View>
      {error && <Text className="error-text">{error.message}</Text>}
      {items.length === 0 && <EmptyState title="还没有人报名" />}
      {items.map((item) => (
        <PersonRow
          key={item.openid}
          item={item}
          activity={activity}
          // A check-in shows the activity has begun, whatever this phone's clock says.
          started={Date.now() >= activity.startAt || item.checkinAt !== null}
          onConfirm={setPending}
        />
      ))}
      {confirmingAll && (
        <ConfirmDialog
          title={`确认已签退的 ${checkedOut.length} 人？`}
          content={`按各自的签到、签退时间记时长，共 ${formatMinutes(allMinutes)}，将发放 ${allPoints} 积分（每小时 ${activity.pointsPerHour} 分）：${checkedOut.map((i) => i.name).join('、')}。没有签退的人不在其中，请逐个确认。确认后不能再改。`}
          confirmText="全部确认并发积分"
          onConfirm={() => confirmAll(checkedOut)}
          onClose={() => setConfirmingAll(false)}
        />
      )}
      {pending && (
        <ConfirmDialog
          title="确认服务时长？"
          content={`给${pending.item.name}记 ${formatMinutes(pending.minutes)}，将发放 ${pending.points} 积分（每小时 ${activity.pointsPerHour} 分）。确认后不能再改。`}
          confirmText="确认并发积分"
          onConfirm={() => confirm(pending)}
          onClose={() => setPending(null)}
        />
      )}
    </View>
  )
}

/** 签到名单: who came, when they checked in and out, and confirming each person's minutes (points follow). */
export default function ActivityAttendancePage() {
  const id = useRouter()?.params?.id ?? ''
  const { me, loading, error, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page attendance${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {me &&
        (hasRole(me, 'worker') ? (
          <Attendance id={id} />
        ) : (
          <ActivityWorkersOnly purpose="这一页是社工查看签到情况、确认服务时长用的。" />
        ))}
    </View>
  )
}
