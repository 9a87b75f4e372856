import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { reviewNeedInput, type Need } from '@shared/needs'
import { POINTS_RULES } from '@shared/points'
import Icon from '@/components/icon'
import ConfirmDialog from '@/components/confirm-dialog'
import NeedCard from '@/components/need-card'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, goBack, openPage } from '@/routes'
import { listNeeds, reviewNeed } from '@/services/needs'
import './index.scss'

const PAGE_SIZE = 10
const POINTS_STEP = 5
const MAX_POINTS = 1000

function validateReason(reason: string): string | null {
  const parsed = reviewNeedInput.safeParse({ id: '-', approve: false, reason: reason || undefined })
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请填写原因')
}

/** The points a need will earn its volunteer, in big steps of five. */
function PointsStepper({ value, onChange }: { value: number; onChange: (points: number) => void }) {
  return (
    <View className="needs-review__points">
      <Text className="needs-review__points-label">完成后奖励</Text>
      <View className="needs-review__stepper">
        <Button
          className="needs-review__step"
          aria-label="减少积分"
          disabled={value <= 0 || undefined}
          onClick={() => onChange(Math.max(0, value - POINTS_STEP))}
        >
          <Icon name="subtract" size="medium" />
        </Button>
        <Text className="needs-review__points-value">{value} 分</Text>
        <Button
          className="needs-review__step"
          aria-label="增加积分"
          disabled={value >= MAX_POINTS || undefined}
          onClick={() => onChange(Math.min(MAX_POINTS, value + POINTS_STEP))}
        >
          <Icon name="add" size="medium" />
        </Button>
      </View>
    </View>
  )
}

function ReviewCard({
  need,
  points,
  onPoints,
  onApprove,
  onReject,
}: {
  need: Need
  points: number
  onPoints: (points: number) => void
  onApprove: () => void
  onReject: () => void
}) {
  return (
    <NeedCard need={need} showRequester onOpen={() => openPage(`${ROUTES.needDetail}?id=${need.id}`)}>
      <View className="needs-review__decide">
        <Text className="needs-review__description">{need.description}</Text>
        {need.address && <Text className="needs-review__line">地址：{need.address}</Text>}
        {need.contactPhone && <Text className="needs-review__line">电话：{need.contactPhone}</Text>}
        <PointsStepper value={points} onChange={onPoints} />
        <View className="needs-review__buttons">
          <Button className="btn btn--quiet" onClick={onReject}>
            不通过
          </Button>
          <Button className="btn btn--primary" onClick={onApprove}>
            通过
          </Button>
        </View>
      </View>
    </NeedCard>
  )
}

function ReviewQueue() {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listNeeds({ scope: 'review', cursor, limit: PAGE_SIZE }),
    [],
  )
  const list = usePagedList(fetchPage)
  const [points, setPoints] = useState<Record<string, number>>({})
  const [pending, setPending] = useState<{ approve: boolean; need: Need } | null>(null)

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  useRefreshOnReturn(() => void list.refresh())

  const pointsOf = (need: Need) => points[need.id] ?? POINTS_RULES.needPoints

  const decide = async (reason: string) => {
    if (!pending) return
    const { approve, need } = pending
    await reviewNeed(
      approve
        ? { id: need.id, approve: true, points: pointsOf(need) }
        : { id: need.id, approve: false, reason },
    )
    list.remove((n) => n.id === need.id)
    setPending(null)
    Taro.showToast({
      title: approve ? '已通过，需求进入了需求大厅' : '已告知居民未通过',
      icon: 'none',
      duration: 2500,
    })
  }

  if (list.loading && list.items.length === 0) return <Loading />
  if (list.error && list.items.length === 0) {
    if (list.error.code === 'permission-denied') return <WorkersOnly />
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  }

  return (
    <View>
      {list.items.length === 0 && <EmptyState title="现在没有等待审核的需求" text="往下拉可以刷新" />}
      {list.items.map((need) => (
        <ReviewCard
          key={need.id}
          need={need}
          points={pointsOf(need)}
          onPoints={(value) => setPoints((previous) => ({ ...previous, [need.id]: value }))}
          onApprove={() => setPending({ approve: true, need })}
          onReject={() => setPending({ approve: false, need })}
        />
      ))}
      <ListFooter list={list} />

      {pending?.approve && (
        <ConfirmDialog
          title="通过这个需求？"
          content={`通过后，“${pending.need.title}”进入需求大厅等志愿者接单；帮完并经居民确认后，志愿者得 ${pointsOf(pending.need)} 积分。`}
          confirmText="确认通过"
          onConfirm={decide}
          onClose={() => setPending(null)}
        />
      )}
      {pending && !pending.approve && (
        <ConfirmDialog
          title="不通过这个需求？"
          content="请写下原因，居民会在这条求助里看到。"
          confirmText="确认不通过"
          reason={{
            label: '不通过的原因',
            placeholder: '例如：属于商业服务，建议联系物业',
            validate: validateReason,
          }}
          onConfirm={decide}
          onClose={() => setPending(null)}
        />
      )}
    </View>
  )
}

function WorkersOnly() {
  return (
    <View className="card needs-review__denied">
      <Text className="needs-review__denied-title">仅社工可以使用</Text>
      <Text className="needs-review__denied-text">这一页是社工站审核居民求助用的。</Text>
      <Button className="btn btn--primary" onClick={() => goBack(ROUTES.needs)}>
        返回
      </Button>
    </View>
  )
}

export default function NeedsReviewPage() {
  const { me, loading, error, reload } = useMe()
  if (!me) {
    return (
      <View className="page needs-review">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  return (
    <View className={`page needs-review${me.profile.elderMode ? ' page--elder' : ''}`}>
      {hasRole(me, 'worker') ? (
        <>
          <Text className="needs-review__intro">
            先来的排在前面。通过时定好完成后奖励的积分，不通过要写原因。
          </Text>
          <ReviewQueue key={me.openid} />
        </>
      ) : (
        <WorkersOnly />
      )}
    </View>
  )
}
