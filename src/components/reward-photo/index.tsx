import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Reward } from '@shared/mall'
import ConfirmDialog from '@/components/confirm-dialog'
import FormField from '@/components/form-field'
import PhotoThumb from '@/components/photo-thumb'
import { toCloudError } from '@/services/cloud'
import { setRewardPhoto } from '@/services/mall'
import { choosePhotos, uploadPhoto } from '@/services/storage'
import './index.scss'

interface RewardPhotoProps {
  reward: Reward
  /** The caller's openid: photos are uploaded into their own folder first. */
  openid: string
  onChanged: (reward: Reward) => void
}

/**
 * The reward's picture, shown in the 积分超市 (workers' 商品管理 and the shop staff's 商品照片): add one, change it, or take it away (after a confirmation). It is
 * saved at once, apart from the form's other fields; the photo passes WeChat's image check first.
 */
export default function RewardPhoto({ reward, openid, onChanged }: RewardPhotoProps) {
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
      onChanged(await setRewardPhoto(reward.id, fileID))
    } catch (e) {
      setFailure(toCloudError(e).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <FormField label="商品照片" hint="居民在积分超市里看到的图片；照片会先经过内容检查">
      <View className="reward-photo">
        {reward.photoUrl ? (
          <PhotoThumb url={reward.photoUrl} label={`${reward.title}的照片`} size="large" />
        ) : (
          <Text className="hint reward-photo__none">还没有照片</Text>
        )}
        <View className="reward-photo__actions">
          <Button
            className="btn btn--secondary reward-photo__button"
            disabled={Boolean(busy) || undefined}
            onClick={pick}
          >
            {busy ?? (reward.photoUrl ? '换一张照片' : '添加照片')}
          </Button>
          {reward.photoUrl && !busy && (
            <Button className="btn btn--quiet reward-photo__button" onClick={() => setRemoving(true)}>
              去掉照片
            </Button>
          )}
        </View>
      </View>
      {failure && <Text className="error-text">{failure}</Text>}
      {removing && (
        <ConfirmDialog
          title="去掉这张照片？"
          content="积分超市里将不再显示这件商品的照片。"
          confirmText="去掉照片"
          onConfirm={async () => {
            onChanged(await setRewardPhoto(reward.id, null))
            setRemoving(false)
          }}
          onClose={() => setRemoving(false)}
        />
      )}
    </FormField>
  )
}
