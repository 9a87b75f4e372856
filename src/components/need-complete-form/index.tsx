import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { MAX_NEED_PHOTOS, completeNeedInput, type CompleteNeedInput } from '@shared/needs'
import FormField from '@/components/form-field'
import PhotoPicker, { PHOTOS_UPLOADING, type PickedPhoto, pickedFileIDs } from '@/components/photo-picker'
import { toCloudError } from '@/services/cloud'
import './index.scss'

const QUICK_MINUTES = [
  { minutes: 30, label: '半小时' },
  { minutes: 60, label: '1小时' },
  { minutes: 90, label: '1个半小时' },
  { minutes: 120, label: '2小时' },
]

interface NeedCompleteFormProps {
  needId: string
  /** The volunteer's openid: photos of the service go into their own folder first; none: no photos. */
  photoOwner?: string
  /** Sends the checked report; a thrown CloudError is shown in the form. */
  onSubmit: (input: CompleteNeedInput) => Promise<void>
  onCancel?: () => void
}

/** 完成服务: how long it took (minutes), a short note of what was done, and up to 3 photos of it. */
export default function NeedCompleteForm({ needId, photoOwner, onSubmit, onCancel }: NeedCompleteFormProps) {
  const [minutes, setMinutes] = useState('')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const typed = minutes.trim()
    const fileIDs = pickedFileIDs(photos)
    if (fileIDs === null) {
      setProblem(PHOTOS_UPLOADING)
      return
    }
    const parsed = completeNeedInput.safeParse({
      id: needId,
      minutes: typed ? Number(typed) : undefined,
      note: note.trim() ? note : undefined,
      photos: fileIDs,
    })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '填写的内容有误，请检查后再试')
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      await onSubmit(parsed.data)
    } catch (e) {
      setProblem(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <View className="need-complete">
      <FormField label="服务了多长时间" hint="点一下选，或者自己填写分钟数">
        <View className="need-complete__quick">
          {QUICK_MINUTES.map((q) => (
            <View
              key={q.minutes}
              className={`need-complete__chip${minutes === String(q.minutes) ? ' need-complete__chip--on' : ''}`}
              onClick={() => {
                setMinutes(String(q.minutes))
                setProblem(null)
              }}
            >
              <Text>{q.label}</Text>
            </View>
          ))}
        </View>
        <View className="need-complete__minutes">
          <Input
            className="form-field__input need-complete__minutes-input"
            placeholderClass="form-field__placeholder"
            type="number"
            value={minutes}
            maxlength={3}
            placeholder="分钟数，例如：45"
            onInput={(e) => {
              setMinutes(e.detail.value)
              setProblem(null)
            }}
          />
          <Text className="need-complete__unit">分钟</Text>
        </View>
      </FormField>
      <FormField label="服务记录（可以不填）">
        <Textarea
          className="form-field__textarea need-complete__note"
          placeholderClass="form-field__placeholder"
          value={note}
          maxlength={500}
          placeholder="例如：已陪老人看完病，药已取回"
          onInput={(e) => {
            setNote(e.detail.value)
            setProblem(null)
          }}
        />
      </FormField>
      {photoOwner && (
        <FormField
          label={`现场照片（可以不拍，最多${MAX_NEED_PHOTOS}张）`}
          hint="拍一下帮完后的样子，居民和社工能看到，别人看不到"
        >
          <PhotoPicker
            value={photos}
            onChange={(next) => {
              setPhotos(next)
              setProblem(null)
            }}
            openid={photoOwner}
            max={MAX_NEED_PHOTOS}
          />
        </FormField>
      )}
      {problem && <Text className="error-text need-complete__problem">{problem}</Text>}
      <Button
        className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        {busy ? '正在提交…' : '提交，服务完成了'}
      </Button>
      {onCancel && (
        <Button className="btn btn--quiet" disabled={busy || undefined} onClick={onCancel}>
          先不填
        </Button>
      )}
    </View>
  )
}
