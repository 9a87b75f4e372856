import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Me } from '@shared/user'
import { type CloudError, toCloudError } from '@/services/cloud'
import { IDENTITY_CHANGED } from '@/services/demo-identity'
import { getDemoOpenid, needsDemoIdentity } from '@/services/identity'
import { login } from '@/services/user'
import { setTabBarElder } from '@/utils/tab-bar'

export interface MeState {
  me: Me | null
  loading: boolean
  error: CloudError | null
  /** H5 only: nobody has picked a demo identity yet, so there is no one to log in. */
  needsIdentity: boolean
  reload: () => Promise<void>
}

// The last answer of `login`, shared by the pages so that switching tabs shows it at once while it refreshes.
// On H5 it belongs to one demo identity (`forOpenid`); on WeChat that is always null.
let last: { me: Me; forOpenid: string | null } | null = null

/** The person the last `login` answered for the current identity, without asking again (null: not known yet). */
export function cachedMe(): Me | null {
  return last && last.forOpenid === getDemoOpenid() ? last.me : null
}

/**
 * The logged-in person (`user.login`), loaded when the page mounts and again whenever it shows, and reloaded
 * when another demo identity is picked on H5.
 */
export function useMe(): MeState {
  const [me, setMe] = useState<Me | null>(cachedMe)
  const [loading, setLoading] = useState(() => cachedMe() === null)
  const [error, setError] = useState<CloudError | null>(null)
  const [needsIdentity, setNeedsIdentity] = useState(needsDemoIdentity)
  const requestId = useRef(0)

  const reload = useCallback(async () => {
    const id = ++requestId.current
    const waiting = needsDemoIdentity()
    setNeedsIdentity(waiting)
    if (waiting) {
      last = null
      setMe(null)
      setLoading(false)
      setError(null)
      return
    }
    setLoading(true)
    setError(null)
    try {
      const forOpenid = getDemoOpenid()
      const fresh = await login()
      if (id !== requestId.current) return
      last = { me: fresh, forOpenid }
      setMe(fresh)
    } catch (e) {
      if (id !== requestId.current) return
      setError(toCloudError(e))
    } finally {
      if (id === requestId.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  // The first show follows the mount, which has just loaded.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void reload()
    shownOnce.current = true
  })

  useEffect(() => {
    const onIdentityChanged = () => {
      last = null
      setMe(null)
      void reload()
    }
    Taro.eventCenter.on(IDENTITY_CHANGED, onIdentityChanged)
    return () => {
      Taro.eventCenter.off(IDENTITY_CHANGED, onIdentityChanged)
    }
  }, [reload])

  // 关怀模式 reaches what no page draws: the tab bar's labels.
  const elder = me?.profile.elderMode
  useEffect(() => {
    if (elder !== undefined) setTabBarElder(elder)
  }, [elder])

  return { me, loading, error, needsIdentity, reload }
}

export function hasRole(me: Me | null, role: Me['roles'][number]): boolean {
  return Boolean(me?.roles.includes(role))
}
