import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CODE_TTL_MS } from '@shared/mall'
import { type CloudError, toCloudError } from '@/services/cloud'
import { getRedemptionCode } from '@/services/mall'
import QrCode from '@/components/qr-code'
import './index.scss'

/** A new code is asked for this long before the current one lapses, so the shop never scans a dead one. */
const REFRESH_LEAD_MS = 5000
/** After a failed request, try again this much later (the person can also tap to retry at once). */
const RETRY_MS = 10_000

/** Answers meaning the order can no longer show a code: it was redeemed, cancelled or expired meanwhile. */
const ENDED_CODES: readonly string[] = ['failed-precondition', 'not-found', 'permission-denied']

/** The digits in groups of four ("1234 5678"), easier to read out and to type. */
export function readableDigits(digits: string): string {
  return (digits.match(/.{1,4}/g) ?? [digits]).join(' ')
}

/**
 * Keeps the screen on and bright while a code is shown, like a payment code, and answers how to undo it.
 * Only WeChat can do this; elsewhere nothing happens.
 */
function brightenScreen(): () => void {
  if (process.env.TARO_ENV !== 'weapp') return () => undefined
  let previous: number | null = null
  const quietly = (run: () => Promise<unknown> | undefined) => {
    try {
      void run()?.catch(() => undefined)
    } catch {
      // An older WeChat without these APIs shows the code all the same.
    }
  }
  quietly(() => Taro.setKeepScreenOn({ keepScreenOn: true }))
  quietly(() =>
    Taro.getScreenBrightness().then(({ value }) => {
      previous = value
      return Taro.setScreenBrightness({ value: 1 })
    }),
  )
  return () => {
    quietly(() => Taro.setKeepScreenOn({ keepScreenOn: false }))
    if (previous !== null) {
      const value = previous
      quietly(() => Taro.setScreenBrightness({ value }))
    }
  }
}

interface Shown {
  code: string
  shortCode: string
  /** When it lapses, on this device's clock (which may differ from the server's). */
  validUntil: number
}

interface CodePanelProps {
  orderId: string
  /** False while the page is hidden: no requests, no ticking. */
  active: boolean
  /** The server no longer gives a code for this order (it was redeemed, cancelled or has expired). */
  onEnded: () => void
}

/**
 * The one-time redemption code of a held order, as a large QR code with its text below, renewed every
 * minute before it lapses, with a countdown.
 */
export default function CodePanel({ orderId, active, onEnded }: CodePanelProps) {
  const [shown, setShown] = useState<Shown | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [now, setNow] = useState(Date.now)
  const fetching = useRef(false)
  const nextFetchAt = useRef(0)
  const mounted = useRef(true)
  const ended = useRef(onEnded)
  ended.current = onEnded

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const fetchCode = useCallback(async () => {
    if (fetching.current) return
    fetching.current = true
    const askedAt = Date.now()
    try {
      const fresh = await getRedemptionCode(orderId)
      if (!mounted.current) return
      // Count the minute from when it was asked for: the device's clock need not agree with the server's.
      const validUntil = askedAt + CODE_TTL_MS
      nextFetchAt.current = validUntil - REFRESH_LEAD_MS
      setShown({ code: fresh.code, shortCode: fresh.shortCode, validUntil })
      setError(null)
    } catch (e) {
      if (!mounted.current) return
      const problem = toCloudError(e)
      if (ENDED_CODES.includes(problem.code)) {
        nextFetchAt.current = Number.POSITIVE_INFINITY
        ended.current()
      } else {
        nextFetchAt.current = Date.now() + RETRY_MS
        setError(problem)
      }
    } finally {
      fetching.current = false
      if (mounted.current) setNow(Date.now())
    }
  }, [orderId])

  useEffect(() => {
    if (!active) return
    const restoreScreen = brightenScreen()
    // A page shown again starts with a fresh code: the one it showed before may have lapsed meanwhile.
    void fetchCode()
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= nextFetchAt.current) void fetchCode()
    }, 1000)
    return () => {
      clearInterval(timer)
      restoreScreen()
    }
  }, [active, fetchCode])

  const lapsed = !shown || now >= shown.validUntil
  const secondsLeft = shown ? Math.max(0, Math.ceil((shown.validUntil - REFRESH_LEAD_MS - now) / 1000)) : 0

  return (
    <View className="card code-panel">
      <Text className="code-panel__title">兑换码</Text>
      <Text className="code-panel__hint">到店后，请把这个码给店员扫一扫</Text>
      {shown ? (
        <QrCode text={shown.code} label="兑换二维码" faded={lapsed} />
      ) : (
        <View className="code-panel__placeholder">
          <Text>{error ? '没能拿到兑换码' : '正在生成兑换码…'}</Text>
        </View>
      )}
      {shown && (
        <Text className="code-panel__countdown" aria-live="polite">
          {lapsed ? '这个码已失效，正在换新码…' : `${secondsLeft} 秒后自动换新码`}
        </Text>
      )}
      {shown && !lapsed && (
        <View className="code-panel__text">
          <Text className="code-panel__text-label">扫不了时，请把这8位数字念给店员：</Text>
          <Text className="code-panel__code" selectable userSelect>
            {readableDigits(shown.shortCode)}
          </Text>
        </View>
      )}
      {error && (
        <View className="code-panel__error">
          <Text className="error-text">{error.message}</Text>
          <Button className="btn btn--secondary" onClick={() => void fetchCode()}>
            重新获取兑换码
          </Button>
        </View>
      )}
      <Text className="code-panel__safety">兑换码只给店员看，不要拍照发给别人。</Text>
    </View>
  )
}
