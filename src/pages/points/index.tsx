import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Board, PointsRules } from '@shared/points'
import type { PointsSummary } from '@shared/user'
import IdentityPicker from '@/components/identity-picker'
import MenuItem from '@/components/menu-item'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import PointsBoard, { type BoardPeriod } from '@/components/points-board'
import PointsEntry from '@/components/points-entry'
import PointsRulesSheet from '@/components/points-rules'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { getBoard, getLedger, getRules } from '@/services/points'
import { useTabSelected } from '@/utils/tab-bar'
import './index.scss'

const PAGE_SIZE = 20

type Section = 'mine' | 'board'

function BalanceCard({ summary }: { summary: PointsSummary }) {
  return (
    <View className="card points__balance">
      <Text className="points__balance-label">我的积分</Text>
      <View className="points__balance-main">
        <Text className="points__balance-value">{summary.balance}</Text>
        <Text className="points__balance-unit">分</Text>
      </View>
      <View className="points__split">
        <View className="points__split-item">
          <Text className="points__split-label">可以用</Text>
          <Text className="points__split-value points__split-value--available">{summary.available} 分</Text>
        </View>
        <View className="points__split-item">
          <Text className="points__split-label">冻结中</Text>
          <Text className="points__split-value">{summary.held} 分</Text>
        </View>
      </View>
      <Text className="hint points__held-hint">
        冻结：兑换未完成的积分暂时冻结，领到东西后才扣掉，没领就退回来。
      </Text>
      <Text className="points__totals">
        一共得到 {summary.earned} 分，用掉和扣掉 {summary.spent} 分
      </Text>
    </View>
  )
}

/** Instead of the balance when nobody is signed in: H5 asks for a demo identity, WeChat for a login. */
function SignInCard({ h5, onChoose, onRetry }: { h5: boolean; onChoose: () => void; onRetry: () => void }) {
  return (
    <View className="card points__signin">
      <Text className="points__signin-title">{h5 ? '先选一位体验身份' : '请先登录微信'}</Text>
      <Text className="points__signin-text">
        {h5
          ? '选好身份后，就能看到自己的积分和明细。下面的积分公示谁都可以看。'
          : '登录后就能看到自己的积分和明细。下面的积分公示谁都可以看。'}
      </Text>
      <Button className="btn btn--primary" onClick={h5 ? onChoose : onRetry}>
        {h5 ? '选择体验身份' : '重新加载'}
      </Button>
    </View>
  )
}

