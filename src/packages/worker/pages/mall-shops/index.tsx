import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { AtTag } from 'taro-ui'
import { MERCHANT_KIND_LABELS, type Merchant, type MerchantWithRewards, type Reward } from '@shared/mall'
import PrivacySheet from '@/components/privacy-sheet'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import PhotoThumb from '@/components/photo-thumb'
import { hasRole, useMe } from '@/hooks/use-me'
import { type CloudError, toCloudError } from '@/services/cloud'
import { listShopsWithRewards } from '@/services/mall'
import MerchantForm from './merchant-form'
import RewardForm from './reward-form'
import WorkersOnly from '@/components/workers-only'
import StaffPanel from './staff-panel'
import './index.scss'

type Editing =
  | { what: 'merchant'; merchant?: Merchant }
  | { what: 'reward'; merchant: Merchant; reward?: Reward }
  | { what: 'staff'; merchant: Merchant }
  | null

function ShopCard({
  shop,
  onEditShop,
  onAddReward,
  onEditReward,
  onStaff,
}: {
  shop: MerchantWithRewards
  onEditShop: () => void
  onAddReward: () => void
  onStaff: () => void
  onEditReward: (reward: Reward) => void
}) {
  const { merchant, rewards } = shop
  return (
    <View className="card shops__shop">
      <View className="shops__shop-head">
        <Text className="shops__shop-name">{merchant.name}</Text>
        <AtTag className="tag tag--brand" circle>
          {MERCHANT_KIND_LABELS[merchant.kind]}
        </AtTag>
        {!merchant.active && (
          <AtTag className="tag tag--grey" circle>
            暂停兑换
          </AtTag>
        )}
      </View>
      <Text className="shops__line">地址：{merchant.address}</Text>
      {rewards.length === 0 && <Text className="hint shops__none">还没有商品</Text>}
      {rewards.map((reward) => (
        <View key={reward.id} className="shops__reward">
          {reward.photoUrl && <PhotoThumb url={reward.photoUrl} label={`${reward.title}的照片`} />}
          <View className="shops__reward-body">
            <Text className="shops__reward-title">
              {reward.title}
              {!reward.active && <Text className="shops__off">（已下架）</Text>}
            </Text>
            <Text className="shops__reward-line">
              {reward.cost} 积分 · 库存 {reward.stock} · 每人限 {reward.perUserLimit}
            </Text>
          </View>
          <Button className="btn btn--secondary shops__small" onClick={() => onEditReward(reward)}>
            修改
          </Button>
        </View>
      ))}
      <View className="shops__actions">
        <Button className="btn btn--quiet shops__action" onClick={onEditShop}>
          修改商户
        </Button>
        <Button className="btn btn--quiet shops__action" onClick={onStaff}>
          店员
        </Button>
        <Button className="btn btn--primary shops__action" onClick={onAddReward}>
          添加商品
        </Button>
      </View>
    </View>
  )
}

function ShopsManager({ openid }: { openid: string }) {
  const [listed, setListed] = useState<MerchantWithRewards[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const requestId = useRef(0)

  const load = useCallback(async () => {
    const id = ++requestId.current
    setError(null)
    try {
      const shops = await listShopsWithRewards()
      if (id === requestId.current) setListed(shops)
    } catch (e) {
      if (id === requestId.current) setError(toCloudError(e))
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  // A form replaces the list: show it from its top, wherever the list was scrolled to.
  const edit = (next: Editing) => {
    setEditing(next)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  // Saved: back to the list, read again (it holds every shop and reward, on sale or not).
  const saved = ({ name }: { name: string }) => {
    setEditing(null)
    Taro.showToast({ title: `已保存：${name}`, icon: 'none', duration: 2000 })
    void load()
  }

  if (editing?.what === 'merchant') {
    return <MerchantForm merchant={editing.merchant} onSaved={saved} onCancel={() => setEditing(null)} />
  }
  if (editing?.what === 'staff') {
    return <StaffPanel merchant={editing.merchant} onClose={() => setEditing(null)} />
  }
  if (editing?.what === 'reward') {
    return (
      <RewardForm
        merchant={editing.merchant}
        reward={editing.reward}
        openid={openid}
        onSaved={(reward) => saved({ name: reward.title })}
        onCancel={() => {
          // The photo may have changed (it is saved at once): read the list again.
          setEditing(null)
          void load()
        }}
      />
    )
  }

  if (error && !listed) return <ErrorState message={error.message} onRetry={() => void load()} />
  if (!listed) return <Loading />
  return (
    <View>
      <Button className="btn btn--primary shops__add" onClick={() => edit({ what: 'merchant' })}>
        添加商户
      </Button>
      <Text className="hint shops__note">
        这里列出所有商户和商品。暂停兑换的商户、下架的商品，居民看不到；点“修改”可以重新打开。
      </Text>
      {listed.length === 0 && <EmptyState title="还没有合作商户" text="点上面的“添加商户”开始" />}
      {listed.map((shop) => (
        <ShopCard
          key={shop.merchant.id}
          shop={shop}
          onEditShop={() => edit({ what: 'merchant', merchant: shop.merchant })}
          onAddReward={() => edit({ what: 'reward', merchant: shop.merchant })}
          onStaff={() => edit({ what: 'staff', merchant: shop.merchant })}
          onEditReward={(reward) => edit({ what: 'reward', merchant: shop.merchant, reward })}
        />
      ))}
      {error && <Text className="error-text">{error.message}</Text>}
    </View>
  )
}

export default function MallShopsPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page shops${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && (hasRole(me, 'worker') ? <ShopsManager openid={me.openid} /> : <WorkersOnly />)}
    </View>
  )
}
