import { useCallback, useEffect, useState } from 'react'
import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { LatLng } from '@shared/corners'
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS, type Need, type NeedCategory } from '@shared/needs'
import ConfirmDialog from '@/components/confirm-dialog'
import NeedCard from '@/components/need-card'
import PrivacySheet from '@/components/privacy-sheet'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { NEED_TEMPLATES, claimNeed, listNeeds } from '@/services/needs'
import { askForNotices } from '@/services/notices'
import { whereAmI } from '@/pages/home/use-nearby-corners'
import VolunteersOnly from '../../components/volunteers-only'
import './index.scss'

const PAGE_SIZE = 10

type Filter = NeedCategory | 'all'
const FILTERS: Filter[] = ['all', ...NEED_CATEGORIES]

const detailOf = (need: Need) => `${ROUTES.needDetail}?id=${need.id}`

/**
 * Where the volunteer is, for the cards' distance steps: null until the phone tells. Asked quietly at first
 * (only after the privacy agreement) while the list loads without distances; `ask` asks again, bringing up the
 * 隐私保护提示 or the settings. `unknown`: an ask came back without a place (not allowed, switched off, no answer).
 */
function useWhereIAm() {
  const [near, setNear] = useState<LatLng | null>(null)
  const [unknown, setUnknown] = useState(false)
  const ask = useCallback(async (askAgain: boolean) => {
    const origin = await whereAmI(askAgain)
    if (origin.located) setNear(origin.point)
    setUnknown(!origin.located)
    return origin.located
  }, [])
  useEffect(() => {
    void ask(false)
  }, [ask])
  return { near, unknown, ask }
}

interface PoolListProps {
  category: Filter
  canClaim: boolean
  /** Where the volunteer is (sent for the distance steps only), or null. */
  near: LatLng | null
}

function PoolList({ category, canClaim, near }: PoolListProps) {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listNeeds({
        scope: 'pool',
        category: category === 'all' ? undefined : category,
        near: near ?? undefined,
        cursor,
        limit: PAGE_SIZE,
      }),
    [category, near],
  )
  const list = usePagedList(fetchPage)
  const [claiming, setClaiming] = useState<Need | null>(null)

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  // Back from a need's page (where it may have been claimed): show the pool as it is now.
  useRefreshOnReturn(() => void list.refresh())

  const claim = async (need: Need) => {
    // Inside the tap: WeChat shows its subscription dialog only there.
    const asking = askForNotices([NEED_TEMPLATES.dispatch])
    try {
      await claimNeed(need.id)
    } catch (e) {
      // Taken by someone else (or closed) in the meantime: it no longer belongs in the pool.
      if (toCloudError(e).code === 'failed-precondition') list.remove((n) => n.id === need.id)
      throw e
    }
    list.remove((n) => n.id === need.id)
    setClaiming(null)
    Taro.showToast({ title: '接单成功，请尽快联系居民', icon: 'none', duration: 2500 })
    openPage(detailOf(need))
    await asking
  }

  if (list.loading && list.items.length === 0) return <Loading text="正在读取需求…" />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />

  return (
    <View>
      {list.items.length === 0 && (
        <EmptyState
          title={
            category === 'all'
              ? '现在没有等待帮助的需求'
              : `现在没有“${NEED_CATEGORY_LABELS[category]}”的需求`
          }
          text="往下拉可以刷新，也可以看看别的类别"
        />
      )}
      {list.items.map((need) => (
        <NeedCard key={need.id} need={need} showRequester showPoints onOpen={() => openPage(detailOf(need))}>
          {canClaim && (
            <Button className="btn btn--primary pool__claim" onClick={() => setClaiming(need)}>
              我来接单
            </Button>
          )}
        </NeedCard>
      ))}
      <ListFooter list={list} />
      {claiming && (
        <ConfirmDialog
          title="接下这个需求？"
          content={`“${claiming.title}”。接单后您能看到地址和电话，请尽快打电话和居民约好时间。`}
          confirmText="确认接单"
          onConfirm={() => claim(claiming)}
          onClose={() => setClaiming(null)}
        />
      )}
    </View>
  )
}

export default function PoolPage() {
  const { me, loading, error, reload } = useMe()
  const [category, setCategory] = useState<Filter>('all')
  const { near, unknown, ask } = useWhereIAm()
  const [locating, setLocating] = useState(false)

  const showDistances = async () => {
    setLocating(true)
    const located = await ask(true)
    setLocating(false)
    if (!located)
      Taro.showToast({ title: '没有获得位置，需求照常可以查看和接单', icon: 'none', duration: 2500 })
  }

  if (!me) {
    return (
      <View className="page pool">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  if (!hasRole(me, 'volunteer') && !hasRole(me, 'worker')) {
    return (
      <View className="page pool">
        <VolunteersOnly />
      </View>
    )
  }

  return (
    <View className={`page pool${me.profile.elderMode ? ' page--elder' : ''}`}>
      <Text className="pool__intro">邻居们正在等待帮助，挑一件您方便做的吧。红色的是紧急需求。</Text>
      <ScrollView scrollX className="pool__filters" enhanced showScrollbar={false}>
        <View className="pool__filters-row" role="tablist">
          {FILTERS.map((filter) => (
            <View
              key={filter}
              role="tab"
              aria-selected={filter === category}
              className={`pool__filter${filter === category ? ' pool__filter--on' : ''}`}
              onClick={() => setCategory(filter)}
            >
              <Text>{filter === 'all' ? '全部' : NEED_CATEGORY_LABELS[filter]}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      {!near && unknown && (
        <View className="pool__locate">
          <Text className="pool__locate-text">
            允许使用位置后，每个需求会显示离您大概多远（只分几档，不记录您的位置）。
          </Text>
          <Button
            className="btn btn--secondary pool__locate-btn"
            loading={locating}
            disabled={locating}
            onClick={() => void showDistances()}
          >
            显示距离
          </Button>
        </View>
      )}
      {/* One list per category and place: a new key starts it again from the first page. */}
      <PoolList
        key={`${category}:${near ? `${near.lat},${near.lng}` : 'anywhere'}`}
        category={category}
        canClaim={hasRole(me, 'volunteer')}
        near={near}
      />
      <PrivacySheet />
    </View>
  )
}
