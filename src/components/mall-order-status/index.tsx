import { AtTag } from 'taro-ui'
import { ORDER_STATUS_LABELS, type OrderStatus } from '@shared/mall'

const TONES: Record<OrderStatus, string> = {
  held: 'tag--amber',
  redeemed: 'tag--green',
  cancelled: 'tag--grey',
  expired: 'tag--grey',
}

/** An order's status (待兑换, 已兑换, 已取消, 已过期) as a large coloured tag. */
export default function MallOrderStatus({ status }: { status: OrderStatus }) {
  return (
    <AtTag className={`tag ${TONES[status]} mall-order-status`} circle>
      {ORDER_STATUS_LABELS[status]}
    </AtTag>
  )
}
