import { useCallback, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { formatShanghai } from '@shared/time'
import type { Order, OrderStatus } from '@shared/mall'
import MallOrderStatus from '@/components/mall-order-status'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { listOrders } from '@/services/mall'
import './index.scss'

const PAGE_SIZE = 20

const TABS: Array<{ status: OrderStatus | undefined; label: string; empty: string }> = [
  { status: 'held', label: '待兑换', empty: '没有等着去领的东西' },
  { status: undefined, label: '全部', empty: '还没有兑换过东西' },
]

const when = (at: number) => formatShanghai(at, 'M月D日 HH:mm')

export function OrderCard({ order }: { order: Order }) {
  const open = () => openPage(`${ROUTES.mallOrder}?id=${order.id}`)
  return (
    <View className="card orders__item" onClick={open}>
      <View className="orders__head">
        <Text className="orders__title">{order.rewardTitle}</Text>
        <MallOrderStatus status={order.status} />
      </View>
      <Text className="orders__line">
        {order.merchantName} · {order.cost} 积分
      </Text>
      {order.status === 'held' && (
        <Text className="orders__line orders__line--soon">
          请在 {formatShanghai(order.expiresAt, 'M月D日')} 前去领，过期积分自动退回
        </Text>
      )}
      {order.status === 'redeemed' && order.redeemedAt && (
        <Text className="orders__line">领取时间：{when(order.redeemedAt)}</Text>
      )}
      {order.status !== 'redeemed' && <Text className="orders__time">下单时间：{when(order.createdAt)}</Text>}
      {order.status === 'held' && <Button className="btn btn--primary">出示兑换码</Button>}
    </View>
  )
}

function OrdersList({ status, empty }: { status: OrderStatus | undefined; empty: string }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listOrders({ scope: 'mine', status, cursor, limit: PAGE_SIZE }),
    [status],
  )
  const list = usePagedList(fetchPage)

  // Back from an order's page, or from the shop: show the new state.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void list.refresh()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  if (list.loading && list.items.length === 0) return <Loading />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  return (
    <View>
      {list.items.length === 0 && (
        <View>
          <EmptyState title={empty} text="去积分超市看看有什么可以换的" />
          <Button className="btn btn--primary" onClick={() => openPage(ROUTES.mall)}>
            去积分超市
          </Button>
        </View>
      )}
      {list.items.map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
      {list.error && list.items.length > 0 && <Text className="error-text">{list.error.message}</Text>}
      {list.hasMore && (
        <Button
          className="btn btn--quiet"
          disabled={list.loadingMore || undefined}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      )}
    </View>
  )
}

export default function MallOrdersPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const [tab, setTab] = useState(0)

  if (!me) {
    return (
      <View className="page orders">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
        {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      </View>
    )
  }

  const current = TABS[tab]
  return (
    <View className={`page orders${me.profile.elderMode ? ' page--elder' : ''}`}>
      <View className="orders__tabs" role="tablist">
        {TABS.map((t, i) => (
          <View
            key={t.label}
            role="tab"
            aria-selected={i === tab}
            className={`orders__tab${i === tab ? ' orders__tab--active' : ''}`}
            onClick={() => setTab(i)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {/* One list per tab, and per person: a new key starts it again from the first page. */}
      <OrdersList key={`${me.openid}:${current.label}`} status={current.status} empty={current.empty} />
    </View>
  )
}
