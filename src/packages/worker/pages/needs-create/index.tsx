import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Need } from '@shared/needs'
import { IconBadge } from '@/components/icon'
import PrivacySheet from '@/components/privacy-sheet'
import NeedForm from '@/components/need-form'
import { ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, goBack, openPage } from '@/routes'
import { createNeed } from '@/services/needs'
import './index.scss'

function Posted({ need, onAnother }: { need: Need; onAnother: () => void }) {
  return (
    <View className="card needs-create__done">
      <IconBadge name="check" tone="green" solid size="hero" />
      <Text className="needs-create__done-title">已代{need.onBehalfOf?.name ?? '居民'}发布</Text>
      <Text className="needs-create__done-text">这条需求在“待审核”里，审核通过后进入需求大厅。</Text>
      <Button
        className="btn btn--primary"
        onClick={() =>
          void Taro.redirectTo({ url: ROUTES.needsReview }).catch(() => openPage(ROUTES.needsReview))
        }
      >
        去审核
      </Button>
      <Button className="btn btn--secondary" onClick={onAnother}>
        再代发一条
      </Button>
      <Button className="btn btn--quiet" onClick={() => goBack(ROUTES.needs)}>
        返回
      </Button>
    </View>
  )
}

export default function NeedsCreatePage() {
  const { me, loading, error, reload } = useMe()
  const [posted, setPosted] = useState<Need | null>(null)
  const [formKey, setFormKey] = useState(0)

  if (!me) {
    return (
      <View className="page needs-create">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  if (!hasRole(me, 'worker')) {
    return (
      <View className="page needs-create">
        <View className="card needs-create__done">
          <Text className="needs-create__done-title">仅社工可以代居民发布</Text>
          <Text className="needs-create__done-text">需要帮助的话，请在“求助”页点“我要求助”。</Text>
          <Button className="btn btn--primary" onClick={() => openPage(ROUTES.needs)}>
            去求助页
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className={`page needs-create${me.profile.elderMode ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {posted ? (
        <Posted
          need={posted}
          onAnother={() => {
            setPosted(null)
            setFormKey((k) => k + 1)
          }}
        />
      ) : (
        <>
          <Text className="needs-create__intro">
            替没有微信的老人发布需求。地址和电话填老人家的，志愿者会直接联系老人或家属。
          </Text>
          <NeedForm
            key={formKey}
            onBehalf
            submitText="代居民发布"
            onSubmit={async (input) => setPosted(await createNeed(input))}
          />
        </>
      )}
    </View>
  )
}