/** The caller's ledger, newest first, a page at a time as the person scrolls down. */
function LedgerList({ active, refreshToken }: { active: boolean; refreshToken: number }) {
  const fetchPage = useCallback((cursor: string | undefined) => getLedger({ cursor, limit: PAGE_SIZE }), [])
  const ledger = usePagedList(fetchPage)
  const { refresh } = ledger

  const firstToken = useRef(refreshToken)
  useEffect(() => {
    if (refreshToken !== firstToken.current) void refresh()
  }, [refreshToken, refresh])
  useReachBottom(() => {
    if (active) void ledger.loadMore()
  })

  if (ledger.loading && ledger.items.length === 0) return <Loading />
  if (ledger.error && ledger.items.length === 0)
    return <ErrorState message={ledger.error.message} onRetry={() => void refresh()} />
  if (ledger.items.length === 0)
    return <EmptyState title="还没有积分记录" text="帮助邻居、参加活动、做文明事，都能得积分。" />
  return (
    <View>
      <View className="card points__entries">
        {ledger.items.map((entry) => (
          <PointsEntry key={entry.id} entry={entry} />
        ))}
      </View>
      {ledger.error && <Text className="error-text points__more-error">{ledger.error.message}</Text>}
      {ledger.hasMore && (
        <Button
          className="btn btn--quiet"
          disabled={ledger.loadingMore || undefined}
          onClick={() => void ledger.loadMore()}
        >
          {ledger.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      )}
      {!ledger.hasMore && <Text className="hint points__end">已经到底了</Text>}
    </View>
  )
}

export default function PointsPage() {
  const { me, loading: meLoading, error: meError, needsIdentity, reload: reloadMe } = useMe()
  useTabSelected(ROUTES.points)
  const owner = me?.openid ?? null
  const h5 = process.env.TARO_ENV === 'h5'
  const signedOut = needsIdentity || meError?.code === 'unauthenticated'
  const [view, setView] = useState<Section>(signedOut ? 'board' : 'mine')
  // Someone who has just chosen who they are wants to see their own points.
  const wasSignedOut = useRef(signedOut)
  useEffect(() => {
    if (signedOut) wasSignedOut.current = true
    else if (owner && wasSignedOut.current) {
      wasSignedOut.current = false
      setView('mine')
    }
  }, [signedOut, owner])
  const [pickerOpen, setPickerOpen] = useState(false)

  // The caller's summary comes with `login` (one call less on the first screen); it refreshes with it.
  const summary = me?.points ?? null

  // Tells the ledger list to read its first page again.
  const [ledgerRefresh, setLedgerRefresh] = useState(0)

  // The public board, for anyone.
  const [period, setPeriod] = useState<BoardPeriod>('month')
  const [board, setBoard] = useState<Board | null>(null)
  const [boardLoading, setBoardLoading] = useState(true)
  const [boardError, setBoardError] = useState<string | null>(null)
  const boardRequest = useRef(0)
  const loadBoard = useCallback(async (which: BoardPeriod) => {
    const id = ++boardRequest.current
    setBoardLoading(true)
    setBoardError(null)
    try {
      const fresh = await getBoard({ period: which })
      if (id === boardRequest.current) setBoard(fresh)
    } catch (e) {
      if (id === boardRequest.current) setBoardError(toCloudError(e).message)
    } finally {
      if (id === boardRequest.current) setBoardLoading(false)
    }
  }, [])
  // Read only once someone opens 积分公示, and again when they switch the period.
  useEffect(() => {
    if (view === 'board') void loadBoard(period)
  }, [view, period, loadBoard])

  // The rules, fetched the first time someone opens them.
  const [rulesOpen, setRulesOpen] = useState(false)
  const [rules, setRules] = useState<PointsRules | null>(null)
  const [rulesError, setRulesError] = useState<string | null>(null)
  const loadRules = useCallback(async () => {
    setRulesError(null)
    try {
      setRules(await getRules())
    } catch (e) {
      setRulesError(toCloudError(e).message)
    }
  }, [])
  const openRules = () => {
    setRulesOpen(true)
    if (!rules) void loadRules()
  }

  // The summary refreshes with `login` (useMe reloads it whenever the tab shows).
  const refreshOthers = useCallback(async () => {
    if (owner) setLedgerRefresh((n) => n + 1)
    if (view === 'board') await loadBoard(period)
  }, [loadBoard, period, owner, view])

  // Coming back to the tab (after helping someone, after a redemption) shows the new numbers.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void refreshOthers()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), refreshOthers()]).finally(() => Taro.stopPullDownRefresh())
  })

  const elder = Boolean(me?.profile.elderMode)

  const personal = (() => {
    if (signedOut)
      return <SignInCard h5={h5} onChoose={() => setPickerOpen(true)} onRetry={() => void reloadMe()} />
    if (!me && meLoading) return <Loading />
    if (!me && meError) return <ErrorState message={meError.message} onRetry={() => void reloadMe()} />
    if (summary) return <BalanceCard summary={summary} />
    return <Loading />
  })()

  return (
    <View className={`page points${elder ? ' page--elder' : ''}`}>
      {h5 && pickerOpen && <IdentityPicker open onClose={() => setPickerOpen(false)} />}

      {personal}

      <MenuItem
        title="积分规则"
        icon="rules"
        description="怎样得分、怎样扣分、积分怎么用"
        onClick={openRules}
      />

      <View className="points__tabs" role="tablist">
        {(
          [
            ['mine', '我的明细'],
            ['board', '积分公示'],
          ] as const
        ).map(([key, label]) => (
          <View
            key={key}
            role="tab"
            aria-selected={view === key}
            className={`points__tab${view === key ? ' points__tab--active' : ''}`}
            onClick={() => setView(key)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>

      {/* Hidden rather than unmounted, so that the ledger keeps its pages while 积分公示 is shown. */}
      <View className={`points__ledger${view === 'mine' ? '' : ' points__hidden'}`}>
        {signedOut && (
          <EmptyState title="还看不到明细" text={h5 ? '请先在上面选择体验身份。' : '请先登录微信。'} />
        )}
        {!signedOut && !owner && meLoading && <Loading />}
        {/* One list per person: a new key starts it again from the first page. */}
        {owner && <LedgerList key={owner} active={view === 'mine'} refreshToken={ledgerRefresh} />}
      </View>

      {view === 'board' && (
        <PointsBoard
          period={period}
          onPeriodChange={setPeriod}
          board={board}
          loading={boardLoading}
          error={boardError}
          onRetry={() => void loadBoard(period)}
        />
      )}

      {rulesOpen && (
        <PointsRulesSheet
          rules={rules}
          error={rulesError}
          onRetry={() => void loadRules()}
          onClose={() => setRulesOpen(false)}
        />
      )}
    </View>
  )
}
