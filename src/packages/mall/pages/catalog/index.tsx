import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, {
  useDidShow,
  usePullDownRefresh,
  useReachBottom,
  useRouter,
  useShareAppMessage,
  useShareTimeline,
} from '@tarojs/taro'
import { AtTag } from 'taro-ui'
import {
  MERCHANT_KIND_LABELS,
  type CatalogItem,
  type Merchant,
  type MerchantKind,
  type Order,
} from '@shared/mall'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import PhotoThumb from '@/components/photo-thumb'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { getReward, listCatalog } from '@/services/mall'
import { shareOf } from '@/utils/share'
import OrderDialog from '../../components/order-dialog'
import './index.scss'

const PAGE_SIZE = 20

/** The shop kinds of seed 003, in the order people look for them. */
const KINDS: Array<MerchantKind | 'all'> = ['all', 'supermarket', 'clinic', 'pharmacy', 'repair']

const kindLabel = (kind: MerchantKind | 'all') => (kind === 'all' ? '全部' : MERCHANT_KIND_LABELS[kind])

interface ShopGroup {
  merchant: Merchant
  rewards: CatalogItem[]
}

/** Rewards grouped under their shop, shops in the order the catalogue first lists them. */
function groupByShop(items: CatalogItem[]): ShopGroup[] {
  const groups = new Map<string, ShopGroup>()
  for (const item of items) {
    const group = groups.get(item.merchantId) ?? { merchant: item.merchant, rewards: [] }
    group.rewards.push(item)
    groups.set(item.merchantId, group)
  }
  return [...groups.values()]
}

function RewardRow({
  reward,
  available,
  onOrder,
}: {
  reward: CatalogItem
  available: number | null
  onOrder: () => void
}) {
  const soldOut = reward.stock <= 0
  const short = available !== null && available < reward.cost
  return (
    <View className="catalog__reward">
      {reward.photoUrl && <PhotoThumb url={reward.photoUrl} label={`${reward.title}的照片`} />}
      <View className="catalog__reward-body">
        <Text className="catalog__reward-title">{reward.title}</Text>
        <View className="catalog__reward-cost">
          <Text className="catalog__reward-points">{reward.cost}</Text>
          <Text className="catalog__reward-unit">积分</Text>
        </View>
        <Text className="catalog__reward-line">
          {soldOut ? '已经兑完了' : `还剩 ${reward.stock} 件`} · 每人限兑 {reward.perUserLimit} 件
        </Text>
        {short && !soldOut && (
          <Text className="catalog__reward-short">还差 {reward.cost - (available ?? 0)} 分</Text>
        )}
      </View>
      <Button
        className={`btn catalog__order ${soldOut ? 'btn--quiet btn--disabled' : short ? 'btn--secondary' : 'btn--primary'}`}
        disabled={soldOut || undefined}
        onClick={onOrder}
      >
        {soldOut ? '兑完了' : '兑换'}
      </Button>
    </View>
  )
}

function ShopCard({
  group,
  available,
  onOrder,
}: {
  group: ShopGroup
  available: number | null
  onOrder: (reward: CatalogItem) => void
}) {
  const { merchant, rewards } = group
  return (
    <View className="card catalog__shop">
      <View className="catalog__shop-head">
        <Text className="catalog__shop-name">{merchant.name}</Text>
        <AtTag className="tag tag--brand catalog__shop-kind" circle>
          {MERCHANT_KIND_LABELS[merchant.kind]}
        </AtTag>
      </View>
      <Text className="catalog__shop-address">地址：{merchant.address}</Text>
      {rewards.map((reward) => (
        <RewardRow key={reward.id} reward={reward} available={available} onOrder={() => onOrder(reward)} />
      ))}
    </View>
  )
}

