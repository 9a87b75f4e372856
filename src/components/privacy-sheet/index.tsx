import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ROUTES, openPage } from '@/routes'
import {
  AGREE_BUTTON_ID,
  answerPrivacy,
  frontRoute,
  pendingPrivacyRequest,
  registerSheet,
  watchPrivacyRequests,
  type PrivacyRequest,
} from '@/services/privacy'

const WEAPP = process.env.TARO_ENV === 'weapp'

/** What the question is about, in the words of the feature that asked. */
const FEATURES: [RegExp, string][] = [
  [/location|定位|位置/i, '位置'],
  [/phone|手机/i, '手机号'],
  [/image|media|photo|album|照片|相册/i, '相册和相机'],
  [/scan|camera|扫码|相机/i, '相机（扫码）'],
]

function featureOf(referrer: string): string | null {
  return FEATURES.find(([pattern]) => pattern.test(referrer))?.[1] ?? null
}

/** The 同意 and 不同意 buttons; on WeChat 同意 is the button WeChat requires before the feature may go on. */
export function PrivacyChoice() {
  return (
    <View className="privacy-sheet__actions">
      {WEAPP ? (
        <Button
          id={AGREE_BUTTON_ID}
          className="btn btn--primary privacy-sheet__agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answerPrivacy(true)}
        >
          同意并继续
        </Button>
      ) : (
        <Button className="btn btn--primary privacy-sheet__agree" onClick={() => answerPrivacy(true)}>
          同意并继续
        </Button>
      )}
      <Button className="btn btn--quiet privacy-sheet__refuse" onClick={() => answerPrivacy(false)}>
        不同意
      </Button>
    </View>
  )
}

/** Follows the question waiting for an answer. */
export function usePrivacyRequest(): PrivacyRequest | null {
  const [request, setRequest] = useState<PrivacyRequest | null>(pendingPrivacyRequest)
  useEffect(() => watchPrivacyRequests(setRequest), [])
  return request
}

/**
 * 隐私保护提示: comes up from the bottom when the page is about to use the person's location, camera, album or
 * phone number and they have not agreed yet. Mount it once on every page that uses one of them (a page without
 * it sends the question to the 隐私政策 page instead).
 */
export default function PrivacySheet() {
  const route = useRouter()?.path ?? ''
  const request = usePrivacyRequest()
  useEffect(() => registerSheet(route), [route])
  // Only the page in front asks; pages kept under it (the H5 router keeps them in the document) stay quiet.
  const front = frontRoute()
  if (!request || (front && front !== route.replace(/^\//, '').split('?')[0])) return null
  const feature = featureOf(request.referrer)
  return (
    <View className="privacy-sheet" catchMove>
      <View className="privacy-sheet__mask" />
      <View className="privacy-sheet__panel" role="dialog" aria-label="隐私保护提示">
        <Text className="privacy-sheet__title">隐私保护提示</Text>
        <Text className="privacy-sheet__text">
          {feature ? `这一步要用到您的${feature}。` : ''}
          在您第一次使用位置、相机、相册或手机号之前，请先了解我们收集什么、为什么收集、谁能看到、保存多久，以及怎样要求删除。
        </Text>
        <Text className="privacy-sheet__link" onClick={() => openPage(ROUTES.privacy)}>
          阅读《小社隐私政策》
        </Text>
        <Text className="privacy-sheet__hint">不同意也能继续用其他功能，只是这一步做不了。</Text>
        <PrivacyChoice />
      </View>
    </View>
  )
}
