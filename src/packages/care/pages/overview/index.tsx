import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { CareOverview } from '@shared/care'
import type { Me } from '@shared/user'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { ROUTES, openPage } from '@/routes'
import { careOverview } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import CarePage from '../../components/care-page'
import RecipientCard from '../../components/recipient-card'
import VisitRow, { mayConfirm } from '../../components/visit-row'
import './index.scss'

function Overview({ me }: { me: Me }) {
  const [overview, setOverview] = useState<CareOverview | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      setOverview(await careOverview())
    } catch (e) {
      setError(toCloudError(e).message)
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => {
    if (overview) void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View>
      <View className="overview__menu">
        <MenuItem
          title="关爱名单"
          icon="roster"
          description="登记、筛选、归档关爱对象"
          onClick={() => openPage(ROUTES.careRoster)}
        />
        <MenuItem
          title="服务队"
          icon="team"
          description="建队、选队长、加减队员"
          onClick={() => openPage(ROUTES.careTeams)}
        />
        <MenuItem
          title="今日待访"
          icon="care"
          description="各队该去看望的人"
          onClick={() => openPage(ROUTES.careDue)}
        />
      </View>
      {error && !overview && <ErrorState message={error} onRetry={() => void load()} />}
      {!error && !overview && <Loading />}
      {overview && (
        <>
          <Text className="care-section-title">近7天的紧急走访（{overview.urgent.length}次）</Text>
          <View className="card">
            {overview.urgent.length === 0 && <EmptyState title="近7天没有紧急情况" />}
            {overview.urgent.map((v) => (
              <VisitRow
                key={v.id}
                visit={v}
                showName
                canConfirm={mayConfirm(v, me.openid, true, [])}
                onConfirmed={(confirmed) =>
                  setOverview(
                    (o) =>
                      o && { ...o, urgent: o.urgent.map((x) => (x.id === confirmed.id ? confirmed : x)) },
                  )
                }
              />
            ))}
          </View>
          <Text className="care-section-title">已超期没去的（{overview.overdue.length}位）</Text>
          {overview.overdue.length === 0 && <EmptyState title="都按时走访了" />}
          {overview.overdue.map((r) => (
            <RecipientCard
              key={r.id}
              recipient={r}
              onOpen={() => openPage(`${ROUTES.careRecipient}?id=${r.id}`)}
            />
          ))}
        </>
      )}
    </View>
  )
}

export default function OverviewPage() {
  return (
    <CarePage className="overview" workersOnly="这一页是社工查看各服务队走访情况用的。">
      {(me) => <Overview me={me} />}
    </CarePage>
  )
}
