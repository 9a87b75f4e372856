import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Need, NeedPhoto } from '@shared/needs'
import ConfirmDialog from '@/components/confirm-dialog'
import PhotoThumb from '@/components/photo-thumb'
import { toCloudError } from '@/services/cloud'
import { getNeedPhotos, removeNeedPhoto } from '@/services/needs'
import './index.scss'

interface NeedPhotosProps {
  need: Need
  /** The requester and workers may take a photo away. */
  canRemove: boolean
  onChanged: (need: Need) => void
}

/** The photos the requester attached, read when the need has any; a tap shows one full screen. */
export default function NeedPhotos({ need, canRemove, onChanged }: NeedPhotosProps) {
  const [photos, setPhotos] = useState<NeedPhoto[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [removing, setRemoving] = useState<NeedPhoto | null>(null)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const current = ++requestId.current
    setFailure(null)
    try {
      const { items } = await getNeedPhotos(need.id)
      if (current === requestId.current) setPhotos(items)
    } catch (e) {
      if (current === requestId.current) setFailure(toCloudError(e).message)
    }
  }, [need.id])

  useEffect(() => {
    if (need.photoCount > 0) void load()
    else setPhotos([])
  }, [load, need.photoCount])

  if (need.photoCount === 0) return null
  const urls = (photos ?? []).map((p) => p.url)
  return (
    <View className="card need-photos">
      <Text className="card__title">照片</Text>
      {!photos && !failure && <Text className="hint">正在加载照片…</Text>}
      {failure && (
        <View>
          <Text className="error-text">{failure}</Text>
          <Button className="btn btn--quiet" onClick={() => void load()}>
            再试一次
          </Button>
        </View>
      )}
      {photos && (
        <View className="need-photos__row">
          {photos.map((photo, i) => (
            <View key={photo.id} className="need-photos__item">
              <PhotoThumb url={photo.url} label={`求助照片${i + 1}`} group={urls} size="large" />
              {canRemove && (
                <Text className="need-photos__remove" onClick={() => setRemoving(photo)}>
                  删除
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
      {removing && (
        <ConfirmDialog
          title="删除这张照片？"
          content="删除后不能恢复，社工和志愿者也看不到了。"
          confirmText="删除"
          onConfirm={async () => {
            const fresh = await removeNeedPhoto(need.id, removing.id)
            setRemoving(null)
            setPhotos((previous) => (previous ?? []).filter((p) => p.id !== removing.id))
            onChanged(fresh)
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </View>
  )
}