export default function MallCatalogPage() {
  const { me, reload: reloadMe } = useMe()
  const [kind, setKind] = useState<MerchantKind | 'all'>('all')
  const [ordering, setOrdering] = useState<CatalogItem | null>(null)

  // A reward's card shared from a chat opens here with `?reward=<id>`: its sheet comes up at once.
  const sharedId = useRouter()?.params?.reward ?? ''
  useEffect(() => {
    if (!sharedId) return
    getReward(sharedId).then(setOrdering, (err: unknown) => {
      Taro.showToast({ title: toCloudError(err).message, icon: 'none', duration: 2500 }).catch(
        () => undefined,
      )
    })
  }, [sharedId])
  // Shared while a reward's sheet is open: that reward; otherwise the whole 积分超市.
  const share = ordering
    ? shareOf(ROUTES.mall, { reward: ordering.id }, `${ordering.title} · ${ordering.cost}积分可兑`)
    : shareOf(ROUTES.mall, {}, '积分超市 · 做好事攒积分换好物')
  useShareAppMessage(() => share.message)
  useShareTimeline(() => share.timeline)

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listCatalog({ ...(kind === 'all' ? {} : { kind }), cursor, limit: PAGE_SIZE }),
    [kind],
  )
  const list = usePagedList(fetchPage)

  // What the person can spend (from their login), to say how far they are from each reward.
  const available = me ? me.points.available : null

  // Back from an order's page (cancelled? redeemed?): stock and points may have changed.
  const shownOnce = useRef(false)
  useDidShow(() => {
    // (useMe reloads the person, and with them their points, by itself.)
    if (shownOnce.current) void list.refresh()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    void Promise.all([list.refresh(), reloadMe()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const ordered = (order: Order) => {
    setOrdering(null)
    void list.refresh()
    void reloadMe()
    Taro.showToast({ title: '兑换成功，请到店出示兑换码', icon: 'none', duration: 2500 })
    openPage(`${ROUTES.mallOrder}?id=${order.id}`)
  }

  const elder = Boolean(me?.profile.elderMode)
  const groups = groupByShop(list.items)

  return (
    <View className={`page catalog${elder ? ' page--elder' : ''}`}>
      <View className="card catalog__mine">
        <View className="catalog__mine-points">
          <Text className="catalog__mine-label">我可以用的积分</Text>
          <Text className="catalog__mine-value">{available === null ? '—' : `${available} 分`}</Text>
        </View>
        <Text className="hint catalog__mine-hint">
          选好东西点“兑换”，再到店里出示兑换码，店员扫码后把东西交给您。
        </Text>
      </View>
      <MenuItem
        title="我的兑换"
        icon="orders"
        description="兑换码、兑换记录都在这里"
        onClick={() => openPage(ROUTES.mallOrders)}
      />

      <View className="catalog__kinds" role="tablist">
        {KINDS.map((k) => (
          <View
            key={k}
            role="tab"
            aria-selected={k === kind}
            className={`catalog__kind${k === kind ? ' catalog__kind--active' : ''}`}
            onClick={() => setKind(k)}
          >
            <Text>{kindLabel(k)}</Text>
          </View>
        ))}
      </View>

      {list.loading && list.items.length === 0 && <Loading />}
      {list.error && list.items.length === 0 && (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState
          title={kind === 'all' ? '积分超市还没有商品' : `${kindLabel(kind)}暂时没有可兑换的商品`}
          text="往下拉可以刷新"
        />
      )}
      {groups.map((group) => (
        <ShopCard key={group.merchant.id} group={group} available={available} onOrder={setOrdering} />
      ))}
      {list.error && list.items.length > 0 && (
        <Text className="error-text catalog__more-error">{list.error.message}</Text>
      )}
      {list.hasMore && (
        <Button
          className="btn btn--quiet"
          disabled={list.loadingMore || undefined}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      )}

      {ordering && (
        <OrderDialog
          reward={ordering}
          available={available}
          onOrdered={ordered}
          onClose={() => setOrdering(null)}
        />
      )}
    </View>
  )
}
