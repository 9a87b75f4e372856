import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { DoorCode, RecipientDetail } from '@shared/care'
import ConfirmDialog from '@/components/confirm-dialog'
import { ErrorState, Loading } from '@/components/page-state'
import QrCode from '@/components/qr-code'
import { doorCode, getRecipient } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import CarePage from '../../components/care-page'
import './index.scss'

/** The browser can print the page; on WeChat the worker takes a screenshot to print. */
const CAN_PRINT = process.env.TARO_ENV === 'h5'

function Door({ id }: { id: string }) {
  const [recipient, setRecipient] = useState<RecipientDetail | null>(null)
  const [code, setCode] = useState<DoorCode | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [revoking, setRevoking] = useState(false)
  const [revoked, setRevoked] = useState(false)

  useEffect(() => {
    let current = true
    setError(null)
    Promise.all([getRecipient(id), doorCode(id)])
      .then(([r, c]) => {
        if (!current) return
        setRecipient(r)
        setCode(c)
      })
      .catch((e) => current && setError(toCloudError(e).message))
    return () => {
      current = false
    }
  }, [id, attempt])

  if (error) return <ErrorState message={error} onRetry={() => setAttempt((n) => n + 1)} />
  if (!recipient || !code) return <Loading />
  return (
    <View>
      <View className="card door__sheet">
        <Text className="door__title">爱心敲门 · 门牌码</Text>
        <Text className="door__name">{recipient.name}</Text>
        <QrCode text={code.qr} label={`${recipient.name}的门牌码`} />
        <Text className="door__text">队员上门时请扫一扫这个码，记为“到门”。</Text>
      </View>
      {revoked && <Text className="door__revoked">已作废以前打印的门牌码，请打印这张新的贴上。</Text>}
      <Text className="hint door__hint">
        打印出来贴在老人家门内侧或冰箱上。码丢了、被拍走了，就点“作废重印”，以前的码马上失效。
      </Text>
      {CAN_PRINT && (
        <Button className="btn btn--primary door__print" onClick={() => window.print()}>
          打印
        </Button>
      )}
      <Button className="btn btn--danger door__revoke" onClick={() => setRevoking(true)}>
        作废重印
      </Button>
      {revoking && (
        <ConfirmDialog
          title="作废以前的门牌码？"
          content={`${recipient.name}家门上以前贴的码都会失效，扫了不再算“到门”。请把新码打印出来贴上。`}
          confirmText="作废并生成新码"
          onConfirm={async () => {
            setCode(await doorCode(id, true))
            setRevoked(true)
            setRevoking(false)
          }}
          onClose={() => setRevoking(false)}
        />
      )}
    </View>
  )
}

export default function DoorPage() {
  // Opened without a router (a test renders the page alone): no query.
  const params: Partial<Record<string, string>> = useRouter()?.params ?? {}
  return (
    <CarePage className="door" workersOnly="这一页是社工打印关爱对象门牌码用的。">
      {() => <Door id={params.id ?? ''} />}
    </CarePage>
  )
}
