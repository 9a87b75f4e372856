import { useCallback, useState } from 'react'
import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { NEED_STATUSES, NEED_STATUS_LABELS, type Need, type NeedStatus } from '@shared/needs'
import NeedCard from '@/components/need-card'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, goBack, openPage } from '@/routes'
import { listNeeds } from '@/services/needs'
import VolunteerPicker from './volunteer-picker'
import './index.scss'

const PAGE_SIZE = 10

type Filter = NeedStatus | 'all'
const FILTERS: Filter[] = ['all', 'pending', 'open', 'assigned', 'done', 'confirmed', 'rejected', 'cancelled']

function isFilter(value: string | undefined): value is Filter {
  return value === 'all' || (NEED_STATUSES as readonly string[]).includes(value ?? '')
}

function AllList({ status }: { status: Filter }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listNeeds({ scope: 'all', status: status === 'all' ? undefined : status, cursor, limit: PAGE_SIZE }),
    [status],
  )
  const list = usePagedList(fetchPage)
  const [changed, setChanged] = useState<Record<string, Need>>({})
  const [dispatching, setDispatching] = useState<Need | null>(null)

  const refresh = async () => {
    setChanged({})
    await list.refresh()
  }
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  useRefreshOnReturn(() => void refresh())

  if (list.loading && list.items.length === 0) return <Loading />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />

  return (
    <View>
      {list.items.length === 0 && (
        <EmptyState
          title={status === 'all' ? '还没有需求' : `没有“${NEED_STATUS_LABELS[status]}”的需求`}
          text="往下拉可以刷新"
        />
      )}
      {list.items.map((item) => {
        const need = changed[item.id] ?? item
        return (
          <NeedCard
            key={need.id}
            need={need}
            showRequester
            onOpen={() => openPage(`${ROUTES.needDetail}?id=${need.id}`)}
          >
            {need.status === 'open' && (
              <Button className="btn btn--primary" onClick={() => setDispatching(need)}>
                派给志愿者
              </Button>
            )}
            {need.status === 'pending' && (
              <Button className="btn btn--secondary" onClick={() => openPage(ROUTES.needsReview)}>
                去审核
              </Button>
            )}
            {need.status === 'done' && (
              <Button
                className="btn btn--secondary"
                onClick={() => openPage(`${ROUTES.needDetail}?id=${need.id}`)}
              >
                代居民确认
              </Button>
            )}
          </NeedCard>
        )
      })}
      <ListFooter list={list} />
      {dispatching && (
        <VolunteerPicker
          need={dispatching}
          onClose={() => setDispatching(null)}
          onDispatched={(need) => {
            setChanged((previous) => ({ ...previous, [need.id]: need }))
            setDispatching(null)
            Taro.showToast({
              title: `已派给${need.assignee?.nickname ?? '志愿者'}`,
              icon: 'none',
              duration: 2500,
            })
          }}
        />
      )}
    </View>
  )
}

export default function NeedsAllPage() {
  const requested = useRouter()?.params?.status
  const { me, loading, error, reload } = useMe()
  const [status, setStatus] = useState<Filter>(isFilter(requested) ? requested : 'all')

  if (!me) {
    return (
      <View className="page needs-all">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  if (!hasRole(me, 'worker')) {
    return (
      <View className="page needs-all">
        <View className="card needs-all__denied">
          <Text className="needs-all__denied-title">仅社工可以使用</Text>
          <Button className="btn btn--primary" onClick={() => goBack(ROUTES.needs)}>
            返回
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className={`page needs-all${me.profile.elderMode ? ' page--elder' : ''}`}>
      <ScrollView scrollX className="needs-all__filters" enhanced showScrollbar={false}>
        <View className="needs-all__filters-row" role="tablist">
          {FILTERS.map((filter) => (
            <View
              key={filter}
              role="tab"
              aria-selected={filter === status}
              className={`needs-all__filter${filter === status ? ' needs-all__filter--on' : ''}`}
              onClick={() => setStatus(filter)}
            >
              <Text>{filter === 'all' ? '全部' : NEED_STATUS_LABELS[filter]}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      {/* One list per status: a new key starts it again from the first page. */}
      <AllList key={status} status={status} />
    </View>
  )
}
