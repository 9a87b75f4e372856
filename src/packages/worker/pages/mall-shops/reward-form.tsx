import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { upsertRewardInput, type Merchant, type Reward } from '@shared/mall'
import FormField, { TextField } from '@/components/form-field'
import { toCloudError } from '@/services/cloud'
import { upsertReward } from '@/services/mall'
import Choice, { fieldErrors } from './choice'
import RewardPhoto from '@/components/reward-photo'

const SHELF_OPTIONS = [
  { value: 'on', label: '上架' },
  { value: 'off', label: '下架' },
] as const

/** A typed whole number, or undefined when the box is empty (the schema then says what is missing). */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

interface RewardFormProps {
  merchant: Merchant
  /** The reward to change; none to add a new one. */
  reward?: Reward
  /** The caller's openid (their photos are uploaded into their own folder first). */
  openid: string
  onSaved: (reward: Reward) => void
  onCancel: () => void
}

/**
 * Adds a reward to a shop, or changes its title, cost, stock, per-person limit, whether it is on sale, and its
 * photo (saved at once; a new reward gets one once it is saved).
 */
export default function RewardForm({ merchant, reward: given, openid, onSaved, onCancel }: RewardFormProps) {
  const [reward, setReward] = useState(given)
  const [title, setTitle] = useState(reward?.title ?? '')
  const [cost, setCost] = useState(reward ? String(reward.cost) : '')
  const [stock, setStock] = useState(reward ? String(reward.stock) : '')
  const [limit, setLimit] = useState(reward ? String(reward.perUserLimit) : '1')
  const [shelf, setShelf] = useState<'on' | 'off'>(reward && !reward.active ? 'off' : 'on')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    const parsed = upsertRewardInput.safeParse({
      ...(reward ? { id: reward.id } : {}),
      merchantId: merchant.id,
      title,
      cost: wholeNumber(cost),
      stock: wholeNumber(stock),
      perUserLimit: wholeNumber(limit),
      active: shelf === 'on',
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues))
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      onSaved(await upsertReward(parsed.data))
    } catch (e) {
      setFailure(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <View className="card shops__form">
      <Text className="card__title">{reward ? '修改商品' : '添加商品'}</Text>
      <Text className="shops__form-shop">{merchant.name}</Text>
      <TextField
        label="商品名称"
        hint="写清楚规格，例如：食用油 5升"
        value={title}
        maxlength={30}
        placeholder="例如：鲜鸡蛋 一盒30枚"
        onChange={setTitle}
        error={errors.title}
      />
      <TextField
        label="所需积分"
        hint="兑换一件要多少积分"
        type="number"
        value={cost}
        placeholder="填数字"
        onChange={setCost}
        error={errors.cost}
      />
      <TextField
        label="库存"
        hint="现在还能兑换几件（已被预订的不算在内）"
        type="number"
        value={stock}
        placeholder="填数字"
        onChange={setStock}
        error={errors.stock}
      />
      <TextField
        label="每人限兑"
        hint="一个人最多能兑换几件"
        type="number"
        value={limit}
        placeholder="填数字"
        onChange={setLimit}
        error={errors.perUserLimit}
      />
      <FormField label="上架状态" hint="下架后，居民在积分超市里看不到它">
        <Choice options={SHELF_OPTIONS} value={shelf} onChange={setShelf} />
      </FormField>
      {reward ? (
        <RewardPhoto reward={reward} openid={openid} onChanged={setReward} />
      ) : (
        <Text className="hint shops__photo-none">保存后可以给商品添加照片</Text>
      )}
      {failure && <Text className="error-text">{failure}</Text>}
      <View className="shops__form-actions">
        <Button className="btn btn--quiet shops__form-action" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className="btn btn--primary shops__form-action" disabled={busy || undefined} onClick={save}>
          {busy ? '正在保存…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
