import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import {
  ARCHIVE_REASONS,
  ARCHIVE_REASON_LABELS,
  type ArchiveReason,
  type CareTeam,
  type RecipientDetail,
} from '@shared/care'
import type { Me } from '@shared/user'
import { Chips } from '@/components/chips'
import ConfirmDialog from '@/components/confirm-dialog'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { archiveRecipient, getRecipient, listTeams } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import CarePage from '../../components/care-page'
import { ContactLine, callPhone } from '@/components/contact-line'
import RecipientCard, { goToHome, homeLabel } from '../../components/recipient-card'
import VisitRow, { mayConfirm } from '../../components/visit-row'
import './index.scss'

function Archive({
  detail,
  onArchived,
}: {
  detail: RecipientDetail
  onArchived: (d: RecipientDetail) => void
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<ArchiveReason | null>(null)
  const [asking, setAsking] = useState(false)
  if (!open)
    return (
      <Button className="btn btn--quiet" onClick={() => setOpen(true)}>
        归档（不再走访）
      </Button>
    )
  return (
    <View className="card recipient__archive">
      <Text className="card__title">为什么不再走访？</Text>
      <Chips
        options={ARCHIVE_REASONS.map((value) => ({ value, label: ARCHIVE_REASON_LABELS[value] }))}
        value={reason}
        onChange={setReason}
      />
      <Button
        className={`btn btn--danger${reason ? '' : ' btn--disabled'}`}
        disabled={!reason || undefined}
        onClick={() => setAsking(true)}
      >
        归档
      </Button>
      <Button className="btn btn--quiet" onClick={() => setOpen(false)}>
        不归档了
      </Button>
      {asking && reason && (
        <ConfirmDialog
          title={`归档${detail.name}？`}
          content={`原因：${ARCHIVE_REASON_LABELS[reason]}。归档后不再出现在待访名单里，也不再提醒；走访记录全部保留。`}
          confirmText="确认归档"
          onConfirm={async () => {
            const archived = await archiveRecipient(detail.id, reason)
            setAsking(false)
            setOpen(false)
            onArchived({ ...detail, ...archived })
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </View>
  )
}

function Detail({ me, id }: { me: Me; id: string }) {
  const [detail, setDetail] = useState<RecipientDetail | null>(null)
  const [teams, setTeams] = useState<CareTeam[]>([])
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      const [fresh, mine] = await Promise.all([getRecipient(id), listTeams()])
      setDetail(fresh)
      setTeams(mine.items)
    } catch (e) {
      setError(toCloudError(e).message)
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => {
    if (detail) void load()
  })

  if (error && !detail) return <ErrorState message={error} onRetry={() => void load()} />
  if (!detail) return <Loading />
  const worker = hasRole(me, 'worker')
  const captainOf = teams.filter((t) => t.captain.openid === me.openid).map((t) => t.id)
  const team = teams.find((t) => t.id === detail.teamId)
  const active = detail.status === 'active'
  const ec = detail.emergencyContact

  return (
    <View>
      <RecipientCard recipient={detail} onOpen={() => undefined} />
      <View className="card">
        <Text className="card__title">联系与照护</Text>
        <ContactLine label={homeLabel(detail)} value={detail.address} onTap={() => goToHome(detail)} />
        {detail.phone && (
          <ContactLine label="电话" value={detail.phone} onTap={() => callPhone(detail.phone!)} />
        )}
        {ec && (
          <ContactLine
            label={`紧急联系人（${ec.relation}）`}
            value={`${ec.name} ${ec.phone}`}
            onTap={() => callPhone(ec.phone)}
          />
        )}
        <Text className="care-card__line">社区：{detail.community}</Text>
        {team && (
          <Text className="care-card__line">
            服务队：{team.name}（队长 {team.captain.name}）
          </Text>
        )}
        {detail.notes && <Text className="care-card__line">照护备注：{detail.notes}</Text>}
      </View>

      {active && (
        <Button className="btn btn--primary" onClick={() => openPage(`${ROUTES.careVisit}?id=${detail.id}`)}>
          记录走访
        </Button>
      )}
      {worker && active && (
        <View className="recipient__worker">
          <Button
            className="btn btn--secondary"
            onClick={() => openPage(`${ROUTES.careEdit}?id=${detail.id}`)}
          >
            修改资料
          </Button>
          <Button
            className="btn btn--secondary"
            onClick={() => openPage(`${ROUTES.careDoor}?id=${detail.id}`)}
          >
            门牌码
          </Button>
          <Archive detail={detail} onArchived={setDetail} />
        </View>
      )}

      <Text className="care-section-title">走访记录（最近10次）</Text>
      <View className="card">
        {detail.visits.length === 0 && <EmptyState title="还没有走访记录" />}
        {detail.visits.map((v) => (
          <VisitRow
            key={v.id}
            visit={v}
            canConfirm={mayConfirm(v, me.openid, worker, captainOf)}
            captain={captainOf.includes(v.teamId)}
            onConfirmed={(confirmed) =>
              setDetail(
                (d) => d && { ...d, visits: d.visits.map((x) => (x.id === confirmed.id ? confirmed : x)) },
              )
            }
          />
        ))}
      </View>
    </View>
  )
}

export default function RecipientPage() {
  // Opened without a router (a test renders the page alone): no query.
  const params: Partial<Record<string, string>> = useRouter()?.params ?? {}
  return <CarePage className="recipient">{(me) => <Detail me={me} id={params.id ?? ''} />}</CarePage>
}
