import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Calls `refresh` when the page shows again after another page covered it (the form, a need's page), so
 * that a list shows what changed there. The first show is not a return: the list loads itself on mount,
 * which may come before or after that first show.
 */
export function useRefreshOnReturn(refresh: () => void): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    refresh()
  })
}
