import { useEffect, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { redeemInput } from '@shared/mall'
import type { Me } from '@shared/user'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { ROUTES, openPage } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { findShop, redeemCode } from '@/services/mall'
import RedeemResult, { type RedeemOutcome } from '../../components/redeem-result'
import StaffOnly from '../../components/staff-only'
import './index.scss'

/** Only WeChat can open the camera to scan; in a browser the code is typed or pasted. */
const CAN_SCAN = process.env.TARO_ENV === 'weapp'

function problemWith(code: string): string | null {
  const parsed = redeemInput.safeParse({ code })
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请扫描或输入兑换码')
}

function Scanner({ me }: { me: Me }) {
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<RedeemOutcome | null>(null)
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

  const scan = async () => {
    let scanned: string
    try {
      scanned = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      // Closing the camera is not an error; the typed code below still works.
      return
    }
    await redeem(scanned)
  }

  if (outcome) {
    return <RedeemResult outcome={outcome} onNext={() => setOutcome(null)} />
  }

  return (
    <View>
      <View className="card scan__shop">
        <Text className="scan__shop-label">本店</Text>
        <Text className="scan__shop-name">{shopName ?? '合作商户'}</Text>
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
        <Text className="card__title">{CAN_SCAN ? '扫不了？输入兑换码' : '输入兑换码'}</Text>
        <Text className="hint scan__manual-hint">二维码下面那一串字母和数字，空格不用输入。</Text>
        <Textarea
          className="scan__input"
          value={typed}
          placeholder="输入或粘贴顾客的兑换码"
          placeholderClass="scan__placeholder"
          maxlength={200}
          autoHeight
          onInput={(e) => setTyped(e.detail.value)}
        />
        {problem && <Text className="error-text">{problem}</Text>}
        <Button
          className={`btn ${CAN_SCAN ? 'btn--secondary' : 'btn--primary'}`}
          disabled={busy || undefined}
          onClick={() => void redeem(typed)}
        >
          {busy ? '正在核销…' : '核销'}
        </Button>
      </View>

      <MenuItem
        title="今日核销"
        description="今天已经交给顾客的东西"
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
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && (hasRole(me, 'merchant') && me.merchantId ? <Scanner me={me} /> : <StaffOnly />)}
    </View>
  )
}
