import { Text, View } from '@tarojs/components'
import Icon, { IconBadge, type IconName } from '@/components/icon'
import './index.scss'

interface MenuItemProps {
  title: string
  /** One line under the title that says what happens there. */
  description?: string
  /** The picture in the circle before the title (decorative: the title says it). */
  icon?: IconName
  /** Highlights the entry as the next thing to do. */
  primary?: boolean
  /** A count shown as a red badge (unread notices, new dispatches); nothing when 0. */
  badge?: number
  onClick: () => void
}

/** One large tappable row that opens another page. */
export default function MenuItem({
  title,
  description,
  icon,
  primary = false,
  badge = 0,
  onClick,
}: MenuItemProps) {
  return (
    <View className={`menu-item${primary ? ' menu-item--primary' : ''}`} onClick={onClick} role="button">
      {icon && <IconBadge name={icon} tone={primary ? 'white' : 'brand'} />}
      <View className="menu-item__body">
        <Text className="menu-item__title">{title}</Text>
        {description && <Text className="menu-item__description">{description}</Text>}
      </View>
      {badge > 0 && (
        <Text className="menu-item__badge" aria-label={`${badge}条未读`}>
          {badge > 99 ? '99+' : badge}
        </Text>
      )}
      <Icon name="next" size="medium" tone={primary ? 'white' : 'muted'} className="menu-item__arrow" />
    </View>
  )
}
