import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { CareTeam, PersonName } from '@shared/care'
import type { Me, PersonSummary } from '@shared/user'
import ConfirmDialog from '@/components/confirm-dialog'
import { TextField } from '@/components/form-field'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import VolunteerFinder from '@/components/volunteer-finder'
import { hasRole } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { addMember, listTeams, removeMember, upsertTeam } from '@/services/care'
import CarePage from '../../components/care-page'
import { AddByMemberCode, MyMemberCode } from '../../components/member-code'
import './index.scss'

/** What a worker is choosing a volunteer for. */
interface Choosing {
  kind: 'captain' | 'member'
  team: CareTeam
}

/** A worker's form for a new team: its name and community; the captain is chosen next. */
function NewTeam({ onCreated }: { onCreated: (team: CareTeam) => void }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [community, setCommunity] = useState('')
  const [choosing, setChoosing] = useState(false)
  const [captain, setCaptain] = useState<PersonSummary | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  if (!open)
    return (
      <Button className="btn btn--primary" onClick={() => setOpen(true)}>
        新建服务队
      </Button>
    )
  const pickCaptain = () => {
    if (!name.trim()) {
      setProblem('请填写服务队名称')
      return
    }
    setProblem(null)
    setChoosing(true)
  }
  return (
    <View className="card teams__new">
      <Text className="card__title">新建服务队</Text>
      <TextField
        label="服务队名称"
        value={name}
        onChange={setName}
        placeholder="例如：道义街3502社区爱心敲门队"
        maxlength={30}
      />
      <TextField
        label="负责的社区（可不填）"
        value={community}
        onChange={setCommunity}
        placeholder="例如：道义街3502社区"
        maxlength={30}
      />
      {problem && <Text className="error-text">{problem}</Text>}
      <Button className="btn btn--primary" onClick={pickCaptain}>
        选队长并建队
      </Button>
      <Button className="btn btn--quiet" onClick={() => setOpen(false)}>
        不建了
      </Button>
      {choosing && (
        <VolunteerFinder
          title="谁来当队长？"
          subtitle={`服务队：${name.trim()}`}
          pickLabel="当队长"
          onPick={setCaptain}
          onClose={() => setChoosing(false)}
        >
          {captain && (
            <ConfirmDialog
              title={`请${captain.name}当队长？`}
              content={`建立“${name.trim()}”，${captain.name}当队长，能看到本队老人的住址和电话，并确认队员的走访。`}
              confirmText="建队"
              onConfirm={async () => {
                const team = await upsertTeam({
                  name: name.trim(),
                  captainOpenid: captain.openid,
                  ...(community.trim() ? { communities: [community.trim()] } : {}),
                })
                setCaptain(null)
                setChoosing(false)
                setOpen(false)
                setName('')
                setCommunity('')
                onCreated(team)
              }}
              onClose={() => setCaptain(null)}
            />
          )}
        </VolunteerFinder>
      )}
    </View>
  )
}

interface TeamCardProps {
  team: CareTeam
  me: Me
  onChange: (team: CareTeam) => void
  onChoose: (choosing: Choosing) => void
}

