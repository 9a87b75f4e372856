import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { upsertRewardInput, type Merchant, type Reward } from '@shared/mall'
import FormField from '@/components/form-field'
import { toCloudError } from '@/services/cloud'
import { upsertReward } from '@/services/mall'
import Choice, { fieldErrors } from './choice'

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
  onSaved: (reward: Reward) => void
  onCancel: () => void
}

/** Adds a reward to a shop, or changes its title, cost, stock, per-person limit and whether it is on sale. */
export default function RewardForm({ merchant, reward, onSaved, onCancel }: RewardFormProps) {
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

  const numberField = (
    label: string,
    hint: string,
    field: string,
    value: string,
    onChange: (v: string) => void,
  ) => (
    <FormField label={label} hint={hint}>
      <Input
        className="form-field__input"
        type="number"
        value={value}
        placeholder="填数字"
        placeholderClass="form-field__placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
      {errors[field] && <Text className="error-text">{errors[field]}</Text>}
    </FormField>
  )

  return (
    <View className="card shops__form">
      <Text className="card__title">{reward ? '修改商品' : '添加商品'}</Text>
      <Text className="shops__form-shop">{merchant.name}</Text>
      <FormField label="商品名称" hint="写清楚规格，例如：食用油 5升">
        <Input
          className="form-field__input"
          value={title}
          maxlength={30}
          placeholder="例如：鲜鸡蛋 一盒30枚"
          placeholderClass="form-field__placeholder"
          onInput={(e) => setTitle(e.detail.value)}
        />
        {errors.title && <Text className="error-text">{errors.title}</Text>}
      </FormField>
      {numberField('所需积分', '兑换一件要多少积分', 'cost', cost, setCost)}
      {numberField('库存', '现在还能兑换几件（已被预订的不算在内）', 'stock', stock, setStock)}
      {numberField('每人限兑', '一个人最多能兑换几件', 'perUserLimit', limit, setLimit)}
      <FormField label="上架状态" hint="下架后，居民在积分超市里看不到它">
        <Choice options={SHELF_OPTIONS} value={shelf} onChange={setShelf} />
      </FormField>
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
