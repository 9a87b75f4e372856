import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { AtTag } from 'taro-ui'
import {
  VOLUNTEER_STATUS_LABELS,
  reviewVolunteerInput,
  type VolunteerApplication,
  type VolunteerStatus,
} from '@shared/user'
import { formatShanghai } from '@shared/time'
import ConfirmDialog from '@/components/confirm-dialog'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, goBack } from '@/routes'
import { listVolunteers, reviewVolunteer } from '@/services/user'
import './index.scss'

const PAGE_SIZE = 20

const TABS: { status: VolunteerStatus; empty: string }[] = [
  { status: 'pending', empty: '现在没有等待审核的申请' },
  { status: 'approved', empty: '还没有通过审核的志愿者' },
  { status: 'rejected', empty: '没有未通过的申请' },
]

type Decision = 'approve' | 'reject' | 'suspend'

function nameOf(item: VolunteerApplication): string {
  return item.realName || item.nickname || '这位居民'
}

function validateReason(reason: string): string | null {
  const parsed = reviewVolunteerInput.safeParse({ openid: '-', approve: false, reason: reason || undefined })
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请填写原因')
}

function ApplicationCard({
  item,
  onDecide,
}: {
  item: VolunteerApplication
  onDecide: (d: Decision) => void
}) {
  return (
    <View className="card review__item">
      <View className="review__head">
        <Text className="review__name">{item.realName}</Text>
        {item.nickname && item.nickname !== item.realName && (
          <Text className="review__nickname">（{item.nickname}）</Text>
        )}
      </View>
      <Text
        className="review__line review__phone"
        onClick={() => void Taro.makePhoneCall({ phoneNumber: item.phone }).catch(() => undefined)}
      >
        电话：{item.phone}
      </Text>
      <View className="review__skills">
        {item.skills.map((skill) => (
          <AtTag key={skill} className="tag tag--grey" circle>
            {skill}
          </AtTag>
        ))}
      </View>
      <Text className="review__line review__time">
        申请时间：{formatShanghai(item.appliedAt, 'YYYY年M月D日 HH:mm')}
      </Text>
      {item.status === 'rejected' && item.reason && <Text className="review__line">原因：{item.reason}</Text>}
      {item.status === 'pending' && (
        <View className="review__actions">
          <Button className="btn btn--quiet review__action" onClick={() => onDecide('reject')}>
            不通过
          </Button>
          <Button className="btn btn--primary review__action" onClick={() => onDecide('approve')}>
            通过
          </Button>
        </View>
      )}
      {item.status === 'approved' && (
        <Button className="btn btn--danger" onClick={() => onDecide('suspend')}>
          暂停志愿者资格
        </Button>
      )}
    </View>
  )
}

function ReviewList({ status, empty }: { status: VolunteerStatus; empty: string }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listVolunteers({ status, cursor, limit: PAGE_SIZE }),
    [status],
  )
  const list = usePagedList(fetchPage)
  const [pending, setPending] = useState<{ decision: Decision; item: VolunteerApplication } | null>(null)

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const decide = async (reason: string) => {
    if (!pending) return
    const { decision, item } = pending
    await reviewVolunteer(
      decision === 'approve'
        ? { openid: item.openid, approve: true }
        : { openid: item.openid, approve: false, reason },
    )
    list.remove((other) => other.openid === item.openid)
    setPending(null)
    const name = nameOf(item)
    const message =
      decision === 'approve'
        ? `已通过${name}的申请`
        : decision === 'reject'
          ? `已告知${name}未通过`
          : `已暂停${name}的志愿者资格`
    Taro.showToast({ title: message, icon: 'none', duration: 2500 })
  }

  if (list.loading && list.items.length === 0) return <Loading />
  if (list.error && list.items.length === 0) {
    if (list.error.code === 'permission-denied') return <WorkersOnly />
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  }

  return (
    <View>
      {list.items.length === 0 && <EmptyState title={empty} text="往下拉可以刷新" />}
      {list.items.map((item) => (
        <ApplicationCard
          key={item.openid}
          item={item}
          onDecide={(decision) => setPending({ decision, item })}
        />
      ))}
      {list.error && list.items.length > 0 && (
        <Text className="error-text review__more-error">{list.error.message}</Text>
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
      {!list.hasMore && list.items.length > 0 && <Text className="hint review__end">已经到底了</Text>}

      {pending?.decision === 'approve' && (
        <ConfirmDialog
          title="通过这份申请？"
          content={`通过后，${nameOf(pending.item)}就成为志愿者，可以接单和参加活动。`}
          confirmText="确认通过"
          onConfirm={decide}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.decision === 'reject' && (
        <ConfirmDialog
          title="不通过这份申请？"
          content={`请写下原因，${nameOf(pending.item)}会在“我的”页面看到。`}
          confirmText="确认不通过"
          reason={{
            label: '不通过的原因',
            placeholder: '例如：电话没有打通，请核对号码',
            validate: validateReason,
          }}
          onConfirm={decide}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.decision === 'suspend' && (
        <ConfirmDialog
          title="暂停志愿者资格？"
          content={`暂停后，${nameOf(pending.item)}不能再接单，需要重新申请。`}
          confirmText="确认暂停"
          reason={{ label: '暂停的原因', placeholder: '例如：多次接单后没有上门', validate: validateReason }}
          onConfirm={decide}
          onClose={() => setPending(null)}
        />
      )}
    </View>
  )
}

function WorkersOnly() {
  return (
    <View className="card review__denied">
      <Text className="review__denied-title">仅社工可以使用</Text>
      <Text className="review__denied-text">
        这一页是社工站审核志愿者用的。想当志愿者的话，可以在“我的”里申请。
      </Text>
      <Button className="btn btn--primary" onClick={() => goBack(ROUTES.me)}>
        返回
      </Button>
    </View>
  )
}

export default function VolunteerReviewPage() {
  const { me, loading, error, reload } = useMe()
  const [tab, setTab] = useState<VolunteerStatus>('pending')

  if (!me) {
    return (
      <View className="page review">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }

  if (!hasRole(me, 'worker')) {
    return (
      <View className="page review">
        <WorkersOnly />
      </View>
    )
  }

  const current = TABS.find((t) => t.status === tab) ?? TABS[0]
  return (
    <View className={`page review${me.profile.elderMode ? ' page--elder' : ''}`}>
      <View className="review__tabs" role="tablist">
        {TABS.map(({ status }) => (
          <View
            key={status}
            role="tab"
            aria-selected={status === tab}
            className={`review__tab${status === tab ? ' review__tab--active' : ''}`}
            onClick={() => setTab(status)}
          >
            <Text>{status === 'pending' ? '待审核' : VOLUNTEER_STATUS_LABELS[status]}</Text>
          </View>
        ))}
      </View>
      {/* One list per tab: a new key starts it again from the first page. */}
      <ReviewList key={current.status} status={current.status} empty={current.empty} />
    </View>
  )
}
