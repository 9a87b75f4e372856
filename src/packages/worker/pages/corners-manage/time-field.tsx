import { Picker, Text, View } from '@tarojs/components'
import Icon from '@/components/icon'

interface TimeFieldProps {
  mode: 'date' | 'time'
  value: string
  placeholder: string
  /** The earliest choice ('YYYY-MM-DD' or 'HH:MM'); the wheel starts there. */
  start?: string
  /** The latest choice. */
  end?: string
  onChange: (value: string) => void
}

/** A date ('YYYY-MM-DD') or a time of day ('HH:MM') chosen with the platform's picker, shown as a field. */
export default function TimeField({ mode, value, placeholder, start, end, onChange }: TimeFieldProps) {
  return (
    <Picker
      mode={mode}
      value={value}
      {...(start ? { start } : {})}
      {...(end ? { end } : {})}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View className="form-field__input manage__picker">
        <Text className={value ? 'manage__picker-value' : 'form-field__placeholder'}>
          {value || placeholder}
        </Text>
        <Icon name="next" size="medium" tone="muted" />
      </View>
    </Picker>
  )
}
