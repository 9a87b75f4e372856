import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { DueList, Recipient } from '@shared/care'
import type { Me } from '@shared/user'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { dueList, listTeams } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import { sendWaitingVisits } from '@/services/care-visits'
import CarePage from '../../components/care-page'
import { careCache } from '../../components/care-cache'
import RecipientCard from '../../components/recipient-card'
import VisitQueuePanel from '../../components/visit-queue-panel'
import './index.scss'

function Section({ title, people }: { title: string; people: Recipient[] }) {
  if (people.length === 0) return null
  return (
    <View className="due__section">
      <Text className="due__section-title">
        {title}（{people.length}位）
      </Text>
      {people.map((r) => (
        <RecipientCard
          key={r.id}
          recipient={r}
          contact
          onOpen={() => openPage(`${ROUTES.careRecipient}?id=${r.id}`)}
        >
          <Button className="btn btn--primary" onClick={() => openPage(`${ROUTES.careVisit}?id=${r.id}`)}>
            记录走访
          </Button>
        </RecipientCard>
      ))}
    </View>
  )
}

function Due({ me }: { me: Me }) {
  const [due, setDue] = useState<DueList | null>(() => careCache.due())
  const [offline, setOffline] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [inTeam, setInTeam] = useState<boolean | null>(null)

  const load = useCallback(async () => {
    setLoading(true)
    setError(null)
    try {
      const [fresh, teams] = await Promise.all([dueList(), listTeams()])
      careCache.saveDue(fresh)
      careCache.saveTeams(teams.items)
      setDue(fresh)
      setInTeam(teams.items.length > 0)
      setOffline(false)
    } catch (e) {
      // Without a network the last list on the phone still shows who to visit.
      const saved = careCache.due()
      if (saved) {
        setDue(saved)
        setOffline(true)
      } else setError(toCloudError(e).message)
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => sendWaitingVisits())
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const worker = hasRole(me, 'worker')
  const empty = due && due.overdue.length === 0 && due.soon.length === 0
  return (
    <View>
      <VisitQueuePanel />
      {offline && (
        <View className="card due__offline">
          <Text className="due__offline-text">现在没有网络，下面是上次打开时的名单。走访照样可以记录。</Text>
          <Button className="btn btn--quiet" onClick={() => void load()}>
            再试一次
          </Button>
        </View>
      )}
      {loading && !due && <Loading />}
      {error && !due && <ErrorState message={error} onRetry={() => void load()} />}
      {due && (
        <>
          <Section title="已超期，请尽快去" people={due.overdue} />
          <Section title="这几天该去" people={due.soon} />
        </>
      )}
      {empty && inTeam !== false && (
        <EmptyState title="近期没有要走访的人" text="都按时走访过了，辛苦了！过几天再来看看。" />
      )}
      {empty && inTeam === false && !worker && (
        <EmptyState
          title="您还不在爱心敲门服务队里"
          text="想参加上门走访，请打开下面的“服务队”，把队员码给队长扫一下，或联系社工站的社工。"
        />
      )}
      <View className="due__menu">
        <MenuItem
          title="关爱名单"
          icon="roster"
          description="本队负责走访的每一位"
          onClick={() => openPage(ROUTES.careRoster)}
        />
        <MenuItem
          title="服务队"
          icon="team"
          description="队长和队员"
          onClick={() => openPage(ROUTES.careTeams)}
        />
      </View>
    </View>
  )
}

export default function DuePage() {
  return <CarePage className="due">{(me) => <Due me={me} />}</CarePage>
}
