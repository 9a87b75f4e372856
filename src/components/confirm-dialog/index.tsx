import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { AtModal, AtModalAction, AtModalContent, AtModalHeader } from 'taro-ui'
import { toCloudError } from '@/services/cloud'
import './index.scss'

export interface ReasonField {
  label: string
  placeholder: string
  /** Answers the Chinese message to show, or null when the reason is acceptable. */
  validate: (reason: string) => string | null
}

interface ConfirmDialogProps {
  title: string
  content?: string
  confirmText: string
  /** @default '再想想' */
  cancelText?: string
  /** Ask for a written reason before confirming. */
  reason?: ReasonField
  /** Does the work; a thrown CloudError is shown at the top of the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void> | void
  onClose: () => void
}

/** A confirmation dialog with large buttons; render it only while it is open. */
export default function ConfirmDialog({
  title,
  content,
  confirmText,
  cancelText = '再想想',
  reason,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    if (busy) return
    const trimmed = text.trim()
    if (reason) {
      const problem = reason.validate(trimmed)
      if (problem) {
        setError(problem)
        return
      }
    }
    setBusy(true)
    setError(null)
    try {
      await onConfirm(trimmed)
    } catch (e) {
      setError(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <AtModal isOpened closeOnClickOverlay={!busy} onClose={onClose} className="confirm-dialog">
      <AtModalHeader>
        <Text className="confirm-dialog__title">{title}</Text>
      </AtModalHeader>
      <AtModalContent>
        {error && (
          <Text className="error-text confirm-dialog__error confirm-dialog__error--top">{error}</Text>
        )}
        {content && <Text className="confirm-dialog__content">{content}</Text>}
        {reason && (
          <View className="confirm-dialog__reason">
            <Text className="confirm-dialog__label">{reason.label}</Text>
            <Textarea
              className="confirm-dialog__textarea"
              value={text}
              placeholder={reason.placeholder}
              placeholderClass="confirm-dialog__placeholder"
              maxlength={200}
              onInput={(e) => setText(e.detail.value)}
            />
          </View>
        )}
      </AtModalContent>
      <AtModalAction isSimple>
        <Button className="confirm-dialog__cancel" disabled={busy || undefined} onClick={onClose}>
          {cancelText}
        </Button>
        <Button className="confirm-dialog__confirm" disabled={busy || undefined} onClick={confirm}>
          {busy ? '请稍候…' : confirmText}
        </Button>
      </AtModalAction>
    </AtModal>
  )
}
