import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@shared/envelope'
import { type CloudError, toCloudError } from '@/services/cloud'

export interface PagedList<T> {
  items: T[]
  /** True while the first page (or a refresh) is on its way. */
  loading: boolean
  loadingMore: boolean
  error: CloudError | null
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  /** Drops items from the list without asking the server again, e.g. after an action moved them elsewhere. */
  remove: (predicate: (item: T) => boolean) => void
}

/**
 * A list read page by page with `nextCursor`. `fetchPage` must be stable for one list (wrap it in useCallback);
 * when it changes, the list starts again from the first page. `enabled: false` keeps it idle.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  enabled = true,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)

  const refresh = useCallback(async () => {
    const id = ++generation.current
    busy.current = true
    setLoading(true)
    setError(null)
    try {
      const page = await fetchPage(undefined)
      if (id !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
    } catch (e) {
      if (id !== generation.current) return
      setItems([])
      setCursor(null)
      setError(toCloudError(e))
    } finally {
      if (id === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [fetchPage])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const id = generation.current
    busy.current = true
    setLoadingMore(true)
    setError(null)
    try {
      const page = await fetchPage(cursor)
      if (id !== generation.current) return
      setItems((previous) => [...previous, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      if (id !== generation.current) return
      setError(toCloudError(e))
    } finally {
      if (id === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor, fetchPage])

  const remove = useCallback((predicate: (item: T) => boolean) => {
    setItems((previous) => previous.filter((item) => !predicate(item)))
  }, [])

  useEffect(() => {
    if (!enabled) return
    void refresh()
  }, [enabled, refresh])

  return { items, loading, loadingMore, error, hasMore: cursor !== null, refresh, loadMore, remove }
}
