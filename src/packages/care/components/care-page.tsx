import { type ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { Me } from '@shared/user'
import PrivacySheet from '@/components/privacy-sheet'
import ActivityWorkersOnly from '@/components/activity-workers-only'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import './care.scss'

interface CarePageProps {
  className: string
  /** Only social workers may use the page; what it is for, told to anyone else. */
  workersOnly?: string
  children: (me: Me) => ReactNode
}

/** The frame of every 爱心敲门 page: who is logged in, loading and errors, 关怀模式's larger text. */
export default function CarePage({ className, workersOnly, children }: CarePageProps) {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page care ${className}${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me &&
        (workersOnly && !hasRole(me, 'worker') ? (
          <ActivityWorkersOnly purpose={workersOnly} />
        ) : (
          children(me)
        ))}
    </View>
  )
}
