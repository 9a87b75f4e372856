import { Text, View } from '@tarojs/components'
import { hoursText, SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceTotals } from '@shared/service'
import Icon from '@/components/icon'
import './index.scss'

interface ServiceHoursProps {
  service: ServiceTotals
  /** What to say while there is no confirmed service yet. */
  emptyText: string
  /** Makes the card a button (e.g. into 服务记录与证明), with `openText` under it. */
  onOpen?: () => void
  openText?: string
}

/** Confirmed service time in large hours, with what it came from. */
export default function ServiceHours({ service, emptyText, onOpen, openText }: ServiceHoursProps) {
  const parts = SERVICE_KINDS.filter((kind) => service[kind] > 0).map(
    (kind) => `${SERVICE_KIND_LABELS[kind]}${hoursText(service[kind])}小时`,
  )
  return (
    <View className="card service-hours" onClick={onOpen} role={onOpen ? 'button' : undefined}>
      <Text className="service-hours__value">{hoursText(service.minutes)}</Text>
      <Text className="service-hours__label">小时 已确认的服务时长</Text>
      <Text className="hint">{parts.length ? parts.join('，') : emptyText}</Text>
      {onOpen && openText && (
        <Text className="service-hours__open">
          {openText} <Icon name="next" />
        </Text>
      )}
    </View>
  )
}
