import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_STATUSES,
  DEFAULT_POINTS_PER_HOUR,
  upsertActivityInput,
  type Activity,
  type ActivityStatus,
} from '@shared/activities'
import type { Corner } from '@shared/corners'
import { dateText, formatClock, instantOf } from '@/components/activity-time'
import ConfirmDialog from '@/components/confirm-dialog'
import FormField, { TextField } from '@/components/form-field'
import { setActivityCover, upsertActivity } from '@/services/activities'
import { toCloudError } from '@/services/cloud'
import { Chips, FieldError, errorOf, fieldErrors, typedNumber } from './chips'
import CoverSetter from './cover-setter'
import TimeField from './time-field'

const STATUS_OPTIONS = ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] }))

/** The place line a corner suggests, within the 60 characters a place may have. */
const placeAt = (corner: Corner) => `${corner.name}公益角（${corner.address}）`.slice(0, 60)

interface ActivityFormProps {
  activity?: Activity
  /** The project it belongs to; null for a community activity of its own (环境整治 and the like). */
  projectId: string | null
  /** The corners it may take place at. */
  corners: Corner[]
  /** The worker's openid (a cover is uploaded into their own folder first). */
  openid: string
  onSaved: (activity: Activity) => void
  onCancel: () => void
  /** A cover was set or taken away (saved at once). */
  onCoverChanged: () => void
}

