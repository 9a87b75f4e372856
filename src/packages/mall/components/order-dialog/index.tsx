import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { AtModal, AtModalAction, AtModalContent, AtModalHeader } from 'taro-ui'
import type { CatalogItem, Order } from '@shared/mall'
import { toCloudError } from '@/services/cloud'
import { newOrderKey, placeOrder } from '@/services/mall'
import '@/components/confirm-dialog/index.scss'
import './index.scss'

/** Days a held order waits for its owner at the shop. */
const HOLD_DAYS = 7

interface OrderDialogProps {
  reward: CatalogItem
  /** The person's available points, when known. */
  available: number | null
  onOrdered: (order: Order) => void
  onClose: () => void
}

/**
 * Asks before ordering: what it costs, and that the points are only held until the shop scans the code
 * (and come back on cancelling or after 7 days). A refusal is shown at the top of the dialog, where the eye
 * is; a reward the person cannot afford says how many points are missing and cannot be confirmed.
 */
export default function OrderDialog({ reward, available, onOrdered, onClose }: OrderDialogProps) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per confirmed attempt: a retry after a lost answer sends the same key, so it orders once.
  const attemptKey = useRef<string | null>(null)

  const short = available !== null && available < reward.cost
  const confirm = async () => {
    if (busy || short) return
    setBusy(true)
    setError(null)
    attemptKey.current ??= newOrderKey()
    try {
      onOrdered(await placeOrder(reward.id, attemptKey.current))
    } catch (e) {
      setError(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <AtModal isOpened closeOnClickOverlay={!busy} onClose={onClose} className="confirm-dialog order-dialog">
      <AtModalHeader>
        <Text className="confirm-dialog__title">确认兑换？</Text>
      </AtModalHeader>
      <AtModalContent>
        {error && (
          <Text className="error-text confirm-dialog__error confirm-dialog__error--top">{error}</Text>
        )}
        <Text className="order-dialog__title">{reward.title}</Text>
        <Text className="order-dialog__shop">{reward.merchant.name}</Text>
        <View className="order-dialog__cost">
          <Text className="order-dialog__cost-label">需要</Text>
          <Text className="order-dialog__cost-value">{reward.cost}</Text>
          <Text className="order-dialog__cost-label">积分</Text>
        </View>
        {available !== null && (
          <Text className={`order-dialog__available${short ? ' order-dialog__available--short' : ''}`}>
            您现在可以用 {available} 分{short ? `，还差 ${reward.cost - available} 分` : ''}
          </Text>
        )}
        <View className="order-dialog__rules">
          <Text className="order-dialog__rule">· 下单后，这 {reward.cost} 积分先冻结，暂时不能用。</Text>
          <Text className="order-dialog__rule">· 到店出示兑换码，店员扫码交货后，积分才扣掉。</Text>
          <Text className="order-dialog__rule">· 取消兑换，或 {HOLD_DAYS} 天内没去领，积分会自动退回。</Text>
        </View>
      </AtModalContent>
      <AtModalAction isSimple>
        <Button className="confirm-dialog__cancel" disabled={busy || undefined} onClick={onClose}>
          再想想
        </Button>
        <Button
          className={`confirm-dialog__confirm${short ? ' confirm-dialog__confirm--off' : ''}`}
          disabled={busy || short || undefined}
          onClick={confirm}
        >
          {busy ? '请稍候…' : short ? '积分不够' : '确认兑换'}
        </Button>
      </AtModalAction>
    </AtModal>
  )
}
