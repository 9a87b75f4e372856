import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CareTeam } from '@shared/care'
import QrCode from '@/components/qr-code'
import { addMember } from '@/services/care'
import { toCloudError } from '@/services/cloud'
import { CAN_SCAN, scanQrCode } from '@/services/device'

/**
 * 队员码: a volunteer shows it, the captain scans it to add them to the team (a captain cannot search people;
 * workers can). It carries only the volunteer's own id; `care.addMember` checks they are an approved volunteer.
 */
const PREFIX = 'xiaoshe:member:'

export const memberQrText = (openid: string) => `${PREFIX}${openid}`

export function parseMemberQr(text: string): string | null {
  const trimmed = text.trim()
  return trimmed.startsWith(PREFIX) && trimmed.length > PREFIX.length ? trimmed.slice(PREFIX.length) : null
}

/** The volunteer's own 队员码, to show the captain. */
export function MyMemberCode({ openid }: { openid: string }) {
  return (
    <View className="card member-code">
      <Text className="card__title">我的队员码</Text>
      <Text className="hint">想加入服务队，请队长用“扫队员码加人”扫一下这个码。</Text>
      <QrCode text={memberQrText(openid)} label="我的队员码" />
    </View>
  )
}

/** The captain adds a volunteer by their 队员码. */
export function AddByMemberCode({ team, onAdded }: { team: CareTeam; onAdded: (team: CareTeam) => void }) {
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async (text: string) => {
    const openid = parseMemberQr(text)
    if (!openid) {
      setProblem('这不是队员码，请扫志愿者在“服务队”页出示的队员码')
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const updated = await addMember(team.id, openid)
      const name = updated.members.find((m) => m.openid === openid)?.name ?? '这位志愿者'
      setTyped('')
      onAdded(updated)
      Taro.showToast({ title: `已把${name}加入服务队`, icon: 'none' }).catch(() => undefined)
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    const scanned = await scanQrCode()
    if (scanned !== null) await add(scanned)
  }

  return (
    <View className="member-code__add">
      {CAN_SCAN ? (
        <Button className="btn btn--secondary" disabled={busy || undefined} onClick={() => void scan()}>
          扫队员码加人
        </Button>
      ) : (
        <>
          <Input
            className="form-field__input"
            value={typed}
            maxlength={100}
            placeholder="粘贴队员码的文字"
            placeholderClass="form-field__placeholder"
            onInput={(e) => setTyped(e.detail.value)}
          />
          <Button className="btn btn--secondary" disabled={busy || undefined} onClick={() => void add(typed)}>
            用队员码加人
          </Button>
        </>
      )}
      {problem && <Text className="error-text">{problem}</Text>}
    </View>
  )
}
