import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { WELLBEING_LABELS } from '@shared/care'
import { formatDayTime } from '@/components/activity-time'
import type { QueuedVisit } from '@/services/care-queue'
import { visitQueue } from '@/services/care-visits'

/** The visits still on this phone, live. */
export function useQueuedVisits(): QueuedVisit[] {
  const [items, setItems] = useState<QueuedVisit[]>(() => visitQueue.pending())
  useEffect(() => {
    setItems(visitQueue.pending())
    return visitQueue.subscribe(() => setItems(visitQueue.pending()))
  }, [])
  return items
}

/** 待上传: the visits recorded without a network, with a button to try again now. */
export default function VisitQueuePanel() {
  const items = useQueuedVisits()
  const [busy, setBusy] = useState(false)
  if (items.length === 0) return null

  const retry = async () => {
    setBusy(true)
    try {
      await visitQueue.flush()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card care-queue" aria-label="待上传的走访">
      <Text className="card__title">待上传 {items.length} 条</Text>
      <Text className="hint">这些走访保存在手机上，有网络时会自动上传，不会重复记录。</Text>
      {items.map((item) => (
        <View key={item.key} className="care-queue__item">
          <Text className="care-queue__line">
            {item.recipientName} · {WELLBEING_LABELS[item.input.wellbeing]} · {formatDayTime(item.input.at)}
          </Text>
          {item.problem ? (
            <View>
              <Text className="error-text">没能上传：{item.problem}</Text>
              <Button className="btn btn--quiet" onClick={() => visitQueue.discard(item.key)}>
                不要这条了
              </Button>
            </View>
          ) : (
            <Text className="care-queue__state">待上传</Text>
          )}
        </View>
      ))}
      <Button className="btn btn--secondary" disabled={busy || undefined} onClick={() => void retry()}>
        {busy ? '正在上传…' : '重新上传'}
      </Button>
    </View>
  )
}
