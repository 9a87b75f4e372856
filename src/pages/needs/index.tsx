import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Me } from '@shared/user'
import IdentityPicker, { CurrentIdentity } from '@/components/identity-picker'
import MenuItem from '@/components/menu-item'
import NeedCard from '@/components/need-card'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { listNeeds } from '@/services/needs'
import { useTabSelected } from '@/utils/tab-bar'
import './index.scss'

const PAGE_SIZE = 10

function RoleShortcuts({ me }: { me: Me }) {
  const volunteer = hasRole(me, 'volunteer')
  const worker = hasRole(me, 'worker')
  if (!volunteer && !worker) return null
  return (
    <View className="needs__shortcuts">
      {volunteer && (
        <>
          <Text className="needs__section">我是志愿者</Text>
          <MenuItem
            title="需求大厅"
            icon="pool"
            description="看看邻居需要什么帮助，接单去帮忙"
            onClick={() => openPage(ROUTES.needPool)}
          />
          <MenuItem
            title="我接的单"
            icon="tasks"
            description="我接下的需求；帮完了在这里填写完成情况"
            onClick={() => openPage(ROUTES.needsAssigned)}
          />
        </>
      )}
      {worker && (
        <>
          <Text className="needs__section">社工工作台</Text>
          <MenuItem
            title="待审核"
            icon="review"
            description="居民刚发布的需求，审核通过后进入需求大厅"
            onClick={() => openPage(ROUTES.needsReview)}
          />
          <MenuItem
            title="全部需求"
            icon="all"
            description="按状态查看所有需求，把需求派给志愿者"
            onClick={() => openPage(ROUTES.needsAll)}
          />
          <MenuItem
            title="代居民发布"
            icon="post"
            description="替没有微信的老人发布需求"
            onClick={() => openPage(ROUTES.needCreateOnBehalf)}
          />
        </>
      )}
    </View>
  )
}

/** 我的需求: the caller's own needs, newest first, page by page. */
function MyNeeds() {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listNeeds({ scope: 'mine', cursor, limit: PAGE_SIZE }),
    [],
  )
  const list = usePagedList(fetchPage)

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  // Coming back from the form or a need's page: show what changed there.
  useRefreshOnReturn(() => void list.refresh())

  if (list.loading && list.items.length === 0) return <Loading text="正在读取我的需求…" />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />

  return (
    <View className="needs__mine">
      {list.items.length === 0 && (
        <EmptyState title="还没有发布过求助" text="有困难就点上面的“我要求助”，邻居们会来帮您。" />
      )}
      {list.items.map((need) => (
        <NeedCard key={need.id} need={need} onOpen={() => openPage(`${ROUTES.needDetail}?id=${need.id}`)} />
      ))}
      <ListFooter list={list} />
    </View>
  )
}

export default function NeedsPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  useTabSelected(ROUTES.needs)
  const [pickerOpen, setPickerOpen] = useState(false)

  const elder = Boolean(me?.profile.elderMode)

  return (
    <View className={`page needs${elder ? ' page--elder' : ''}`}>
      {process.env.TARO_ENV === 'h5' && (
        <>
          <CurrentIdentity onSwitch={() => setPickerOpen(true)} />
          <IdentityPicker open={pickerOpen} onClose={() => setPickerOpen(false)} />
        </>
      )}
      <View className="needs__ask">
        <Button className="btn btn--primary needs__ask-button" onClick={() => openPage(ROUTES.needCreate)}>
          我要求助
        </Button>
        <Text className="needs__ask-text">买菜、看病、修东西、陪聊天……社工审核后，志愿者上门帮您。</Text>
      </View>

      {loading && !me && <Loading />}
      {error && !me && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请在弹出的名单里选一位。" />}
      {me && (
        <>
          <RoleShortcuts me={me} />
          <Text className="needs__section">我的需求</Text>
          {/* A new list per person: switching identity on H5 starts it again. */}
          <MyNeeds key={me.openid} />
        </>
      )}
    </View>
  )
}
