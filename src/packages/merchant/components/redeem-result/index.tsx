import { Button, Text, View } from '@tarojs/components'
import type { Order } from '@shared/mall'
import { formatShanghai } from '@shared/time'
import { IconBadge } from '@/components/icon'
import type { CloudError } from '@/services/cloud'
import './index.scss'

export type RedeemOutcome = { ok: true; order: Order } | { ok: false; error: CloudError }

/** What the shopkeeper should do after each kind of refusal. */
function adviceFor(error: CloudError): string {
  switch (error.code) {
    case 'already-exists':
      return '这一单已经交过货了，请不要再给一次。'
    case 'failed-precondition':
      return '请顾客在手机上打开最新的兑换码，再扫一次。'
    case 'invalid-argument':
      return '请核对输入的兑换码，或者请顾客刷新后再扫。'
    case 'permission-denied':
      return '这件东西要到兑换单上写的那家店领取。'
    case 'internal':
    case 'deadline-exceeded':
      return '先不要交货。过一会儿在“今日核销”里看看这一单有没有核销成功。'
    default:
      return '先不要交货，有疑问请联系社工站。'
  }
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="redeem-result__line">
      <Text className="redeem-result__line-label">{label}</Text>
      <Text className="redeem-result__line-value">{value}</Text>
    </View>
  )
}

/** An order's short number, as the shop and the customer can read it to each other. */
export const shortOrderNumber = (order: Order) => order.id.slice(-8).toUpperCase()

/**
 * The answer to one scan, large enough to read across the counter: on success what to hand over and to
 * whom; otherwise the reason in plain words and what to do next.
 */
export default function RedeemResult({ outcome, onNext }: { outcome: RedeemOutcome; onNext: () => void }) {
  if (outcome.ok) {
    const { order } = outcome
    return (
      <View className="redeem-result">
        <View className="card redeem-result__card redeem-result__card--ok">
          <IconBadge name="check" tone="green" solid size="hero" />
          <Text className="redeem-result__status">核销成功</Text>
          <Text className="redeem-result__label">请把这件东西交给顾客：</Text>
          <Text className="redeem-result__item">{order.rewardTitle}</Text>
          <Line label="顾客" value={order.customer ?? '—'} />
          <Line label="订单号" value={shortOrderNumber(order)} />
          <Line label="积分" value={`${order.cost} 分，已从顾客账上扣除`} />
          {order.redeemedAt && <Line label="时间" value={formatShanghai(order.redeemedAt, 'M月D日 HH:mm')} />}
        </View>
        <Button className="btn btn--primary" onClick={onNext}>
          交好了，核销下一个
        </Button>
      </View>
    )
  }
  return (
    <View className="redeem-result">
      <View className="card redeem-result__card redeem-result__card--refused">
        <IconBadge name="close" tone="danger" solid size="hero" />
        <Text className="redeem-result__status">不能兑换</Text>
        <Text className="redeem-result__reason">{outcome.error.message}</Text>
        <Text className="redeem-result__advice">{adviceFor(outcome.error)}</Text>
      </View>
      <Button className="btn btn--primary" onClick={onNext}>
        重新扫码或输入
      </Button>
    </View>
  )
}
