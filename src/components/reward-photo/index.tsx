import type { Reward } from '@shared/mall'
import PictureSetter from '@/components/picture-setter'
import { setRewardPhoto } from '@/services/mall'

interface RewardPhotoProps {
  reward: Reward
  /** The caller's openid: photos are uploaded into their own folder first. */
  openid: string
  onChanged: (reward: Reward) => void
}

const WORDS = {
  label: '商品照片',
  hint: '居民在积分超市里看到的图片；照片会先经过内容检查',
  none: '还没有照片',
  add: '添加照片',
  change: '换一张照片',
  remove: '去掉照片',
  confirmTitle: '去掉这张照片？',
  confirmContent: '积分超市里将不再显示这件商品的照片。',
}

/**
 * The reward's picture, shown in the 积分超市 (workers' 商品管理 and the shop staff's 商品照片): add one, change
 * it, or take it away (after a confirmation), saved at once.
 */
export default function RewardPhoto({ reward, openid, onChanged }: RewardPhotoProps) {
  return (
    <PictureSetter
      url={reward.photoUrl}
      alt={`${reward.title}的照片`}
      openid={openid}
      words={WORDS}
      save={async (fileID) => onChanged(await setRewardPhoto(reward.id, fileID))}
    />
  )
}
