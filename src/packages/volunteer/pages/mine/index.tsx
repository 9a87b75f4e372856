import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Need } from '@shared/needs'
import ConfirmDialog from '@/components/confirm-dialog'
import NeedCard from '@/components/need-card'
import NeedCompleteForm from '@/components/need-complete-form'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { completeNeed, listNeeds, releaseNeed } from '@/services/needs'
import VolunteersOnly from '../../components/volunteers-only'
import { RELEASE_NOTE } from '@/utils/volunteer'
import './index.scss'

const PAGE_SIZE = 10

function AssignedList() {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listNeeds({ scope: 'assigned', cursor, limit: PAGE_SIZE }),
    [],
  )
  const list = usePagedList(fetchPage)
  // Needs changed here since the list was read (completed ones), shown as they are now.
  const [changed, setChanged] = useState<Record<string, Need>>({})
  const [completing, setCompleting] = useState<string | null>(null)
  const [releasing, setReleasing] = useState<Need | null>(null)

  const refresh = useCallback(async () => {
    setChanged({})
    await list.refresh()
  }, [list])

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

  const release = async (need: Need) => {
    await releaseNeed(need.id)
    list.remove((n) => n.id === need.id)
    setReleasing(null)
    Taro.showToast({ title: '已放弃，需求回到了需求大厅', icon: 'none', duration: 2500 })
  }

  return (
    <View>
      {list.items.length === 0 && (
        <EmptyState title="还没有接过单" text="去“需求大厅”看看邻居们需要什么帮助吧。" />
      )}
      {list.items.length === 0 && (
        <Button className="btn btn--primary" onClick={() => openPage(ROUTES.needPool)}>
          去需求大厅
        </Button>
      )}
      {list.items.map((item) => {
        const need = changed[item.id] ?? item
        const active = need.status === 'assigned'
        return (
          <NeedCard
            key={need.id}
            need={need}
            showRequester
            showAssignee={false}
            onOpen={() => openPage(`${ROUTES.needDetail}?id=${need.id}`)}
          >
            {active && completing !== need.id && (
              <>
                <Button className="btn btn--quiet" onClick={() => setReleasing(need)}>
                  放弃这单
                </Button>
                <Button className="btn btn--primary" onClick={() => setCompleting(need.id)}>
                  帮完了
                </Button>
              </>
            )}
            {active && completing === need.id && (
              <View className="mine__complete">
                <NeedCompleteForm
                  needId={need.id}
                  photoOwner={need.assignee?.openid /* the caller: these are the needs assigned to them */}
                  onSubmit={async (input) => {
                    const done = await completeNeed(input)
                    setChanged((previous) => ({ ...previous, [done.id]: done }))
                    setCompleting(null)
                    Taro.showToast({ title: '已提交，等待居民确认', icon: 'none', duration: 2500 })
                  }}
                  onCancel={() => setCompleting(null)}
                />
              </View>
            )}
            {need.status === 'done' && (
              <Text className="mine__waiting">已提交完成情况，等待居民确认后积分到账</Text>
            )}
          </NeedCard>
        )
      })}
      <ListFooter list={list} />
      {releasing && (
        <ConfirmDialog
          title="放弃这个需求？"
          content={`放弃“${releasing.title}”后，它回到需求大厅，别的志愿者可以接。如果已经和居民约好，请先打电话说一声。${RELEASE_NOTE}`}
          confirmText="确认放弃"
          onConfirm={() => release(releasing)}
          onClose={() => setReleasing(null)}
        />
      )}
    </View>
  )
}

export default function AssignedPage() {
  const { me, loading, error, reload } = useMe()

  if (!me) {
    return (
      <View className="page mine">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  if (!hasRole(me, 'volunteer')) {
    return (
      <View className="page mine">
        <VolunteersOnly />
      </View>
    )
  }
  return (
    <View className={`page mine${me.profile.elderMode ? ' page--elder' : ''}`}>
      <Text className="mine__intro">帮完后点“帮完了”，填写服务时长。居民确认后，积分就到账。</Text>
      <AssignedList key={me.openid} />
    </View>
  )
}
