import { type ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
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

interface TextFieldProps {
  label: string
  /** A short line under the label that says what to write. */
  hint?: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
  /** What is wrong with the value, shown under the box; nothing when empty. */
  error?: string | null
  /** A large box for several lines (Textarea) instead of one line. */
  multiline?: boolean
  /** The keyboard of a one-line box, e.g. 'number' or 'digit'. */
  type?: 'text' | 'number' | 'idcard' | 'digit'
}

/**
 * A labelled box to type in, with its error under it. Props that are not given are not passed on at all, so the
 * control keeps its own defaults (Taro's Input, for one, allows 140 characters unless told otherwise).
 */
export function TextField({
  label,
  hint,
  value,
  onChange,
  placeholder,
  maxlength,
  error,
  multiline,
  type,
}: TextFieldProps) {
  const common = {
    value,
    ...(maxlength !== undefined ? { maxlength } : {}),
    ...(placeholder !== undefined ? { placeholder } : {}),
    placeholderClass: 'form-field__placeholder',
    onInput: (e: { detail: { value: string } }) => onChange(e.detail.value),
  }
  return (
    <FormField label={label} hint={hint}>
      {multiline ? (
        <Textarea className="form-field__textarea" {...common} />
      ) : (
        <Input className="form-field__input" {...(type !== undefined ? { type } : {})} {...common} />
      )}
      {error && <Text className="error-text">{error}</Text>}
    </FormField>
  )
}
