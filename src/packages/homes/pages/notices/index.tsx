import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Notice } from '@shared/notices'
import { formatNeedTime } from '@/components/need-card'
import ListFooter from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { openPage } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { listNotices, readNotices } from '@/services/user'
import { showNoticeBadge, showUnreadBadge } from '@/utils/notice-badge'
import './index.scss'

const PAGE_SIZE = 20

function NoticeRow({ notice, onOpen }: { notice: Notice; onOpen: () => void }) {
  const unread = notice.readAt === null
  return (
    <View
      className={`card notices__item${unread ? ' notices__item--unread' : ''}`}
      onClick={onOpen}
      role="button"
    >
      <View className="notices__head">
        {unread && <Text className="notices__dot" aria-label="未读" />}
        <Text className="notices__title">{notice.title}</Text>
      </View>
      <Text className="notices__body">{notice.body}</Text>
      <Text className="notices__time">
        {formatNeedTime(notice.createdAt)}
        {unread ? ' · 未读' : ' · 已读'}
      </Text>
    </View>
  )
}

function NoticeList() {
  const [unread, setUnread] = useState<number | null>(null)
  // Notices marked read here since the list was read, shown as read at once.
  const [readHere, setReadHere] = useState<Record<string, number>>({})
  const [problem, setProblem] = useState('')
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await listNotices({ cursor, limit: PAGE_SIZE })
    setUnread(page.unread)
    showNoticeBadge(page)
    return page
  }, [])
  const list = usePagedList(fetchPage)

  usePullDownRefresh(() => {
    setReadHere({})
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const settle = (left: number, ids: string[]) => {
    const now = Date.now()
    setReadHere((previous) => ({ ...previous, ...Object.fromEntries(ids.map((id) => [id, now])) }))
    setUnread(left)
    showUnreadBadge(left)
  }

  const open = async (notice: Notice) => {
    if (notice.readAt === null && !readHere[notice.id]) {
      // Opening it is reading it; the page opens even when marking fails (it stays unread then).
      void readNotices({ ids: [notice.id] })
        .then(({ unread: left }) => settle(left, [notice.id]))
        .catch(() => undefined)
    }
    openPage(`/${notice.page}`)
  }

  const readAll = async () => {
    setProblem('')
    try {
      const { unread: left } = await readNotices({ all: true })
      settle(
        left,
        list.items.map((n) => n.id),
      )
    } catch (e) {
      setProblem(toCloudError(e).message)
    }
  }

  if (list.loading && list.items.length === 0) return <Loading />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0)
    return <EmptyState title="还没有消息" text="需求的进展、派单、活动变动和审核结果都会在这里告诉您。" />

  return (
    <View>
      <View className="notices__bar">
        <Text className="notices__count">{unread ? `${unread}条未读` : '全部已读'}</Text>
        {Boolean(unread) && (
          <Button className="btn btn--quiet notices__all" onClick={() => void readAll()}>
            全部标为已读
          </Button>
        )}
      </View>
      {problem && <Text className="error-text">{problem}</Text>}
      {list.items.map((notice) => {
        const readAt = notice.readAt ?? readHere[notice.id] ?? null
        return <NoticeRow key={notice.id} notice={{ ...notice, readAt }} onOpen={() => void open(notice)} />
      })}
      <ListFooter list={list} />
    </View>
  )
}

export default function NoticesPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page notices${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && <NoticeList />}
    </View>
  )
}
