import { useState } from 'react'
import { Text } from '@tarojs/components'
import PictureSetter from '@/components/picture-setter'

interface CoverSetterProps<T extends { coverUrl?: string | null }> {
  /** What it is the cover of: 公益角, 项目 or 活动. */
  noun: string
  /** None yet: the form is making a new one, which gets a cover once it is saved. */
  id?: string
  name: string
  coverUrl?: string | null
  /** The worker's openid: photos are uploaded into their own folder first. */
  openid: string
  /** The action that keeps the cover (corners.setCover, corners.setProjectCover, activities.setCover). */
  save: (id: string, fileID: string | null) => Promise<T>
  /** Told with what was saved, after a cover was set or taken away (the lists then show it). */
  onChanged: (saved: T) => void
}

/**
 * 封面 of a corner, project or activity in its form: 设置封面, 更换封面, 删除封面 (after a confirmation), each saved
 * at once, apart from the form's other fields; the photo passes WeChat's image check first.
 */
export default function CoverSetter<T extends { coverUrl?: string | null }>({
  noun,
  id,
  name,
  coverUrl,
  openid,
  save,
  onChanged,
}: CoverSetterProps<T>) {
  const [url, setUrl] = useState(coverUrl ?? null)
  if (!id) return <Text className="hint manage__note">保存后可以给{noun}设置封面</Text>
  return (
    <PictureSetter
      url={url}
      alt={`「${name}」的封面`}
      openid={openid}
      shape="wide"
      words={{
        label: '封面',
        hint: `${noun}列表和${noun}页面上显示的图片，大家都能看到；照片会先经过内容检查`,
        none: '还没有封面',
        add: '设置封面',
        change: '更换封面',
        remove: '删除封面',
        confirmTitle: '删除这张封面？',
        confirmContent: `删除后，${noun}的列表和页面里不再显示这张图片。`,
      }}
      save={async (fileID) => {
        const saved = await save(id, fileID)
        setUrl(saved.coverUrl ?? null)
        onChanged(saved)
      }}
    />
  )
}