function TeamCard({ team, me, onChange, onChoose }: TeamCardProps) {
  const [removing, setRemoving] = useState<PersonName | null>(null)
  const worker = hasRole(me, 'worker')
  const manage = worker || team.captain.openid === me.openid
  return (
    <View className="card teams__team">
      <Text className="teams__name">{team.name}</Text>
      <Text className="care-card__line">队长：{team.captain.name}</Text>
      {team.communities.length > 0 && (
        <Text className="care-card__line">社区：{team.communities.join('、')}</Text>
      )}
      <Text className="care-section-title">队员（{team.members.length}位）</Text>
      {team.members.map((m) => (
        <View key={m.openid} className="teams__member">
          <Text className="teams__member-name">
            {m.name}
            {m.openid === team.captain.openid ? '（队长）' : ''}
          </Text>
          {manage && m.openid !== team.captain.openid && (
            <Button className="btn btn--quiet teams__remove" onClick={() => setRemoving(m)}>
              移出
            </Button>
          )}
        </View>
      ))}
      {worker && (
        <View className="teams__actions">
          <Button className="btn btn--secondary" onClick={() => onChoose({ kind: 'member', team })}>
            加队员
          </Button>
          <Button className="btn btn--quiet" onClick={() => onChoose({ kind: 'captain', team })}>
            换队长
          </Button>
        </View>
      )}
      {!worker && manage && <AddByMemberCode team={team} onAdded={onChange} />}
      {removing && (
        <ConfirmDialog
          title={`把${removing.name}移出服务队？`}
          content="移出后不再看到本队老人的信息；以前的走访记录都会保留。"
          confirmText="确认移出"
          onConfirm={async () => {
            onChange(await removeMember(team.id, removing.openid))
            setRemoving(null)
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </View>
  )
}

function Teams({ me }: { me: Me }) {
  const worker = hasRole(me, 'worker')
  const [changed, setChanged] = useState<Record<string, CareTeam>>({})
  const [created, setCreated] = useState<CareTeam[]>([])
  const [choosing, setChoosing] = useState<Choosing | null>(null)
  const [picked, setPicked] = useState<PersonSummary | null>(null)
  const fetchPage = useCallback((cursor: string | undefined) => listTeams(cursor), [])
  const list = usePagedList(fetchPage)

  usePullDownRefresh(() => {
    setChanged({})
    setCreated([])
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const update = (team: CareTeam) => setChanged((c) => ({ ...c, [team.id]: team }))
  const teams = [...created, ...list.items.filter((t) => !created.some((c) => c.id === t.id))].map(
    (t) => changed[t.id] ?? t,
  )

  const applyChoice = async () => {
    if (!choosing || !picked) return
    const team =
      choosing.kind === 'member'
        ? await addMember(choosing.team.id, picked.openid)
        : await upsertTeam({ id: choosing.team.id, name: choosing.team.name, captainOpenid: picked.openid })
    update(team)
    setPicked(null)
    setChoosing(null)
    Taro.showToast({
      title: choosing.kind === 'member' ? `已加入${picked.name}` : `${picked.name}已当队长`,
      icon: 'none',
    }).catch(() => undefined)
  }

  return (
    <View>
      {worker && <NewTeam onCreated={(team) => setCreated((c) => [team, ...c])} />}
      {list.loading && teams.length === 0 && <Loading />}
      {list.error && teams.length === 0 && (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {!list.loading && !list.error && teams.length === 0 && (
        <EmptyState
          title={worker ? '还没有服务队' : '您还不在爱心敲门服务队里'}
          text={
            worker
              ? '点“新建服务队”，从志愿者里选一位队长。'
              : '想参加上门走访，请队长扫下面的队员码，或联系社工站的社工。'
          }
        />
      )}
      {teams.map((team) => (
        <TeamCard key={team.id} team={team} me={me} onChange={update} onChoose={setChoosing} />
      ))}
      {list.hasMore && (
        <Button
          className="btn btn--quiet"
          disabled={list.loadingMore || undefined}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      )}
      {!worker && hasRole(me, 'volunteer') && <MyMemberCode openid={me.openid} />}
      {choosing && (
        <VolunteerFinder
          title={choosing.kind === 'member' ? '加哪位志愿者？' : '谁来当新队长？'}
          subtitle={`服务队：${choosing.team.name}`}
          pickLabel={choosing.kind === 'member' ? '加入' : '当队长'}
          onPick={setPicked}
          onClose={() => setChoosing(null)}
        >
          {picked && (
            <ConfirmDialog
              title={choosing.kind === 'member' ? `把${picked.name}加入服务队？` : `请${picked.name}当队长？`}
              content={
                choosing.kind === 'member'
                  ? `${picked.name}会看到本队老人的住址和电话，可以记录走访。`
                  : `原来的队长${choosing.team.captain.name}留在队里当队员。`
              }
              confirmText="确认"
              onConfirm={applyChoice}
              onClose={() => setPicked(null)}
            />
          )}
        </VolunteerFinder>
      )}
    </View>
  )
}

export default function TeamsPage() {
  return <CarePage className="teams">{(me) => <Teams me={me} />}</CarePage>
}
