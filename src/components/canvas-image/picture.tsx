import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { openAlbumSetting, saveImage } from '.'
import './picture.scss'

const weapp = process.env.TARO_ENV === 'weapp'

interface DrawnPictureProps {
  /** What useCanvasImage's render answered. */
  image: string
  /** What the picture is, for screen readers. */
  label: string
  /** The downloaded file's name on H5. */
  fileName: string
}

/**
 * A picture drawn on the phone, shown whole (a tap opens it full screen), with 保存到相册 on WeChat — and, when
 * the album was refused, the way to the settings — or 下载图片 in a browser.
 */
export default function DrawnPicture({ image, label, fileName }: DrawnPictureProps) {
  const [denied, setDenied] = useState(false)
  const [problem, setProblem] = useState('')

  const save = async () => {
    setProblem('')
    try {
      const outcome = await saveImage(image, fileName)
      setDenied(outcome === 'denied')
      if (outcome === 'saved')
        Taro.showToast({ title: weapp ? '已保存到相册' : '图片已下载', icon: 'success' }).catch(
          () => undefined,
        )
    } catch (e) {
      setProblem((e as Error).message)
    }
  }

  return (
    <View>
      <Image
        className="drawn-picture"
        src={image}
        mode="widthFix"
        aria-label={label}
        onClick={() => Taro.previewImage({ urls: [image], current: image }).catch(() => undefined)}
      />
      {denied && (
        <View className="card">
          <Text className="hint">
            没有保存到相册的权限。请点下面的按钮，在设置里打开“保存到相册”，再回来保存。
          </Text>
          <Button className="btn" onClick={openAlbumSetting}>
            去设置
          </Button>
        </View>
      )}
      {problem && <Text className="error-text">{problem}</Text>}
      <Button className="btn btn--primary" onClick={() => void save()}>
        {weapp ? '保存到相册' : '下载图片'}
      </Button>
    </View>
  )
}
