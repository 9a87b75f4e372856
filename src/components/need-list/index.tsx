import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '@/hooks/use-paged-list'
import './index.scss'

export { useRefreshOnReturn } from './use-refresh-on-return'

/** Under a paged list: the error of the last page, a button for more, or the end. */
export default function ListFooter<T>({ list }: { list: PagedList<T> }) {
  return (
    <View className="need-list__footer">
      {list.error && list.items.length > 0 && (
        <Text className="error-text need-list__error">{list.error.message}</Text>
      )}
      {list.hasMore && (
        <Button
          className="btn btn--quiet"
          disabled={list.loadingMore || undefined}
          onClick={() => void list.loadMore()}
        >
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      )}
      {!list.hasMore && list.items.length > 0 && <Text className="hint need-list__end">已经到底了</Text>}
    </View>
  )
}
