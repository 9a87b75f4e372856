import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { parseCheckinQr, type Participation } from '@shared/activities'
import { checkIn, checkOut } from '@/services/activities'
import { toCloudError } from '@/services/cloud'
import './index.scss'
import { CAN_SCAN, scanQrCode } from '@/services/device'

/** Only WeChat can open the camera; in a browser the six digits are typed. */

export type CodeMode = 'checkin' | 'checkout'

const VERB: Record<CodeMode, string> = { checkin: '签到', checkout: '签退' }

interface CodeEntryProps {
  activityId: string
  mode: CodeMode
  onDone: (place: Participation) => void
  onClose: () => void
}

/** Check-in or check-out on site: scan the organiser's QR code, or type the six digits under it. */
export default function CodeEntry({ activityId, mode, onDone, onClose }: CodeEntryProps) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const verb = VERB[mode]

  const submit = async (typed: string) => {
    if (busy) return
    const digits = typed.replace(/\s+/g, '')
    if (!/^\d{6}$/.test(digits)) {
      setProblem('签到码是6位数字，请看清社工手机上的数字')
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const place = await (mode === 'checkin' ? checkIn : checkOut)(activityId, digits)
      onDone(place)
    } catch (e) {
      setProblem(toCloudError(e).message)
      setBusy(false)
    }
  }

  const scan = async () => {
    const scanned = await scanQrCode()
    // The camera was closed: typing still works.
    if (scanned === null) return
    const parsed = parseCheckinQr(scanned)
    if (!parsed) setProblem('这不是活动的签到码，请扫社工手机上的签到码')
    else if (parsed.id !== activityId) setProblem('这是别的活动的签到码，请看清是哪个活动')
    else await submit(parsed.code)
  }

  return (
    <View className="code-entry">
      {CAN_SCAN && (
        <Button className="btn btn--primary" disabled={busy || undefined} onClick={scan}>
          {busy ? '请稍候…' : `扫码${verb}`}
        </Button>
      )}
      <Text className="code-entry__hint">
        {CAN_SCAN ? '扫不了？输入社工手机上的6位数字：' : '请输入社工手机上显示的6位数字：'}
      </Text>
      <Input
        className="code-entry__input"
        type="number"
        maxlength={6}
        value={code}
        placeholder="6位签到码"
        placeholderClass="code-entry__placeholder"
        onInput={(e) => setCode(e.detail.value)}
        onConfirm={() => void submit(code)}
      />
      {problem && <Text className="error-text">{problem}</Text>}
      <View className="code-entry__actions">
        <Button className="btn btn--quiet" disabled={busy || undefined} onClick={onClose}>
          先不{verb}
        </Button>
        <Button
          className={`btn ${CAN_SCAN ? 'btn--secondary' : 'btn--primary'}`}
          disabled={busy || undefined}
          onClick={() => void submit(code)}
        >
          {busy ? '请稍候…' : `确认${verb}`}
        </Button>
      </View>
    </View>
  )
}
