import { Button, Text, View } from '@tarojs/components'
import { AtActivityIndicator } from 'taro-ui'
import './index.scss'

interface LoadingProps {
  /** @default '正在加载…' */
  text?: string
}

export function Loading({ text = '正在加载…' }: LoadingProps) {
  return (
    <View className="page-state">
      <AtActivityIndicator size={48} color="#d9482b" />
      <Text className="page-state__text">{text}</Text>
    </View>
  )
}

interface ErrorStateProps {
  message: string
  onRetry?: () => void
  /** @default '重新加载' */
  retryText?: string
}

export function ErrorState({ message, onRetry, retryText = '重新加载' }: ErrorStateProps) {
  return (
    <View className="page-state page-state--error">
      <Text className="page-state__title">没能打开</Text>
      <Text className="page-state__text">{message}</Text>
      {onRetry && (
        <Button className="btn btn--primary page-state__action" onClick={onRetry}>
          {retryText}
        </Button>
      )}
    </View>
  )
}

interface EmptyStateProps {
  title: string
  text?: string
}

export function EmptyState({ title, text }: EmptyStateProps) {
  return (
    <View className="page-state page-state--empty">
      <Text className="page-state__title">{title}</Text>
      {text && <Text className="page-state__text">{text}</Text>}
    </View>
  )
}
