import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import {
  MAX_NEED_PHOTOS,
  NEED_CATEGORIES,
  NEED_CATEGORY_LABELS,
  createNeedInput,
  type CreateNeedInput,
  type NeedCategory,
  type Urgency,
} from '@shared/needs'
import type { LatLng } from '@shared/corners'
import FormField from '@/components/form-field'
import PhotoPicker, { PHOTOS_UPLOADING, type PickedPhoto, pickedFileIDs } from '@/components/photo-picker'
import PlaceOnMap from '@/components/place-on-map'
import { CAN_PICK_ON_MAP } from '@/services/device'
import { toCloudError } from '@/services/cloud'
import './index.scss'

const URGENCY_CHOICES: { value: Urgency; label: string; hint: string }[] = [
  { value: 'normal', label: '一般', hint: '这几天内帮忙就行' },
  { value: 'urgent', label: '紧急', hint: '今天就需要帮助' },
]

const TIME_SUGGESTIONS = ['越快越好', '今天', '明天上午', '这个周末']

/** The form's fields from top to bottom, so that the first problem shown is the first one on screen. */
const FIELD_ORDER = [
  'onBehalfOf',
  'category',
  'urgency',
  'title',
  'description',
  'address',
  'location',
  'contactPhone',
  'preferredTime',
  'photos',
] as const
type Field = (typeof FIELD_ORDER)[number]

interface Draft {
  elderName: string
  category: NeedCategory | null
  urgency: Urgency
  title: string
  description: string
  address: string
  /** The place picked on WeChat's map, for the volunteer's directions. */
  location: LatLng | null
  contactPhone: string
  preferredTime: string
}

const EMPTY: Draft = {
  elderName: '',
  category: null,
  urgency: 'normal',
  title: '',
  description: '',
  address: '',
  location: null,
  contactPhone: '',
  preferredTime: '',
}

/** Checks the draft with the contract's schema; answers the input, or the first problem (in screen order). */
function validate(
  draft: Draft,
  onBehalf: boolean,
  photos: PickedPhoto[],
): { input: CreateNeedInput } | { field: Field; message: string } {
  const fileIDs = pickedFileIDs(photos)
  if (fileIDs === null) return { field: 'photos', message: PHOTOS_UPLOADING }
  const parsed = createNeedInput.safeParse({
    category: draft.category ?? undefined,
    title: draft.title,
    description: draft.description,
    urgency: draft.urgency,
    address: draft.address,
    location: draft.location ?? undefined,
    contactPhone: draft.contactPhone,
    preferredTime: draft.preferredTime.trim() ? draft.preferredTime : undefined,
    onBehalfOf: onBehalf ? { name: draft.elderName } : undefined,
    photos: fileIDs,
  })
  if (parsed.success) return { input: parsed.data }
  const issues = [...parsed.error.issues].sort(
    (a, b) => FIELD_ORDER.indexOf(a.path[0] as Field) - FIELD_ORDER.indexOf(b.path[0] as Field),
  )
  const first = issues[0]
  return {
    field: (first?.path[0] as Field) ?? 'title',
    message: first?.message ?? '填写的内容有误，请检查后再试',
  }
}

interface NeedFormProps {
  /** A worker posting for an elderly resident: asks for the resident's name too. */
  onBehalf?: boolean
  /** @default '提交求助' */
  submitText?: string
  /** Sends the checked input; a thrown CloudError is shown under the form, which keeps what was typed. */
  onSubmit: (input: CreateNeedInput) => Promise<void>
  /** The person's openid, to offer photos (uploaded into their own folder); none: no photos. */
  photoOwner?: string
}

