import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActivityListWhen, Participation } from '@shared/activities'
import ConfirmDialog from '@/components/confirm-dialog'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { cancelSignUp, listMyActivities } from '@/services/activities'
import type { CodeMode } from '../../components/code-entry'
import ParticipationCard from '../../components/participation-card'
import './index.scss'

const PAGE_SIZE = 10

const TABS: { when: ActivityListWhen; label: string }[] = [
  { when: 'upcoming', label: '未结束' },
  { when: 'past', label: '已结束' },
]

const DONE_TOAST: Record<CodeMode, string> = { checkin: '签到成功', checkout: '签退成功' }

/** My places of one kind (not yet ended, or ended), with check-in, check-out and cancelling. */
function MyPlaces({ when }: { when: ActivityListWhen }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listMyActivities({ when, cursor, limit: PAGE_SIZE }),
    [when],
  )
  const list = usePagedList(fetchPage)
  // Places changed here since the list was read (checked in, out), by activity.
  const [changed, setChanged] = useState<Record<string, Participation>>({})
  const [entry, setEntry] = useState<{ id: string; mode: CodeMode } | null>(null)
  const [cancelling, setCancelling] = useState<Participation | null>(null)

  const { refresh: refreshList } = list
  const refresh = useCallback(async () => {
    setEntry(null)
    await refreshList()
    setChanged({})
  }, [refreshList])

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  useRefreshOnReturn(() => void refresh())

  const confirmCancel = async (place: Participation) => {
    await cancelSignUp(place.activity.id)
    list.remove((p) => p.activity.id === place.activity.id)
    setCancelling(null)
    Taro.showToast({ title: '已取消报名', icon: 'none', duration: 2000 }).catch(() => undefined)
  }

  if (list.loading && list.items.length === 0) return <Loading text="正在读取我的活动…" />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void refresh()} />

  const ended = when === 'past'
  return (
    <View>
      {list.items.length === 0 &&
        (ended ? (
          <EmptyState title="还没有参加过的活动" />
        ) : (
          <View>
            <EmptyState title="还没有报名活动" text="到首页找一个附近的公益角，看看有什么活动吧。" />
            <Button className="btn btn--primary" onClick={() => openPage(ROUTES.home)}>
              去首页看看
            </Button>
          </View>
        ))}
      {list.items.map((item) => {
        const place = changed[item.activity.id] ?? item
        const id = place.activity.id
        return (
          <ParticipationCard
            key={id}
            place={place}
            ended={ended}
            entry={entry?.id === id ? entry.mode : null}
            onOpenEntry={(mode) => setEntry({ id, mode })}
            onCloseEntry={() => setEntry(null)}
            onChanged={(fresh) => {
              const mode = entry?.mode ?? 'checkin'
              setChanged((previous) => ({ ...previous, [id]: fresh }))
              setEntry(null)
              Taro.showToast({ title: DONE_TOAST[mode], icon: 'success', duration: 2000 }).catch(
                () => undefined,
              )
            }}
            onCancel={() => setCancelling(place)}
          />
        )
      })}
      <ListFooter list={list} />
      {cancelling && (
        <ConfirmDialog
          title="确定取消报名？"
          content={`取消后，「${cancelling.activity.title}」的这个名额会让给其他邻居。`}
          confirmText="确定取消"
          cancelText="不取消"
          onConfirm={() => confirmCancel(cancelling)}
          onClose={() => setCancelling(null)}
        />
      )}
    </View>
  )
}

/** 我的活动: the activities I signed up for; check in and out on site, or give a place back. */
export default function MyActivitiesPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const [when, setWhen] = useState<ActivityListWhen>('upcoming')
  const elder = Boolean(me?.profile.elderMode)

  return (
    <View className={`page my-activities${elder ? ' page--elder' : ''}`}>
      <View className="my-activities__tabs" role="tablist">
        {TABS.map((tab) => (
          <View
            key={tab.when}
            role="tab"
            aria-selected={tab.when === when}
            className={`my-activities__tab${tab.when === when ? ' my-activities__tab--on' : ''}`}
            onClick={() => setWhen(tab.when)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
      {loading && !me && <Loading />}
      {error && !me && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请回到首页，先选一位体验身份。" />}
      {me && <MyPlaces key={`${me.openid}:${when}`} when={when} />}
    </View>
  )
}
