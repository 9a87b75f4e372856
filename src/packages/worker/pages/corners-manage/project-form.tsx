import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  PROJECT_CATEGORIES,
  PROJECT_CATEGORY_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  upsertProjectInput,
  type Corner,
  type Project,
  type ProjectCategory,
  type ProjectStatus,
} from '@shared/corners'
import FormField, { TextField } from '@/components/form-field'
import { toCloudError } from '@/services/cloud'
import { setProjectCover, upsertProject } from '@/services/corners'
import { Chips, FieldError, MultiChips, errorOf, fieldErrors } from './chips'
import CoverSetter from './cover-setter'

const CATEGORY_OPTIONS = PROJECT_CATEGORIES.map((c) => ({ value: c, label: PROJECT_CATEGORY_LABELS[c] }))
const STATUS_OPTIONS = PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))

interface ProjectFormProps {
  project?: Project
  corners: Corner[]
  /** The worker's openid (a cover is uploaded into their own folder first). */
  openid: string
  onSaved: (project: Project) => void
  onCancel: () => void
  /** A cover was set or taken away (saved at once). */
  onCoverChanged: () => void
}

/** Creates a project or changes it: what it is, who runs it, where it is shown, shown or archived. */
export default function ProjectForm({
  project,
  corners,
  openid,
  onSaved,
  onCancel,
  onCoverChanged,
}: ProjectFormProps) {
  const [title, setTitle] = useState(project?.title ?? '')
  const [org, setOrg] = useState(project?.org ?? '')
  const [category, setCategory] = useState<ProjectCategory>(project?.category ?? 'community')
  const [summary, setSummary] = useState(project?.summary ?? '')
  const [description, setDescription] = useState(project?.description ?? '')
  const [cornerIds, setCornerIds] = useState<string[]>(project?.cornerIds ?? [])
  const [status, setStatus] = useState<ProjectStatus>(project?.status ?? 'active')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const cornerOptions = corners.map((c) => ({ value: c.id, label: c.name }))

  const save = async () => {
    if (busy) return
    const parsed = upsertProjectInput.safeParse({
      ...(project ? { id: project.id } : {}),
      title,
      org,
      category,
      summary,
      description,
      cornerIds,
      status,
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues))
      // The field may be far above the button: say it here as well.
      setFailure(`还有没填好的地方：${parsed.error.issues[0]?.message ?? '请检查上面的内容'}`)
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      const saved = await upsertProject(parsed.data)
      setBusy(false)
      onSaved(saved)
    } catch (e) {
      setFailure(toCloudError(e).message)
      setBusy(false)
    }
  }

  return (
    <View className="card manage__form">
      <Text className="card__title">{project ? '修改项目' : '新建项目'}</Text>
      <CoverSetter
        noun="项目"
        id={project?.id}
        name={project?.title ?? ''}
        coverUrl={project?.coverUrl}
        openid={openid}
        save={setProjectCover}
        onChanged={onCoverChanged}
      />
      <TextField
        label="项目名称"
        value={title}
        maxlength={40}
        placeholder="例如：“爱心小红帽”困境老人关爱行动"
        onChange={setTitle}
        error={errorOf(errors, 'title')}
      />
      <TextField
        label="主办组织"
        value={org}
        maxlength={40}
        placeholder="例如：裕华区社会工作指导服务中心"
        onChange={setOrg}
        error={errorOf(errors, 'org')}
      />
      <FormField label="类别">
        <Chips options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
      </FormField>
      <TextField
        label="一句话介绍"
        hint="居民在公益角的列表里先看到这句"
        value={summary}
        maxlength={60}
        placeholder="例如：戴上小红帽，为困境老人送去温暖"
        onChange={setSummary}
        error={errorOf(errors, 'summary')}
      />
      <TextField
        label="项目介绍"
        multiline
        value={description}
        maxlength={2000}
        placeholder="做什么、帮助谁、怎样参加"
        onChange={setDescription}
        error={errorOf(errors, 'description')}
      />
      <FormField label="在哪些公益角展示" hint={`已选 ${cornerIds.length} 个`}>
        <View className="manage__select-all">
          <Text className="manage__link" onClick={() => setCornerIds(corners.map((c) => c.id))}>
            全选
          </Text>
          <Text className="manage__link" onClick={() => setCornerIds([])}>
            全不选
          </Text>
        </View>
        <MultiChips options={cornerOptions} values={cornerIds} onChange={setCornerIds} />
        <FieldError message={errorOf(errors, 'cornerIds')} />
      </FormField>
      <FormField label="状态" hint="下架后，公益角里不再显示这个项目">
        <Chips options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      </FormField>
      {failure && <Text className="error-text">{failure}</Text>}
      <View className="manage__form-actions">
        <Button className="btn btn--quiet" disabled={busy || undefined} onClick={onCancel}>
          {project ? '返回' : '取消'}
        </Button>
        <Button className="btn btn--primary" disabled={busy || undefined} onClick={save}>
          {busy ? '正在保存…' : '保存项目'}
        </Button>
      </View>
    </View>
  )
}
