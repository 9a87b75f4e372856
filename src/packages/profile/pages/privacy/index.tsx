import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PrivacyChoice, usePrivacyRequest } from '@/components/privacy-sheet'
import { useMe } from '@/hooks/use-me'
import { goBack } from '@/routes'
import { POLICY, POLICY_UPDATED } from './policy'
import './index.scss'

/**
 * 隐私政策: what the app keeps, why, who sees it, how long, and how to have it removed. Opened from 我的 and
 * from the 隐私保护提示 sheet; opened by a page that has no sheet (`ask=1`), it ends with the same 同意 / 不同意
 * and, once answered, goes back to that page.
 */
export default function PrivacyPolicyPage() {
  const asked = useRouter()?.params?.ask === '1'
  const request = usePrivacyRequest()
  const { me } = useMe()
  const elder = Boolean(me?.profile.elderMode)

  const wasAsked = useRef(false)
  useEffect(() => {
    if (!asked) return
    if (request) wasAsked.current = true
    else if (wasAsked.current) goBack()
  }, [asked, request])

  return (
    <View className={`page privacy${elder ? ' page--elder' : ''}`}>
      <View className="card">
        <Text className="privacy__title">小社隐私政策</Text>
        <Text className="privacy__line">
          小社 ·
          邻里公益由社区社工站运营。这里用大白话说明：我们收集您的哪些信息、为什么、谁能看到、保存多久，以及您怎样要求删除。
        </Text>
        <Text className="privacy__updated">更新于{POLICY_UPDATED}</Text>
      </View>
      {POLICY.map((section) => (
        <View key={section.title} className="card privacy__section">
          <Text className="card__title">{section.title}</Text>
          {section.lines.map((line) => (
            <Text key={line} className="privacy__line">
              {line}
            </Text>
          ))}
        </View>
      ))}
      {asked && request && (
        <View className="card privacy__decide">
          <Text className="card__title">您同意吗？</Text>
          <PrivacyChoice />
        </View>
      )}
    </View>
  )
}
