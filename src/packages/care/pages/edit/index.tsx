import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { CareTeam, Recipient } from '@shared/care'
import { ErrorState, Loading } from '@/components/page-state'
import { ROUTES, openPage } from '@/routes'
import { getRecipient, listTeams, upsertRecipient } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import CarePage from '../../components/care-page'
import RecipientForm from '../../components/recipient-form'
import './index.scss'

/** Every team (workers see them all, page by page). */
async function allTeams(): Promise<CareTeam[]> {
  const teams: CareTeam[] = []
  let cursor: string | undefined
  do {
    const page = await listTeams(cursor)
    teams.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return teams
}

function Edit({ id }: { id: string | null }) {
  const [teams, setTeams] = useState<CareTeam[] | null>(null)
  const [existing, setExisting] = useState<Recipient | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setError(null)
    Promise.all([allTeams(), id ? getRecipient(id) : Promise.resolve(null)])
      .then(([t, r]) => {
        if (!current) return
        setTeams(t)
        setExisting(r)
      })
      .catch((e) => current && setError(toCloudError(e).message))
    return () => {
      current = false
    }
  }, [id, attempt])

  if (error) return <ErrorState message={error} onRetry={() => setAttempt((n) => n + 1)} />
  if (!teams || (id && !existing)) return <Loading />
  return (
    <View>
      <Text className="edit__intro">
        {existing ? `修改${existing.name}的资料。` : '登记一位需要定期上门看望的老人，交给一支服务队走访。'}
      </Text>
      <RecipientForm
        teams={teams}
        existing={existing ?? undefined}
        onSubmit={async (input) => {
          const saved = await upsertRecipient(input)
          Taro.showToast({ title: existing ? '已保存' : `已登记${saved.name}`, icon: 'none' }).catch(
            () => undefined,
          )
          const url = `${ROUTES.careRecipient}?id=${saved.id}`
          await Taro.redirectTo({ url }).catch(() => openPage(url))
        }}
      />
    </View>
  )
}

export default function EditPage() {
  // Opened without a router (a test renders the page alone): no query.
  const params: Partial<Record<string, string>> = useRouter()?.params ?? {}
  return (
    <CarePage className="edit" workersOnly="这一页是社工登记关爱对象用的。">
      {() => <Edit id={params.id || null} />}
    </CarePage>
  )
}
