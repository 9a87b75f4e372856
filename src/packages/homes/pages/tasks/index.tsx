import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { PARTICIPATION_STATE_LABELS, type Participation } from '@shared/activities'
import type { DueList } from '@shared/care'
import type { Need } from '@shared/needs'
import { shanghaiDay } from '@shared/time'
import type { Me } from '@shared/user'
import { formatNeedTime } from '@/components/need-card'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import ServiceHours from '@/components/service-hours'
import { hasRole, useMe } from '@/hooks/use-me'
import { useShownData } from '@/hooks/use-shown-data'
import { ROUTES, openPage } from '@/routes'
import { listMyActivities } from '@/services/activities'
import { listCareDue } from '@/services/care-due'
import { listNeeds, markNeedsSeen } from '@/services/needs'
import './index.scss'

const WEEK_MS = 7 * 24 * 3600_000

interface Tasks {
  needs: Need[]
  shifts: Participation[]
  due: DueList
}

async function loadTasks(): Promise<Tasks> {
  const [needs, shifts, due] = await Promise.all([
    listNeeds({ scope: 'assigned', limit: 20 }),
    listMyActivities({ when: 'upcoming', limit: 20 }),
    listCareDue(),
  ])
  return {
    needs: needs.items.filter((n) => n.status === 'assigned'),
    shifts: shifts.items.filter((p) => p.state !== 'cancelled'),
    due,
  }
}

/** A need a worker dispatched to the volunteer carries 新 until they have seen it (here, or on its page). */
function NeedRow({ need, fresh }: { need: Need; fresh: boolean }) {
  return (
    <View
      className="card tasks__item"
      onClick={() => openPage(`${ROUTES.needDetail}?id=${need.id}`)}
      role="button"
    >
      <View className="tasks__head">
        {fresh && <Text className="tasks__new">新</Text>}
        <Text className="tasks__title">{need.title}</Text>
      </View>
      <Text className="tasks__line">
        {need.preferredTime ? `希望：${need.preferredTime} · ` : ''}接单于{formatNeedTime(need.updatedAt)}
      </Text>
    </View>
  )
}

function ShiftRow({ shift }: { shift: Participation }) {
  const signedIn = shift.state !== 'signed'
  return (
    <View className="card tasks__item" onClick={() => openPage(ROUTES.myActivities)} role="button">
      <View className="tasks__head">
        <Text className="tasks__title">{shift.activity.title}</Text>
        <Text className={`tasks__state${signedIn ? ' tasks__state--done' : ''}`}>
          {shift.state === 'signed' ? '未签到' : PARTICIPATION_STATE_LABELS[shift.state]}
        </Text>
      </View>
      <Text className="tasks__line">
        {formatNeedTime(shift.activity.startAt)} · {shift.activity.location}
      </Text>
    </View>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View className="tasks__section">
      <Text className="card__title tasks__section-title">{title}</Text>
      {children}
    </View>
  )
}

function TaskLists({ me }: { me: Me }) {
  // Read when the page shows; the dispatched needs it lists as 新 are seen from then on, on every phone (the
  // server keeps it). Failing to say so leaves them new; the list still shows.
  const [fresh, setFresh] = useState<string[]>([])
  const read = useCallback(async () => {
    const tasks = await loadTasks()
    const unseen = tasks.needs.filter((n) => n.unseen).map((n) => n.id)
    setFresh((before) => [...new Set([...before, ...unseen])])
    if (unseen.length > 0) void markNeedsSeen(unseen).catch(() => undefined)
    return tasks
  }, [])
  const { data: tasks, error, reload } = useShownData(read)

  if (error && !tasks) return <ErrorState message={error.message} onRetry={() => void reload()} />
  if (!tasks) return <Loading />

  const now = Date.now()
  const today = shanghaiDay(now)
  const todays = tasks.shifts.filter((s) => shanghaiDay(s.activity.startAt) <= today)
  const week = tasks.shifts.filter(
    (s) => shanghaiDay(s.activity.startAt) > today && s.activity.startAt < now + WEEK_MS,
  )
  const visits = tasks.due.overdue.length + tasks.due.soon.length
  return (
    <View>
      <ServiceHours
        service={me.service}
        emptyText="服务被确认后，时长记在这里。"
        onOpen={() => openPage(ROUTES.serviceRecord)}
        openText="服务记录与证明"
      />
      <Button className="btn btn--primary" onClick={() => openPage(ROUTES.needPool)}>
        去需求大厅接单
      </Button>

      <Section title={`我接的求助（${tasks.needs.length}）`}>
        {tasks.needs.length === 0 && <Text className="hint">现在没有要去帮的邻居。</Text>}
        {tasks.needs.map((need) => (
          <NeedRow key={need.id} need={need} fresh={fresh.includes(need.id)} />
        ))}
      </Section>

      <Section title={`今天的活动（${todays.length}）`}>
        {todays.length === 0 && <Text className="hint">今天没有报名的活动。</Text>}
        {todays.map((shift) => (
          <ShiftRow key={shift.activity.id} shift={shift} />
        ))}
      </Section>

      <Section title={`7天内的活动（${week.length}）`}>
        {week.length === 0 && <Text className="hint">接下来7天没有报名的活动。</Text>}
        {week.map((shift) => (
          <ShiftRow key={shift.activity.id} shift={shift} />
        ))}
      </Section>

      <Section title={`爱心敲门待走访（${visits}）`}>
        {visits === 0 ? (
          <Text className="hint">您的服务队现在没有该走访的老人。</Text>
        ) : (
          <View className="card tasks__item" onClick={() => openPage(ROUTES.careDue)} role="button">
            <Text className="tasks__title">
              {tasks.due.overdue.length > 0 ? `${tasks.due.overdue.length}位已超期，` : ''}
              {tasks.due.soon.length}位这几天该去了
            </Text>
            <Text className="tasks__line">点这里看今日待访</Text>
          </View>
        )}
      </Section>
      {error && <Text className="error-text">{error.message}</Text>}
    </View>
  )
}

export default function TasksPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page tasks${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me &&
        (hasRole(me, 'volunteer') ? (
          <TaskLists me={me} />
        ) : (
          <EmptyState
            title="我的任务是志愿者用的"
            text="通过志愿者审核后，接的单和报名的活动都会列在这里。"
          />
        ))}
    </View>
  )
}
