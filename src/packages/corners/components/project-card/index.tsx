import { Text, View } from '@tarojs/components'
import { PROJECT_CATEGORY_LABELS, type Project } from '@shared/corners'
import { CoverThumb } from '@/components/cover'
import Icon from '@/components/icon'
import './index.scss'

/** A project in a corner's list: what it is, who runs it, and a tap to its activities. */
export default function ProjectCard({ project, onOpen }: { project: Project; onOpen: () => void }) {
  return (
    <View className="card project-card" onClick={onOpen} role="button">
      <View className="cover-row">
        <View className="cover-row__main">
          <Text className="project-card__title">{project.title}</Text>
          <View className="project-card__meta">
            <Text className="project-card__category">{PROJECT_CATEGORY_LABELS[project.category]}</Text>
            <Text className="project-card__org">{project.org}</Text>
          </View>
          <Text className="project-card__summary">{project.summary}</Text>
          <Text className="project-card__more">
            看看活动，报名参加 <Icon name="next" />
          </Text>
        </View>
        <CoverThumb url={project.coverUrl} label={`「${project.title}」的封面`} />
      </View>
    </View>
  )
}
