import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import ConfirmDialog from '@/components/confirm-dialog'
import FormField from '@/components/form-field'
import PhotoThumb from '@/components/photo-thumb'
import { toCloudError } from '@/services/cloud'
import { choosePhotos, uploadPhoto } from '@/services/storage'
import './index.scss'

/** What the control says: its buttons, and the question before the picture is taken away. */
export interface PictureWords {
  label: string
  hint: string
  /** Shown while there is no picture. */
  none: string
  add: string
  change: string
  remove: string
  confirmTitle: string
  confirmContent: string
}

interface PictureSetterProps {
  /** The picture's temporary URL now, or null. */
  url: string | null
  /** What the picture shows, for screen readers. */
  alt: string
  /** The caller's openid: photos are uploaded into their own folder first. */
  openid: string
  words: PictureWords
  /** Keeps the uploaded photo's file ID, or takes the picture away (null); throws a CloudError when refused. */
  save: (fileID: string | null) => Promise<void>
  /** `wide` for a cover (16:9), square otherwise. */
  shape?: 'square' | 'wide'
}

/**
 * One picture of something (a reward's photo, a cover): add one, change it, or take it away after a
 * confirmation. It is saved at once, apart from a form's other fields; the photo passes WeChat's image check
 * first, and a refusal is said under the buttons.
 */
export default function PictureSetter({
  url,
  alt,
  openid,
  words,
  save,
  shape = 'square',
}: PictureSetterProps) {
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [removing, setRemoving] = useState(false)

  const pick = async () => {
    if (busy) return
    setFailure(null)
    try {
      const [path] = await choosePhotos(1)
      if (!path) return
      setBusy('正在上传照片…')
      const fileID = await uploadPhoto(path, openid)
      setBusy('正在检查照片…')
      await save(fileID)
    } catch (e) {
      setFailure(toCloudError(e).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <FormField label={words.label} hint={words.hint}>
      <View className="picture-setter">
        {url ? (
          <PhotoThumb url={url} label={alt} size={shape === 'wide' ? 'wide' : 'large'} />
        ) : (
          <Text className="hint picture-setter__none">{words.none}</Text>
        )}
        <View className="picture-setter__actions">
          <Button
            className="btn btn--secondary picture-setter__button"
            disabled={Boolean(busy) || undefined}
            onClick={pick}
          >
            {busy ?? (url ? words.change : words.add)}
          </Button>
          {url && !busy && (
            <Button className="btn btn--quiet picture-setter__button" onClick={() => setRemoving(true)}>
              {words.remove}
            </Button>
          )}
        </View>
      </View>
      {failure && <Text className="error-text">{failure}</Text>}
      {removing && (
        <ConfirmDialog
          title={words.confirmTitle}
          content={words.confirmContent}
          confirmText={words.remove}
          onConfirm={async () => {
            await save(null)
            setRemoving(false)
          }}
          onClose={() => setRemoving(false)}
        />
      )}
    </FormField>
  )
}