/** 发布需求: what help, how urgent, where and how to reach the person, and when suits them. */
export default function NeedForm({
  onBehalf = false,
  submitText = '提交求助',
  onSubmit,
  photoOwner,
}: NeedFormProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [problem, setProblem] = useState<{ field: Field | null; message: string } | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }))
    setProblem(null)
  }

  const submit = async () => {
    if (submitting) return
    const checked = validate(draft, onBehalf, photos)
    if (!('input' in checked)) {
      setProblem(checked)
      return
    }
    setSubmitting(true)
    setProblem(null)
    try {
      await onSubmit(checked.input)
    } catch (e) {
      setProblem({ field: null, message: toCloudError(e).message })
      setSubmitting(false)
    }
  }

  const invalid = (field: Field) => (problem?.field === field ? ' need-form__input--invalid' : '')

  return (
    <View className="need-form">
      <View className="card">
        {onBehalf && (
          <FormField label="老人姓名" hint="志愿者上门和打电话时会这样称呼老人">
            <Input
              className={`form-field__input${invalid('onBehalfOf')}`}
              placeholderClass="form-field__placeholder"
              value={draft.elderName}
              maxlength={20}
              placeholder="例如：刘凤琴"
              onInput={(e) => set('elderName', e.detail.value)}
            />
          </FormField>
        )}
        <FormField label="需要哪方面的帮助" hint="点一下选中">
          <View className={`need-form__choices${invalid('category')}`} role="radiogroup">
            {NEED_CATEGORIES.map((category) => {
              const on = draft.category === category
              return (
                <View
                  key={category}
                  role="radio"
                  aria-checked={on}
                  className={`need-form__category${on ? ' need-form__choice--on' : ''}`}
                  onClick={() => set('category', category)}
                >
                  <Text>{NEED_CATEGORY_LABELS[category]}</Text>
                </View>
              )
            })}
          </View>
        </FormField>
        <FormField label="着急吗">
          <View className="need-form__urgency" role="radiogroup">
            {URGENCY_CHOICES.map((choice) => {
              const on = draft.urgency === choice.value
              return (
                <View
                  key={choice.value}
                  role="radio"
                  aria-checked={on}
                  className={`need-form__urgency-choice need-form__urgency-choice--${choice.value}${
                    on ? ' need-form__choice--on' : ''
                  }`}
                  onClick={() => set('urgency', choice.value)}
                >
                  <Text className="need-form__urgency-label">{choice.label}</Text>
                  <Text className="need-form__urgency-hint">{choice.hint}</Text>
                </View>
              )
            })}
          </View>
        </FormField>
        <FormField label="一句话说说需要什么帮助">
          <Input
            className={`form-field__input${invalid('title')}`}
            placeholderClass="form-field__placeholder"
            value={draft.title}
            maxlength={50}
            placeholder="例如：帮忙买一周的菜"
            onInput={(e) => set('title', e.detail.value)}
          />
        </FormField>
        <FormField label="详细情况" hint="需要做什么、家里情况、要注意什么">
          <Textarea
            className={`form-field__textarea need-form__textarea${invalid('description')}`}
            placeholderClass="form-field__placeholder"
            value={draft.description}
            maxlength={1000}
            placeholder="例如：腿脚不方便，想请人帮忙买青菜和鸡蛋，钱当面给"
            onInput={(e) => set('description', e.detail.value)}
          />
        </FormField>
      </View>
      <View className="card">
        <FormField label="地址" hint="只有社工和接单的志愿者能看到">
          <Input
            className={`form-field__input${invalid('address')}`}
            placeholderClass="form-field__placeholder"
            value={draft.address}
            maxlength={100}
            placeholder="例如：3栋1单元101"
            onInput={(e) => set('address', e.detail.value)}
          />
        </FormField>
        {CAN_PICK_ON_MAP && (
          <PlaceOnMap
            label="在地图上选位置（可以不填）"
            hint="选好后，接单的志愿者点一下地址就能导航上门；和地址一样只给社工和接单的志愿者看"
            location={draft.location}
            onChange={(location, picked) => {
              setDraft((previous) => ({
                ...previous,
                location,
                address: previous.address.trim() || !picked ? previous.address : picked.address.slice(0, 100),
              }))
              setProblem(null)
            }}
          />
        )}
        <FormField label="联系电话" hint="手机号或带区号的座机，志愿者会打这个电话">
          <Input
            className={`form-field__input${invalid('contactPhone')}`}
            placeholderClass="form-field__placeholder"
            type="text"
            value={draft.contactPhone}
            maxlength={13}
            placeholder="例如：13912345678"
            onInput={(e) => set('contactPhone', e.detail.value)}
          />
        </FormField>
        <FormField label="希望什么时候来（可以不填）">
          <View className="need-form__times">
            {TIME_SUGGESTIONS.map((time) => (
              <View
                key={time}
                className={`need-form__time${draft.preferredTime === time ? ' need-form__choice--on' : ''}`}
                onClick={() => set('preferredTime', time)}
              >
                <Text>{time}</Text>
              </View>
            ))}
          </View>
          <Input
            className={`form-field__input${invalid('preferredTime')}`}
            placeholderClass="form-field__placeholder"
            value={draft.preferredTime}
            maxlength={30}
            placeholder="或者自己写，例如：周六上午"
            onInput={(e) => set('preferredTime', e.detail.value)}
          />
        </FormField>
        {photoOwner && (
          <FormField
            label={`照片（可以不填，最多${MAX_NEED_PHOTOS}张）`}
            hint="拍一下需要帮忙的地方；只给社工和志愿者看，不会公开"
          >
            <PhotoPicker value={photos} onChange={setPhotos} openid={photoOwner} max={MAX_NEED_PHOTOS} />
          </FormField>
        )}
      </View>
      {problem && <Text className="error-text need-form__problem">{problem.message}</Text>}
      <Button
        className={`btn btn--primary need-form__submit${submitting ? ' btn--disabled' : ''}`}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在提交…' : submitText}
      </Button>
    </View>
  )
}
