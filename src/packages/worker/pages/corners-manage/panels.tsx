import { useCallback, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Activity, ActivityListWhen } from '@shared/activities'
import {
  CORNER_KIND_LABELS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_STATUS_LABELS,
  describeSchedule,
  type Corner,
  type Project,
  type ProjectStatus,
} from '@shared/corners'
import { CoverThumb } from '@/components/cover'
import Icon from '@/components/icon'
import ListFooter from '@/components/need-list'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { usePagedList } from '@/hooks/use-paged-list'
import { listActivities } from '@/services/activities'
import { listProjects } from '@/services/corners'
import ActivityRows from './activity-rows'
import { Chips } from './chips'

const PAGE_SIZE = 10

const WHEN_OPTIONS: { value: ActivityListWhen; label: string }[] = [
  { value: 'upcoming', label: '未结束' },
  { value: 'past', label: '已结束' },
]

const PROJECT_STATUS_OPTIONS: { value: ProjectStatus; label: string }[] = [
  { value: 'active', label: PROJECT_STATUS_LABELS.active },
  { value: 'archived', label: PROJECT_STATUS_LABELS.archived },
]

/** Activities of one project (or all), page by page, with the worker's buttons. */
export function ActivityList({
  when,
  projectId,
  corners,
  onEdit,
}: {
  when: ActivityListWhen
  projectId?: string
  corners: Corner[]
  onEdit: (activity: Activity) => void
}) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listActivities({ when, projectId, cursor, limit: PAGE_SIZE }),
    [when, projectId],
  )
  const list = usePagedList(fetchPage)
  if (list.loading && list.items.length === 0) return <Loading />
  if (list.error && list.items.length === 0)
    return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0)
    return <EmptyState title={when === 'upcoming' ? '没有未结束的活动' : '没有已结束的活动'} />
  return (
    <View>
      <ActivityRows activities={list.items} corners={corners} onEdit={onEdit} />
      <ListFooter list={list} />
    </View>
  )
}

/** 活动: every activity, to show its code on site, confirm minutes afterwards, or change it. */
export function ActivitiesPanel({
  corners,
  onEdit,
  onCreateStandalone,
}: {
  corners: Corner[]
  onEdit: (activity: Activity) => void
  onCreateStandalone: () => void
}) {
  const [when, setWhen] = useState<ActivityListWhen>('upcoming')
  return (
    <View>
      <Text className="hint manage__intro">
        活动现场点“签到码”给居民扫；活动结束后点“签到名单”确认服务时长，积分随即发放。项目的活动请到“项目”里发布。
      </Text>
      <Chips options={WHEN_OPTIONS} value={when} onChange={setWhen} />
      <ActivityList key={when} when={when} corners={corners} onEdit={onEdit} />
      <Button className="btn btn--secondary" onClick={onCreateStandalone}>
        发布社区活动（不属于项目，如环境整治）
      </Button>
    </View>
  )
}

/** 公益角: the corners with their schedules, to add one or change one. */
export function CornersPanel({
  corners,
  onEdit,
  onCreate,
}: {
  corners: Corner[]
  onEdit: (corner: Corner) => void
  onCreate: () => void
}) {
  return (
    <View>
      <Button className="btn btn--primary manage__create" onClick={onCreate}>
        新建公益角
      </Button>
      {corners.length === 0 && <EmptyState title="还没有公益角" />}
      {corners.map((corner) => (
        <View key={corner.id} className="card manage__row" onClick={() => onEdit(corner)} role="button">
          <View className="cover-row">
            <View className="cover-row__main">
              <View className="manage__row-head">
                <Text className="manage__row-title">{corner.name}</Text>
                <Text className="manage__status manage__status--open">{CORNER_KIND_LABELS[corner.kind]}</Text>
              </View>
              <Text className="manage__row-line">{describeSchedule(corner.schedule)}</Text>
              <Text className="manage__row-line">
                {corner.projectCount} 个项目 · {corner.address}
              </Text>
            </View>
            <CoverThumb url={corner.coverUrl} label={`「${corner.name}」的封面`} />
          </View>
          <Text className="manage__row-more">
            修改 <Icon name="next" />
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 项目: shown or archived projects, to add one or open one with its activities. */
export function ProjectsPanel({
  onOpen,
  onCreate,
}: {
  onOpen: (project: Project) => void
  onCreate: () => void
}) {
  const [status, setStatus] = useState<ProjectStatus>('active')
  const fetchPage = useCallback(
    (cursor: string | undefined) => listProjects({ status, cursor, limit: PAGE_SIZE }),
    [status],
  )
  const list = usePagedList(fetchPage)
  return (
    <View>
      <Button className="btn btn--primary manage__create" onClick={onCreate}>
        新建项目
      </Button>
      <Chips options={PROJECT_STATUS_OPTIONS} value={status} onChange={setStatus} />
      {list.loading && list.items.length === 0 && <Loading />}
      {list.error && list.items.length === 0 && (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {!list.loading && !list.error && list.items.length === 0 && <EmptyState title="没有这样的项目" />}
      {list.items.map((project) => (
        <View key={project.id} className="card manage__row" onClick={() => onOpen(project)} role="button">
          <View className="cover-row">
            <View className="cover-row__main">
              <Text className="manage__row-title">{project.title}</Text>
              <Text className="manage__row-line">
                {PROJECT_CATEGORY_LABELS[project.category]} · {project.org}
              </Text>
              <Text className="manage__row-line">在 {project.cornerIds.length} 个公益角展示</Text>
            </View>
            <CoverThumb url={project.coverUrl} label={`「${project.title}」的封面`} />
          </View>
          <Text className="manage__row-more">
            修改项目、发布活动 <Icon name="next" />
          </Text>
        </View>
      ))}
      {list.items.length > 0 && <ListFooter list={list} />}
    </View>
  )
}
