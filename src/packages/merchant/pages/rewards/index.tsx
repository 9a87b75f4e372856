import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Reward } from '@shared/mall'
import ListFooter from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import RewardPhoto from '@/components/reward-photo'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { listCatalog } from '@/services/mall'
import StaffOnly from '../../components/staff-only'
import './index.scss'

const PAGE_SIZE = 20

/** The shop's rewards on sale, each with its picture to add, change or take away. */
function ShopRewards({ merchantId, openid }: { merchantId: string; openid: string }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listCatalog({ merchantId, cursor, limit: PAGE_SIZE }),
    [merchantId],
  )
  const list = usePagedList(fetchPage)
  // Rewards whose picture changed here since the list was read, by id.
  const [changed, setChanged] = useState<Record<string, Reward>>({})

  usePullDownRefresh(() => {
    void list
      .refresh()
      .then(() => setChanged({}))
      .finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  if (list.loading && list.items.length === 0) return <Loading text="正在读取本店的商品…" />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  return (
    <View>
      <Text className="hint rewards__intro">居民在积分超市里看到这些照片。商品的上架、库存请联系社工。</Text>
      {list.items.length === 0 && <EmptyState title="本店还没有上架的商品" text="请联系社工上架商品。" />}
      {list.items.map((item) => {
        const reward = changed[item.id] ?? item
        return (
          <View key={reward.id} className="card rewards__item">
            <Text className="rewards__title">{reward.title}</Text>
            <Text className="rewards__meta">
              {reward.cost} 积分 · 还剩 {reward.stock} 件
            </Text>
            <RewardPhoto
              reward={reward}
              openid={openid}
              onChanged={(fresh) => setChanged((previous) => ({ ...previous, [fresh.id]: fresh }))}
            />
          </View>
        )
      })}
      <ListFooter list={list} />
    </View>
  )
}

/** 商品照片: a shop's staff give their shop's rewards a picture for the 积分超市. */
export default function MerchantRewardsPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page rewards${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me &&
        (hasRole(me, 'merchant') && me.merchantId ? (
          <ShopRewards merchantId={me.merchantId} openid={me.openid} />
        ) : (
          <StaffOnly />
        ))}
    </View>
  )
}
