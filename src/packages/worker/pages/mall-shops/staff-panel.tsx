import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Merchant } from '@shared/mall'
import type { PersonSummary } from '@shared/user'
import ConfirmDialog from '@/components/confirm-dialog'
import { ErrorState, Loading } from '@/components/page-state'
import { toCloudError } from '@/services/cloud'
import { findPeople, grantRole, revokeRole } from '@/services/user'
import { personDetails } from '@/utils/person'

interface StaffPanelProps {
  merchant: Merchant
  onClose: () => void
}

type Change = { person: PersonSummary; to: 'add' | 'remove' }

function PersonRow({ person, action, onTap }: { person: PersonSummary; action: string; onTap: () => void }) {
  return (
    <View className="shops__person">
      <View className="shops__reward-body">
        <Text className="shops__reward-title">{person.name}</Text>
        <Text className="shops__reward-line">{personDetails(person)}</Text>
      </View>
      <Button className="btn btn--secondary shops__small" onClick={onTap}>
        {action}
      </Button>
    </View>
  )
}

/**
 * 店员: who may scan codes for this shop. A worker finds a person by name or the last 4 digits of their
 * phone and makes them staff (they then see 扫码核销 under 我的), or takes the role back.
 */
export default function StaffPanel({ merchant, onClose }: StaffPanelProps) {
  const [staff, setStaff] = useState<PersonSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<PersonSummary[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [change, setChange] = useState<Change | null>(null)
  const requestId = useRef(0)

  const loadStaff = useCallback(async () => {
    const id = ++requestId.current
    setError(null)
    try {
      const { items } = await findPeople({ role: 'merchant', merchantId: merchant.id, limit: 20 })
      if (id === requestId.current) setStaff(items)
    } catch (e) {
      if (id === requestId.current) setError(toCloudError(e).message)
    }
  }, [merchant.id])
  useEffect(() => {
    void loadStaff()
  }, [loadStaff])

  const search = async () => {
    const q = query.trim()
    if (!q) return
    setSearching(true)
    try {
      setFound((await findPeople({ q, limit: 20 })).items)
    } catch (e) {
      Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 2500 }).catch(() => undefined)
    } finally {
      setSearching(false)
    }
  }

  const apply = async ({ person, to }: Change) => {
    const input = { openid: person.openid, role: 'merchant' as const, merchantId: merchant.id }
    if (to === 'add') await grantRole(input)
    else await revokeRole(input)
    setChange(null)
    setFound(null)
    setQuery('')
    Taro.showToast({
      title: to === 'add' ? `${person.name}已是店员` : `已解除${person.name}`,
      icon: 'none',
    }).catch(() => undefined)
    await loadStaff()
  }

  const staffIds = new Set(staff?.map((p) => p.openid))
  return (
    <View className="card shops__staff">
      <Text className="card__title">{merchant.name}的店员</Text>
      <Text className="hint">店员能在“我的”里打开“扫码核销”，为本店的顾客兑换。</Text>
      {error && <ErrorState message={error} onRetry={() => void loadStaff()} />}
      {!error && staff === null && <Loading text="正在查找店员…" />}
      {staff?.length === 0 && <Text className="hint shops__none">还没有店员</Text>}
      {staff?.map((person) => (
        <PersonRow
          key={person.openid}
          person={person}
          action="解除"
          onTap={() => setChange({ person, to: 'remove' })}
        />
      ))}

      <Text className="shops__staff-title">添加店员</Text>
      <View className="shops__staff-search">
        <Input
          className="form-field__input shops__staff-input"
          value={query}
          maxlength={20}
          placeholder="姓名，或手机号后4位"
          placeholderClass="form-field__placeholder"
          confirmType="search"
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button
          className="btn btn--secondary shops__small"
          disabled={searching || undefined}
          onClick={() => void search()}
        >
          查找
        </Button>
      </View>
      {found?.length === 0 && <Text className="hint shops__none">没有找到，换个名字或手机号后4位试试</Text>}
      {found
        ?.filter((person) => !staffIds.has(person.openid))
        .map((person) => (
          <PersonRow
            key={person.openid}
            person={person}
            action="设为店员"
            onTap={() => setChange({ person, to: 'add' })}
          />
        ))}

      <View className="shops__form-actions">
        <Button className="btn btn--quiet shops__form-action" onClick={onClose}>
          返回
        </Button>
      </View>

      {change && (
        <ConfirmDialog
          title={
            change.to === 'add' ? `让${change.person.name}做店员？` : `解除${change.person.name}的店员身份？`
          }
          content={
            change.to === 'add'
              ? `${change.person.name}将能为“${merchant.name}”扫码核销。一个人只能是一家店的店员，原来的店会换成这家。`
              : `解除后，${change.person.name}不能再为“${merchant.name}”扫码核销。`
          }
          confirmText={change.to === 'add' ? '确认设为店员' : '确认解除'}
          onConfirm={() => apply(change)}
          onClose={() => setChange(null)}
        />
      )}
    </View>
  )
}
