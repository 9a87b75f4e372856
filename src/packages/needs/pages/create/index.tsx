import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Need } from '@shared/needs'
import { IconBadge } from '@/components/icon'
import PrivacySheet from '@/components/privacy-sheet'
import NeedForm from '@/components/need-form'
import { useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { NEED_TEMPLATES, createNeed } from '@/services/needs'
import SubscribePrompt from '../../components/subscribe-prompt'
import './index.scss'

function Created({ need }: { need: Need }) {
  const detail = `${ROUTES.needDetail}?id=${need.id}`
  // The form was scrolled down to its button: show the confirmation from the top, not under the bar.
  useEffect(() => {
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }, [])
  return (
    <View className="card create__done">
      <IconBadge name="check" tone="green" solid size="hero" />
      <Text className="create__done-title">求助已提交</Text>
      <Text className="create__done-text">
        社工审核后，会尽快为您安排志愿者。进度可以在“求助”页的“我的需求”里查看。
      </Text>
      <SubscribePrompt templateIds={[NEED_TEMPLATES.status]} when="审核结果出来和志愿者接单时" />
      <Button
        className="btn btn--primary"
        onClick={() => void Taro.redirectTo({ url: detail }).catch(() => openPage(detail))}
      >
        查看这条求助
      </Button>
      <Button className="btn btn--quiet" onClick={() => openPage(ROUTES.needs)}>
        回到求助页
      </Button>
    </View>
  )
}

export default function CreateNeedPage() {
  const { me } = useMe()
  const [created, setCreated] = useState<Need | null>(null)
  const elder = Boolean(me?.profile.elderMode)

  return (
    <View className={`page create${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {created ? (
        <Created need={created} />
      ) : (
        <>
          <Text className="create__intro">
            说说您遇到的困难。社工审核后，志愿者会打电话和您约时间，帮完后请您确认和评价。
          </Text>
          <NeedForm photoOwner={me?.openid} onSubmit={async (input) => setCreated(await createNeed(input))} />
        </>
      )}
    </View>
  )
}
