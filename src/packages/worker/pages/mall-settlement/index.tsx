import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { SettlementItem } from '@shared/mall'
import { shanghaiMonth, shanghaiMonthStart, shiftMonth } from '@shared/time'
import Icon from '@/components/icon'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { hasRole, useMe } from '@/hooks/use-me'
import { type CloudError, toCloudError } from '@/services/cloud'
import { getSettlement } from '@/services/mall'
import WorkersOnly from '@/components/workers-only'
import './index.scss'

const monthLabel = (month: string) => {
  const [year, mon] = month.split('-').map(Number)
  return `${year}年${mon}月`
}

function Cell({
  children,
  name = false,
  head = false,
}: {
  children: ReactNode
  name?: boolean
  head?: boolean
}) {
  return (
    <View
      className={`settlement__cell${name ? ' settlement__cell--name' : ''}`}
      role={head ? 'columnheader' : 'cell'}
    >
      <Text>{children}</Text>
    </View>
  )
}

function SettlementTable({ items }: { items: SettlementItem[] }) {
  const orders = items.reduce((sum, item) => sum + item.orders, 0)
  const points = items.reduce((sum, item) => sum + item.points, 0)
  return (
    <View className="card settlement__table" role="table">
      <View className="settlement__row settlement__row--head" role="row">
        <Cell name head>
          商户
        </Cell>
        <Cell head>单数</Cell>
        <Cell head>积分</Cell>
      </View>
      {items.map((item) => (
        <View key={item.merchantId} className="settlement__row" role="row">
          <Cell name>{item.name}</Cell>
          <Cell>{item.orders}</Cell>
          <Cell>{item.points}</Cell>
        </View>
      ))}
      <View className="settlement__row settlement__row--total" role="row">
        <Cell name>合计</Cell>
        <Cell>{orders}</Cell>
        <Cell>{points}</Cell>
      </View>
    </View>
  )
}

function Settlement() {
  const thisMonth = shanghaiMonth(Date.now())
  const [month, setMonth] = useState(thisMonth)
  const [items, setItems] = useState<SettlementItem[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const requestId = useRef(0)

  const load = useCallback(async (which: string) => {
    const id = ++requestId.current
    setItems(null)
    setError(null)
    try {
      const { items: fresh } = await getSettlement({
        from: shanghaiMonthStart(which),
        to: shanghaiMonthStart(shiftMonth(which, 1)),
      })
      if (id === requestId.current) setItems(fresh)
    } catch (e) {
      if (id === requestId.current) setError(toCloudError(e))
    }
  }, [])
  useEffect(() => {
    void load(month)
  }, [month, load])
  usePullDownRefresh(() => {
    void load(month).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View>
      <View className="settlement__months">
        <Button className="btn btn--quiet settlement__step" onClick={() => setMonth(shiftMonth(month, -1))}>
          <Icon name="previous" /> 上个月
        </Button>
        <Text className="settlement__month">{monthLabel(month)}</Text>
        <Button
          className={`btn btn--quiet settlement__step${month >= thisMonth ? ' btn--disabled' : ''}`}
          disabled={month >= thisMonth || undefined}
          onClick={() => setMonth(shiftMonth(month, 1))}
        >
          下个月 <Icon name="next" />
        </Button>
      </View>
      <Text className="hint settlement__note">
        按店员扫码交货的时间统计，积分是各单所需积分的合计，政府按这个数给商户结算。
      </Text>
      {error && <ErrorState message={error.message} onRetry={() => void load(month)} />}
      {!error && !items && <Loading />}
      {items && items.length === 0 && (
        <EmptyState title={`${monthLabel(month)}还没有兑换`} text="店员扫码交货后，这里就有数了" />
      )}
      {items && items.length > 0 && <SettlementTable items={items} />}
    </View>
  )
}

export default function MallSettlementPage() {
  const { me, loading, error, needsIdentity, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page settlement${elder ? ' page--elder' : ''}`}>
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {me && (hasRole(me, 'worker') ? <Settlement /> : <WorkersOnly />)}
    </View>
  )
}
