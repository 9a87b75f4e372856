import { Text, View } from '@tarojs/components'
import type { Workbench } from '@shared/workbench'
import Icon, { IconBadge, type IconName } from '@/components/icon'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { useShownData } from '@/hooks/use-shown-data'
import { ROUTES, openPage } from '@/routes'
import { getWorkbench } from '@/services/user'
import './index.scss'

interface Row {
  key: keyof Workbench
  title: string
  icon: IconName
  /** What the count means, after the number. */
  unit: string
  /** Where one tap takes the worker. */
  url: string
  /** Counts that should not wait are shown in red. */
  urgent?: boolean
}

const ROWS: Row[] = [
  { key: 'needsToReview', title: '待审核的求助', icon: 'review', unit: '条', url: ROUTES.needsReview },
  {
    key: 'volunteerApplications',
    title: '志愿者申请',
    icon: 'volunteer',
    unit: '份',
    url: ROUTES.volunteerReview,
  },
  {
    key: 'attendanceToConfirm',
    title: '待确认的活动时长',
    icon: 'today',
    unit: '人次',
    url: ROUTES.cornersManage,
  },
  {
    key: 'careUrgent',
    title: '走访发现紧急的老人',
    icon: 'alert',
    unit: '位',
    url: ROUTES.careDue,
    urgent: true,
  },
  { key: 'careOverdue', title: '超期未走访的老人', icon: 'care', unit: '位', url: ROUTES.careDue },
  { key: 'ordersExpiring', title: '一天内到期的兑换', icon: 'orders', unit: '单', url: ROUTES.mallShops },
]

const HINTS: Record<keyof Workbench, string> = {
  needsToReview: '居民发布的求助，审核后志愿者才能看到',
  volunteerApplications: '通过后，居民就能接单、报名活动',
  attendanceToConfirm: '已签退的志愿者，确认后时长和积分才算数',
  careUrgent: '最近7天上门时发现情况紧急，请尽快处理',
  careOverdue: '超过约定的走访间隔，请安排队员上门',
  ordersExpiring: '到期不领，积分自动退回；可请商户提醒居民',
}

function WorkbenchRow({ row, count }: { row: Row; count: number }) {
  const waiting = count > 0
  return (
    <View
      className={`card workbench__row${waiting ? ' workbench__row--waiting' : ''}`}
      onClick={() => openPage(row.url)}
      role="button"
      aria-label={`${row.title}${count}${row.unit}`}
    >
      <IconBadge name={row.icon} tone={row.urgent ? 'danger' : 'brand'} />
      <View className="workbench__text">
        <Text className="workbench__title">{row.title}</Text>
        <Text className="workbench__hint">{HINTS[row.key]}</Text>
      </View>
      <View className="workbench__figure">
        <Text
          className={`workbench__count${waiting && row.urgent ? ' workbench__count--urgent' : ''}${waiting ? '' : ' workbench__count--none'}`}
        >
          {count}
        </Text>
        <Text className="workbench__unit">{row.unit}</Text>
      </View>
      <Icon name="next" size="medium" tone="muted" className="workbench__arrow" />
    </View>
  )
}

function WorkbenchCounts() {
  const { data: counts, error, reload } = useShownData(getWorkbench)

  if (error && !counts) return <ErrorState message={error.message} onRetry={() => void reload()} />
  if (!counts) return <Loading />
  const total = ROWS.reduce((sum, row) => sum + counts[row.key], 0)
  return (
    <View>
      <Text className="workbench__summary">
        {total > 0 ? `共有 ${total} 件事等您处理，点一下就去办。` : '现在没有等您处理的事。'}
      </Text>
      {ROWS.map((row) => (
        <WorkbenchRow key={row.key} row={row} count={counts[row.key]} />
      ))}
      {error && <Text className="error-text">{error.message}</Text>}
      <MenuItem
        title="数据"
        icon="report"
        description="本月、本季、本年做了多少事：求助、活动、走访、积分"
        onClick={() => openPage(ROUTES.report)}
      />
    </View>
  )
}

export default function WorkbenchPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page workbench${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me &&
        (hasRole(me, 'worker') ? (
          <WorkbenchCounts />
        ) : (
          <EmptyState title="工作台是社工用的" text="这里列出等社工处理的事。您可以回到“我的”看自己的事。" />
        ))}
    </View>
  )
}
