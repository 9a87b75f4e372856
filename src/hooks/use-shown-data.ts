import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { type CloudError, toCloudError } from '@/services/cloud'

export interface ShownData<T> {
  /** The last answer (kept while it is read again). */
  data: T | null
  error: CloudError | null
  reload: () => Promise<void>
}

/**
 * Data a page reads when it mounts, again whenever it shows (back from another page) and on pull-down, where
 * only the latest answer counts. `read` must be stable (wrap it in useCallback).
 */
export function useShownData<T>(read: () => Promise<T>): ShownData<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const requestId = useRef(0)

  const reload = useCallback(async () => {
    const id = ++requestId.current
    setError(null)
    try {
      const fresh = await read()
      if (id === requestId.current) setData(fresh)
    } catch (e) {
      if (id === requestId.current) setError(toCloudError(e))
    }
  }, [read])

  useEffect(() => {
    void reload()
  }, [reload])
  // The first show follows the mount, which has just read.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return { data, error, reload }
}
