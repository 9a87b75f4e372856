import { Text, View } from '@tarojs/components'
import './index.scss'

interface MenuItemProps {
  title: string
  /** One line under the title that says what happens there. */
  description?: string
  /** Highlights the entry as the next thing to do. */
  primary?: boolean
  onClick: () => void
}

/** One large tappable row that opens another page. */
export default function MenuItem({ title, description, primary = false, onClick }: MenuItemProps) {
  return (
    <View className={`menu-item${primary ? ' menu-item--primary' : ''}`} onClick={onClick} role="button">
      <View className="menu-item__body">
        <Text className="menu-item__title">{title}</Text>
        {description && <Text className="menu-item__description">{description}</Text>}
      </View>
      <Text className="menu-item__arrow">›</Text>
    </View>
  )
}
