import { useCallback, useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActivityListing } from '@shared/activities'
import {
  PROJECT_CATEGORIES,
  PROJECT_CATEGORY_LABELS,
  type Corner,
  type ProjectCategory,
} from '@shared/corners'
import { DAY_GROUP_LABELS, dayGroupOf, type DayGroup } from '@shared/time'
import Icon from '@/components/icon'
import PrivacySheet from '@/components/privacy-sheet'
import ActivityCard from '@/components/activity-card'
import ListFooter, { useRefreshOnReturn } from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { ROUTES, openPage } from '@/routes'
import { findActivities } from '@/services/activities'
import { listCorners } from '@/services/corners'
import { useTabSelected } from '@/utils/tab-bar'
import { whereAmI, type Origin } from '../home/use-nearby-corners'
import './index.scss'

const PAGE_SIZE = 10

interface Filters {
  q: string
  category: ProjectCategory | null
  cornerId: string | null
}

/** The activities in runs of one day group (今天, 本周, 本周末, 以后), in the list's order. */
function grouped(items: ActivityListing[], now: number): { group: DayGroup; items: ActivityListing[] }[] {
  const runs: { group: DayGroup; items: ActivityListing[] }[] = []
  for (const item of items) {
    const group = dayGroupOf(item.startAt, now)
    const last = runs[runs.length - 1]
    if (last?.group === group) last.items.push(item)
    else runs.push({ group, items: [item] })
  }
  return runs
}

function Chip({ on, label, onTap }: { on: boolean; label: string; onTap: () => void }) {
  return (
    <View
      role="radio"
      aria-checked={on}
      className={`acts__chip${on ? ' acts__chip--on' : ''}`}
      onClick={onTap}
    >
      <Text>{label}</Text>
    </View>
  )
}

/** The corners to filter by, read when the person first asks for them. */
function CornerChips({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [corners, setCorners] = useState<Corner[] | null>(null)
  const [failed, setFailed] = useState(false)
  const load = useCallback(() => {
    setFailed(false)
    listCorners({}).then(
      (res) => setCorners(res.items),
      () => setFailed(true),
    )
  }, [])
  useEffect(load, [load])
  if (failed)
    return (
      <View className="acts__chips">
        <Text className="error-text">公益角没有读出来。</Text>
        <Chip on={false} label="再试一次" onTap={load} />
      </View>
    )
  if (!corners) return <Text className="hint">正在读取公益角…</Text>
  return (
    <View className="acts__chips" role="radiogroup">
      <Chip on={value === null} label="全部公益角" onTap={() => onChange(null)} />
      {corners.map((c) => (
        <Chip key={c.id} on={value === c.id} label={c.name} onTap={() => onChange(c.id)} />
      ))}
    </View>
  )
}

function ActivityResults({ filters, origin }: { filters: Filters; origin: Origin }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      findActivities({
        ...(filters.q ? { q: filters.q } : {}),
        ...(filters.category ? { category: filters.category } : {}),
        ...(filters.cornerId ? { cornerId: filters.cornerId } : {}),
        ...(origin.located ? { near: origin.point } : {}),
        cursor,
        limit: PAGE_SIZE,
      }),
    [filters, origin],
  )
  const list = usePagedList(fetchPage)
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  // Back from an activity (signed up there): places and "已报名" change.
  useRefreshOnReturn(() => void list.refresh())

  if (list.loading && list.items.length === 0) return <Loading text="正在找活动…" />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0) {
    const filtered = Boolean(filters.q || filters.category || filters.cornerId)
    return filtered ? (
      <EmptyState title="没有找到这样的活动" text="换个词，或者看看全部活动。" />
    ) : (
      <EmptyState title="最近没有活动" text="社工发布新活动后，这里会显示。" />
    )
  }
  const now = Date.now()
  return (
    <View className="acts__list">
      {grouped(list.items, now).map((run) => (
        <View key={`${run.group}:${run.items[0].id}`}>
          <Text className="acts__group">{DAY_GROUP_LABELS[run.group]}</Text>
          {run.items.map((a) => (
            <ActivityCard
              key={a.id}
              activity={a}
              now={now}
              onOpen={() => openPage(`${ROUTES.activity}?id=${encodeURIComponent(a.id)}`)}
            />
          ))}
        </View>
      ))}
      <ListFooter list={list} />
    </View>
  )
}

/** 活动: every coming activity of every corner and of none, by day, nearest shown, to find one and sign up. */
export default function ActivitiesPage() {
  const { me } = useMe()
  useTabSelected(ROUTES.activities)
  const [origin, setOrigin] = useState<Origin | null>(null)
  const [typed, setTyped] = useState('')
  const [filters, setFilters] = useState<Filters>({ q: '', category: null, cornerId: null })
  const [byCorner, setByCorner] = useState(false)

  useEffect(() => {
    let alive = true
    void whereAmI(false).then((found) => alive && setOrigin(found))
    return () => {
      alive = false
    }
  }, [])

  const search = (q: string) => setFilters((f) => ({ ...f, q: q.trim() }))
  const elder = Boolean(me?.profile.elderMode)

  return (
    <View className={`page acts${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      <View className="acts__search">
        <Input
          className="acts__input"
          value={typed}
          maxlength={20}
          placeholder="搜活动名称或地点"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={(e) => search(String(e.detail.value))}
        />
        <Button className="btn btn--primary acts__search-btn" onClick={() => search(typed)}>
          搜索
        </Button>
      </View>
      {filters.q && (
        <View className="acts__searched">
          <Text className="hint">搜索“{filters.q}”的结果</Text>
          <View
            className="acts__clear"
            role="button"
            onClick={() => {
              setTyped('')
              search('')
            }}
          >
            <Text>清除</Text>
          </View>
        </View>
      )}
      <View className="acts__chips" role="radiogroup">
        <Chip
          on={filters.category === null}
          label="全部类别"
          onTap={() => setFilters((f) => ({ ...f, category: null }))}
        />
        {PROJECT_CATEGORIES.map((c) => (
          <Chip
            key={c}
            on={filters.category === c}
            label={PROJECT_CATEGORY_LABELS[c]}
            onTap={() => setFilters((f) => ({ ...f, category: c }))}
          />
        ))}
      </View>
      {byCorner ? (
        <CornerChips
          value={filters.cornerId}
          onChange={(cornerId) => setFilters((f) => ({ ...f, cornerId }))}
        />
      ) : (
        <View className="acts__by-corner" role="button" onClick={() => setByCorner(true)}>
          <Text>
            按公益角筛选 <Icon name="next" />
          </Text>
        </View>
      )}
      {origin && !origin.located && <Text className="hint acts__where">未获得位置，不显示距离</Text>}
      {origin ? <ActivityResults filters={filters} origin={origin} /> : <Loading text="正在确定您的位置…" />}
    </View>
  )
}
