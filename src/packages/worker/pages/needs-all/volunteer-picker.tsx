import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import type { Need } from '@shared/needs'
import type { PersonSummary } from '@shared/user'
import ConfirmDialog from '@/components/confirm-dialog'
import { ErrorState, Loading } from '@/components/page-state'
import { toCloudError } from '@/services/cloud'
import { dispatchNeed } from '@/services/needs'
import { findPeople } from '@/services/user'
import { personDetails } from '@/utils/person'

interface VolunteerPickerProps {
  need: Need
  onDispatched: (need: Need) => void
  onClose: () => void
}

/** A sheet to choose an approved volunteer, by name or phone, and hand them the need. */
export default function VolunteerPicker({ need, onDispatched, onClose }: VolunteerPickerProps) {
  const [query, setQuery] = useState('')
  const [people, setPeople] = useState<PersonSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [chosen, setChosen] = useState<PersonSummary | null>(null)
  const requestId = useRef(0)

  const search = useCallback(async (q: string) => {
    const id = ++requestId.current
    setError(null)
    setPeople(null)
    try {
      const { items } = await findPeople({ role: 'volunteer', q: q.trim() || undefined, limit: 20 })
      if (id === requestId.current) setPeople(items)
    } catch (e) {
      if (id === requestId.current) setError(toCloudError(e).message)
    }
  }, [])

  useEffect(() => {
    void search('')
  }, [search])

  return (
    <View className="volunteer-picker" role="dialog" aria-label="选择志愿者">
      <View className="volunteer-picker__sheet">
        <Text className="volunteer-picker__title">派给哪位志愿者？</Text>
        <Text className="volunteer-picker__need">需求：{need.title}</Text>
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
              onClick={() => setChosen(person)}
            >
              <View className="volunteer-picker__who">
                <Text className="volunteer-picker__name">{person.name}</Text>
                <Text className="volunteer-picker__meta">{personDetails(person)}</Text>
              </View>
              <Text className="volunteer-picker__pick">派给这位</Text>
            </View>
          ))}
        </ScrollView>
        <Button className="btn btn--quiet volunteer-picker__close" onClick={onClose}>
          关闭
        </Button>
      </View>
      {chosen && (
        <ConfirmDialog
          title={`派给${chosen.name}？`}
          content={`“${need.title}”将交给${chosen.name}，志愿者会收到微信通知，并能看到居民的地址和电话。`}
          confirmText="确认派单"
          onConfirm={async () => {
            const dispatched = await dispatchNeed(need.id, chosen.openid)
            setChosen(null)
            onDispatched(dispatched)
          }}
          onClose={() => setChosen(null)}
        />
      )}
    </View>
  )
}
