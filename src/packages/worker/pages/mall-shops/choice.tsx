import { Text, View } from '@tarojs/components'

interface ChoiceProps<T extends string> {
  options: ReadonlyArray<{ value: T; label: string }>
  value: T
  onChange: (value: T) => void
}

/** One choice among a few, as large chips (easier to hit than a picker wheel). */
export default function Choice<T extends string>({ options, value, onChange }: ChoiceProps<T>) {
  return (
    <View className="shops__choice" role="radiogroup">
      {options.map((option) => (
        <View
          key={option.value}
          role="radio"
          aria-checked={option.value === value}
          className={`shops__chip${option.value === value ? ' shops__chip--on' : ''}`}
          onClick={() => onChange(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** The first message of each field a schema refused, by field name. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '')
    errors[field] ??= issue.message
  }
  return errors
}
