import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import type { Order } from '@shared/mall'
import { formatShanghai } from '@shared/time'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { useShownData } from '@/hooks/use-shown-data'
import { listTodaysRedemptions } from '@/services/mall'
import { shortOrderNumber } from '../../components/redeem-result'
import StaffOnly from '../../components/staff-only'
import './index.scss'

function RedemptionRow({ order }: { order: Order }) {
  return (
    <View className="card today__item">
      <View className="today__head">
        <Text className="today__title">{order.rewardTitle}</Text>
        <Text className="today__time">
          {order.redeemedAt ? formatShanghai(order.redeemedAt, 'HH:mm') : ''}
        </Text>
      </View>
      <Text className="today__line">
        顾客：{order.customer ?? '—'} · {order.cost} 积分
      </Text>
      <Text className="today__meta">
        订单号 {shortOrderNumber(order)}
        {order.redeemedBy ? ` · 经办：${order.redeemedBy}` : ''}
      </Text>
    </View>
  )
}

function TodayList() {
  const read = useCallback(() => listTodaysRedemptions(), [])
  const { data: items, error, reload } = useShownData(read)

  if (error && !items) return <ErrorState message={error.message} onRetry={() => void reload()} />
  if (!items) return <Loading />
  const points = items.reduce((sum, order) => sum + order.cost, 0)
  return (
    <View>
      <View className="card today__summary">
        <Text className="today__date">{formatShanghai(Date.now(), 'M月D日')}</Text>
        <View className="today__totals">
          <View className="today__total">
            <Text className="today__total-value">{items.length}</Text>
            <Text className="today__total-label">单</Text>
          </View>
          <View className="today__total">
            <Text className="today__total-value">{points}</Text>
            <Text className="today__total-label">积分</Text>
          </View>
        </View>
      </View>
      {items.length === 0 && <EmptyState title="今天还没有核销" text="往下拉可以刷新" />}
      {items.map((order) => (
        <RedemptionRow key={order.id} order={order} />
      ))}
      {error && <Text className="error-text">{error.message}</Text>}
    </View>
  )
}

export default function MerchantTodayPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page today${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && (hasRole(me, 'merchant') && me.merchantId ? <TodayList /> : <StaffOnly />)}
    </View>
  )
}
