import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Need, NeedPhoto, NeedPhotos as Photos } from '@shared/needs'
import ConfirmDialog from '@/components/confirm-dialog'
import PhotoThumb from '@/components/photo-thumb'
import { toCloudError } from '@/services/cloud'
import { getNeedPhotos, removeNeedPhoto } from '@/services/needs'
import './index.scss'

interface NeedPhotosProps {
  need: Need
  /** The requester and workers may take a requester's photo away. */
  canRemove: boolean
  /** Workers may take a completion photo away. */
  canRemoveCompletion: boolean
  onChanged: (need: Need) => void
}

interface PhotoRowProps {
  title: string
  /** What each picture shows, for screen readers: 求助照片1, 2… */
  label: string
  photos: NeedPhoto[]
  onRemove?: (photo: NeedPhoto) => void
}

/** One kind of photos as thumbnails; a tap pages through them full screen. */
function PhotoRow({ title, label, photos, onRemove }: PhotoRowProps) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className="need-photos__group">
      <Text className="need-photos__title">{title}</Text>
      <View className="need-photos__row">
        {photos.map((photo, i) => (
          <View key={photo.id} className="need-photos__item">
            <PhotoThumb url={photo.url} label={`${label}${i + 1}`} group={urls} size="large" />
            {onRemove && (
              <Text className="need-photos__remove" onClick={() => onRemove(photo)}>
                删除
              </Text>
            )}
          </View>
        ))}
      </View>
    </View>
  )
}

/**
 * The photos the requester attached and those the volunteer took when finishing, read when the need has
 * any; a tap shows one full screen.
 */
export default function NeedPhotos({ need, canRemove, canRemoveCompletion, onChanged }: NeedPhotosProps) {
  const [photos, setPhotos] = useState<Photos | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [removing, setRemoving] = useState<NeedPhoto | null>(null)
  const requestId = useRef(0)
  const count = need.photoCount + need.completionPhotoCount

  const load = useCallback(async () => {
    const current = ++requestId.current
    setFailure(null)
    try {
      const answer = await getNeedPhotos(need.id)
      if (current === requestId.current) setPhotos(answer)
    } catch (e) {
      if (current === requestId.current) setFailure(toCloudError(e).message)
    }
  }, [need.id])

  useEffect(() => {
    if (count > 0) void load()
    else setPhotos({ items: [], completion: [] })
  }, [load, count])

  if (count === 0) return null
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
        <>
          <PhotoRow
            title="求助时拍的"
            label="求助照片"
            photos={photos.items}
            onRemove={canRemove ? setRemoving : undefined}
          />
          <PhotoRow
            title="志愿者完成时拍的"
            label="完成照片"
            photos={photos.completion}
            onRemove={canRemoveCompletion ? setRemoving : undefined}
          />
        </>
      )}
      {removing && (
        <ConfirmDialog
          title="删除这张照片？"
          content="删除后不能恢复，社工和志愿者也看不到了。"
          confirmText="删除"
          onConfirm={async () => {
            const fresh = await removeNeedPhoto(need.id, removing.id)
            setRemoving(null)
            setPhotos((previous) => {
              const keep = (list: NeedPhoto[]) => list.filter((p) => p.id !== removing.id)
              return previous && { items: keep(previous.items), completion: keep(previous.completion) }
            })
            onChanged(fresh)
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </View>
  )
}