/** Creates an activity or changes it: title, corner and place, day and hours, places, points per hour. */
export default function ActivityForm({
  activity,
  projectId,
  corners,
  openid,
  onSaved,
  onCancel,
  onCoverChanged,
}: ActivityFormProps) {
  const now = Date.now()
  const tomorrow = now + 86_400_000
  const [title, setTitle] = useState(activity?.title ?? '')
  const [cornerId, setCornerId] = useState<string | null>(activity?.cornerId ?? corners[0]?.id ?? null)
  const [location, setLocation] = useState(activity?.location ?? (corners[0] ? placeAt(corners[0]) : ''))
  const [date, setDate] = useState(dateText(activity?.startAt ?? tomorrow))
  const [start, setStart] = useState(activity ? formatClock(activity.startAt) : '09:00')
  const [end, setEnd] = useState(activity ? formatClock(activity.endAt) : '11:00')
  const [capacity, setCapacity] = useState(activity ? String(activity.capacity) : '10')
  const [perHour, setPerHour] = useState(String(activity?.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR))
  const [status, setStatus] = useState<ActivityStatus>(activity?.status ?? 'open')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmingCancel, setConfirmingCancel] = useState(false)

  const taken = activity?.signedUp ?? 0
  // The pickers offer no day before today (an activity kept on its own day) and none beyond a year; on
  // today, a new activity starts no earlier than the next five minutes.
  const today = dateText(now)
  const firstDay = activity && dateText(activity.startAt) < today ? dateText(activity.startAt) : today
  const lastDay = dateText(now + 365 * 86_400_000)
  const earliestStart =
    !activity && date === today ? formatClock(Math.ceil(now / 300_000) * 300_000) : undefined
  const cornerOptions = [
    ...corners.map((c) => ({ value: c.id as string | null, label: c.name })),
    { value: null, label: '不在公益角' },
  ]

  const chooseCorner = (id: string | null) => {
    const previous = corners.find((c) => c.id === cornerId)
    const next = corners.find((c) => c.id === id)
    setCornerId(id)
    // Follow the corner unless the place was written by hand.
    if (next && (!location.trim() || (previous && location === placeAt(previous)))) setLocation(placeAt(next))
  }

  const parse = () => {
    const startAt = instantOf(date, start)
    // Both on the chosen day: an end before the start is refused by the schema, never moved to the next day.
    const endAt = instantOf(date, end)
    return upsertActivityInput.safeParse({
      ...(activity ? { id: activity.id } : {}),
      projectId,
      cornerId,
      title,
      location,
      startAt: Number.isNaN(startAt) ? undefined : startAt,
      endAt: Number.isNaN(endAt) ? undefined : endAt,
      capacity: typedNumber(capacity),
      pointsPerHour: typedNumber(perHour),
      ...(activity ? { status } : {}),
    })
  }

  const submit = async () => {
    const parsed = parse()
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues))
      // The field may be far above the button: say it here as well.
      setFailure(`还有没填好的地方：${parsed.error.issues[0]?.message ?? '请检查上面的内容'}`)
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      const saved = await upsertActivity(parsed.data)
      setBusy(false)
      onSaved(saved)
    } catch (e) {
      setFailure(toCloudError(e).message)
      setBusy(false)
    }
  }

  const save = () => {
    if (busy) return
    if (activity && status === 'cancelled' && activity.status !== 'cancelled') setConfirmingCancel(true)
    else void submit()
  }

  return (
    <View className="card manage__form">
      <Text className="card__title">{activity ? '修改活动' : '发布活动'}</Text>
      <CoverSetter
        noun="活动"
        id={activity?.id}
        name={activity?.title ?? ''}
        coverUrl={activity?.coverUrl}
        openid={openid}
        save={setActivityCover}
        onChanged={onCoverChanged}
      />
      {taken > 0 && (
        <Text className="hint manage__note">
          已有 {taken} 人报名：活动时间不能再改，名额不能少于 {taken} 个。
        </Text>
      )}
      <TextField
        label="活动名称"
        value={title}
        maxlength={40}
        placeholder="例如：陪老人逛公益角"
        onChange={setTitle}
        error={errorOf(errors, 'title')}
      />
      <FormField label="在哪个公益角">
        <Chips options={cornerOptions} value={cornerId} onChange={chooseCorner} />
      </FormField>
      <TextField
        label="活动地点"
        hint="写清楚在哪里集合"
        value={location}
        maxlength={60}
        placeholder="例如：东岗路社区活动中心门前"
        onChange={setLocation}
        error={errorOf(errors, 'location')}
      />
      <FormField label="日期">
        <TimeField
          mode="date"
          value={date}
          placeholder="选择日期"
          start={firstDay}
          end={lastDay}
          onChange={setDate}
        />
        <FieldError message={errorOf(errors, 'startAt')} />
      </FormField>
      <View className="manage__pair">
        <View className="manage__pair-item">
          <FormField label="开始时间">
            <TimeField
              mode="time"
              value={start}
              placeholder="选择时间"
              start={earliestStart}
              onChange={setStart}
            />
          </FormField>
        </View>
        <View className="manage__pair-item">
          <FormField label="结束时间">
            <TimeField mode="time" value={end} placeholder="选择时间" start={start} onChange={setEnd} />
          </FormField>
        </View>
      </View>
      <FieldError message={errorOf(errors, 'endAt')} />
      <View className="manage__pair">
        <View className="manage__pair-item">
          <TextField
            label="名额"
            type="number"
            value={capacity}
            placeholder="人数"
            onChange={setCapacity}
            error={errorOf(errors, 'capacity')}
          />
        </View>
        <View className="manage__pair-item">
          <TextField
            label="每小时积分"
            type="number"
            value={perHour}
            placeholder="分数"
            onChange={setPerHour}
            error={errorOf(errors, 'pointsPerHour')}
          />
        </View>
      </View>
      {activity && (
        <FormField label="状态" hint="“报名已截止”不再收新报名；“已取消”后活动不再举行">
          <Chips options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        </FormField>
      )}
      {failure && <Text className="error-text">{failure}</Text>}
      <View className="manage__form-actions">
        <Button className="btn btn--quiet" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className="btn btn--primary" disabled={busy || undefined} onClick={save}>
          {busy ? '正在保存…' : activity ? '保存' : '发布'}
        </Button>
      </View>
      {confirmingCancel && (
        <ConfirmDialog
          title="取消这个活动？"
          content={
            taken > 0
              ? `已经有 ${taken} 人报名，取消后活动不再举行，请记得通知报名的人。`
              : '取消后活动不再举行，也不能再改回来。'
          }
          confirmText="确定取消活动"
          cancelText="不取消"
          onConfirm={async () => {
            setConfirmingCancel(false)
            await submit()
          }}
          onClose={() => setConfirmingCancel(false)}
        />
      )}
    </View>
  )
}
