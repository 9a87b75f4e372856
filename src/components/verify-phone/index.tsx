/**
 * 验证手机号 on WeChat: the phone-number button (open-type="getPhoneNumber"). WeChat asks the person to allow
 * it and gives the page a one-time code, which `onCode` passes to user.verifyPhone. The H5 build resolves
 * index.h5.tsx instead.
 */
import { Button } from '@tarojs/components'
import type { VerifyPhoneButtonProps } from './types'

export type { VerifyPhoneButtonProps } from './types'

export default function VerifyPhoneButton({ busy, onCode, onRefused }: VerifyPhoneButtonProps) {
  return (
    <Button
      className={`btn btn--quiet verify-phone${busy ? ' btn--disabled' : ''}`}
      disabled={busy || undefined}
      openType="getPhoneNumber"
      onGetPhoneNumber={(e) => {
        const code = (e.detail as { code?: string }).code
        if (code) onCode(code)
        else onRefused()
      }}
    >
      {busy ? '正在验证…' : '用微信绑定的手机号验证'}
    </Button>
  )
}
