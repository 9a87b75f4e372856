import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Activity } from '@shared/activities'
import type { Corner, Project } from '@shared/corners'
import PrivacySheet from '@/components/privacy-sheet'
import ActivityWorkersOnly from '@/components/activity-workers-only'
import { hasRole, useMe } from '@/hooks/use-me'
import { type CloudError, toCloudError } from '@/services/cloud'
import { listCorners } from '@/services/corners'
import ActivityForm from './activity-form'
import CornerForm from './corner-form'
import { ActivitiesPanel, ActivityList, CornersPanel, ProjectsPanel } from './panels'
// After the panels, whose list footer's styles must come before these, as on every other page.
import { ErrorState, Loading } from '@/components/page-state'
import ProjectForm from './project-form'
import './index.scss'

type Tab = 'activities' | 'corners' | 'projects'

const TABS: { value: Tab; label: string }[] = [
  { value: 'activities', label: '活动' },
  { value: 'corners', label: '公益角' },
  { value: 'projects', label: '项目' },
]

/** What fills the page besides the tabs: a form, or a project with its activities. */
type Editing =
  | { what: 'corner'; corner?: Corner }
  | { what: 'project'; project?: Project }
  | { what: 'activity'; activity?: Activity; projectId: string | null; back: Editing | null }
  | null

function toast(title: string) {
  Taro.showToast({ title, icon: 'none', duration: 2000 }).catch(() => undefined)
}

function toTop() {
  Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
}

function Manager({ openid }: { openid: string }) {
  const [tab, setTab] = useState<Tab>('activities')
  const [corners, setCorners] = useState<Corner[] | null>(null)
  const [error, setError] = useState<CloudError | null>(null)
  const [editing, setEditingState] = useState<Editing>(null)
  // Lists start again after a save, so that they show it.
  const [generation, setGeneration] = useState(0)
  const requestId = useRef(0)

  const loadCorners = useCallback(async () => {
    const id = ++requestId.current
    setError(null)
    try {
      const { items } = await listCorners()
      if (id === requestId.current) setCorners(items)
    } catch (e) {
      if (id === requestId.current) setError(toCloudError(e))
    }
  }, [])
  useEffect(() => {
    void loadCorners()
  }, [loadCorners])
  usePullDownRefresh(() => {
    setGeneration((g) => g + 1)
    void loadCorners().finally(() => Taro.stopPullDownRefresh())
  })

  const edit = (next: Editing) => {
    setEditingState(next)
    toTop()
  }

  if (!corners)
    return error ? <ErrorState message={error.message} onRetry={() => void loadCorners()} /> : <Loading />

  if (editing?.what === 'corner') {
    return (
      <CornerForm
        corner={editing.corner}
        openid={openid}
        onCoverChanged={(saved) =>
          setCorners(
            (list) => list && list.map((c) => (c.id === saved.id ? { ...c, coverUrl: saved.coverUrl } : c)),
          )
        }
        onSaved={(saved) => {
          toast(`已保存：${saved.name}`)
          edit(null)
          void loadCorners()
        }}
        onCancel={() => edit(null)}
      />
    )
  }

  if (editing?.what === 'activity') {
    const project = editing.back?.what === 'project' ? editing.back.project : undefined
    const choices = project ? corners.filter((c) => project.cornerIds.includes(c.id)) : corners
    return (
      <ActivityForm
        activity={editing.activity}
        projectId={editing.projectId}
        corners={choices}
        openid={openid}
        onCoverChanged={() => setGeneration((g) => g + 1)}
        onSaved={(saved) => {
          toast(`已保存：${saved.title}`)
          setGeneration((g) => g + 1)
          edit(editing.back)
        }}
        onCancel={() => edit(editing.back)}
      />
    )
  }

  if (editing?.what === 'project') {
    const project = editing.project
    return (
      <View>
        <ProjectForm
          key={project?.id ?? 'new'}
          project={project}
          corners={corners}
          openid={openid}
          onCoverChanged={() => setGeneration((g) => g + 1)}
          onSaved={(saved) => {
            toast(`已保存：${saved.title}`)
            setGeneration((g) => g + 1)
            // Stay on the project, so that its activities can be added right away.
            setEditingState({ what: 'project', project: saved })
            void loadCorners()
          }}
          onCancel={() => edit(null)}
        />
        {project ? (
          <View className="manage__project-activities">
            <Text className="manage__section">这个项目的活动</Text>
            <Button
              className="btn btn--primary manage__create"
              onClick={() => edit({ what: 'activity', projectId: project.id, back: editing })}
            >
              发布新活动
            </Button>
            <ActivityList
              key={`${project.id}:${generation}`}
              when="upcoming"
              projectId={project.id}
              corners={corners}
              onEdit={(activity) =>
                edit({ what: 'activity', activity, projectId: project.id, back: editing })
              }
            />
          </View>
        ) : (
          <Text className="hint manage__intro">保存项目后，就能给它发布活动。</Text>
        )}
      </View>
    )
  }

  return (
    <View>
      <View className="manage__tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.value}
            role="tab"
            aria-selected={t.value === tab}
            className={`manage__tab${t.value === tab ? ' manage__tab--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {tab === 'activities' && (
        <ActivitiesPanel
          key={generation}
          corners={corners}
          onEdit={(activity) =>
            edit({ what: 'activity', activity, projectId: activity.projectId, back: null })
          }
          onCreateStandalone={() => edit({ what: 'activity', projectId: null, back: null })}
        />
      )}
      {tab === 'corners' && (
        <CornersPanel
          corners={corners}
          onEdit={(corner) => edit({ what: 'corner', corner })}
          onCreate={() => edit({ what: 'corner' })}
        />
      )}
      {tab === 'projects' && (
        <ProjectsPanel
          key={generation}
          onOpen={(project) => edit({ what: 'project', project })}
          onCreate={() => edit({ what: 'project' })}
        />
      )}
    </View>
  )
}

/** 公益角管理 (workers): corners and their schedules, projects, and the activities of each project. */
export default function CornersManagePage() {
  const { me, loading, error, reload } = useMe()
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page manage${elder ? ' page--elder' : ''}`}>
      <PrivacySheet />
      {!me && loading && <Loading />}
      {!me && error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      {me &&
        (hasRole(me, 'worker') ? (
          <Manager openid={me.openid} />
        ) : (
          <ActivityWorkersOnly purpose="这一页是社工站管理公益角、公益项目和活动用的。" />
        ))}
    </View>
  )
}
