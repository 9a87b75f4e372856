import { type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface FormFieldProps {
  label: string
  /** A short line under the label that says what to write. */
  hint?: string
  children: ReactNode
}

/** A labelled block of a form: the label sits above the control, never beside it, so both stay large. */
export default function FormField({ label, hint, children }: FormFieldProps) {
  return (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      {hint && <Text className="form-field__hint">{hint}</Text>}
      {children}
    </View>
  )
}
