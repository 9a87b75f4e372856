/**
 * 核验志愿服务证明, for anyone (a certificate's QR code opens it): whether a serial is a valid or a revoked
 * certificate, the masked name, the hours and the period — nothing else. A social worker can revoke a valid
 * one here, with a reason, after confirming.
 */
import { useCallback, useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { type CertificateCheck, revokeInput } from '@shared/certificate'
import { hoursText, SERVICE_KIND_LABELS, SERVICE_KINDS } from '@shared/service'
import ConfirmDialog from '@/components/confirm-dialog'
import { Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { revokeCertificate, verifyCertificate } from '@/services/certificate'
import { toCloudError } from '@/services/cloud'
import { dayText } from '../../certificate-image'
import { serialIn } from '../../link'
import './index.scss'

function validateReason(reason: string): string | null {
  const parsed = revokeInput.safeParse({ serial: '-', reason })
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请填写作废的原因')
}

function CheckCard({ check }: { check: CertificateCheck }) {
  const revoked = check.status === 'revoked'
  return (
    <View className="card service__check" aria-label="核验结果">
      <Text className={`service__verdict${revoked ? ' service__verdict--revoked' : ''}`}>
        {revoked ? '已作废' : '有效'}
      </Text>
      <Text className="hint">
        {revoked ? '这份证明已被社工站作废，不能再作为服务时长的证明。' : '这是社工站开具的真实证明。'}
      </Text>
      <Text className="service__fact">姓名：{check.nameMasked}</Text>
      <Text className="service__fact">
        时间段：{dayText(check.period.from)} 至 {dayText(check.period.to)}
      </Text>
      <Text className="service__fact">服务时长：共{hoursText(check.total)}小时</Text>
      {SERVICE_KINDS.filter((kind) => check.minutes[kind] > 0).map((kind) => (
        <Text key={kind} className="service__row-line">
          {SERVICE_KIND_LABELS[kind]}：{hoursText(check.minutes[kind])}小时
        </Text>
      ))}
      <Text className="service__row-line">编号：{check.serial}</Text>
    </View>
  )
}

export default function VerifyPage() {
  const { params } = useRouter()
  const fromLink = serialIn(params.serial) ?? serialIn(params.q) ?? serialIn(params.scene)
  const { me } = useMe()
  const [typed, setTyped] = useState(fromLink ?? '')
  const [check, setCheck] = useState<CertificateCheck | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const [revoking, setRevoking] = useState(false)

  const query = useCallback(async (text: string) => {
    const serial = serialIn(text) ?? text.trim()
    if (!serial) {
      setProblem('请填写证明上的编号')
      return
    }
    setBusy(true)
    setProblem('')
    setCheck(null)
    try {
      setCheck(await verifyCertificate(serial))
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setBusy(false)
    }
  }, [])

  useEffect(() => {
    if (fromLink) void query(fromLink)
  }, [fromLink, query])

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      const serial = serialIn(res.result)
      if (!serial) {
        setProblem('扫到的不是志愿服务证明的二维码')
        return
      }
      setTyped(serial)
      void query(serial)
    } catch {
      // The person closed the scanner: nothing to do.
    }
  }

  const revoke = async (reason: string) => {
    if (!check) return
    await revokeCertificate(check.serial, reason)
    setRevoking(false)
    Taro.showToast({ title: '已作废', icon: 'success' }).catch(() => undefined)
    await query(check.serial)
  }

  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page service${elder ? ' page--elder' : ''}`}>
      <View className="card">
        <Text className="card__title">证明编号</Text>
        <Input
          className="service__input"
          value={typed}
          placeholder="例如：XS-2026-12345678-9"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => void query(typed)}
        />
        <Button
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          disabled={busy || undefined}
          onClick={() => void query(typed)}
        >
          {busy ? '正在查询…' : '查询'}
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button className="btn" onClick={() => void scan()}>
            扫证明上的二维码
          </Button>
        )}
      </View>
      {busy && <Loading text="正在核验…" />}
      {problem && (
        <View className="card" role="alert">
          <Text className="error-text">{problem}</Text>
        </View>
      )}
      {check && <CheckCard check={check} />}
      {check && check.status === 'valid' && hasRole(me, 'worker') && (
        <Button className="btn btn--danger" onClick={() => setRevoking(true)}>
          作废这份证明
        </Button>
      )}
      {revoking && check && (
        <ConfirmDialog
          title="作废这份证明？"
          content={`作废后，任何人扫码都会看到“已作废”，这不能撤回。编号：${check.serial}`}
          confirmText="确认作废"
          reason={{ label: '作废的原因', placeholder: '例如：服务时长记录有误', validate: validateReason }}
          onConfirm={revoke}
          onClose={() => setRevoking(false)}
        />
      )}
    </View>
  )
}
