/**
 * H5 has no WeChat login: a person picks one of the emulator's demo people and then uses the app as them.
 * It opens by itself until someone is picked; afterwards 我的 → 切换体验身份 opens it again.
 */
import { useCallback, useEffect, useState } from 'react'
import { Button, ScrollView, Text, View } from '@tarojs/components'
import { ROLE_LABELS, ROLES, type Role } from '@shared/user'
import { ErrorState, Loading } from '@/components/page-state'
import { toCloudError } from '@/services/cloud'
import type { DemoIdentity } from '@/services/demo-identity'
import { getDemoIdentity, listDemoIdentities, needsDemoIdentity, setDemoIdentity } from '@/services/identity'
import type { CurrentIdentityProps, IdentityPickerProps } from './index'
import './index.scss'

const ROLE_INTROS: Record<Role, string> = {
  resident: '街坊邻居：求助、报名活动、用积分换东西',
  volunteer: '已通过审核的志愿者：接单帮忙、参加活动',
  worker: '社工站的工作人员：审核志愿者、派单、管理积分',
  merchant: '合作商户的店员：扫码核销积分兑换',
}

export default function IdentityPicker({ open, onClose }: IdentityPickerProps) {
  const mustChoose = needsDemoIdentity()
  const visible = open || mustChoose
  const [identities, setIdentities] = useState<DemoIdentity[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = getDemoIdentity()

  const load = useCallback(async () => {
    setError(null)
    setIdentities(null)
    try {
      setIdentities(await listDemoIdentities())
    } catch (e) {
      setError(toCloudError(e).message)
    }
  }, [])

  useEffect(() => {
    if (visible) void load()
  }, [visible, load])

  if (!visible) return null

  const choose = (identity: DemoIdentity) => {
    setDemoIdentity(identity)
    onClose()
  }

  return (
    <View className="identity-picker" role="dialog" aria-label="选择体验身份">
      <View className="identity-picker__sheet">
        <Text className="identity-picker__title">请选择体验身份</Text>
        <Text className="identity-picker__intro">
          网页版不能用微信登录。请选一位示范用户，就能看到这位用户用小社时的样子。以后可以在“我的”里切换。
        </Text>
        <ScrollView scrollY className="identity-picker__list">
          {error && <ErrorState message={error} onRetry={load} />}
          {!error && identities === null && <Loading text="正在读取示范用户…" />}
          {identities !== null && identities.length === 0 && (
            <Text className="identity-picker__empty">还没有示范用户，请先用示范数据启动。</Text>
          )}
          {identities !== null &&
            ROLES.map((role) => {
              const people = identities.filter((identity) => identity.role === role)
              if (people.length === 0) return null
              return (
                <View key={role} className="identity-picker__group">
                  <Text className="identity-picker__group-title">{ROLE_LABELS[role]}</Text>
                  <Text className="identity-picker__group-intro">{ROLE_INTROS[role]}</Text>
                  {people.map((person) => {
                    const selected = current?.openid === person.openid
                    return (
                      <View
                        key={person.openid}
                        className={`identity-picker__person${selected ? ' identity-picker__person--current' : ''}`}
                        onClick={() => choose(person)}
                      >
                        <View className="identity-picker__person-main">
                          <Text className="identity-picker__name">{person.name}</Text>
                          <Text className="identity-picker__role">{ROLE_LABELS[person.role]}</Text>
                          {selected && <Text className="identity-picker__badge">当前</Text>}
                        </View>
                        {person.note && <Text className="identity-picker__note">{person.note}</Text>}
                      </View>
                    )
                  })}
                </View>
              )
            })}
        </ScrollView>
        {!mustChoose && (
          <Button className="btn btn--quiet identity-picker__close" onClick={onClose}>
            不换了
          </Button>
        )}
      </View>
    </View>
  )
}

/** A line saying whom the H5 visitor is acting as, with a button to switch. */
export function CurrentIdentity({ onSwitch }: CurrentIdentityProps) {
  const current = getDemoIdentity()
  return (
    <View className="current-identity">
      <Text className="current-identity__text">
        {current
          ? `正在体验：${current.name}（${ROLE_LABELS[current.role] ?? '居民'}）`
          : '还没有选择体验身份'}
      </Text>
      <Button className="current-identity__switch" onClick={onSwitch}>
        切换
      </Button>
    </View>
  )
}
