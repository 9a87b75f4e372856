import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import type { PersonSummary, VolunteerFit } from '@shared/user'
import { ErrorState, Loading } from '@/components/page-state'
import { toCloudError } from '@/services/cloud'
import { findPeople } from '@/services/user'
import { personDetails } from '@/utils/person'
import './index.scss'

interface VolunteerFinderProps {
  /** The question the sheet asks, e.g. 派给哪位志愿者？ */
  title: string
  /** One line under it: what the choice is for. */
  subtitle?: string
  /** The label of each person's button. */
  pickLabel: string
  onPick: (person: PersonSummary) => void
  onClose: () => void
  /** What the sheet shows over itself, e.g. the confirmation of the choice. */
  children?: ReactNode
  /**
   * Choosing for this need (派单): each volunteer shows skills, 同社区 and open tasks, and the list comes in the
   * order the function gives for the choice (API.md user.findPeople).
   */
  needId?: string
}

/** 手上 2 件服务中: the needs a volunteer holds now, in words. */
export const openTasksText = (fit: VolunteerFit) =>
  fit.openTasks === 0 ? '手上没有服务中的需求' : `手上 ${fit.openTasks} 件服务中`

function FitDetails({ fit }: { fit: VolunteerFit }) {
  return (
    <View className="volunteer-picker__fit">
      {fit.sameCommunity && <Text className="volunteer-picker__near">同社区</Text>}
      <Text className={`volunteer-picker__tasks${fit.openTasks > 0 ? ' volunteer-picker__tasks--busy' : ''}`}>
        {openTasksText(fit)}
      </Text>
      <Text className="volunteer-picker__skills">
        {fit.skills.length > 0 ? `擅长：${fit.skills.join('、')}` : '没有填写特长'}
      </Text>
    </View>
  )
}

/** Workers: a sheet to find an approved volunteer by name or phone (user.findPeople) and pick one. */
export default function VolunteerFinder({
  title,
  subtitle,
  pickLabel,
  onPick,
  onClose,
  children,
  needId,
}: VolunteerFinderProps) {
  const [query, setQuery] = useState('')
  const [people, setPeople] = useState<PersonSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef(0)

  const search = useCallback(
    async (q: string) => {
      const id = ++requestId.current
      setError(null)
      setPeople(null)
      try {
        const { items } = await findPeople({ role: 'volunteer', q: q.trim() || undefined, needId, limit: 20 })
        if (id === requestId.current) setPeople(items)
      } catch (e) {
        if (id === requestId.current) setError(toCloudError(e).message)
      }
    },
    [needId],
  )

  useEffect(() => {
    void search('')
  }, [search])

  return (
    <View className="volunteer-picker" role="dialog" aria-label="选择志愿者">
      <View className="volunteer-picker__sheet">
        <Text className="volunteer-picker__title">{title}</Text>
        {subtitle && <Text className="volunteer-picker__need">{subtitle}</Text>}
        {needId && (
          <Text className="volunteer-picker__order">同社区的排在前面，其次是手上服务中需求少的。</Text>
        )}
        <View className="volunteer-picker__search">
          <Input
            className="volunteer-picker__input"
            placeholderClass="volunteer-picker__placeholder"
            value={query}
            maxlength={20}
            placeholder="姓名，或手机号后4位"
            confirmType="search"
            onInput={(e) => setQuery(e.detail.value)}
            onConfirm={() => void search(query)}
          />
          <Button className="btn btn--secondary volunteer-picker__go" onClick={() => void search(query)}>
            搜索
          </Button>
        </View>
        <ScrollView scrollY className="volunteer-picker__list">
          {error && <ErrorState message={error} onRetry={() => void search(query)} />}
          {!error && people === null && <Loading text="正在查找志愿者…" />}
          {people !== null && people.length === 0 && (
            <Text className="volunteer-picker__empty">没有找到已通过审核的志愿者，换个名字试试。</Text>
          )}
          {people?.map((person) => (
            <View
              key={person.openid}
              className="volunteer-picker__person"
              role="button"
              onClick={() => onPick(person)}
            >
              <View className="volunteer-picker__who">
                <Text className="volunteer-picker__name">{person.name}</Text>
                <Text className="volunteer-picker__meta">{personDetails(person)}</Text>
                {person.forNeed && <FitDetails fit={person.forNeed} />}
              </View>
              <Text className="volunteer-picker__pick">{pickLabel}</Text>
            </View>
          ))}
        </ScrollView>
        <Button className="btn btn--quiet volunteer-picker__close" onClick={onClose}>
          关闭
        </Button>
      </View>
      {children}
    </View>
  )
}
