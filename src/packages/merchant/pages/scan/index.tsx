import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { lookupCodeInput, redeemInput, type CodeLookup } from '@shared/mall'
import type { Me } from '@shared/user'
import PrivacySheet from '@/components/privacy-sheet'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { findShop, listTodaysRedemptions, lookupCode, redeemCode } from '@/services/mall'
import RedeemResult, { type RedeemOutcome } from '../../components/redeem-result'
import StaffOnly from '../../components/staff-only'
import './index.scss'
import { CAN_SCAN, scanQrCode } from '@/services/device'

function problemWith(code: string): string | null {
  const parsed = redeemInput.safeParse({ code })
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请扫描或输入兑换码')
}

/**
 * What was typed: the 8 digits a customer reads out (to look up first), or — where no camera can scan,
 * as in a browser — the text a scanner read from the QR code (to redeem at once).
 */
function readTyped(typed: string): { digits: string } | { code: string } | { problem: string } {
  const compact = typed.replace(/\s+/g, '')
  if (compact === '') return { problem: '请输入顾客念的8位数字' }
  if (!CAN_SCAN && !/^\d+$/.test(compact)) return { code: compact }
  const parsed = lookupCodeInput.safeParse({ shortCode: compact })
  return parsed.success
    ? { digits: parsed.data.shortCode }
    : { problem: parsed.error.issues[0]?.message ?? '兑换数字是8位，请看清顾客手机上的数字' }
}

/** The order behind the digits, for the staff to check against the customer before handing it over. */
function CheckOrder({
  found,
  busy,
  onConfirm,
  onBack,
}: {
  found: CodeLookup
  busy: boolean
  onConfirm: () => void
  onBack: () => void
}) {
  return (
    <View className="card scan__check">
      <Text className="scan__check-title">请核对后再核销</Text>
      <Text className="scan__check-label">顾客要领的东西</Text>
      <Text className="scan__check-reward">{found.order.rewardTitle}</Text>
      <Text className="scan__check-line">顾客：{found.order.customer}</Text>
      <Text className="scan__check-line">需要 {found.order.cost} 积分</Text>
      <View className="scan__check-actions">
        <Button className="btn btn--quiet scan__check-button" disabled={busy || undefined} onClick={onBack}>
          重新输入
        </Button>
        <Button
          className="btn btn--primary scan__check-button"
          disabled={busy || undefined}
          onClick={onConfirm}
        >
          {busy ? '正在核销…' : '确认核销'}
        </Button>
      </View>
    </View>
  )
}

function Scanner({ me }: { me: Me }) {
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<RedeemOutcome | null>(null)
  const [found, setFound] = useState<CodeLookup | null>(null)
  const [shopName, setShopName] = useState<string | null>(null)

  const merchantId = me.merchantId
  useEffect(() => {
    if (!merchantId) return
    let current = true
    findShop(merchantId)
      .then((shop) => current && setShopName(shop?.name ?? null))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [merchantId])

  // Today's count, read again whenever the page shows and after each redemption.
  const [todayCount, setTodayCount] = useState<number | null>(null)
  const countToday = useCallback(() => {
    listTodaysRedemptions()
      .then((today) => setTodayCount(today.length))
      .catch(() => undefined)
  }, [])
  useEffect(() => {
    if (!outcome) countToday()
  }, [outcome, countToday])
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) countToday()
    shownOnce.current = true
  })

  const redeem = async (code: string) => {
    if (busy) return
    const invalid = problemWith(code)
    if (invalid) {
      setProblem(invalid)
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      setOutcome({ ok: true, order: await redeemCode(code) })
      setTyped('')
      // A clear signal at the counter that it went through.
      if (CAN_SCAN) Taro.vibrateShort({ type: 'heavy' }).catch(() => undefined)
    } catch (e) {
      setOutcome({ ok: false, error: toCloudError(e) })
    } finally {
      setBusy(false)
    }
  }

  const submitTyped = async (text: string = typed) => {
    if (busy) return
    const read = readTyped(text)
    if ('problem' in read) {
      setProblem(read.problem)
      return
    }
    if ('code' in read) {
      await redeem(read.code)
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      setFound(await lookupCode(read.digits))
      setTyped('')
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setBusy(false)
    }
  }

  // Digits typed (or a code scanned) on 我的 are taken up at once.
  // Opened without a router (a test renders the page alone): no query.
  const params: Partial<Record<string, string>> = useRouter()?.params ?? {}
  const handed = useRef(false)
  useEffect(() => {
    if (handed.current) return
    handed.current = true
    const digits = params.digits ? decodeURIComponent(params.digits) : ''
    const code = params.code ? decodeURIComponent(params.code) : ''
    if (digits) {
      setTyped(digits)
      void submitTyped(digits)
    } else if (code) void redeem(code)
    // Once, on arrival: later changes of the page's state must not hand it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const confirmFound = async () => {
    if (!found) return
    await redeem(found.code)
    setFound(null)
  }

  const scan = async () => {
    const scanned = await scanQrCode()
    // Closing the camera is not an error; the typed code below still works.
    if (scanned === null) return
    await redeem(scanned)
  }

  if (outcome) {
    return <RedeemResult outcome={outcome} onNext={() => setOutcome(null)} />
  }
  if (found) {
    return (
      <CheckOrder
        found={found}
        busy={busy}
        onConfirm={() => void confirmFound()}
        onBack={() => setFound(null)}
      />
    )
  }

  return (
    <View>
      <View className="card scan__shop">
        <Text className="scan__shop-label">本店</Text>
        <Text className="scan__shop-name">{shopName ?? '合作商户'}</Text>
        {todayCount !== null && <Text className="scan__today">今天已核销 {todayCount} 单</Text>}
        <Text className="hint scan__shop-hint">
          顾客打开“我的兑换”里的兑换码，您扫一下，看清屏幕上写的东西再交货。
        </Text>
      </View>

      {CAN_SCAN && (
        <Button className="btn btn--primary scan__camera" disabled={busy || undefined} onClick={scan}>
          {busy ? '正在核销…' : '扫顾客的兑换码'}
        </Button>
      )}

      <View className="card scan__manual">
        <Text className="card__title">{CAN_SCAN ? '扫不了？输入兑换数字' : '输入兑换数字'}</Text>
        <Text className="hint scan__manual-hint">请顾客念出二维码下面的8位数字。</Text>
        <Input
          className="scan__input"
          type={CAN_SCAN ? 'number' : 'text'}
          value={typed}
          placeholder="8位数字"
          placeholderClass="scan__placeholder"
          maxlength={CAN_SCAN ? 9 : 200}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => void submitTyped()}
        />
        {problem && <Text className="error-text">{problem}</Text>}
        <Button
          className={`btn ${CAN_SCAN ? 'btn--secondary' : 'btn--primary'}`}
          disabled={busy || undefined}
          onClick={() => void submitTyped()}
        >
          {busy ? '请稍候…' : /^[\d\s]*$/.test(typed) ? '查找这一单' : '核销'}
        </Button>
      </View>

      <MenuItem
        title="今日核销"
        icon="today"
        description={
          todayCount === null ? '今天已经交给顾客的东西' : `今天已核销 ${todayCount} 单，点开看明细`
        }
        onClick={() => openPage(ROUTES.merchantToday)}
      />
    </View>
  )
}

export default function MerchantScanPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page scan${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && (hasRole(me, 'merchant') && me.merchantId ? <Scanner me={me} /> : <StaffOnly />)}
    </View>
  )
}
