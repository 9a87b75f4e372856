/**
 * 活动海报 (workers): an activity's poster drawn on the phone — a cover (the activity's, its project's or its
 * corner's, else a drawn one), the title, time and place, and the mini-program code that opens the activity
 * (`activities.posterCode`) — saved to the album or downloaded.
 */
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Activity } from '@shared/activities'
import { useCanvasImage } from '@/components/canvas-image'
import DrawnPicture from '@/components/canvas-image/picture'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { getActivity, getPosterCode } from '@/services/activities'
import { type CloudError, toCloudError } from '@/services/cloud'
import { POSTER_HEIGHT, POSTER_WIDTH, posterDrawing } from './poster-image'

const STATION = process.env.TARO_APP_STATION_NAME || '社会工作服务站'

function Poster({ id }: { id: string }) {
  const { node, render } = useCanvasImage('poster-canvas', POSTER_WIDTH, POSTER_HEIGHT)
  const [activity, setActivity] = useState<Activity | null>(null)
  const [image, setImage] = useState<string | null>(null)
  const [error, setError] = useState<CloudError | Error | null>(null)

  const make = useCallback(async () => {
    setError(null)
    setImage(null)
    try {
      const [a, code] = await Promise.all([getActivity(id), getPosterCode(id)])
      setActivity(a)
      setImage(await render(posterDrawing(a, code.image, STATION, code.coverUrl)))
    } catch (e) {
      setError(e instanceof Error && !('code' in e) ? e : toCloudError(e))
    }
  }, [id, render])
  useEffect(() => {
    // The page's canvas exists once the page has rendered; draw then.
    const timer = setTimeout(() => void make(), 0)
    return () => clearTimeout(timer)
  }, [make])

  return (
    <View>
      {node}
      {!image && !error && <Loading text="正在生成海报…" />}
      {error && <ErrorState message={error.message} onRetry={() => void make()} retryText="重新生成" />}
      {image && (
        <DrawnPicture
          image={image}
          label={`${activity?.title ?? ''}的海报`}
          fileName={`活动海报-${activity?.title ?? id}.png`}
        />
      )}
      {image && <Text className="hint">贴在公益角、楼道或发到群里，邻居扫码就能打开这个活动报名。</Text>}
    </View>
  )
}

export default function ActivityPosterPage() {
  const id = useRouter()?.params?.id ?? ''
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page poster${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && !hasRole(me, 'worker') && <EmptyState title="活动海报是社工用的" />}
      {me && hasRole(me, 'worker') && <Poster id={id} />}
    </View>
  )
}
