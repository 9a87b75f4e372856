import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Icon from '@/components/icon'
import { toCloudError } from '@/services/cloud'
import { choosePhotos, previewPhotos, uploadPhoto } from '@/services/storage'
import './index.scss'

/** A photo being attached: shown from the phone at once, sent in the background. */
export interface PickedPhoto {
  localPath: string
  /** Its file ID once uploaded; null while it is on its way. */
  fileID: string | null
}

/** What a form says when it is sent before every photo is uploaded. */
export const PHOTOS_UPLOADING = '照片还在上传，请稍等一下再提交'

/** The picked photos' file IDs to send (none picked: undefined), or null while one is still on its way. */
export function pickedFileIDs(photos: PickedPhoto[]): string[] | undefined | null {
  if (photos.some((p) => p.fileID === null)) return null
  return photos.length > 0 ? photos.map((p) => p.fileID!) : undefined
}

interface PhotoPickerProps {
  value: PickedPhoto[]
  onChange: (next: PickedPhoto[] | ((previous: PickedPhoto[]) => PickedPhoto[])) => void
  /** The person's openid: photos go into their own folder first. */
  openid: string
  max: number
}

/**
 * Up to `max` photos, each uploaded (compressed) as soon as it is picked; a tap on one shows it full screen,
 * its × takes it off again. The form sends the file IDs when every photo is uploaded.
 */
export default function PhotoPicker({ value, onChange, openid, max }: PhotoPickerProps) {
  const [failure, setFailure] = useState<string | null>(null)

  const add = async () => {
    setFailure(null)
    let paths: string[]
    try {
      paths = await choosePhotos(max - value.length)
    } catch (e) {
      setFailure(toCloudError(e).message)
      return
    }
    if (paths.length === 0) return
    onChange((previous) => [...previous, ...paths.map((localPath) => ({ localPath, fileID: null }))])
    for (const localPath of paths) {
      try {
        const fileID = await uploadPhoto(localPath, openid)
        onChange((previous) => previous.map((p) => (p.localPath === localPath ? { ...p, fileID } : p)))
      } catch (e) {
        onChange((previous) => previous.filter((p) => p.localPath !== localPath))
        setFailure(toCloudError(e).message)
      }
    }
  }

  const all = value.map((p) => p.localPath)
  return (
    <View className="photo-picker">
      <View className="photo-picker__row">
        {value.map((photo, i) => (
          <View key={photo.localPath} className="photo-picker__item">
            <Image
              className="photo-picker__image"
              src={photo.localPath}
              mode="aspectFill"
              aria-label={`第${i + 1}张照片`}
              onClick={() => previewPhotos(all, photo.localPath)}
            />
            {photo.fileID === null && <Text className="photo-picker__sending">上传中…</Text>}
            <View
              className="photo-picker__remove"
              role="button"
              aria-label={`去掉第${i + 1}张照片`}
              onClick={() => onChange((previous) => previous.filter((p) => p.localPath !== photo.localPath))}
            >
              <Icon name="close" size="small" tone="white" />
            </View>
          </View>
        ))}
        {value.length < max && (
          <View className="photo-picker__add" role="button" aria-label="添加照片" onClick={() => void add()}>
            <Icon name="add" size="large" tone="muted" />
            <Text className="photo-picker__add-text">添加照片</Text>
          </View>
        )}
      </View>
      {failure && <Text className="error-text">{failure}</Text>}
    </View>
  )
}
