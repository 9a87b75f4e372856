import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { formatShanghai } from '@shared/time'
import type { Order } from '@shared/mall'
import { IconBadge } from '@/components/icon'
import ConfirmDialog from '@/components/confirm-dialog'
import MallOrderStatus from '@/components/mall-order-status'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { type CloudError, toCloudError } from '@/services/cloud'
import { cancelOrder, findShop, refreshMyOrder, rememberedOrder } from '@/services/mall'
import CodePanel from '../../components/code-panel'
import './index.scss'

/** While a code is on screen, how often to look whether the shop has scanned it. */
const POLL_MS = 4000

const fullTime = (at: number) => formatShanghai(at, 'YYYY年M月D日 HH:mm')

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="order__line">
      <Text className="order__line-label">{label}</Text>
      <Text className="order__line-value">{value}</Text>
    </View>
  )
}

function Outcome({ order, address }: { order: Order; address: string | null }) {
  if (order.status === 'redeemed') {
    return (
      <View className="card order__outcome order__outcome--done">
        <IconBadge name="check" tone="green" solid size="hero" />
        <Text className="order__outcome-title">已经领到了</Text>
        {order.redeemedAt && <Line label="领取时间" value={fullTime(order.redeemedAt)} />}
        <Line label="领取地点" value={address ? `${order.merchantName}（${address}）` : order.merchantName} />
        {order.redeemedBy && <Line label="经办店员" value={order.redeemedBy} />}
        <Line label="用掉积分" value={`${order.cost} 分`} />
      </View>
    )
  }
  return (
    <View className="card order__outcome">
      <Text className="order__outcome-title">
        {order.status === 'cancelled' ? '这个兑换已经取消' : '这个兑换已经过期'}
      </Text>
      <Text className="order__outcome-text">
        {order.status === 'cancelled'
          ? `冻结的 ${order.cost} 积分已经退回，可以再换别的东西。`
          : `7 天内没有去领，冻结的 ${order.cost} 积分已经退回。`}
      </Text>
      <Button className="btn btn--primary" onClick={() => openPage(ROUTES.mall)}>
        再去积分超市看看
      </Button>
    </View>
  )
}

export default function MallOrderPage() {
  const id = useRouter()?.params?.id ?? ''
  const { me } = useMe()
  const [order, setOrder] = useState<Order | null>(() => rememberedOrder(id))
  const [loading, setLoading] = useState(() => rememberedOrder(id) === null)
  const [error, setError] = useState<CloudError | null>(null)
  const [missing, setMissing] = useState(false)
  const [visible, setVisible] = useState(true)
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const [address, setAddress] = useState<string | null>(null)
  const requestId = useRef(0)

  const reload = useCallback(async () => {
    if (!id) {
      setMissing(true)
      setLoading(false)
      return
    }
    const request = ++requestId.current
    try {
      const fresh = await refreshMyOrder(id)
      if (request !== requestId.current) return
      setError(null)
      setOrder(fresh)
      setMissing(fresh === null)
    } catch (e) {
      if (request === requestId.current) setError(toCloudError(e))
    } finally {
      if (request === requestId.current) setLoading(false)
    }
  }, [id])

  useEffect(() => {
    void reload()
  }, [reload])

  const shownOnce = useRef(false)
  useDidShow(() => {
    setVisible(true)
    if (shownOnce.current) void reload()
    shownOnce.current = true
  })
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  // The shop scans on its own phone: look now and then whether this order has been redeemed meanwhile.
  const held = order?.status === 'held'
  useEffect(() => {
    if (!held || !visible) return
    const timer = setInterval(() => void reload(), POLL_MS)
    return () => clearInterval(timer)
  }, [held, visible, reload])

  // Where to go: the shop's address, from the catalogue.
  const merchantId = order?.merchantId
  useEffect(() => {
    if (!merchantId) return
    let current = true
    findShop(merchantId)
      .then((shop) => current && setAddress(shop?.address ?? null))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [merchantId])

  const cancel = async () => {
    const closed = await cancelOrder(id)
    setOrder(closed)
    setConfirmingCancel(false)
    Taro.showToast({ title: `已取消，${closed.cost} 积分已退回`, icon: 'none', duration: 2500 })
  }

  const elder = Boolean(me?.profile.elderMode)
  const page = (children: ReactNode) => (
    <View className={`page order${elder ? ' page--elder' : ''}`}>{children}</View>
  )

  if (!order) {
    if (loading) return page(<Loading />)
    if (error) return page(<ErrorState message={error.message} onRetry={() => void reload()} />)
    return page(
      missing && (
        <View>
          <EmptyState title="没有找到这个兑换" text="它可能不是您的订单。可以在“我的兑换”里找找。" />
          <Button className="btn btn--primary" onClick={() => openPage(ROUTES.mallOrders)}>
            去我的兑换
          </Button>
        </View>
      ),
    )
  }

  return page(
    <>
      <View className="card order__summary">
        <View className="order__head">
          <Text className="order__title">{order.rewardTitle}</Text>
          <MallOrderStatus status={order.status} />
        </View>
        <Text className="order__shop">
          {order.merchantName} · {order.cost} 积分
        </Text>
      </View>

      {held && <CodePanel orderId={order.id} active={visible} onEnded={() => void reload()} />}
      {!held && <Outcome order={order} address={address} />}

      {held && (
        <View className="card order__details">
          <Line label="领取地点" value={order.merchantName} />
          {address && <Line label="地址" value={address} />}
          <Line label="冻结积分" value={`${order.cost} 分（店员扫码后才扣掉）`} />
          <Line label="下单时间" value={fullTime(order.createdAt)} />
          <Line label="领取期限" value={`${fullTime(order.expiresAt)} 前，过期积分自动退回`} />
          <Button className="btn btn--danger" onClick={() => setConfirmingCancel(true)}>
            不要了，取消兑换
          </Button>
        </View>
      )}
      {error && <Text className="error-text">{error.message}</Text>}

      {confirmingCancel && (
        <ConfirmDialog
          title="取消这个兑换？"
          content={`取消后，冻结的 ${order.cost} 积分马上退回，东西也放回店里。`}
          confirmText="确认取消"
          cancelText="不取消"
          onConfirm={cancel}
          onClose={() => setConfirmingCancel(false)}
        />
      )}
    </>,
  )
}
