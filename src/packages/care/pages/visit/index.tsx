import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { CareTeam } from '@shared/care'
import type { Me } from '@shared/user'
import { IconBadge } from '@/components/icon'
import { ErrorState, Loading } from '@/components/page-state'
import { ROUTES, goBack, openPage } from '@/routes'
import { getRecipient, listTeams } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import CarePage from '../../components/care-page'
import { careCache } from '../../components/care-cache'
import VisitForm, { type VisitOutcome } from '../../components/visit-form'
import './index.scss'

interface Subject {
  recipient: { id: string; name: string; teamId: string }
  team: CareTeam | null
}

/** The person and their team: from the server, or, without a network, from what the phone last saw. */
async function loadSubject(id: string): Promise<Subject> {
  try {
    const [recipient, teams] = await Promise.all([getRecipient(id), listTeams()])
    careCache.saveTeams(teams.items)
    return { recipient, team: teams.items.find((t) => t.id === recipient.teamId) ?? null }
  } catch (e) {
    const error = toCloudError(e)
    const saved = careCache.recipient(id)
    if (!saved || error.code === 'not-found') throw error
    return { recipient: saved, team: careCache.teams().find((t) => t.id === saved.teamId) ?? null }
  }
}

function Done({ name, outcome, id }: { name: string; outcome: VisitOutcome; id: string }) {
  return (
    <View className="card visit__done">
      <IconBadge name="check" tone="green" solid size="hero" />
      {outcome.state === 'sent' ? (
        <Text className="visit__done-title">已记录对{name}的走访</Text>
      ) : (
        <>
          <Text className="visit__done-title">已保存在手机上，待上传</Text>
          <Text className="visit__done-text">现在没有网络。有网络时会自动上传，不会重复记录。</Text>
        </>
      )}
      <Button className="btn btn--primary" onClick={() => goBack(ROUTES.careDue)}>
        返回今日待访
      </Button>
      <Button className="btn btn--quiet" onClick={() => openPage(`${ROUTES.careRecipient}?id=${id}`)}>
        看{name}的走访记录
      </Button>
    </View>
  )
}

function Visit({ me, id }: { me: Me; id: string }) {
  const [subject, setSubject] = useState<Subject | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null)

  useEffect(() => {
    let current = true
    setError(null)
    loadSubject(id)
      .then((s) => current && setSubject(s))
      .catch((e) => current && setError(toCloudError(e).message))
    return () => {
      current = false
    }
  }, [id, attempt])

  if (error) return <ErrorState message={error} onRetry={() => setAttempt((n) => n + 1)} />
  if (!subject) return <Loading />
  const { recipient, team } = subject
  if (outcome) return <Done name={recipient.name} outcome={outcome} id={recipient.id} />
  return (
    <View>
      <Text className="visit__who">走访：{recipient.name}</Text>
      <VisitForm
        recipient={recipient}
        companions={(team?.members ?? []).filter((m) => m.openid !== me.openid)}
        captain={team?.captain.openid === me.openid}
        onDone={setOutcome}
      />
    </View>
  )
}

export default function VisitPage() {
  // Opened without a router (a test renders the page alone): no query.
  const params: Partial<Record<string, string>> = useRouter()?.params ?? {}
  const id = params.id ?? ''
  return <CarePage className="visit">{(me) => <Visit me={me} id={id} />}</CarePage>
}
