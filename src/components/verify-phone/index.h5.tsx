/**
 * 验证手机号 in the H5 build, which has no WeChat: the emulator gives the code the phone-number button would
 * give, for the demo person acted as (their own number).
 */
import { Button } from '@tarojs/components'
import { demoPhoneCode } from '@/services/identity'
import { askPrivacy } from '@/services/privacy'
import type { VerifyPhoneButtonProps } from './types'

export type { VerifyPhoneButtonProps } from './types'

export default function VerifyPhoneButton({ busy, onCode, onRefused }: VerifyPhoneButtonProps) {
  const ask = async () => {
    if (!(await askPrivacy('getPhoneNumber'))) return onRefused()
    try {
      onCode(await demoPhoneCode())
    } catch {
      onRefused()
    }
  }
  return (
    <Button
      className={`btn btn--quiet verify-phone${busy ? ' btn--disabled' : ''}`}
      disabled={busy || undefined}
      onClick={() => void ask()}
    >
      {busy ? '正在验证…' : '用微信绑定的手机号验证'}
    </Button>
  )
}
