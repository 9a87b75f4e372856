import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import {
  CORNER_KIND_LABELS,
  WEEKDAY_LABELS,
  upsertCornerInput,
  type Corner,
  type CornerKind,
} from '@shared/corners'
import FormField, { TextField } from '@/components/form-field'
import { toCloudError } from '@/services/cloud'
import { DISTRICT_CENTRE, setCornerCover, upsertCorner } from '@/services/corners'
import { Chips, FieldError, MultiChips, errorOf, fieldErrors, typedNumber } from './chips'
import CoverSetter from './cover-setter'
import TimeField from './time-field'
import { CAN_PICK_ON_MAP, pickPlace } from '@/services/device'

const KIND_OPTIONS = (Object.keys(CORNER_KIND_LABELS) as CornerKind[]).map((kind) => ({
  value: kind,
  label: CORNER_KIND_LABELS[kind],
}))

/** Monday first, as a Chinese calendar shows the week. */
const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 0].map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }))

/** WeChat can pick a place on its map; a browser has no such picker, so the numbers are typed. */

interface CornerFormProps {
  corner?: Corner
  /** The worker's openid (a cover is uploaded into their own folder first). */
  openid: string
  onSaved: (corner: Corner) => void
  onCancel: () => void
  /** A cover was set or taken away (saved at once). */
  onCoverChanged: (corner: Corner) => void
}

/** Creates a corner or changes its name, kind, address, place on the map and weekly schedule. */
export default function CornerForm({ corner, openid, onSaved, onCancel, onCoverChanged }: CornerFormProps) {
  const [name, setName] = useState(corner?.name ?? '')
  const [kind, setKind] = useState<CornerKind>(corner?.kind ?? 'park')
  const [address, setAddress] = useState(corner?.address ?? '')
  const [lat, setLat] = useState(corner ? String(corner.location.lat) : '')
  const [lng, setLng] = useState(corner ? String(corner.location.lng) : '')
  const [weekdays, setWeekdays] = useState<number[]>(corner?.schedule.weekdays ?? [6, 0])
  const [start, setStart] = useState(corner?.schedule.start ?? '09:00')
  const [end, setEnd] = useState(corner?.schedule.end ?? '11:30')
  const [note, setNote] = useState(corner?.schedule.note ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const pickOnMap = async () => {
    // Closed without choosing: keep what was there.
    const place = await pickPlace(corner?.location ?? DISTRICT_CENTRE)
    if (!place) return
    setLat(place.location.lat.toFixed(6))
    setLng(place.location.lng.toFixed(6))
    if (!address.trim() && place.address) setAddress(place.address.slice(0, 100))
  }

  const save = async () => {
    if (busy) return
    const parsed = upsertCornerInput.safeParse({
      ...(corner ? { id: corner.id } : {}),
      name,
      kind,
      address,
      location: { lat: typedNumber(lat), lng: typedNumber(lng) },
      schedule: { weekdays, start, end, note },
    })
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
      onSaved(await upsertCorner(parsed.data))
    } catch (e) {
      setFailure(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <View className="card manage__form">
      <Text className="card__title">{corner ? '修改公益角' : '新建公益角'}</Text>
      <CoverSetter
        noun="公益角"
        id={corner?.id}
        name={corner?.name ?? ''}
        coverUrl={corner?.coverUrl}
        openid={openid}
        save={setCornerCover}
        onChanged={onCoverChanged}
      />
      <TextField
        label="名称"
        value={name}
        maxlength={30}
        placeholder="例如：世纪公园"
        onChange={setName}
        error={errorOf(errors, 'name')}
      />
      <FormField label="类型">
        <Chips options={KIND_OPTIONS} value={kind} onChange={setKind} />
      </FormField>
      <TextField
        label="地址"
        value={address}
        maxlength={100}
        placeholder="例如：裕华区槐安东路与建华南大街交口"
        onChange={setAddress}
        error={errorOf(errors, 'address')}
      />
      <FormField label="地图位置" hint="首页按这个位置算离居民多远（经纬度，国测局坐标）">
        {CAN_PICK_ON_MAP && (
          <Button className="btn btn--secondary manage__map-button" onClick={pickOnMap}>
            在地图上选位置
          </Button>
        )}
        <View className="manage__pair">
          <View className="manage__pair-item">
            <Text className="manage__caption">纬度</Text>
            <Input
              className="form-field__input"
              type="digit"
              value={lat}
              placeholder="纬度，如 38.0215"
              placeholderClass="form-field__placeholder"
              onInput={(e) => setLat(e.detail.value)}
            />
          </View>
          <View className="manage__pair-item">
            <Text className="manage__caption">经度</Text>
            <Input
              className="form-field__input"
              type="digit"
              value={lng}
              placeholder="经度，如 114.542"
              placeholderClass="form-field__placeholder"
              onInput={(e) => setLng(e.detail.value)}
            />
          </View>
        </View>
        <FieldError message={errorOf(errors, 'location')} />
      </FormField>
      <FormField label="每周哪几天" hint="可以选多天">
        <MultiChips options={WEEKDAY_OPTIONS} values={weekdays} onChange={setWeekdays} />
        <FieldError message={errorOf(errors, 'schedule.weekdays')} />
      </FormField>
      <View className="manage__pair">
        <View className="manage__pair-item">
          <FormField label="开始时间">
            <TimeField mode="time" value={start} placeholder="选择时间" onChange={setStart} />
            <FieldError message={errorOf(errors, 'schedule.start')} />
          </FormField>
        </View>
        <View className="manage__pair-item">
          <FormField label="结束时间">
            <TimeField mode="time" value={end} placeholder="选择时间" onChange={setEnd} />
            <FieldError message={errorOf(errors, 'schedule.end')} />
          </FormField>
        </View>
      </View>
      <TextField
        label="说明（可不填）"
        value={note}
        maxlength={50}
        placeholder="例如：节假日照常、雨天顺延"
        onChange={setNote}
        error={errorOf(errors, 'schedule.note')}
      />
      {failure && <Text className="error-text">{failure}</Text>}
      <View className="manage__form-actions">
        <Button className="btn btn--quiet" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className="btn btn--primary" disabled={busy || undefined} onClick={save}>
          {busy ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
