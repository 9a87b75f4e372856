import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Corner, LatLng } from '@shared/corners'
import { type CloudError, toCloudError } from '@/services/cloud'
import { DISTRICT_CENTRE, listCorners, locateMe } from '@/services/corners'
import { askPrivacy, privacyAgreed } from '@/services/privacy'

/** A phone that neither answers nor fails (no signal indoors) should not keep the list waiting. */
const LOCATE_TIMEOUT_MS = 8000

export interface Origin {
  point: LatLng
  /** True when it is the person's position; false for the district's centre. */
  located: boolean
}

export interface NearbyCorners {
  /** Null while the phone is asked where it is. */
  origin: Origin | null
  corners: Corner[]
  loading: boolean
  error: CloudError | null
  /** Asks the phone again (e.g. after the person allowed it), then lists the corners again. */
  relocate: () => Promise<void>
  /** Asks the phone quietly (never opens the settings) and lists the corners again. */
  refresh: () => Promise<void>
  /** Lists the corners again from the same place. */
  reload: () => Promise<void>
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/** WeChat remembers a refusal: asking again only works after the person switches it on in the settings. */
let refusedOnWeapp = false

/**
 * Where the person is (asking again opens the settings after a refusal on weapp), or the district centre.
 * Quietly (not asking again) the phone is asked only once the person has agreed to the privacy policy; asking
 * again brings up the 隐私保护提示 first when they have not.
 */
export async function whereAmI(askAgain: boolean): Promise<Origin> {
  const allowed = askAgain ? await askPrivacy('getLocation') : await privacyAgreed()
  if (!allowed) return { point: DISTRICT_CENTRE, located: false }
  if (askAgain && refusedOnWeapp) {
    try {
      const { authSetting } = await Taro.openSetting()
      if (!authSetting['scope.userLocation']) return { point: DISTRICT_CENTRE, located: false }
    } catch {
      return { point: DISTRICT_CENTRE, located: false }
    }
  }
  try {
    const point = await withTimeout(locateMe(), LOCATE_TIMEOUT_MS)
    refusedOnWeapp = false
    return { point, located: true }
  } catch (error) {
    const errMsg = String((error as { errMsg?: string } | null)?.errMsg ?? '')
    if (process.env.TARO_ENV === 'weapp' && /auth (deny|denied)|authorize/i.test(errMsg))
      refusedOnWeapp = true
    return { point: DISTRICT_CENTRE, located: false }
  }
}

/**
 * The corners nearest to the person: where the phone says they are, or the middle of the district when
 * it does not (refused, switched off, no answer in time).
 */
export function useNearbyCorners(): NearbyCorners {
  const [origin, setOrigin] = useState<Origin | null>(null)
  const [corners, setCorners] = useState<Corner[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<CloudError | null>(null)
  const requestId = useRef(0)

  const listFrom = useCallback(async (from: Origin, id: number) => {
    try {
      const { items } = await listCorners({ near: from.point })
      if (id !== requestId.current) return
      setCorners(items)
      setError(null)
    } catch (e) {
      if (id !== requestId.current) return
      setError(toCloudError(e))
    } finally {
      if (id === requestId.current) setLoading(false)
    }
  }, [])

  const locateAndList = useCallback(
    async (askAgain: boolean) => {
      const id = ++requestId.current
      setLoading(true)
      const from = await whereAmI(askAgain)
      if (id !== requestId.current) return
      setOrigin(from)
      await listFrom(from, id)
    },
    [listFrom],
  )

  const relocate = useCallback(() => locateAndList(true), [locateAndList])
  const refresh = useCallback(() => locateAndList(false), [locateAndList])

  const originRef = useRef(origin)
  originRef.current = origin
  const reload = useCallback(async () => {
    const from = originRef.current
    if (!from) return locateAndList(false)
    const id = ++requestId.current
    setLoading(true)
    await listFrom(from, id)
  }, [listFrom, locateAndList])

  useEffect(() => {
    void locateAndList(false)
  }, [locateAndList])

  return { origin, corners, loading, error, relocate, refresh, reload }
}
