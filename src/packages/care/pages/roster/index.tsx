import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { RISKS, RISK_LABELS, type CareTeam, type Risk } from '@shared/care'
import type { Me } from '@shared/user'
import { Chips } from '@/components/chips'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { listRecipients, listTeams } from '@/services/care'
import CarePage from '../../components/care-page'
import RecipientCard from '../../components/recipient-card'
import './index.scss'

type Status = 'all' | 'overdue' | 'ontime'

const RISK_OPTIONS: Array<{ value: Risk | 'all'; label: string }> = [
  { value: 'all', label: '全部' },
  ...RISKS.map((value) => ({ value, label: RISK_LABELS[value] })),
]
const STATUS_OPTIONS: Array<{ value: Status; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已超期' },
  { value: 'ontime', label: '未超期' },
]

function Roster({ me }: { me: Me }) {
  const worker = hasRole(me, 'worker')
  const [risk, setRisk] = useState<Risk | 'all'>('all')
  const [status, setStatus] = useState<Status>('all')
  const [teamId, setTeamId] = useState<string>('all')
  const [teams, setTeams] = useState<CareTeam[]>([])

  useEffect(() => {
    listTeams()
      .then((page) => setTeams(page.items))
      .catch(() => undefined)
  }, [])

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listRecipients({
        ...(risk !== 'all' ? { risk } : {}),
        ...(status !== 'all' ? { overdue: status === 'overdue' } : {}),
        ...(teamId !== 'all' ? { teamId } : {}),
        ...(cursor ? { cursor } : {}),
        limit: 20,
      }),
    [risk, status, teamId],
  )
  const list = usePagedList(fetchPage)

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  return (
    <View>
      {worker && (
        <Button className="btn btn--primary" onClick={() => openPage(ROUTES.careEdit)}>
          登记新的关爱对象
        </Button>
      )}
      <View className="card roster__filters">
        <Text className="roster__filter-label">风险</Text>
        <Chips options={RISK_OPTIONS} value={risk} onChange={setRisk} />
        <Text className="roster__filter-label">走访</Text>
        <Chips options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        {teams.length > 1 && (
          <>
            <Text className="roster__filter-label">服务队</Text>
            <Chips
              options={[
                { value: 'all', label: '全部' },
                ...teams.map((t) => ({ value: t.id, label: t.name })),
              ]}
              value={teamId}
              onChange={setTeamId}
            />
          </>
        )}
      </View>
      {list.loading && list.items.length === 0 && <Loading />}
      {list.error && list.items.length === 0 && (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState
          title="没有符合条件的人"
          text={worker ? '换个筛选条件，或者登记新的关爱对象。' : '换个筛选条件试试。'}
        />
      )}
      {list.items.map((r) => (
        <RecipientCard
          key={r.id}
          recipient={r}
          onOpen={() => openPage(`${ROUTES.careRecipient}?id=${r.id}`)}
        />
      ))}
      {list.error && list.items.length > 0 && <Text className="error-text">{list.error.message}</Text>}
      {list.hasMore && (
        <Button
          className="btn btn--quiet"
          disabled={list.loadingMore || undefined}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      )}
      {!list.hasMore && list.items.length > 0 && <Text className="hint roster__end">已经到底了</Text>}
    </View>
  )
}

export default function RosterPage() {
  return <CarePage className="roster">{(me) => <Roster me={me} />}</CarePage>
}
