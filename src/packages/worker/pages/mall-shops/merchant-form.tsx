import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  MERCHANT_KINDS,
  MERCHANT_KIND_LABELS,
  upsertMerchantInput,
  type Merchant,
  type MerchantKind,
} from '@shared/mall'
import FormField, { TextField } from '@/components/form-field'
import { toCloudError } from '@/services/cloud'
import { upsertMerchant } from '@/services/mall'
import Choice, { fieldErrors } from './choice'

const KIND_OPTIONS = MERCHANT_KINDS.map((kind) => ({ value: kind, label: MERCHANT_KIND_LABELS[kind] }))
const OPEN_OPTIONS = [
  { value: 'open', label: '营业中' },
  { value: 'closed', label: '暂停兑换' },
] as const

interface MerchantFormProps {
  /** The shop to change; none to add a new one. */
  merchant?: Merchant
  onSaved: (merchant: Merchant) => void
  onCancel: () => void
}

/** Adds a partner shop, or changes its name, kind, address and whether it takes orders. */
export default function MerchantForm({ merchant, onSaved, onCancel }: MerchantFormProps) {
  const [name, setName] = useState(merchant?.name ?? '')
  const [kind, setKind] = useState<MerchantKind>(merchant?.kind ?? 'supermarket')
  const [address, setAddress] = useState(merchant?.address ?? '')
  const [open, setOpen] = useState<'open' | 'closed'>(merchant && !merchant.active ? 'closed' : 'open')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    const parsed = upsertMerchantInput.safeParse({
      ...(merchant ? { id: merchant.id } : {}),
      name,
      kind,
      address,
      active: open === 'open',
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues))
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      onSaved(await upsertMerchant(parsed.data))
    } catch (e) {
      setFailure(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <View className="card shops__form">
      <Text className="card__title">{merchant ? '修改商户' : '添加商户'}</Text>
      <TextField
        label="商户名称"
        value={name}
        maxlength={30}
        placeholder="例如：惠民便民超市"
        onChange={setName}
        error={errors.name}
      />
      <FormField label="类别">
        <Choice options={KIND_OPTIONS} value={kind} onChange={setKind} />
      </FormField>
      <TextField
        label="地址"
        hint="居民按这个地址找到店里"
        value={address}
        maxlength={100}
        placeholder="例如：裕华区体育南大街86号"
        onChange={setAddress}
        error={errors.address}
      />
      <FormField label="营业状态" hint="暂停后，这家店的商品不在积分超市里显示">
        <Choice options={OPEN_OPTIONS} value={open} onChange={setOpen} />
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
