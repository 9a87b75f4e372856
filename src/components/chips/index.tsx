import { Text, View } from '@tarojs/components'
import './index.scss'

interface Option<T> {
  value: T
  label: string
}

interface ChipsProps<T> {
  options: ReadonlyArray<Option<T>>
  value: T
  onChange: (value: T) => void
}

/** One choice among a few, as large chips (easier to hit than a picker wheel). */
export function Chips<T extends string | number | null>({ options, value, onChange }: ChipsProps<T>) {
  return (
    <View className="chips" role="radiogroup">
      {options.map((option) => (
        <View
          key={String(option.value)}
          role="radio"
          aria-checked={option.value === value}
          className={`chips__chip${option.value === value ? ' chips__chip--on' : ''}`}
          onClick={() => onChange(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  )
}

interface MultiChipsProps<T> {
  options: ReadonlyArray<Option<T>>
  values: readonly T[]
  onChange: (values: T[]) => void
}

/** Any number of choices, as chips that turn on and off; keeps the options' order. */
export function MultiChips<T extends string | number>({ options, values, onChange }: MultiChipsProps<T>) {
  const toggle = (value: T) => {
    const on = new Set(values.includes(value) ? values.filter((v) => v !== value) : [...values, value])
    onChange(options.map((o) => o.value).filter((v) => on.has(v)))
  }
  return (
    <View className="chips" role="group">
      {options.map((option) => (
        <View
          key={String(option.value)}
          role="checkbox"
          aria-checked={values.includes(option.value)}
          className={`chips__chip${values.includes(option.value) ? ' chips__chip--on' : ''}`}
          onClick={() => toggle(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** The first message of each field a schema refused, by its path ('name', 'location.lat', 'schedule.end'). */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.')
    errors[key] ??= issue.message
  }
  return errors
}

/** The first error of a field or of anything inside it. */
export function errorOf(errors: Record<string, string>, field: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`))
  return key ? errors[key] : undefined
}

/** A typed number, or undefined when the box is empty (the schema then says what is missing). */
export function typedNumber(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : Number.NaN
}

/** A field's error under it, when there is one. */
export function FieldError({ message }: { message?: string }) {
  return message ? <Text className="error-text">{message}</Text> : null
}
